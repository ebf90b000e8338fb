/** KPI codes and the wire format of `GET /api/v1/kpis` (DOMAIN.md §3 and §7). */
export const OFFICIAL_STAGES = [
  'director',
  'section_chief',
  'deputy_chief',
  'subsection_chief',
  'staff',
] as const;
export type OfficialStage = (typeof OFFICIAL_STAGES)[number];

export const EMPLOYMENT_CATEGORIES = [
  'permanent',
  'fixed_term',
  'reappointed',
  'annual_full',
  'annual_part',
  'temporary',
] as const;
export type EmploymentCategory = (typeof EMPLOYMENT_CATEGORIES)[number];

export const GENDERS = ['female', 'male', 'unspecified'] as const;
export type Gender = (typeof GENDERS)[number];

/** The seven staff-ratio KPIs: snapshots of the population on April 1. */
export const STAFF_RATIO_KPI_CODES = [
  'female_staff_ratio',
  'female_manager_ratio',
  'female_supervisor_ratio',
  'female_ratio_stage_director',
  'female_ratio_stage_section_chief',
  'female_ratio_stage_deputy_chief',
  'female_ratio_stage_subsection_chief',
] as const;

/** Childcare and paternity leave (次世代法, 育介法); persons, by the birth of a child. */
export const CHILDCARE_KPI_CODES = [
  'childcare_leave_rate_male',
  'childcare_leave_rate_female',
  'childcare_leave_rate_male_cohort',
  'childcare_leave_rate_male_min_7d',
  'childcare_leave_rate_male_min_14d',
  'childcare_leave_duration',
  'paternity_leave_rate_spouse_birth',
  'paternity_leave_rate_participation',
  'paternity_leave_rate_either',
  'paternity_leave_rate_five_days',
] as const;

/** Hiring, working hours, pay, tenure and separations (女性活躍推進法). */
export const WORKFORCE_KPI_CODES = [
  'female_hire_ratio',
  'midcareer_hires',
  'annual_leave_avg_days',
  'annual_leave_under_5_days_ratio',
  'overtime_monthly_avg',
  'overtime_over_45h_count',
  'overtime_over_360h_year_count',
  'overtime_over_100h_month_count',
  'overtime_over_720h_year_count',
  'overtime_over_45h_6_months_count',
  'overtime_avg_80h_2_to_6_months_count',
  'pay_gap_permanent',
  'pay_gap_other',
  'pay_gap_all',
  'tenure_avg_years_male',
  'tenure_avg_years_female',
  'separation_rate_male',
  'separation_rate_female',
] as const;

/** Ikuboss declarations (DOMAIN.md §5): managers required by the FY's campaign who declared. */
export const IKUBOSS_DECLARATION_KPI_CODES = [
  'ikuboss_declaration_coverage',
] as const;

/** Ikuboss programmes: manager training attendance and local firms' declarations. */
export const IKUBOSS_PROGRAMME_KPI_CODES = [
  'ikuboss_training_attendance_rate',
  'local_firms_declared',
] as const;

/** 360 / 多面評価 of bosses (reviews360): subordinates' mean score and the response rate. */
export const REVIEWS360_KPI_CODES = [
  'ikuboss_360_score',
  'ikuboss_360_response_rate',
] as const;

export const KPI_CODES = [
  ...STAFF_RATIO_KPI_CODES,
  ...CHILDCARE_KPI_CODES,
  ...WORKFORCE_KPI_CODES,
  ...IKUBOSS_DECLARATION_KPI_CODES,
  ...IKUBOSS_PROGRAMME_KPI_CODES,
  ...REVIEWS360_KPI_CODES,
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

/** `score`: a mean on the 360 questionnaire's 1–5 scale. */
export type KpiMeasure =
  | 'percent'
  | 'days'
  | 'hours'
  | 'years'
  | 'count'
  | 'score';

export interface KpiValueDto {
  code: KpiCode;
  fiscalYear: number;
  measure: KpiMeasure;
  numerator: number;
  /** null for count KPIs. */
  denominator: number | null;
  /** Unrounded; null when the denominator is 0. */
  value: number | null;
  /**
   * Present on the breakdown rows of a KPI (for example `{ gender: 'male', bucket: '14-30' }` of
   * the leave-duration distribution, or `{ stage: 'director' }` of the pay gap); the row without
   * dimensions is the headline figure.
   */
  dimensions?: Readonly<Record<string, string>>;
}

export const LEAVE_TYPES = [
  'annual',
  'childcare',
  'birth_childcare',
  'spouse_birth',
  'childcare_participation',
  'maternity_pre',
  'maternity_post',
  'nursing',
  'caregiving',
  'menstrual',
  'sick',
  'other',
] as const;
export type LeaveType = (typeof LEAVE_TYPES)[number];

/** Leave types that belong to a child (DOMAIN.md §2): a leave row of these types names the child. */
export const CHILD_LINKED_LEAVE_TYPES = [
  'childcare',
  'birth_childcare',
  'spouse_birth',
  'childcare_participation',
] as const satisfies readonly LeaveType[];

export const LEAVE_TYPE_NAMES: Readonly<
  Record<LeaveType, { ja: string; alias?: string; en: string }>
> = {
  annual: { ja: '年次休暇', en: 'Annual leave' },
  childcare: { ja: '育児休業', en: 'Childcare leave' },
  birth_childcare: {
    ja: '出生時育児休業',
    alias: '産後パパ育休',
    en: 'Childcare leave at birth',
  },
  spouse_birth: { ja: '配偶者出産休暇', en: "Leave for a spouse's childbirth" },
  childcare_participation: {
    ja: '育児参加のための休暇',
    en: 'Leave to take part in childcare',
  },
  maternity_pre: { ja: '産前休暇', en: 'Prenatal leave' },
  maternity_post: { ja: '産後休暇', en: 'Postnatal leave' },
  nursing: { ja: '子の看護休暇', en: 'Leave to nurse a child' },
  caregiving: { ja: '介護休暇・介護休業', en: 'Family-care leave' },
  menstrual: { ja: '生理休暇', en: 'Menstrual leave' },
  sick: { ja: '病気休暇', en: 'Sick leave' },
  other: { ja: 'その他', en: 'Other leave' },
};
