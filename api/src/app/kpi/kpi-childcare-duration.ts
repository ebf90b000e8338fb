import type { Queryable } from '../../database/queryable';

/*
 * The childcare leave-duration pairs per fiscal year × subtree root × category × gender × days
 * (migration 1795590000000-KpiChildcareDuration), so the dashboard sums a few hundred rows instead
 * of taking the distinct (parent, child) pairs of every childcare fact of the scope.
 *
 * - kpi_childcare_pair: the distinct 'p' rows of kpi_childcare_fact (fy, parent, child, unit,
 *   category, gender, days), keyed by employee so that a refresh of some employees knows what they
 *   contributed before; `multi` marks a pair of the year with rows in more than one category (an
 *   assignment overlapping another one on the day that places the pair).
 * - kpi_childcare_duration: per root (NULL = the whole organization; units with sub-units, as
 *   kpi_rollup), year, category, gender and days the number of pairs (not multi) with a row there.
 *   A pair of one category counts once in that category (once per root however many of its units
 *   lie under it), so the counts add up over any category set; the few multi pairs are taken
 *   distinct from their pair rows on every request (childcareDurationPairsSql). Rows whose count
 *   went back to 0 may stay after an incremental refresh; they add nothing.
 *
 * refreshChildcareDurations keeps both exact: replacing some employees' pair rows subtracts their
 * old contribution (read from their old pair rows) and adds the new one in one statement; without
 * employees the organization's rows are rebuilt.
 */

/**
 * The chosen employees' ($2 uuid[]; NULL = everyone) distinct pair rows from kpi_childcare_fact,
 * with multi: a SELECT with the columns of kpi_childcare_pair after organization_id.
 */
const FRESH_PAIRS = `
  SELECT fy, employee_id, child_id, unit_id, category, gender, days,
         min(category) OVER w <> max(category) OVER w AS multi
    FROM (SELECT DISTINCT fy, employee_id, child_id, unit_id, category, gender, days
            FROM kpi_childcare_fact
           WHERE organization_id = $1 AND kind = 'p'
             AND ($2::uuid[] IS NULL OR employee_id = ANY ($2::uuid[]))) p
  WINDOW w AS (PARTITION BY fy, employee_id, child_id)`;

/**
 * The pairs (not multi) of the pair rows `rows` per root: once under the whole organization and
 * once under each ancestor with sub-units of any of the pair's units, per category, gender, days.
 */
const rootedPairs = (rows: string) => `
  SELECT DISTINCT NULL::uuid AS root, fy, employee_id, child_id, category, gender, days
    FROM ${rows} r WHERE NOT r.multi
  UNION ALL
  SELECT DISTINCT cl.ancestor_id, r.fy, r.employee_id, r.child_id, r.category, r.gender, r.days
    FROM ${rows} r
    JOIN org_unit_closure cl ON cl.organization_id = $1 AND cl.descendant_id = r.unit_id
   WHERE NOT r.multi
     AND EXISTS (SELECT 1 FROM org_unit child WHERE child.organization_id = $1 AND child.parent_id = cl.ancestor_id)`;

const DURATION_COLUMNS = `organization_id, unit_id, fy, category, gender, days, pairs`;

/** The organization's pair rows (its rows deleted first): $2 NULL. */
const REBUILD_PAIRS_SQL = `
  INSERT INTO kpi_childcare_pair (organization_id, fy, employee_id, child_id, unit_id, category, gender, days, multi)
  SELECT $1, f.* FROM (${FRESH_PAIRS}) f`;

/** The organization's counts from its pair rows (its rows deleted first). */
const REBUILD_DURATIONS_SQL = `
  INSERT INTO kpi_childcare_duration (${DURATION_COLUMNS})
  SELECT $1, root, fy, category, gender, days, count(*)
    FROM (${rootedPairs(`(SELECT * FROM kpi_childcare_pair WHERE organization_id = $1)`)}) x
   GROUP BY root, fy, category, gender, days
   -- (in the order of the dashboard's reads, so a root's years lie on a few pages)
   ORDER BY root NULLS FIRST, fy, category, gender, days`;

