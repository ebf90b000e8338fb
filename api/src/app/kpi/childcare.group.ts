import { CHILDCARE_KPI_CODES } from '@ikuboard/shared/contracts';

import type { KpiGroup } from './kpi-group';

export const CHILDCARE_GROUP: KpiGroup = {
  codes: CHILDCARE_KPI_CODES,
  // Set-based SQL for the childcare KPIs goes here (issue 3).
  compute: async () => [],
};
