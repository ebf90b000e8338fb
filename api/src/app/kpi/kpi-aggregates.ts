import {
  POSTNATAL_LEAVE_DAYS,
  fiscalYearOf as fiscalYearOfDate,
} from '@ikuboard/shared/kpi';

import type { Queryable } from '../../database/queryable';
import { refreshChildcareRollup } from './kpi-dashboard-aggregates';

/*
 * The derived KPI tables (migration 1795450000000-KpiAggregates) and the one function that keeps
 * them exact: refreshKpiAggregates. Imports call it in their own transaction, the demo seed and
 * the benchmark tiers after loading, and the integration suites after inserting datasets directly.
 *
 * The facts hold the same populations as the live KPI SQL (*.sql.ts): every statement below is
 * that SQL with the reference dates of all covered years at once and the scope left open, keeping
 * the unit and category that place a person in a scope. Every statement takes
 *   $1 organization, $2 first year, $3 last year, $4 employees (uuid[]; NULL = all of them).
 */

/** The families of kpi_fact, and the derived (rolled-up) families built from them. */
export type KpiFactFamily = 'pop' | 'hire' | 'al' | 'pay' | 'ot';

export interface KpiRefreshOptions {
  /** Only these employees' facts changed (their records or assignments); all when absent. */
  employeeIds?: readonly string[];
  /** Only these fact families (and the childcare facts when `childcare`) can have changed. */
  families?: readonly KpiFactFamily[];
  childcare?: boolean;
  /**
   * Only these years' facts of the families can have changed (fiscal years; calendar years for
   * annual leave), e.g. the years of the imported rows. All covered years when absent.
   */
  years?: readonly number[];
  /**
   * The calendar years of the dated records the caller wrote, when those are all it wrote of what
   * decides the covered years (COVERED_YEARS: no roster, unit, assignment or employee change), e.g.
   * the start years of imported leave. When each of them and the current year lie at least a year
   * inside the covered years, the range cannot have moved and is read from kpi_refresh_state alone.
   */
  recordYears?: readonly number[];
}

const ALL_FAMILIES: readonly KpiFactFamily[] = [
  'pop',
  'hire',
  'al',
  'pay',
  'ot',
];

const inForce = (a: string, d: string) =>
  `${a}.valid_from <= ${d} AND (${a}.valid_to IS NULL OR ${a}.valid_to > ${d})`;
const inService = (e: string, d: string) =>
  `${e}.hire_date <= ${d} AND (${e}.separation_date IS NULL OR ${e}.separation_date >= ${d})`;
const fiscalYearOf = (d: string) =>
  `(extract(year FROM ${d})::int - CASE WHEN extract(month FROM ${d}) < 4 THEN 1 ELSE 0 END)`;
/**
 * The chosen employees ($4). Statements are written for a refresh of some employees, whose filter
 * the indexes on employee_id answer; `everyone` turns them into the statement for all of them.
 */
const someEmployees = (column: string) => `(${column} = ANY ($4::uuid[]))`;
const everyone = (sql: string) =>
  sql.replace(
    /\(([a-z_.]+) = ANY \(\$4::uuid\[\]\)\)/g,
    '($4::uuid[] IS NULL)',
  );

/**
 * The years y in [$2, $3] whose date make_date(y, month, 1) the assignment `a` is in force on,
 * generated from the assignment itself (one index-free pass over the assignments instead of a
 * range probe per year).
 */
const yearsInForce = (a: string, month: number) => `generate_series(
      greatest($2::int, extract(year FROM ${a}.valid_from)::int
        + CASE WHEN ${a}.valid_from <= make_date(extract(year FROM ${a}.valid_from)::int, ${month}, 1) THEN 0 ELSE 1 END),
      least($3::int, CASE WHEN ${a}.valid_to IS NULL THEN $3::int ELSE extract(year FROM ${a}.valid_to)::int
        - CASE WHEN ${a}.valid_to > make_date(extract(year FROM ${a}.valid_to)::int, ${month}, 1) THEN 0 ELSE 1 END END))`;

/** The month number of the month of date `d` (year × 12 + month − 1; April of FY y is y × 12 + 3). */
const monthNumber = (d: string) =>
  `(extract(year FROM ${d})::int * 12 + extract(month FROM ${d})::int - 1)`;

const FACT_COLUMNS = `organization_id, family, fy, employee_id, unit_id, category, stage_id, gender, k, s1, s2`;

/** Population on Y-04-01 (staff ratios, tenure, separations): s1 = tenure, s2 = separated in the FY. */
const POP_FACTS = `
  INSERT INTO kpi_fact (${FACT_COLUMNS})
  SELECT $1, 'pop', y.fy, e.id, a.org_unit_id, c.code, a.position_stage_id, e.gender, 0,
         y.fy - ${fiscalYearOf('e.hire_date')} + 1,
         CASE WHEN e.separation_date <= make_date(y.fy + 1, 3, 31) THEN 1 ELSE 0 END
    FROM assignment a
    CROSS JOIN LATERAL ${yearsInForce('a', 4)} AS y (fy)
    JOIN employee e ON e.organization_id = $1 AND e.id = a.employee_id AND ${inService('e', 'make_date(y.fy, 4, 1)')}
    JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
   WHERE a.organization_id = $1 AND ${someEmployees('a.employee_id')}`;

/** Hires (not 再任用) in the FY, placed by the assignment on the hire date: k = mid-career. */
const HIRE_FACTS = `
  INSERT INTO kpi_fact (${FACT_COLUMNS})
  SELECT $1, 'hire', ${fiscalYearOf('e.hire_date')}, e.id, a.org_unit_id, c.code, NULL, e.gender,
         CASE WHEN e.is_midcareer THEN 1 ELSE 0 END, 0, 0
    FROM employee e
    JOIN assignment a ON a.organization_id = $1 AND a.employee_id = e.id AND ${inForce('a', 'e.hire_date')}
    JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
   WHERE e.organization_id = $1 AND NOT e.is_rehire AND ${someEmployees('e.id')}
     AND ${fiscalYearOf('e.hire_date')} BETWEEN $2 AND $3`;

