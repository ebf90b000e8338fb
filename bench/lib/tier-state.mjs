// Leaving a tier as a scenario found it: the product's own KPI refresh run in this process, a digest
// of the derived KPI tables to check that they are back to what they were, and the refresh options
// that undo the import of some leave rows (the same ones ImportsService passes for a leave file).
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { root } from './bundle.mjs';

const require = createRequire(import.meta.url);

let refresher = null;

/**
 * refreshKpiAggregates of the API (api/src/app/kpi/kpi-aggregates.ts), bundled once for this
 * process (the import scenarios restore the tier after every run).
 */
export function kpiRefresher() {
  refresher ??= bundleRefresher();
  return refresher;
}

async function bundleRefresher() {
  const { build } = await import('esbuild');
  const outfile = join(root, 'tmp', 'bench-build', 'import-kpi-refresh.cjs');
  mkdirSync(dirname(outfile), { recursive: true });
  await build({
    entryPoints: [join(root, 'api/src/app/kpi/kpi-aggregates.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    tsconfig: join(root, 'tsconfig.base.json'),
    external: ['pg', 'typeorm', '@nestjs/*'],
    logLevel: 'warning',
  });
  return require(outfile).refreshKpiAggregates;
}

/**
 * The refresh a leave import of `leaves` asks for (ImportsService.importRecords, kind 'leave'):
 * their employees, the annual-leave facts of the calendar years of the annual rows, and the
 * childcare facts when a row is linked to a child. Deleting the same rows and running it again
 * takes the derived tables back to what they were before the import.
 */
export function leaveRefreshOptions(leaves) {
  const dateText = (d) =>
    d instanceof Date ? d.toISOString().slice(0, 10) : String(d);
  return {
    employeeIds: [...new Set(leaves.map((l) => l.employeeId))],
    families: ['al'],
    years: [
      ...new Set(
        leaves
          .filter((l) => l.type === 'annual')
          .map((l) => Number(dateText(l.startDate).slice(0, 4))),
      ),
    ],
    childcare: leaves.some(
      (l) => l.childId !== null && l.childId !== undefined,
    ),
  };
}

/** Runs `refreshKpiAggregates(organization, options)` in one transaction of `connection`. */
export async function refreshIn(connection, refresh, organizationId, options) {
  await connection.query('BEGIN');
  try {
    await refresh(
      {
        query: async (sql, parameters) =>
          (await connection.query(sql, parameters)).rows,
      },
      organizationId,
      options,
    );
    // An incremental refresh leaves a roll-up key it emptied as a row of zeros; a rebuild has none.
    await connection.query(
      `DELETE FROM kpi_rollup WHERE organization_id = $1 AND n = 0 AND s1 = 0 AND s2 = 0`,
      [organizationId],
    );
    await connection.query('COMMIT');
  } catch (error) {
    await connection.query('ROLLBACK');
    throw error;
  }
}

/**
 * An order-independent digest of the organization's derived KPI rows (the columns the integration
 * suites compare, sums by value, zero roll-up rows left out): equal digests, equal tables.
 */
export const DERIVED_DIGEST_SQL = `
  SELECT (SELECT count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0) FROM
            (SELECT family, unit_id, fy, category, stage_id, gender, k, trim_scale(n), trim_scale(s1), trim_scale(s2)
               FROM kpi_rollup WHERE organization_id = $1 AND NOT (n = 0 AND s1 = 0 AND s2 = 0)) t) AS rollup,
         (SELECT count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0) FROM
            (SELECT family, fy, employee_id, unit_id, category, stage_id, gender, k, trim_scale(s1), trim_scale(s2),
                    mask, m45, m100, hours::text, multi
               FROM kpi_fact WHERE organization_id = $1) t) AS fact,
         (SELECT count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0) FROM
            (SELECT fy, kind, employee_id, child_id, gender, unit_id, category, childcare, spouse_birth, participation,
                    trim_scale(paternity_days), trim_scale(days), started
               FROM kpi_childcare_fact WHERE organization_id = $1) t) AS childcare,
         (SELECT count(*) || ':' || coalesce(sum(hashtextextended(t::text, 0)::numeric), 0) FROM
            (SELECT id, employee_id, leave_type, start_date, end_date, trim_scale(days), child_id
               FROM leave_episode WHERE organization_id = $1) t) AS leave`;

export async function derivedDigest(db, organizationId) {
  const [row] = (await db.query(DERIVED_DIGEST_SQL, [organizationId])).rows;
  return row;
}

/** The tables whose digests differ (empty when the tier is back as it was). */
export function digestDifferences(before, after) {
  return Object.keys(before).filter((table) => before[table] !== after[table]);
}

/** The generated tables whose row counts the tier's manifest records and no scenario may change. */
export const BASE_TABLES = [
  'employee',
  'assignment',
  'child',
  'leave_episode',
  'overtime_month',
  'annual_pay',
];

/**
 * The base tables whose row count differs from the tier's manifest, as messages ([] when the tier
 * is as built). A scenario that failed to clean up, or deleted more than it wrote, would otherwise
 * leave later runs measuring a different organization.
 */
export async function baseRowDifferences(db, organizationId, manifestRows) {
  const counts = (
    await db.query(
      BASE_TABLES.map(
        (table) =>
          `SELECT '${table}' AS "table", count(*)::int AS n FROM ${table} WHERE organization_id = $1`,
      ).join(' UNION ALL '),
      [organizationId],
    )
  ).rows;
  return counts
    .filter(
      ({ table, n }) =>
        manifestRows[table] !== undefined && manifestRows[table] !== n,
    )
    .map(
      ({ table, n }) =>
        `${table}: ${n} rows, built with ${manifestRows[table]}`,
    );
}
