import type { Queryable } from '../../database/queryable';
import { refreshChildcareDurations } from './kpi-childcare-duration';

/*
 * The childcare person counts per fiscal year × subtree root × category (migration
 * 1795510000000-KpiChildcareRollup), so the dashboard reads a few rows instead of counting distinct
 * parents over every childcare fact of the scope.
 *
 * - kpi_childcare_person: each parent's flags (CHILDCARE_FLAGS, OR-ed over the parent's facts) per
 *   fiscal year, subtree root (NULL = the whole organization; units with sub-units, as kpi_rollup)
 *   and category. `multi` marks a parent with facts in more than one category in the year.
 * - kpi_childcare_rollup: per root, year, category and flag k the number of parents (not multi)
 *   whose flags have bit k. A parent of one category counts once in that category, so the counts
 *   add up over any category set; the few multi-category parents are counted from their person
 *   rows on every request (CHILDCARE_ROLLUP_COUNTS_SQL).
 *
 * refreshChildcareRollup keeps both exact: the person rows are keyed by employee, so replacing some
 * employees' rows subtracts their old contribution to the counts (read from their old person rows)
 * and adds the new one; without employees the organization's rows are rebuilt. It also brings the
 * leave-duration pairs (kpi-childcare-duration.ts) up to date.
 */

/** The person flags in bit order k; the same conditions as CHILDCARE_FACT_COUNTS_SQL (childcare.sql.ts). */
export const CHILDCARE_FLAGS = [
  `kind = 'e' AND gender = 'male'`,
  `kind = 'e' AND gender = 'female'`,
  `kind = 'p' AND started AND gender = 'male'`,
  `kind = 'p' AND started AND gender = 'female'`,
  `kind = 'p' AND started AND gender = 'male' AND birth_childcare`,
  `kind = 'p' AND started AND gender = 'female' AND birth_childcare`,
  `kind = 'e' AND gender = 'male' AND childcare`,
  `kind = 'p' AND started AND gender = 'male' AND days >= 7`,
  `kind = 'p' AND started AND gender = 'male' AND days >= 14`,
  `kind = 'e' AND gender = 'male' AND spouse_birth`,
  `kind = 'e' AND gender = 'male' AND participation`,
  `kind = 'e' AND gender = 'male' AND (spouse_birth OR participation)`,
  `kind = 'e' AND gender = 'male' AND paternity_days >= 5`,
] as const;

const FLAGS_OF_FACT = CHILDCARE_FLAGS.map(
  (condition, k) => `CASE WHEN ${condition} THEN ${1 << k} ELSE 0 END`,
).join(' + ');

/**
 * The person rows of the chosen employees ($2 uuid[]; NULL = everyone) from kpi_childcare_fact:
 * under the whole organization and under every ancestor with sub-units of the fact's unit.
 */
export const CHILDCARE_PERSON_SQL = `
  WITH f AS (
    SELECT fy, employee_id, unit_id, category, ${FLAGS_OF_FACT} AS flags
      FROM kpi_childcare_fact
     WHERE organization_id = $1 AND ($2::uuid[] IS NULL OR employee_id = ANY ($2::uuid[]))
  ), multi AS (
    SELECT fy, employee_id, count(DISTINCT category) > 1 AS multi FROM f GROUP BY fy, employee_id
  ), units AS (
    -- summed per unit first, so the closure join sees a few rows per unit
    SELECT fy, employee_id, unit_id, category, bit_or(flags) AS flags
      FROM f GROUP BY fy, employee_id, unit_id, category HAVING bit_or(flags) <> 0
  ), rooted AS (
    SELECT NULL::uuid AS root, units.* FROM units
    UNION ALL
    SELECT cl.ancestor_id, units.* FROM units
      JOIN org_unit_closure cl ON cl.organization_id = $1 AND cl.descendant_id = units.unit_id
     WHERE EXISTS (SELECT 1 FROM org_unit child WHERE child.organization_id = $1 AND child.parent_id = cl.ancestor_id)
  )
  INSERT INTO kpi_childcare_person (organization_id, fy, unit_id, employee_id, category, flags, multi)
  SELECT $1, r.fy, r.root, r.employee_id, r.category, bit_or(r.flags), m.multi
    FROM rooted r JOIN multi m ON m.fy = r.fy AND m.employee_id = r.employee_id
   GROUP BY r.fy, r.root, r.employee_id, r.category, m.multi`;

