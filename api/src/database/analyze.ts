import type { Queryable } from './queryable';

const PERSON_TABLES = [
  'org_unit',
  'org_unit_closure',
  'employee',
  'assignment',
  'child',
  'leave_episode',
  'overtime_month',
  'annual_pay',
];

/**
 * Refreshes the planner's statistics after a bulk load. Without them the KPI queries on freshly
 * loaded tables pick the wrong indexes and take seconds instead of milliseconds. ANALYZE samples,
 * so it stays quick at any size, and it may run inside the loading transaction.
 */
export async function analyzePersonTables(
  db: Queryable,
  tables: readonly string[] = PERSON_TABLES,
): Promise<void> {
  await db.query(`ANALYZE ${tables.join(', ')}`);
}