/** Calendar year y, in service all year, placed on 1 January: k = 5-day bucket, s1 = days taken. */
export const ANNUAL_LEAVE_FACTS = `
  WITH taken AS (
    SELECT l.employee_id, extract(year FROM l.start_date)::int AS y, sum(l.days) AS days
      FROM leave_episode l
     WHERE l.organization_id = $1 AND l.leave_type = 'annual' AND ${someEmployees('l.employee_id')}
       AND l.start_date >= make_date($2, 1, 1) AND l.start_date <= make_date($3, 12, 31)
     GROUP BY 1, 2
  ), pop AS (
    SELECT y.fy, e.id, e.gender, a.org_unit_id, c.code, coalesce(t.days, 0) AS days
      FROM assignment a
      CROSS JOIN LATERAL ${yearsInForce('a', 1)} AS y (fy)
      -- (the employees repeated on e, so that the planner looks them up instead of hashing all)
      JOIN employee e ON e.organization_id = $1 AND e.id = a.employee_id AND ${someEmployees('e.id')}
                     AND e.hire_date <= make_date(y.fy, 1, 1)
                     AND (e.separation_date IS NULL OR e.separation_date >= make_date(y.fy, 12, 31))
      JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
      LEFT JOIN taken t ON t.employee_id = e.id AND t.y = y.fy
     WHERE a.organization_id = $1 AND ${someEmployees('a.employee_id')}
  )
  INSERT INTO kpi_fact (${FACT_COLUMNS})
  SELECT $1, 'al', fy, id, org_unit_id, code, NULL, gender,
         CASE WHEN days < 5 THEN 0 WHEN days < 10 THEN 1 WHEN days < 15 THEN 2 WHEN days < 20 THEN 3 ELSE 4 END,
         days, 0
    FROM pop`;

/**
 * ANNUAL_LEAVE_FACTS for a refresh of some employees: each person-year's days are summed by a probe
 * of the covering index (organization_id, employee_id, leave_type, start_date) INCLUDE (days), where
 * the planner would otherwise scan all the chosen employees' leave and hash it against the
 * population. A full rebuild keeps ANNUAL_LEAVE_FACTS, which reads every row once.
 */
export const ANNUAL_LEAVE_FACTS_SOME = `
  INSERT INTO kpi_fact (${FACT_COLUMNS})
  SELECT $1, 'al', y.fy, e.id, a.org_unit_id, c.code, NULL, e.gender,
         CASE WHEN t.days < 5 THEN 0 WHEN t.days < 10 THEN 1 WHEN t.days < 15 THEN 2 WHEN t.days < 20 THEN 3 ELSE 4 END,
         t.days, 0
    FROM assignment a
    CROSS JOIN LATERAL ${yearsInForce('a', 1)} AS y (fy)
    JOIN employee e ON e.organization_id = $1 AND e.id = a.employee_id AND ${someEmployees('e.id')}
                   AND e.hire_date <= make_date(y.fy, 1, 1)
                   AND (e.separation_date IS NULL OR e.separation_date >= make_date(y.fy, 12, 31))
    JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
    CROSS JOIN LATERAL (
      SELECT coalesce(sum(l.days), 0) AS days FROM leave_episode l
       WHERE l.organization_id = $1 AND l.employee_id = e.id AND l.leave_type = 'annual'
         AND l.start_date >= make_date(y.fy, 1, 1) AND l.start_date <= make_date(y.fy, 12, 31)) AS t
   WHERE a.organization_id = $1 AND ${someEmployees('a.employee_id')}`;

/**
 * Annual pay placed on the later of Y-04-01 and the hire date: s1 = amount, k = the first year of
 * the tenure band (1, 6, … 31, 36 for 36+; −1 below 1 year), as tenureBandOf reads it.
 */
const PAY_FACTS = `
  INSERT INTO kpi_fact (${FACT_COLUMNS})
  SELECT $1, 'pay', p.fiscal_year, e.id, a.org_unit_id, c.code, a.position_stage_id, e.gender,
         CASE WHEN t.tenure < 1 THEN -1 WHEN t.tenure >= 36 THEN 36 ELSE ((t.tenure - 1) / 5) * 5 + 1 END,
         p.amount, 0
    FROM annual_pay p
    JOIN employee e ON e.organization_id = $1 AND e.id = p.employee_id AND e.gender IN ('female', 'male')
    CROSS JOIN LATERAL (SELECT greatest(make_date(p.fiscal_year, 4, 1), e.hire_date) AS d,
                               p.fiscal_year - ${fiscalYearOf('e.hire_date')} + 1 AS tenure) AS t
    JOIN assignment a ON a.organization_id = $1 AND a.employee_id = e.id AND ${inForce('a', 't.d')}
    JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
   WHERE p.organization_id = $1 AND p.fiscal_year BETWEEN $2 AND $3 AND ${someEmployees('p.employee_id')}`;

/** Calendar months of a fiscal year in order (April first) and their indexes. */
const MONTHS = [4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3];
const MONTH_INDEXES = MONTHS.map((_, i) => i);
/** Any window of 2–6 consecutive months of the FY (array h, 1-based) averaging over 80 h. */
const AVG80_OVER_WINDOWS = [2, 3, 4, 5, 6]
  .flatMap((n) =>
    MONTH_INDEXES.filter((end) => end >= n - 1).map(
      (end) =>
        `(${Array.from({ length: n }, (_, j) => `st.h[${end - j + 1}]`).join(' + ')}) > ${80 * n}`,
    ),
  )
  .join(' OR ');

