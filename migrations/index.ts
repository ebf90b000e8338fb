import { InitialSchema1795303600000 } from './1795303600000-InitialSchema';
import { LeaveWorkloadPay1795310000000 } from './1795310000000-LeaveWorkloadPay';
import { KpiAggregates1795450000000 } from './1795450000000-KpiAggregates';

/** Listed explicitly: the API is a webpack bundle, so TypeORM cannot glob for migration files. */
export const MIGRATIONS = [
  InitialSchema1795303600000,
  LeaveWorkloadPay1795310000000,
  KpiAggregates1795450000000,
];
