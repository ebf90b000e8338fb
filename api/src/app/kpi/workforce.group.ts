import { WORKFORCE_KPI_CODES } from '@ikuboard/shared/contracts';

import type { KpiGroup } from './kpi-group';

export const WORKFORCE_GROUP: KpiGroup = {
  codes: WORKFORCE_KPI_CODES,
  // Set-based SQL for the workforce KPIs goes here (issue 3).
  compute: async () => [],
};
