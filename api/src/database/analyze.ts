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

/** Share of a table's rows (as the planner last saw them) an import must add before it re-analyzes. */
const ANALYZE_GROWTH = 0.1;

/**
 * Analyzes those of `tables` that `rows` new rows change noticeably: never analyzed yet, or by at
 * least a tenth of the rows the planner knows of (autovacuum's default threshold). A file of 1,000
 * leave rows into a table of millions leaves the statistics as good as they were, and sampling
 * every person table would cost more than the import itself. `rows` may differ per table (a leave
 * file adds a thousand leave rows but perhaps no child).
 */
export async function analyzeGrownTables(
  db: Queryable,
  tables: readonly string[],
  rows: number | ((table: string) => number),
): Promise<void> {
  const added = typeof rows === 'number' ? () => rows : rows;
  const known = (await db.query(
    `SELECT relname AS table, reltuples::float8 AS tuples FROM pg_class
      WHERE oid = ANY ($1::regclass[])`,
    [tables],
  )) as { table: string; tuples: number }[];
  const grown = known
    .filter(
      ({ table, tuples }) =>
        added(table) > 0 &&
        (tuples < 0 || added(table) >= tuples * ANALYZE_GROWTH),
    )
    .map(({ table }) => table);
  if (grown.length > 0) await analyzePersonTables(db, grown);
}