/**
 * Overtime: one row per person, FY, unit and category under which the person is eligible (the
 * population on a month's 1st with a non-manager stage); mask = those months. The person-level
 * figures (all 12 months, a missing month is 0 h) are repeated on each of the person's rows.
 */
export const OVERTIME_FACTS = `
  WITH seg AS (
    -- The months an assignment counts (in force and the person in service on the month's 1st, in
    -- April of $2 to March after $3) are one run of months [m0, m1]; each FY it meets gets the bits
    -- of its part of the run (bit 0 = April), so the work is per assignment and year, not per month.
    SELECT y.fy, a.employee_id, a.org_unit_id, c.code AS category,
           bit_or((1 << (least(r.m1, y.fy * 12 + 14) - y.fy * 12 - 2)) - (1 << (greatest(r.m0, y.fy * 12 + 3) - y.fy * 12 - 3))) AS mask
      FROM assignment a
      JOIN employee e ON e.organization_id = $1 AND e.id = a.employee_id
      JOIN position_stage s ON s.organization_id = $1 AND s.id = a.position_stage_id AND NOT s.is_manager
      JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
      -- the first 1st of a month on or after the start, the last 1st on or before the end
      -- (least and greatest skip the NULL of an open assignment or a person still in service)
      CROSS JOIN LATERAL (SELECT greatest(a.valid_from, e.hire_date, make_date($2::int, 4, 1)) AS lo,
                                 least(a.valid_to - 1, e.separation_date, make_date($3::int + 1, 3, 1)) AS hi) AS b
      CROSS JOIN LATERAL (SELECT ${monthNumber('b.lo')} + CASE WHEN extract(day FROM b.lo) > 1 THEN 1 ELSE 0 END,
                                 ${monthNumber('b.hi')}) AS r (m0, m1)
      CROSS JOIN LATERAL generate_series((r.m0 - 3) / 12, (r.m1 - 3) / 12) AS y (fy)
     WHERE a.organization_id = $1 AND ${someEmployees('a.employee_id')} AND r.m0 <= r.m1
     GROUP BY 1, 2, 3, 4
  ), person AS (
    -- (categories are never NULL: two differ exactly when the least and the greatest differ,
    -- which a hash aggregate answers without sorting every segment as count(DISTINCT) does)
    SELECT fy, employee_id, min(category) <> max(category) AS multi FROM seg GROUP BY 1, 2
  ), recorded AS (
    -- the FY's 12 months from April as an array; a month without a row is 0 h
    SELECT o.employee_id, ${fiscalYearOf('o.month')} AS fy,
           ARRAY[${MONTHS.map((month) => `coalesce(sum(o.hours) FILTER (WHERE extract(month FROM o.month) = ${month}), 0)`).join(', ')}] AS h
      FROM overtime_month o
     WHERE o.organization_id = $1 AND ${someEmployees('o.employee_id')}
       AND o.month >= make_date($2, 4, 1) AND o.month < make_date($3 + 1, 4, 1)
     GROUP BY 1, 2
  ), stats AS (
    -- h stays NULL for a person-year without overtime rows (most of them, e.g. new staff): the
    -- figures below are then 0 without reading twelve array elements a few hundred times
    SELECT p.fy, p.employee_id, p.multi, r.h
      FROM person p LEFT JOIN recorded r ON r.employee_id = p.employee_id AND r.fy = p.fy
  )
  INSERT INTO kpi_fact (${FACT_COLUMNS}, mask, m45, m100, hours, multi)
  SELECT $1, 'ot', seg.fy, seg.employee_id, seg.org_unit_id, seg.category, NULL, '', 0,
         coalesce(${MONTH_INDEXES.map((i) => `st.h[${i + 1}]`).join(' + ')}, 0),
         CASE WHEN ${AVG80_OVER_WINDOWS} THEN 1 ELSE 0 END,
         seg.mask,
         ${MONTH_INDEXES.map((i) => `CASE WHEN st.h[${i + 1}] > 45 THEN ${1 << i} ELSE 0 END`).join(' + ')},
         ${MONTH_INDEXES.map((i) => `CASE WHEN st.h[${i + 1}] >= 100 THEN ${1 << i} ELSE 0 END`).join(' + ')},
         coalesce(st.h, '{0,0,0,0,0,0,0,0,0,0,0,0}'::numeric[]), st.multi
    FROM seg
    JOIN stats st ON st.fy = seg.fy AND st.employee_id = seg.employee_id`;

const FACTS: Record<KpiFactFamily, string> = {
  pop: POP_FACTS,
  hire: HIRE_FACTS,
  al: ANNUAL_LEAVE_FACTS,
  pay: PAY_FACTS,
  ot: OVERTIME_FACTS,
};

/**
 * Units with sub-units are subtree roots in kpi_rollup; a unit without (a 係 of a dozen people) is
 * read straight from kpi_fact (kpiSource), which keeps the roll-ups a fraction of the facts.
 */
const PARENT_UNIT = (unit: string) =>
  `EXISTS (SELECT 1 FROM org_unit child WHERE child.organization_id = $1 AND child.parent_id = ${unit})`;

/**
 * Rolls per-unit sums up to every subtree root: the rows of `base` (with unit_id and the key
 * columns) summed for the whole organization (root NULL) and for each ancestor of their unit.
 * Summing per unit first keeps the closure join to a few rows per unit.
 */
const rollUp = (base: string, keys: string) => `
  WITH base AS (${base})
  SELECT NULL::uuid AS root, ${keys}, sum(n) AS n, sum(s1) AS s1, sum(s2) AS s2 FROM base GROUP BY ${keys}
  UNION ALL
  SELECT cl.ancestor_id, ${keys.replace(/(^|, )/g, '$1base.')}, sum(n), sum(s1), sum(s2)
    FROM base JOIN org_unit_closure cl ON cl.organization_id = $1 AND cl.descendant_id = base.unit_id
                                      AND ${PARENT_UNIT('cl.ancestor_id')}
   GROUP BY cl.ancestor_id, ${keys.replace(/(^|, )/g, '$1base.')}`;