/**
 * One statement for some employees ($2): their pair rows are replaced and the counts get the
 * difference, new minus old, where it is not zero.
 */
const REPLACE_SQL = `
  WITH old AS (
    DELETE FROM kpi_childcare_pair WHERE organization_id = $1 AND employee_id = ANY ($2::uuid[])
    RETURNING fy, employee_id, child_id, unit_id, category, gender, days, multi
  ), fresh AS (${FRESH_PAIRS}
  ), inserted AS (
    INSERT INTO kpi_childcare_pair (organization_id, fy, employee_id, child_id, unit_id, category, gender, days, multi)
    SELECT $1, fresh.* FROM fresh
  ), delta AS (
    SELECT root, fy, category, gender, days, sum(sign) AS pairs
      FROM (SELECT 1 AS sign, x.* FROM (${rootedPairs('fresh')}) x
            UNION ALL
            SELECT -1, x.* FROM (${rootedPairs('old')}) x) c
     GROUP BY root, fy, category, gender, days
    HAVING sum(sign) <> 0
  )
  INSERT INTO kpi_childcare_duration AS d (${DURATION_COLUMNS})
  SELECT $1, root, fy, category, gender, days, pairs FROM delta
  ON CONFLICT ON CONSTRAINT uq_kpi_childcare_duration DO UPDATE SET pairs = d.pairs + excluded.pairs`;

/**
 * Brings the duration pairs up to date after kpi_childcare_fact changed for `employeeIds` (all
 * employees when absent), in the caller's transaction. Called by refreshChildcareRollup.
 */
export async function refreshChildcareDurations(
  db: Queryable,
  organizationId: string,
  employeeIds?: readonly string[],
): Promise<void> {
  if (employeeIds === undefined) {
    await db.query(
      `DELETE FROM kpi_childcare_duration WHERE organization_id = $1`,
      [organizationId],
    );
    await db.query(
      `DELETE FROM kpi_childcare_pair WHERE organization_id = $1`,
      [organizationId],
    );
    await db.query(REBUILD_PAIRS_SQL, [organizationId, null]);
    await db.query(REBUILD_DURATIONS_SQL, [organizationId]);
    await db.query(`ANALYZE kpi_childcare_pair, kpi_childcare_duration`);
    return;
  }
  const ids = [...new Set(employeeIds)];
  if (ids.length === 0) return;
  await db.query(REPLACE_SQL, [organizationId, ids]);
}

/**
 * The pairs of the scope as (y, gender, days, pairs) rows (a (y, gender, days) may come twice:
 * add them up), the same pairs as the distinct (fy, parent, child, gender, days) of the scope's
 * 'p' facts. Parameters: $1 organization, `years` and `categories` the placeholders of the years
 * (int[]) and categories (text[]), `unit` that of the subtree root (uuid; null = the whole
 * organization, which must have sub-units, as must the root).
 */
export function childcareDurationPairsSql(
  unitId: string | null,
  years: string,
  categories: string,
  unit: string,
): string {
  const root =
    unitId === null
      ? `unit_id IS NULL AND ${unit}::uuid IS NULL`
      : `unit_id = ${unit}::uuid`;
  return `
    SELECT fy AS y, gender, days, sum(pairs) AS pairs FROM kpi_childcare_duration
     WHERE organization_id = $1 AND ${root} AND fy = ANY (${years}::int[]) AND category = ANY (${categories}::text[])
     GROUP BY fy, gender, days
    UNION ALL
    SELECT y, gender, days, count(*)
      FROM (SELECT DISTINCT fy AS y, employee_id, child_id, gender, days FROM kpi_childcare_pair
             WHERE organization_id = $1 AND multi AND fy = ANY (${years}::int[]) AND category = ANY (${categories}::text[])
               AND (${unit}::uuid IS NULL OR unit_id IN
                     (SELECT descendant_id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = ${unit}::uuid))) m
     GROUP BY y, gender, days`;
}