/** Adds (sign 1) or subtracts (−1) the chosen employees' person rows ($2; NULL = all) to the counts. */
const contribution = (sign: 1 | -1) => `
  INSERT INTO kpi_childcare_rollup AS r (organization_id, unit_id, fy, category, k, n)
  SELECT $1, p.unit_id, p.fy, p.category, k, ${sign} * count(*)
    FROM kpi_childcare_person p CROSS JOIN generate_series(0, ${CHILDCARE_FLAGS.length - 1}) AS k
   WHERE p.organization_id = $1 AND ($2::uuid[] IS NULL OR p.employee_id = ANY ($2::uuid[]))
     AND NOT p.multi AND (p.flags & (1 << k)) <> 0
   GROUP BY p.unit_id, p.fy, p.category, k
  ON CONFLICT ON CONSTRAINT uq_kpi_childcare_rollup DO UPDATE SET n = r.n + excluded.n`;

/**
 * Brings the childcare counts up to date after kpi_childcare_fact changed for `employeeIds` (all
 * employees when absent), in the caller's transaction. Called by refreshKpiAggregates.
 */
export async function refreshChildcareRollup(
  db: Queryable,
  organizationId: string,
  employeeIds?: readonly string[],
): Promise<void> {
  if (employeeIds === undefined) {
    await db.query(
      `DELETE FROM kpi_childcare_rollup WHERE organization_id = $1`,
      [organizationId],
    );
    await db.query(
      `DELETE FROM kpi_childcare_person WHERE organization_id = $1`,
      [organizationId],
    );
    await db.query(CHILDCARE_PERSON_SQL, [organizationId, null]);
    await db.query(contribution(1), [organizationId, null]);
    await db.query(`ANALYZE kpi_childcare_person, kpi_childcare_rollup`);
    await refreshChildcareDurations(db, organizationId);
    return;
  }
  const ids = [...new Set(employeeIds)];
  if (ids.length === 0) return;
  await db.query(contribution(-1), [organizationId, ids]);
  await db.query(
    `DELETE FROM kpi_childcare_person WHERE organization_id = $1 AND employee_id = ANY ($2::uuid[])`,
    [organizationId, ids],
  );
  await db.query(CHILDCARE_PERSON_SQL, [organizationId, ids]);
  await db.query(contribution(1), [organizationId, ids]);
  // Counts that dropped to zero are left out, as a rebuild leaves them.
  await db.query(
    `DELETE FROM kpi_childcare_rollup WHERE organization_id = $1 AND n = 0`,
    [organizationId],
  );
  await refreshChildcareDurations(db, organizationId, ids);
}

/**
 * The persons behind each childcare KPI for the years $2 (int[]), categories $3 (text[]) and the
 * subtree root `unitId` ($4; the whole organization when null, which must have sub-units): as
 * (y, k, n) rows, n the parents whose flags have bit k.
 */
export function childcareRollupCountsSql(unitId: string | null): string {
  const root =
    unitId === null
      ? 'unit_id IS NULL AND $4::uuid IS NULL'
      : 'unit_id = $4::uuid';
  return `
    SELECT fy AS y, k, sum(n)::int AS n FROM kpi_childcare_rollup
     WHERE organization_id = $1 AND ${root} AND fy = ANY ($2::int[]) AND category = ANY ($3::text[])
     GROUP BY fy, k
    UNION ALL
    SELECT p.fy, k, count(*)::int
      FROM (SELECT fy, bit_or(flags) AS flags FROM kpi_childcare_person
             WHERE organization_id = $1 AND ${root} AND multi AND fy = ANY ($2::int[])
               AND category = ANY ($3::text[])
             GROUP BY fy, employee_id) p
      CROSS JOIN generate_series(0, ${CHILDCARE_FLAGS.length - 1}) AS k
     WHERE (p.flags & (1 << k)) <> 0
     GROUP BY p.fy, k`;
}