const chosenFacts = (families: string) =>
  `f.organization_id = $1 AND f.family IN (${families}) AND f.fy BETWEEN $2 AND $3 AND ${someEmployees('f.employee_id')}`;

/** Overtime person counts, the measures as keys k: 0 over45, 1 over360, 2 over100, 3 over720, 4 over45×7+, 5 avg80. */
const OVERTIME_PERSON_MEASURES = [
  '(m & m45) <> 0',
  'total > 360',
  '(m & m100) <> 0',
  'total > 720',
  'bit_count((m & m45)::bit(12)) > 6',
  'avg80',
];
const overtimeMeasures = `(VALUES ${OVERTIME_PERSON_MEASURES.map((condition, k) => `(${k}, ${condition})`).join(', ')}) AS v (k, hit)`;

/**
 * The contribution of the chosen employees' facts to kpi_rollup, as row sets with the columns
 * (root, family, fy, category, stage_id, gender, k, n, s1, s2). Families 'pop', 'hire', 'al' and
 * 'pay' add up; 'otm' is the monthly overtime (k = month, n = eligible, s1 = hours); 'otp' the
 * overtime person counts of those who keep one category all year (the others, a handful, are
 * counted from kpi_fact on every request: OVERTIME_RESIDUAL_SQL in workforce.sql.ts). A person
 * eligible in one unit all year counts under its ancestors as is; one who moved is counted per
 * root over the months under it.
 */
export function contributionSql(families: readonly KpiFactFamily[]): string[] {
  const parts: string[] = [];
  const additive = families.filter((f) => f !== 'ot');
  if (additive.length > 0)
    parts.push(
      rollUp(
        `SELECT family, fy, unit_id, category, stage_id, gender, k, count(*) AS n, sum(s1) AS s1, sum(s2) AS s2
           FROM kpi_fact f WHERE ${chosenFacts(additive.map((f) => `'${f}'`).join(', '))}
          GROUP BY family, fy, unit_id, category, stage_id, gender, k`,
        'family, fy, category, stage_id, gender, k',
      ),
    );
  if (families.includes('ot')) {
    // Months and measures as aggregates of one pass over the facts (an array per unit, FY and
    // category), unpivoted afterwards: a row per fact and month would be twelve times the facts.
    parts.push(
      rollUp(
        `SELECT 'otm'::text AS family, g.fy, g.unit_id, g.category, NULL::uuid AS stage_id, ''::text AS gender, i AS k,
                g.n[i + 1] AS n, g.s[i + 1] AS s1, 0::numeric AS s2
           FROM (SELECT f.fy, f.unit_id, f.category,
                        ARRAY[${MONTH_INDEXES.map((i) => `count(*) FILTER (WHERE (f.mask & ${1 << i}) <> 0)`).join(', ')}] AS n,
                        ARRAY[${MONTH_INDEXES.map((i) => `coalesce(sum(f.hours[${i + 1}]) FILTER (WHERE (f.mask & ${1 << i}) <> 0), 0)`).join(', ')}] AS s
                   FROM kpi_fact f WHERE ${chosenFacts(`'ot'`)}
                  GROUP BY f.fy, f.unit_id, f.category) g
           CROSS JOIN generate_series(0, 11) AS i
          WHERE g.n[i + 1] > 0`,
        'family, fy, category, stage_id, gender, k',
      ),
    );
    const segments = `
      SELECT f.*, count(*) OVER (PARTITION BY f.fy, f.employee_id) AS segments
        FROM kpi_fact f WHERE ${chosenFacts(`'ot'`)} AND NOT f.multi`;
    parts.push(
      rollUp(
        `SELECT 'otp'::text AS family, g.fy, g.unit_id, g.category, NULL::uuid AS stage_id, ''::text AS gender, v.k,
                g.n[v.k + 1] AS n, 0::numeric AS s1, 0::numeric AS s2
           FROM (SELECT fy, unit_id, category,
                        ARRAY[${OVERTIME_PERSON_MEASURES.map((condition) => `count(*) FILTER (WHERE ${condition})`).join(', ')}] AS n
                   FROM (SELECT fy, unit_id, category, mask AS m, m45, m100, s1 AS total, s2 = 1 AS avg80
                           FROM (${segments}) sg WHERE segments = 1) x
                  GROUP BY fy, unit_id, category) g
           CROSS JOIN generate_series(0, ${OVERTIME_PERSON_MEASURES.length - 1}) AS v (k)
          WHERE g.n[v.k + 1] > 0`,
        'family, fy, category, stage_id, gender, k',
      ),
    );
    parts.push(`
      WITH moved AS (SELECT * FROM (${segments}) sg WHERE segments > 1),
      rooted AS (
        SELECT NULL::uuid AS root, moved.* FROM moved
        UNION ALL
        SELECT cl.ancestor_id, moved.* FROM moved
          JOIN org_unit_closure cl ON cl.organization_id = $1 AND cl.descendant_id = moved.unit_id
                                   AND ${PARENT_UNIT('cl.ancestor_id')}
      ), person AS (
        SELECT root, fy, employee_id, category, bit_or(mask) AS m, max(m45) AS m45, max(m100) AS m100,
               max(s1) AS total, bool_or(s2 = 1) AS avg80
          FROM rooted GROUP BY root, fy, employee_id, category
      )
      SELECT root, 'otp'::text, fy, category, NULL::uuid, ''::text, v.k, count(*), 0::numeric, 0::numeric
        FROM person CROSS JOIN LATERAL ${overtimeMeasures}
       WHERE v.hit
       GROUP BY root, fy, category, v.k`);
  }
  return parts;
}

const ROLLUP_COLUMNS = `organization_id, family, unit_id, fy, category, stage_id, gender, k, n, s1, s2`;

