import {
  CHILDCARE_KPI_CODES,
  STAFF_RATIO_KPI_CODES,
  WORKFORCE_KPI_CODES,
  type KpiCode,
} from '@ikuboard/shared/contracts';

import { explainChildcareKpi, type ChildcareKpiCode } from './childcare';
import type { KpiDataset, KpiScope } from './dataset';
import type { KpiExplanation } from './explanation';
import { explainStaffRatioKpi } from './staff-ratio-explanation';
import type { StaffRatioKpiCode } from './staff-ratios';
import type { WorkforceKpiCode } from './workforce';
import { explainWorkforceKpi } from './workforce-explanation';

const isIn = <T extends string>(codes: readonly T[], code: string): code is T =>
  (codes as readonly string[]).includes(code);

/** The people behind any KPI figure, for the HR drill-down. */
export function explainKpi(
  dataset: KpiDataset,
  code: KpiCode,
  fiscalYear: number,
  scope: KpiScope,
): KpiExplanation {
  if (isIn<StaffRatioKpiCode>(STAFF_RATIO_KPI_CODES, code))
    return explainStaffRatioKpi(dataset, code, fiscalYear, scope);
  if (isIn<ChildcareKpiCode>(CHILDCARE_KPI_CODES, code))
    return explainChildcareKpi(dataset, code, fiscalYear, scope);
  if (isIn<WorkforceKpiCode>(WORKFORCE_KPI_CODES, code))
    return explainWorkforceKpi(dataset, code, fiscalYear, scope);
  throw new Error(`No explanation for KPI ${code}`);
}
