import type { KpiCode, LocalizedText } from '@ikuboard/shared/contracts';

/** One person behind a KPI figure, with why they are counted (shown to HR in the drill-down). */
export interface KpiPersonEntry {
  employeeId: string;
  reason: LocalizedText;
  /** What the person adds to a sum (days, hours, years, yen), for averages. */
  amount?: number;
}

/** The people in a KPI's numerator and denominator for one fiscal (or calendar) year. */
export interface KpiExplanation {
  code: KpiCode;
  fiscalYear: number;
  numerator: KpiPersonEntry[];
  denominator: KpiPersonEntry[];
}