/** The SELECT of a fact statement `INSERT INTO kpi_fact (FACT_COLUMNS) SELECT …`. */
function factSelect(sql: string): string {
  const select = sql.replace(/^\s*INSERT INTO kpi_fact \([^)]*\)\s*/, '');
  if (!/^SELECT /.test(select))
    throw new Error(
      'a fact statement must be INSERT INTO kpi_fact (…) SELECT …',
    );
  return select;
}

/**
 * An incremental refresh of additive families (not 'ot') in one statement: the chosen employees'
 * facts of years $2–$3 are deleted and built again, and kpi_rollup gets the difference, new minus
 * old, only where it is not zero (a roll-up is a sum of facts, so adding the difference equals
 * subtracting the old contribution and adding the new one). A roll-up key no fact changed is not
 * touched, and nothing is read twice.
 */
export function replaceAdditiveFactsSql(
  families: readonly Exclude<KpiFactFamily, 'ot'>[],
  /** Sum annual leave by an index probe per person-year (few employees; ANNUAL_LEAVE_PROBE_MAX). */
  probeAnnualLeave = true,
): string {
  const fresh = families
    .map((family) =>
      factSelect(
        family === 'al' && probeAnnualLeave
          ? ANNUAL_LEAVE_FACTS_SOME
          : FACTS[family],
      ),
    )
    .map((select) => `(${select})`)
    .join(' UNION ALL ');
  const keys = 'family, fy, unit_id, category, stage_id, gender, k';
  return `
  WITH old AS (
    DELETE FROM kpi_fact f WHERE ${chosenFacts(families.map((f) => `'${f}'`).join(', '))}
    RETURNING ${keys}, s1, s2
  ), fresh AS (
    SELECT organization_id::uuid, family::text, fy::int, employee_id::uuid, unit_id::uuid, category::text,
           stage_id::uuid, gender::text, k::int, s1::numeric, s2::numeric
      FROM (${fresh}) AS x (${FACT_COLUMNS})
  ), inserted AS (
    INSERT INTO kpi_fact (${FACT_COLUMNS}) SELECT * FROM fresh
  ), delta AS (
    SELECT ${keys}, sum(sign) AS n, sum(sign * s1) AS s1, sum(sign * s2) AS s2
      FROM (SELECT 1 AS sign, ${keys}, s1, s2 FROM fresh UNION ALL SELECT -1, ${keys}, s1, s2 FROM old) c
     GROUP BY ${keys}
    HAVING sum(sign) <> 0 OR sum(sign * s1) <> 0 OR sum(sign * s2) <> 0
  )
  INSERT INTO kpi_rollup AS r (${ROLLUP_COLUMNS})
  SELECT $1, family, root, fy, category, stage_id, gender, k, sum(n), sum(s1), sum(s2)
    FROM (${rollUp('SELECT * FROM delta', 'family, fy, category, stage_id, gender, k')}) AS c (root, family, fy, category, stage_id, gender, k, n, s1, s2)
   GROUP BY family, root, fy, category, stage_id, gender, k
  HAVING sum(n) <> 0 OR sum(s1) <> 0 OR sum(s2) <> 0
  ON CONFLICT ON CONSTRAINT uq_kpi_rollup DO UPDATE SET n = r.n + excluded.n, s1 = r.s1 + excluded.s1, s2 = r.s2 + excluded.s2`;
}

async function applyContribution(
  db: Queryable,
  parameters: unknown[],
  families: readonly KpiFactFamily[],
  sign: 1 | -1,
  fresh: boolean,
): Promise<void> {
  const parts = contributionSql(families).map((part) =>
    fresh ? everyone(part) : part,
  );
  await db.query(
    `INSERT INTO kpi_rollup AS r (${ROLLUP_COLUMNS})
     SELECT $1, family, root, fy, category, stage_id, gender, k, ${sign} * sum(n), ${sign} * sum(s1), ${sign} * sum(s2)
       FROM (${parts.map((part) => `(${part})`).join(' UNION ALL ')}) AS c (root, family, fy, category, stage_id, gender, k, n, s1, s2)
      WHERE $2::int IS NOT NULL AND $3::int IS NOT NULL
      GROUP BY family, root, fy, category, stage_id, gender, k
     ${fresh ? '' : 'ON CONFLICT ON CONSTRAINT uq_kpi_rollup DO UPDATE SET n = r.n + excluded.n, s1 = r.s1 + excluded.s1, s2 = r.s2 + excluded.s2'}`,
    parameters,
  );
}

