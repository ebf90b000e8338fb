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

const EMPLOYEE_NUMBER = {
  key: 'employeeNumber',
  ja: '職員番号',
  en: 'employee_number',
  required: true,
  description: {
    ja: '職員名簿に登録済みの職員番号',
    en: 'An employee number already on the roster',
  },
} as const;

export const CHILD_COLUMNS = [
  EMPLOYEE_NUMBER,
  {
    key: 'birthDate',
    ja: '子の生年月日',
    en: 'child_birth_date',
    required: true,
    description: {
      ja: '子の生年月日(双子は2行)',
      en: "The child's birth date (twins: two rows)",
    },
  },
] as const satisfies readonly ColumnSpec<string>[];

export const LEAVE_COLUMNS = [
  EMPLOYEE_NUMBER,
  {
    key: 'leaveType',
    ja: '休暇種別',
    en: 'leave_type',
    required: true,
    description: {
      ja: '年次休暇・育児休業・出生時育児休業(産後パパ育休)・配偶者出産休暇・育児参加のための休暇 など',
      en: 'Leave type: its Japanese name or code',
    },
  },
  {
    key: 'startDate',
    ja: '開始日',
    en: 'start_date',
    required: true,
    description: { ja: '開始日', en: 'First day' },
  },
  {
    key: 'endDate',
    ja: '終了日',
    en: 'end_date',
    required: true,
    description: {
      ja: '終了日(開始日と同じ日も可)',
      en: 'Last day (may equal the first)',
    },
  },
  {
    key: 'days',
    ja: '日数',
    en: 'days',
    required: false,
    description: {
      ja: '日数(0.5単位、または「4時間」のように時間)。空欄なら暦日数',
      en: 'Days (halves allowed, or hours such as "4h"); blank = calendar days',
    },
  },
  {
    key: 'childBirthDate',
    ja: '子の生年月日',
    en: 'child_birth_date',
    required: false,
    description: {
      ja: '育児休業・出生時育児休業・配偶者出産休暇・育児参加のための休暇では必須',
      en: 'Required for the child-linked leave types',
    },
  },
] as const satisfies readonly ColumnSpec<string>[];

export const OVERTIME_COLUMNS = [
  EMPLOYEE_NUMBER,
  {
    key: 'month',
    ja: '年月',
    en: 'month',
    required: true,
    description: { ja: '対象の年月 (YYYY-MM)', en: 'Month (YYYY-MM)' },
  },
  {
    key: 'hours',
    ja: '時間',
    en: 'hours',
    required: true,
    description: {
      ja: 'その月の超過勤務時間',
      en: 'Overtime hours in the month',
    },
  },
] as const satisfies readonly ColumnSpec<string>[];

export const PAY_COLUMNS = [
  EMPLOYEE_NUMBER,
  {
    key: 'fiscalYear',
    ja: '年度',
    en: 'fiscal_year',
    required: true,
    description: {
      ja: '年度 (2024 または 令和6年度)',
      en: 'Fiscal year (2024 or 令和6年度)',
    },
  },
  {
    key: 'annualPay',
    ja: '年間給与額',
    en: 'annual_pay',
    required: true,
    description: {
      ja: 'その年度の給与の総額(円)',
      en: 'Total pay in the fiscal year (yen)',
    },
  },
] as const satisfies readonly ColumnSpec<string>[];

export type UnitColumnKey = (typeof UNIT_COLUMNS)[number]['key'];
export type RosterColumnKey = (typeof ROSTER_COLUMNS)[number]['key'];

export type ChildColumnKey = (typeof CHILD_COLUMNS)[number]['key'];
export type LeaveColumnKey = (typeof LEAVE_COLUMNS)[number]['key'];
export type OvertimeColumnKey = (typeof OVERTIME_COLUMNS)[number]['key'];
export type PayColumnKey = (typeof PAY_COLUMNS)[number]['key'];

export const SHEET_NAMES = {
  units: '所属',
  roster: '職員',
  children: '子',
  leave: '休暇',
  overtime: '超過勤務',
  pay: '給与',
} as const;

/** Every column list by import kind, for the reader and the templates. */
export const COLUMNS_OF = {
  units: UNIT_COLUMNS,
  roster: ROSTER_COLUMNS,
  children: CHILD_COLUMNS,
  leave: LEAVE_COLUMNS,
  overtime: OVERTIME_COLUMNS,
  pay: PAY_COLUMNS,
} as const;
