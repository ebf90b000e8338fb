import type { KpiCode, KpiValueDto } from './kpi-codes';

/**
 * GET /api/v1/kpis/overview: everything the overview page shows at once, computed in one request
 * (one session check, one unit resolution, one look-up of the derived tables' coverage).
 */
export interface KpiOverviewDto {
  fiscalYear: number;
  /** Every KPI of the fiscal year, as GET /kpis?fy=fiscalYear returns them. */
  current: KpiValueDto[];
  /**
   * Every KPI of the previous fiscal year, as GET /kpis?fy=fiscalYear-1; empty when that year has
   * no roster data (its values would only be empty figures).
   */
  previous: KpiValueDto[];
  /** For each trend code asked, in the order asked: GET /kpis/trend?code=… */
  trends: KpiTrendSeriesDto[];
}

export interface KpiTrendSeriesDto {
  code: KpiCode;
  values: KpiValueDto[];
}

/** The trend charts of the overview: one headline KPI of each family over every FY with data. */
export const OVERVIEW_TREND_KPI_CODES = [
  'female_manager_ratio',
  'childcare_leave_rate_male',
  'annual_leave_avg_days',
  'overtime_over_360h_year_count',
  'pay_gap_all',
] as const satisfies readonly KpiCode[];