/** Childcare facts: the same pairs and populations as childcare.sql.ts, for every year at once. */
const CHILDCARE_FACTS = `
WITH child_leave AS (
  SELECT l.employee_id, l.child_id, l.leave_type, l.start_date, l.days,
         l.leave_type IN ('childcare', 'birth_childcare') AS is_childcare,
         extract(year FROM (l.start_date - interval '3 months'))::int AS y
    FROM leave_episode l
   WHERE l.organization_id = $1 AND ${someEmployees('l.employee_id')}
     AND l.leave_type IN ('childcare', 'birth_childcare', 'spouse_birth', 'childcare_participation')
), eligible AS (
  SELECT extract(year FROM ((CASE WHEN e.gender = 'female' THEN ch.birth_date + ${POSTNATAL_LEAVE_DAYS} ELSE ch.birth_date END) - interval '3 months'))::int AS y,
         ch.employee_id, ch.id AS child_id, e.gender, a.org_unit_id, c.code
    FROM child ch
    JOIN employee e ON e.organization_id = $1 AND e.id = ch.employee_id AND e.gender IN ('female', 'male')
                   AND ${inService('e', 'ch.birth_date')}
    JOIN assignment a ON a.organization_id = $1 AND a.employee_id = e.id AND ${inForce('a', 'ch.birth_date')}
    JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
   WHERE ch.organization_id = $1 AND ${someEmployees('ch.employee_id')}
), father_use AS (
  SELECT el.employee_id, el.child_id,
         coalesce(bool_or(cl.is_childcare), false) AS childcare,
         coalesce(bool_or(cl.leave_type = 'spouse_birth'), false) AS spouse_birth,
         coalesce(bool_or(cl.leave_type = 'childcare_participation'), false) AS participation,
         coalesce(sum(cl.days) FILTER (WHERE cl.leave_type IN ('spouse_birth', 'childcare_participation')), 0)
           AS paternity_days
    FROM (SELECT DISTINCT employee_id, child_id FROM eligible WHERE gender = 'male') el
    LEFT JOIN child_leave cl ON cl.employee_id = el.employee_id AND cl.child_id = el.child_id
   GROUP BY el.employee_id, el.child_id
), first_childcare AS (
  SELECT employee_id, child_id, min(start_date) AS first_start
    FROM child_leave WHERE is_childcare GROUP BY employee_id, child_id
), year_pair AS (
  SELECT y, employee_id, child_id, min(start_date) AS first_in_year, sum(days) AS days,
         bool_or(leave_type = 'birth_childcare') AS birth_childcare
    FROM child_leave WHERE is_childcare GROUP BY y, employee_id, child_id
), inserted_eligible AS (
  INSERT INTO kpi_childcare_fact (organization_id, fy, kind, employee_id, child_id, gender, unit_id, category,
                                  childcare, spouse_birth, participation, paternity_days)
  SELECT $1, el.y, 'e', el.employee_id, el.child_id, el.gender, el.org_unit_id, el.code,
         coalesce(fu.childcare, false), coalesce(fu.spouse_birth, false), coalesce(fu.participation, false),
         coalesce(fu.paternity_days, 0)
    FROM eligible el
    LEFT JOIN father_use fu ON el.gender = 'male' AND fu.employee_id = el.employee_id AND fu.child_id = el.child_id
)
INSERT INTO kpi_childcare_fact (organization_id, fy, kind, employee_id, child_id, gender, unit_id, category, days, started,
                                birth_childcare)
SELECT $1, yp.y, 'p', yp.employee_id, yp.child_id, e.gender, a.org_unit_id, c.code, yp.days,
       fc.first_start = yp.first_in_year, yp.birth_childcare
  FROM year_pair yp
  JOIN first_childcare fc ON fc.employee_id = yp.employee_id AND fc.child_id = yp.child_id
  JOIN employee e ON e.organization_id = $1 AND e.id = yp.employee_id AND e.gender IN ('female', 'male')
                 AND ${inService('e', 'yp.first_in_year')}
  JOIN assignment a ON a.organization_id = $1 AND a.employee_id = e.id AND ${inForce('a', 'yp.first_in_year')}
  JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
 WHERE $2::int IS NOT NULL AND $3::int IS NOT NULL`;

/**
 * The years the facts cover: from the year before the first roster snapshot (the first assignment
 * when there is none) to the year after the last dated record (and at least next year). Outside them the KPI SQL runs live (an open assignment
 * keeps people in the population forever, so no table can hold every year).
 */
const COVERED_YEARS = `
  -- The organization's leave types by a skip scan of (organization_id, leave_type, start_date), so
  -- the latest start is a dozen index probes instead of a pass over millions of leave rows.
  WITH RECURSIVE leave_types AS (
    (SELECT leave_type AS type FROM leave_episode WHERE organization_id = $1 ORDER BY leave_type LIMIT 1)
    UNION ALL
    SELECT (SELECT l.leave_type FROM leave_episode l
             WHERE l.organization_id = $1 AND l.leave_type > leave_types.type ORDER BY l.leave_type LIMIT 1)
      FROM leave_types WHERE leave_types.type IS NOT NULL
  )
  SELECT
    coalesce(
      (SELECT ${fiscalYearOf('min(as_of)')} - 1 FROM roster_snapshot WHERE organization_id = $1),
      (SELECT extract(year FROM min(valid_from))::int - 1 FROM assignment WHERE organization_id = $1)) AS first,
    greatest(
      extract(year FROM current_date)::int,
      (SELECT extract(year FROM max(greatest(valid_from, coalesce(valid_to, valid_from))))::int FROM assignment WHERE organization_id = $1),
      (SELECT extract(year FROM max(greatest(hire_date, coalesce(separation_date, hire_date))))::int FROM employee WHERE organization_id = $1),
      (SELECT extract(year FROM max(latest))::int FROM leave_types
         CROSS JOIN LATERAL (SELECT max(l.start_date) AS latest FROM leave_episode l
                              WHERE l.organization_id = $1 AND l.leave_type = leave_types.type) AS x),
      (SELECT extract(year FROM max(month))::int FROM overtime_month WHERE organization_id = $1),
      (SELECT max(fiscal_year) FROM annual_pay WHERE organization_id = $1)
    ) + 1 AS last`;

/**
 * The share of an organization's employees from which a refresh of all families and years rebuilds
 * the organization's derived tables instead of replacing the chosen employees' rows. Subtracting
 * and adding back costs more per person than a rebuild (the chosen employees' facts are read twice
 * and every roll-up row is merged with ON CONFLICT), so once the chosen employees are most of the
 * organization, as in a first roster of 50,000 new staff, the rebuild is the shorter way to the same
 * rows (measured at tier S: docs/performance.md).
 */
export const REBUILD_SHARE = 0.65;

/**
 * Above this many employees an incremental refresh sums annual leave by hashing the chosen
 * employees' leave (ANNUAL_LEAVE_FACTS) instead of an index probe per person-year
 * (ANNUAL_LEAVE_FACTS_SOME), whose per-row test against the employee list grows with the list.
 */
const ANNUAL_LEAVE_PROBE_MAX = 5_000;

