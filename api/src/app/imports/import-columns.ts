import type { LocalizedText } from '@ikuboard/shared/contracts';

export interface ColumnSpec<K extends string> {
  key: K;
  /** The header written in the template; errors name the column by it. */
  ja: string;
  en: string;
  required: boolean;
  description: LocalizedText;
}

export const UNIT_COLUMNS = [
  {
    key: 'unitCode',
    ja: '所属コード',
    en: 'unit_code',
    required: true,
    description: { ja: '所属を一意に表すコード', en: 'Unique unit code' },
  },
  {
    key: 'unitName',
    ja: '所属名',
    en: 'unit_name',
    required: true,
    description: { ja: '所属の名称', en: 'Unit name' },
  },
  {
    key: 'parentCode',
    ja: '上位所属コード',
    en: 'parent_code',
    required: false,
    description: {
      ja: '上位の所属のコード(最上位は空欄)',
      en: 'Parent unit code (blank at the top)',
    },
  },
  {
    key: 'employerUnit',
    ja: '事業主単位',
    en: 'employer_unit',
    required: false,
    description: {
      ja: '市長部局・教育委員会など事業主単位なら「はい」',
      en: '"はい" for an employer unit such as 市長部局',
    },
  },
] as const satisfies readonly ColumnSpec<string>[];

export const ROSTER_COLUMNS = [
  {
    key: 'employeeNumber',
    ja: '職員番号',
    en: 'employee_number',
    required: true,
    description: {
      ja: '組織内で一意の職員番号',
      en: 'Employee number, unique in the organization',
    },
  },
  {
    key: 'name',
    ja: '氏名',
    en: 'name',
    required: true,
    description: { ja: '氏名', en: 'Full name' },
  },
  {
    key: 'gender',
    ja: '性別',
    en: 'gender',
    required: true,
    description: {
      ja: '女性/男性/その他/未回答(女・男・F・Mも可)',
      en: 'female/male/other/unanswered (女, 男, F, M accepted)',
    },
  },
  {
    key: 'unitCode',
    ja: '所属コード',
    en: 'unit_code',
    required: true,
    description: { ja: '所属シートのコード', en: 'A unit code' },
  },
  {
    key: 'stage',
    ja: '役職段階',
    en: 'stage',
    required: true,
    description: {
      ja: '役職段階の名称またはコード(例: 課長級)',
      en: 'Position stage name or code (e.g. 課長級)',
    },
  },
  {
    key: 'employment',
    ja: '職員区分',
    en: 'employment',
    required: true,
    description: {
      ja: '任期の定めのない常勤・任期付・再任用・会計年度任用(フルタイム)・会計年度任用(パートタイム)・臨時',
      en: 'Employment category',
    },
  },
  {
    key: 'hireDate',
    ja: '採用日',
    en: 'hire_date',
    required: true,
    description: {
      ja: '採用日 (YYYY-MM-DD または日付)',
      en: 'Hire date (YYYY-MM-DD or an Excel date)',
    },
  },
  {
    key: 'separationDate',
    ja: '退職日',
    en: 'separation_date',
    required: false,
    description: {
      ja: '退職日(最終勤務日)。在職中は空欄',
      en: 'Last day of service; blank while in service',
    },
  },
  {
    key: 'supervisorNumber',
    ja: '上司職員番号',
    en: 'supervisor_number',
    required: false,
    description: {
      ja: '直属の上司の職員番号',
      en: "The direct supervisor's employee number",
    },
  },
  {
    key: 'rehire',
    ja: '再採用',
    en: 'rehire',
    required: false,
    description: { ja: '再採用なら「はい」', en: '"はい" for a rehire' },
  },
  {
    key: 'midcareer',
    ja: '中途採用',
    en: 'midcareer',
    required: false,
    description: {
      ja: '中途採用なら「はい」',
      en: '"はい" for a mid-career hire',
    },
  },
] as const satisfies readonly ColumnSpec<string>[];

export type UnitColumnKey = (typeof UNIT_COLUMNS)[number]['key'];
export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];

export const SHEET_NAMES = { units: '所属', roster: '職員' } as const;
