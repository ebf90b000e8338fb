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

export const KPI_CODES = [
  'female_staff_ratio',
  'female_manager_ratio',
  'female_supervisor_ratio',
  'female_ratio_stage_director',
  'female_ratio_stage_section_chief',
  'female_ratio_stage_deputy_chief',
  'female_ratio_stage_subsection_chief',
] as const;
export type KpiCode = (typeof KPI_CODES)[number];

export type KpiMeasure = 'percent' | 'days' | 'hours' | 'years' | 'count';

export interface KpiValueDto {
  code: KpiCode;
  fiscalYear: number;
  measure: KpiMeasure;
  numerator: number;
  /** null for count KPIs. */
  denominator: number | null;
  /** Unrounded; null when the denominator is 0. */
  value: number | null;
}