/** Whether a refresh of `options` should rebuild the organization (see REBUILD_SHARE). */
async function mostOfOrganization(
  db: Queryable,
  organizationId: string,
  options: KpiRefreshOptions,
): Promise<boolean> {
  // Only a refresh of every family and year does the same work as a rebuild for each person.
  if (
    options.employeeIds === undefined ||
    options.families !== undefined ||
    options.years !== undefined
  )
    return false;
  const chosen = new Set(options.employeeIds).size;
  if (chosen === 0) return false;
  const [{ n }] = (await db.query(
    `SELECT count(*)::int AS n FROM employee WHERE organization_id = $1`,
    [organizationId],
  )) as { n: number }[];
  return chosen >= REBUILD_SHARE * n;
}

/**
 * Brings the derived KPI tables of one organization up to date, inside the caller's transaction.
 * With `employeeIds` only those people's facts are replaced and their old contribution to the
 * roll-ups is subtracted and the new one added (the import of 1,000 leave rows touches a few
 * thousand rows); without, or when they are at least REBUILD_SHARE of the organization and every
 * family and year may have changed (a first roster of new staff), the organization's derived rows
 * are rebuilt. Either way every figure read afterwards equals the live SQL over the person tables.
 */
export async function refreshKpiAggregates(
  db: Queryable,
  organizationId: string,
  options: KpiRefreshOptions = {},
): Promise<void> {
  const [state] = (await db.query(
    `SELECT first_fy, last_fy, extract(year FROM current_date)::int AS this_year
       FROM kpi_refresh_state WHERE organization_id = $1`,
    [organizationId],
  )) as { first_fy: number; last_fy: number; this_year: number }[];
  // COVERED_YEARS' last year is one after the latest of the current year and every dated record,
  // and its first year depends on the roster alone: records inside the range cannot move it.
  const inside =
    state !== undefined &&
    options.employeeIds !== undefined &&
    options.recordYears !== undefined &&
    [state.this_year, ...options.recordYears].every(
      (year) => year + 1 <= state.last_fy,
    );
  const [years] = inside
    ? [{ first: state.first_fy, last: state.last_fy }]
    : ((await db.query(COVERED_YEARS, [organizationId])) as {
        first: number | null;
        last: number;
      }[]);
  if (years.first === null) {
    await clear(db, organizationId);
    return;
  }
  const first = Math.min(years.first, state?.first_fy ?? years.first);
  const last = Math.max(years.last, state?.last_fy ?? years.last);
  const incremental =
    options.employeeIds !== undefined &&
    state !== undefined &&
    state.first_fy === first &&
    state.last_fy === last &&
    !(await mostOfOrganization(db, organizationId, options));
  if (!incremental) {
    // Hash aggregates of a whole organization stay in memory (the setting ends with the transaction).
    await db.query(`SET LOCAL work_mem = '256MB'`);
    // The refresh state stays (updated below): deleting it would fire the trigger that deletes the
    // derived rows, a second pass over tables whose rows were just deleted.
    await clear(db, organizationId, false);
    const parameters = [organizationId, first, last, null];
    // Each family's facts go in in the order of ix_kpi_fact_employee_family (employee, then year),
    // so that index grows page by page instead of at a random page per row: its maintenance was
    // most of the time of these inserts (a first roster of 50,000 new staff writes ~1.2 M facts).
    for (const family of ALL_FAMILIES)
      await db.query(`${everyone(FACTS[family])} ORDER BY 4, 3`, parameters);
    await db.query(everyone(CHILDCARE_FACTS), parameters);
    await applyContribution(db, parameters, ALL_FAMILIES, 1, true);
    await db.query(
      `INSERT INTO kpi_refresh_state (organization_id, first_fy, last_fy) VALUES ($1, $2, $3)
       ON CONFLICT (organization_id) DO UPDATE
          SET first_fy = excluded.first_fy, last_fy = excluded.last_fy, refreshed_at = now()`,
      [organizationId, first, last],
    );
    await refreshChildcareRollup(db, organizationId);
    // Sampled statistics, so the planner reads the fresh tables through their indexes.
    await db.query(`ANALYZE kpi_rollup, kpi_fact, kpi_childcare_fact`);
    return;
  }
  const employeeIds = [...new Set(options.employeeIds)];
  if (employeeIds.length === 0) return;
  const families = options.families ?? ALL_FAMILIES;
  const changed = (options.years ?? []).filter(
    (year) => year >= first && year <= last,
  );
  // The facts of the years that changed (the statements generate years $2 to $3).
  const parameters =
    options.years === undefined
      ? [organizationId, first, last, employeeIds]
      : [
          organizationId,
          Math.min(...changed),
          Math.max(...changed),
          employeeIds,
        ];
  if (
    families.length > 0 &&
    (options.years === undefined || changed.length > 0)
  ) {
    const additive = families.filter(
      (family): family is Exclude<KpiFactFamily, 'ot'> => family !== 'ot',
    );
    if (additive.length > 0)
      await db.query(
        replaceAdditiveFactsSql(
          additive,
          employeeIds.length <= ANNUAL_LEAVE_PROBE_MAX,
        ),
        parameters,
      );
    if (families.includes('ot')) {
      await applyContribution(db, parameters, ['ot'], -1, false);
      await db.query(
        `DELETE FROM kpi_fact WHERE organization_id = $1 AND employee_id = ANY ($2::uuid[]) AND family = 'ot'
            AND fy BETWEEN $3 AND $4`,
        [organizationId, employeeIds, parameters[1], parameters[2]],
      );
      await db.query(FACTS.ot, parameters);
      await applyContribution(db, parameters, ['ot'], 1, false);
    }
  }
  const all = [organizationId, first, last, employeeIds];
  if (options.childcare ?? options.families === undefined) {
    await db.query(
      `DELETE FROM kpi_childcare_fact WHERE organization_id = $1 AND employee_id = ANY ($2::uuid[])`,
      [organizationId, employeeIds],
    );
    await db.query(CHILDCARE_FACTS, all);
    await refreshChildcareRollup(db, organizationId, employeeIds);
  }
  await db.query(
    `UPDATE kpi_refresh_state SET refreshed_at = now() WHERE organization_id = $1`,
    [organizationId],
  );
}

