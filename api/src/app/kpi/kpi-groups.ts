import { CHILDCARE_GROUP } from './childcare.group';
import { IKUBOSS_DECLARATION_GROUP } from './ikuboss.group';
import { IKUBOSS_PROGRAMME_GROUP } from './ikuboss-programmes.group';
import type { KpiGroup } from './kpi-group';
import { REVIEWS360_GROUP } from './reviews360.group';
import { STAFF_RATIO_GROUP } from './staff-ratio.group';
import { WORKFORCE_GROUP } from './workforce.group';

/** Every KPI family, in the order `GET /kpis` returns them. */
export const KPI_GROUPS: readonly KpiGroup[] = [
  STAFF_RATIO_GROUP,
  CHILDCARE_GROUP,
  WORKFORCE_GROUP,
  IKUBOSS_DECLARATION_GROUP,
  IKUBOSS_PROGRAMME_GROUP,
  REVIEWS360_GROUP,
];
