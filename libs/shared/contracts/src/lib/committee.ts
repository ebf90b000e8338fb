import type { TargetProgressDto } from './api.dto';
import type { KpiCode, KpiValueDto } from './kpi-codes';

/**
 * 内閣府令 第6条 publication groups: ① (イ–ヘ) opportunities for women, ② work–life balance, and
 * ① ト the pay gap (mandatory in principle). KPIs not listed (Ikuboss, 360) are published as extras.
 */
export type PublicationGroup = 'opportunity' | 'balance' | 'pay_gap';

export const PUBLICATION_GROUPS: Readonly<
  Partial<Record<string, PublicationGroup>>
> = {
  female_hire_ratio: 'opportunity',
  female_staff_ratio: 'opportunity',
  female_manager_ratio: 'opportunity',
  female_supervisor_ratio: 'opportunity',
  female_ratio_stage_director: 'opportunity',
  female_ratio_stage_section_chief: 'opportunity',
  female_ratio_stage_deputy_chief: 'opportunity',
  female_ratio_stage_subsection_chief: 'opportunity',
  midcareer_hires: 'opportunity',
  separation_rate_male: 'balance',
  separation_rate_female: 'balance',
  tenure_avg_years_male: 'balance',
  tenure_avg_years_female: 'balance',
  childcare_leave_rate_male: 'balance',
  childcare_leave_rate_female: 'balance',
  childcare_leave_rate_male_cohort: 'balance',
  childcare_leave_rate_male_min_7d: 'balance',
  childcare_leave_rate_male_min_14d: 'balance',
  childcare_leave_duration: 'balance',
  paternity_leave_rate_spouse_birth: 'balance',
  paternity_leave_rate_participation: 'balance',
  paternity_leave_rate_either: 'balance',
  paternity_leave_rate_five_days: 'balance',
  overtime_monthly_avg: 'balance',
  overtime_over_45h_count: 'balance',
  overtime_over_360h_year_count: 'balance',
  annual_leave_avg_days: 'balance',
  annual_leave_under_5_days_ratio: 'balance',
  pay_gap_permanent: 'pay_gap',
  pay_gap_other: 'pay_gap',
  pay_gap_all: 'pay_gap',
};

export type CommitteeReviewStatus = 'draft' | 'signed' | 'published';

/** One KPI family as the KPI service computed it (the workbook has a sheet per family). */
export interface SnapshotKpiGroupDto {
  /** The family's first code, a stable key. */
  key: string;
  codes: string[];
}

/** The frozen figures of a committee review (stored as JSONB, immutable once signed). */
export interface CommitteeSnapshotDto {
  fiscalYear: number;
  takenAt: string;
  groups: SnapshotKpiGroupDto[];
  /** Whole organization, the review year and up to nine earlier years, breakdown rows included. */
  organization: KpiValueDto[];
  /** Each employer unit (事業主単位) in the review year. */
  employerUnits: {
    unitCode: string;
    unitName: string;
    values: KpiValueDto[];
  }[];
  targets: TargetProgressDto[];
}

export interface CommitteeCommentDto {
  id: string;
  /** `kpi:<code>`, `target:<id>` or `general`. */
  itemKey: string;
  authorName: string;
  body: string;
  createdAt: string;
}

export interface PublicationCheckDto {
  passed: boolean;
  items: { group: PublicationGroup; passed: boolean; codes: string[] }[];
}

/** A figure that differs between the snapshot and the current data. */
export interface SnapshotDifferenceDto {
  scope: string | null;
  code: string;
  dimensions?: Readonly<Record<string, string>>;
  snapshot: number | null;
  current: number | null;
}

export interface CommitteeReviewSummaryDto {
  id: string;
  fiscalYear: number;
  version: number;
  status: CommitteeReviewStatus;
  preparedAt: string;
  preparedByName: string | null;
  signedAt: string | null;
  signedByName: string | null;
  publishedAt: string | null;
  /** A later version of the same year exists. */
  superseded: boolean;
}

export interface CommitteeReviewDto extends CommitteeReviewSummaryDto {
  snapshot: CommitteeSnapshotDto;
  /** The KPI codes to publish (HR chooses; checked against the publication rule). */
  publishedItems: string[];
  comments: CommitteeCommentDto[];
  publicationCheck: PublicationCheckDto;
  /** Figures whose current value differs from the snapshot (computed on view). */
  differences: SnapshotDifferenceDto[];
  canSign: boolean;
}

export interface CommitteeReviewInputDto {
  fiscalYear: number;
}

export interface CommitteeCommentInputDto {
  itemKey: string;
  body: string;
}

export interface PublishedItemsInputDto {
  codes: KpiCode[] | string[];
}

/** GET /api/v1/public/organizations/:code: the latest published review, aggregates only. */
export interface PublicDisclosureDto {
  organization: { code: string; name: string; nameEn: string | null };
  fiscalYear: number;
  version: number;
  publishedAt: string;
  /** Published items: the review year and earlier years (trend), whole organization. */
  figures: KpiValueDto[];
  employerUnits: {
    unitCode: string;
    unitName: string;
    values: KpiValueDto[];
  }[];
  targets: {
    kpiCode: string;
    orgUnitCode: string | null;
    targetValue: number;
    targetFiscalYear: number;
    direction: 'gte' | 'lte';
    baselineValue: number | null;
    baselineFiscalYear: number | null;
    actual: number | null;
    trajectory: number | null;
    status: TargetProgressDto['status'];
    actions: string[];
  }[];
}