async function clear(
  db: Queryable,
  organizationId: string,
  withState = true,
): Promise<void> {
  for (const table of [
    'kpi_rollup',
    'kpi_fact',
    'kpi_childcare_fact',
    ...(withState ? ['kpi_refresh_state'] : []),
  ])
    await db.query(`DELETE FROM ${table} WHERE organization_id = $1`, [
      organizationId,
    ]);
}

/** The years [first, last] an organization's derived tables cover, or null when it has none. */
export async function coveredYears(
  db: Queryable,
  organizationId: string,
): Promise<{ first: number; last: number } | null> {
  const rows = (await db.query(
    `SELECT first_fy, last_fy FROM kpi_refresh_state WHERE organization_id = $1`,
    [organizationId],
  )) as { first_fy: number; last_fy: number }[];
  return rows[0] ? { first: rows[0].first_fy, last: rows[0].last_fy } : null;
}

/** Whether every year asked lies in the covered years. */
export async function aggregatesCover(
  db: Queryable,
  organizationId: string,
  years: readonly number[],
): Promise<boolean> {
  const covered = await coveredYears(db, organizationId);
  return (
    covered !== null &&
    years.every((year) => year >= covered.first && year <= covered.last)
  );
}

/** How a KPI request reads the derived tables: the roll-ups, or a leaf unit's facts. */
export interface KpiSource {
  leaf: boolean;
}

/**
 * Null when the years asked are not all covered (the KPI SQL then runs live over the person
 * tables); otherwise whether the unit is a leaf, read from kpi_fact instead of kpi_rollup.
 */
export async function kpiSource(
  db: Queryable,
  organizationId: string,
  unitId: string | null,
  years: readonly number[],
): Promise<KpiSource | null> {
  const rows = (await db.query(
    `SELECT s.first_fy, s.last_fy,
            $2::uuid IS NOT NULL AND NOT EXISTS
              (SELECT 1 FROM org_unit u WHERE u.organization_id = $1 AND u.parent_id = $2::uuid) AS leaf
       FROM kpi_refresh_state s WHERE s.organization_id = $1`,
    [organizationId, unitId],
  )) as { first_fy: number; last_fy: number; leaf: boolean }[];
  const state = rows[0];
  if (!state) return null;
  if (!years.every((year) => year >= state.first_fy && year <= state.last_fy))
    return null;
  return { leaf: state.leaf };
}

/**
 * A trend's context in one round trip: every fiscal year from the first roster snapshot to the last
 * (as OrgService.fiscalYears) and how the derived tables serve them (as kpiSource).
 */
export async function kpiTrendSource(
  db: Queryable,
  organizationId: string,
  unitId: string | null,
): Promise<{ years: number[]; source: KpiSource | null }> {
  const [row] = (await db.query(
    `SELECT r.first::text AS first, r.last::text AS last, s.first_fy, s.last_fy,
            $2::uuid IS NOT NULL AND NOT EXISTS
              (SELECT 1 FROM org_unit u WHERE u.organization_id = $1 AND u.parent_id = $2::uuid) AS leaf
       FROM (SELECT min(as_of) AS first, max(as_of) AS last FROM roster_snapshot WHERE organization_id = $1) r
       LEFT JOIN kpi_refresh_state s ON s.organization_id = $1`,
    [organizationId, unitId],
  )) as {
    first: string | null;
    last: string | null;
    first_fy: number | null;
    last_fy: number | null;
    leaf: boolean;
  }[];
  const years: number[] = [];
  if (row?.first && row.last)
    for (
      let fy = fiscalYearOfDate(row.first);
      fy <= fiscalYearOfDate(row.last);
      fy++
    )
      years.push(fy);
  const covered =
    row !== undefined &&
    row.first_fy !== null &&
    row.last_fy !== null &&
    years.every((year) => year >= row.first_fy! && year <= row.last_fy!);
  return { years, source: covered ? { leaf: row.leaf } : null };
}

/**
 * The rows of one family for the scope's subtree as (fy, category, stage_id, gender, k, n, s1,
 * s2), aliased `r`: from kpi_rollup, or for a leaf unit from its facts (each fact one person).
 * Parameters: $1 organization, $2 years (int[]), $3 unit (null = all).
 */
export function familyRows(
  family: 'pop' | 'hire' | 'al' | 'pay' | 'otm',
  unitId: string | null,
  source: KpiSource,
): string {
  if (!source.leaf)
    return `(SELECT fy, category, stage_id, gender, k, n, s1, s2 FROM kpi_rollup
              WHERE organization_id = $1 AND family = '${family}' AND fy = ANY ($2::int[])
                AND ${unitId === null ? 'unit_id IS NULL AND $3::uuid IS NULL' : 'unit_id = $3::uuid'}) AS r`;
  if (family === 'otm')
    return `(SELECT f.fy, f.category, NULL::uuid AS stage_id, ''::text AS gender, i AS k, 1 AS n,
                    f.hours[i + 1] AS s1, 0::numeric AS s2
               FROM kpi_fact f CROSS JOIN generate_series(0, 11) AS i
              WHERE f.organization_id = $1 AND f.unit_id = $3::uuid AND f.family = 'ot'
                AND f.fy = ANY ($2::int[]) AND (f.mask & (1 << i)) <> 0) AS r`;
  return `(SELECT fy, category, stage_id, gender, k, 1 AS n, s1, s2 FROM kpi_fact
            WHERE organization_id = $1 AND unit_id = $3::uuid AND family = '${family}' AND fy = ANY ($2::int[])) AS r`;
}
