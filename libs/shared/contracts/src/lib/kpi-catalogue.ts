import type { KpiCode, KpiMeasure } from './kpi-codes';

export interface KpiDefinition {
  measure: KpiMeasure;
  /** Calendar-year KPIs (annual leave) name the calendar year in `fiscalYear`. */
  period: 'fiscal' | 'calendar';
  /** Which direction is better, for colouring changes; null where neither is. */
  better: 'higher' | 'lower' | null;
  ja: string;
  en: string;
}

const percent = (
  ja: string,
  en: string,
  better: KpiDefinition['better'] = 'higher',
): KpiDefinition => ({
  measure: 'percent',
  period: 'fiscal',
  better,
  ja,
  en,
});
const count = (
  ja: string,
  en: string,
  better: KpiDefinition['better'] = 'lower',
): KpiDefinition => ({
  measure: 'count',
  period: 'fiscal',
  better,
  ja,
  en,
});

/** Names and units of every KPI, for screens and reports in both languages. */
export const KPI_DEFINITIONS: Readonly<Record<KpiCode, KpiDefinition>> = {
  female_staff_ratio: percent('職員に占める女性の割合', 'Women among staff'),
  female_manager_ratio: percent(
    '管理職(課長級以上)に占める女性の割合',
    'Women among managers (section chief and above)',
  ),
  female_supervisor_ratio: percent(
    '監督職(係長級以上)に占める女性の割合',
    'Women among supervisors (subsection chief and above)',
  ),
  female_ratio_stage_director: percent(
    '部長・次長級に占める女性の割合',
    'Women among directors',
  ),
  female_ratio_stage_section_chief: percent(
    '課長級に占める女性の割合',
    'Women among section chiefs',
  ),
  female_ratio_stage_deputy_chief: percent(
    '課長補佐級に占める女性の割合',
    'Women among deputy section chiefs',
  ),
  female_ratio_stage_subsection_chief: percent(
    '係長級に占める女性の割合',
    'Women among subsection chiefs',
  ),
  childcare_leave_rate_male: percent(
    '男性の育児休業取得率',
    'Childcare leave uptake, men',
  ),
  childcare_leave_rate_female: percent(
    '女性の育児休業取得率',
    'Childcare leave uptake, women',
  ),
  childcare_leave_rate_male_cohort: percent(
    '男性の育児休業取得率(出生年度コホート)',
    'Childcare leave uptake, men (birth cohort)',
  ),
  childcare_leave_rate_male_min_7d: percent(
    '男性の育児休業取得率(1週間以上)',
    'Childcare leave uptake, men (1 week or more)',
  ),
  childcare_leave_rate_male_min_14d: percent(
    '男性の育児休業取得率(2週間以上)',
    'Childcare leave uptake, men (2 weeks or more)',
  ),
  childcare_leave_duration: count(
    '育児休業の取得期間の分布',
    'Childcare leave by duration',
    null,
  ),
  paternity_leave_rate_spouse_birth: percent(
    '配偶者出産休暇の取得率',
    "Leave for a spouse's childbirth, uptake",
  ),
  paternity_leave_rate_participation: percent(
    '育児参加のための休暇の取得率',
    'Leave to take part in childcare, uptake',
  ),
  paternity_leave_rate_either: percent(
    '男性の出産・育児支援休暇の取得率(いずれか)',
    'Paternity leave uptake (either type)',
  ),
  paternity_leave_rate_five_days: percent(
    '男性の出産・育児支援休暇 合計5日以上の取得率',
    'Paternity leave of 5 days or more',
  ),
  female_hire_ratio: percent(
    '採用者に占める女性の割合',
    'Women among new hires',
  ),
  midcareer_hires: count('中途採用者数', 'Mid-career hires', null),
  annual_leave_avg_days: {
    measure: 'days',
    period: 'calendar',
    better: 'higher',
    ja: '年次休暇の平均取得日数',
    en: 'Average annual leave taken',
  },
  annual_leave_under_5_days_ratio: {
    ...percent(
      '年次休暇の取得が5日未満の職員の割合',
      'Staff taking under 5 days of annual leave',
      'lower',
    ),
    period: 'calendar',
  },
  overtime_monthly_avg: {
    measure: 'hours',
    period: 'fiscal',
    better: 'lower',
    ja: '月平均の超過勤務時間',
    en: 'Average monthly overtime',
  },
  overtime_over_45h_count: count(
    '月45時間を超えた職員数',
    'Staff over 45 h in a month',
  ),
  overtime_over_360h_year_count: count(
    '年360時間を超えた職員数',
    'Staff over 360 h in the year',
  ),
  overtime_over_100h_month_count: count(
    '月100時間以上の職員数(特例)',
    'Staff at 100 h or more in a month (special rule)',
  ),
  overtime_over_720h_year_count: count(
    '年720時間を超えた職員数(特例)',
    'Staff over 720 h in the year (special rule)',
  ),
  overtime_over_45h_6_months_count: count(
    '月45時間超が6か月を超えた職員数(特例)',
    'Staff over 45 h in more than 6 months (special rule)',
  ),
  overtime_avg_80h_2_to_6_months_count: count(
    '2〜6か月平均80時間を超えた職員数(特例)',
    'Staff over an 80 h 2–6-month average (special rule)',
  ),
  pay_gap_permanent: percent(
    '男女の給与の差異(任期の定めのない常勤職員)',
    'Gender pay ratio (permanent staff)',
  ),
  pay_gap_other: percent(
    '男女の給与の差異(その他の職員)',
    'Gender pay ratio (other staff)',
  ),
  pay_gap_all: percent(
    '男女の給与の差異(全職員)',
    'Gender pay ratio (all staff)',
  ),
  tenure_avg_years_male: {
    measure: 'years',
    period: 'fiscal',
    better: null,
    ja: '男性の平均勤続年数',
    en: 'Average tenure, men',
  },
  tenure_avg_years_female: {
    measure: 'years',
    period: 'fiscal',
    better: null,
    ja: '女性の平均勤続年数',
    en: 'Average tenure, women',
  },
  separation_rate_male: percent(
    '男性の離職率',
    'Separation rate, men',
    'lower',
  ),
  separation_rate_female: percent(
    '女性の離職率',
    'Separation rate, women',
    'lower',
  ),
  ikuboss_declaration_coverage: percent(
    'イクボス宣言の実施率(対象管理職に占める宣言者の割合)',
    'Ikuboss declaration coverage (required managers who declared)',
  ),
  ikuboss_training_attendance_rate: percent(
    '管理職のイクボス研修受講率',
    'Managers who attended an Ikuboss training',
  ),
  local_firms_declared: count(
    'イクボス宣言事業所数(年度内の宣言)',
    'Local firms with an Ikuboss declaration in the year',
    'higher',
  ),
  ikuboss_360_score: {
    measure: 'score',
    period: 'fiscal',
    better: 'higher',
    ja: '多面評価 部下からの平均評価(5点満点)',
    en: '360 review: mean score from subordinates (out of 5)',
  },
  ikuboss_360_response_rate: percent(
    '多面評価の回答率',
    '360 review response rate',
  ),
};
