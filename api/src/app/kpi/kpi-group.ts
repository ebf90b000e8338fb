import type {
  EmploymentCategory,
  KpiCode,
  KpiValueDto,
} from '@ikuboard/shared/contracts';

import type { ChildcareDurationBucket } from '@ikuboard/shared/kpi';

import type { Queryable } from '../../database/queryable';
import type { IkubossKpiInputVersions } from '../declarations/ikuboss-kpi-memo';
import type { KpiSource } from './kpi-aggregates';

/** Who a KPI query counts: one organization, a unit subtree (null = all) and employment categories. */
export interface KpiSqlScope {
  organizationId: string;
  unitId: string | null;
  categories: readonly EmploymentCategory[];
  /** Leave-duration buckets of the distribution; the 総務省 buckets when absent. */
  durationBuckets?: readonly ChildcareDurationBucket[];
  /**
   * How the derived tables serve the request's years (null: run the SQL live), when the caller
   * looked it up once for all families; each family looks it up itself when absent.
   */
  derived?: KpiSource | null;
  /**
   * The only fiscal years whose breakdown rows (those with dimensions: the leave-duration
   * distribution, the pay gap by stage and by tenure band) the caller keeps, every year asked when
   * absent; a family may leave the other years' breakdowns empty. The overview reads the trend
   * years' headline values with the card years' breakdowns.
   */
  detailYears?: readonly number[];
  /**
   * The request's reader of the Ikuboss/360 input versions (one statement shared by the families
   * that keep results per version); each family reads its own when absent.
   */
  inputVersions?: IkubossKpiInputVersions;
}

/**
 * A family of KPIs computed set-based together. `compute` returns, for every fiscal year asked
 * (the calendar year for calendar-year KPIs), each code's headline value followed by its
 * breakdown rows (those with `dimensions`).
 */
export interface KpiGroup {
  codes: readonly KpiCode[];
  /**
   * `codes`, when given, are the only codes the caller keeps: a group may skip the statements
   * that only other codes need (their values are then wrong and dropped by the caller).
   */
  compute(
    db: Queryable,
    scope: KpiSqlScope,
    fiscalYears: readonly number[],
    codes?: readonly KpiCode[],
  ): Promise<KpiValueDto[]>;
}
