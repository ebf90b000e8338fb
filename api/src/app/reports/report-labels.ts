import {
  KPI_DEFINITIONS,
  type KpiCode,
  type KpiMeasure,
  type KpiValueDto,
  type TargetStatus,
} from '@ikuboard/shared/contracts';
import { formatFiscalYearJa } from '@ikuboard/shared/kpi';

/** Sheet names of the KPI families; a family added later gets its first KPI's name. */
const GROUP_SHEET_NAMES: Readonly<Record<string, string>> = {
  female_staff_ratio: '女性職員の割合',
  childcare_leave_rate_male: '育児休業等',
  female_hire_ratio: '採用・勤務・給与',
  ikuboss_declaration_coverage: 'イクボス宣言',
  ikuboss_360_score: '多面評価',
};

export function kpiName(code: string): string {
  return KPI_DEFINITIONS[code as KpiCode]?.ja ?? code;
}

export function kpiPeriod(code: string): 'fiscal' | 'calendar' {
  return KPI_DEFINITIONS[code as KpiCode]?.period ?? 'fiscal';
}

/** Excel forbids []:*?/\ in sheet names and allows 31 characters. */
export function sheetName(key: string, taken: Set<string>): string {
  const base = (GROUP_SHEET_NAMES[key] ?? kpiName(key))
    .replace(/[[\]:*?/\\]/g, '・')
    .slice(0, 28);
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}

export const MEASURE_FORMATS: Readonly<Record<KpiMeasure, string>> = {
  percent: '0.0"%"',
  days: '0.0"日"',
  hours: '0.0"時間"',
  years: '0.0"年"',
  count: '#,##0',
  score: '0.00',
};

export const MEASURE_UNITS: Readonly<Record<KpiMeasure, string>> = {
  percent: '%',
  days: '日',
  hours: '時間',
  years: '年',
  count: '人',
  score: '点',
};

export const STATUS_JA: Readonly<Record<TargetStatus, string>> = {
  achieved: '達成',
  on_track: '順調',
  behind: '遅れ',
  no_data: 'データなし',
};

/** Fill colours of status cells (ARGB). */
export const STATUS_FILL: Readonly<Record<TargetStatus, string>> = {
  achieved: 'FFC6EFCE',
  on_track: 'FFDDEBF7',
  behind: 'FFFFC7CE',
  no_data: 'FFEDEDED',
};

export const STAGE_JA: Readonly<Record<string, string>> = {
  director: '本庁部局長・次長相当職',
  section_chief: '本庁課長相当職',
  deputy_chief: '本庁課長補佐相当職',
  subsection_chief: '本庁係長相当職',
  staff: 'その他',
};

export const DURATION_BUCKET_JA: Readonly<Record<string, string>> = {
  lt14: '2週間未満',
  '14-30': '2週間以上1月以下',
  '31-90': '1月超3月以下',
  '91-180': '3月超6月以下',
  '181-270': '6月超9月以下',
  '271-360': '9月超12月以下',
  '361-720': '12月超24月以下',
  gt720: '24月超',
};

export const GENDER_LABEL: Readonly<Record<string, string>> = {
  female: '女性',
  male: '男性',
  unspecified: '未回答',
};

/** The label of a year column: 令和N年度, or 令和N年 (暦年) for calendar-year KPIs. */
export function yearLabel(year: number, period: 'fiscal' | 'calendar'): string {
  const label = formatFiscalYearJa(year);
  return period === 'calendar' ? label.replace(/年度$/, '年') : label;
}

/** "key=value" of a breakdown row in Japanese, for rows the tables do not lay out specially. */
export function dimensionLabel(
  dimensions: Readonly<Record<string, string>>,
): string {
  return Object.entries(dimensions)
    .map(([key, value]) => {
      if (key === 'stage') return STAGE_JA[value] ?? value;
      if (key === 'gender') return GENDER_LABEL[value] ?? value;
      if (key === 'tenureBand')
        return `勤続${value.replace('+', '年以上').replace(/^(\d+)-(\d+)$/, '$1〜$2年')}`;
      if (key === 'bucket') return DURATION_BUCKET_JA[value] ?? `${value}日`;
      if (key === 'month') return value;
      if (key === 'leaveType' && value === 'birth_childcare')
        return 'うち出生時育児休業(内数)';
      return `${key}: ${value}`;
    })
    .join(' / ');
}

export function headline(
  values: readonly KpiValueDto[],
  code: string,
  year: number,
): KpiValueDto | undefined {
  return values.find(
    (value) =>
      value.code === code &&
      value.fiscalYear === year &&
      value.dimensions === undefined,
  );
}
