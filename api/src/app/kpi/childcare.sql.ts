import type {
  ChildcareCounts,
  ChildcareDurationBucket,
} from '@ikuboard/shared/kpi';
import {
  DEFAULT_CHILDCARE_DURATION_BUCKETS,
  POSTNATAL_LEAVE_DAYS,
} from '@ikuboard/shared/kpi';

import type { Queryable } from '../../database/queryable';
import { coveredYears } from './kpi-aggregates';
import { childcareDurationPairsSql } from './kpi-childcare-duration';
import { childcareRollupCountsSql } from './kpi-dashboard-aggregates';
import type { KpiSqlScope } from './kpi-group';

/** 年度 of a date: April–March, so shifting back three months lands in the fiscal year's calendar year. */
const fiscalYearOf = (date: string): string =>
  `extract(year FROM (${date} - interval '3 months'))::int`;

/**
 * DOMAIN.md §3 population on `date` for the employee row `e`: in service (the separation date is
 * the last day) with an assignment in force that day in the categories ($3) and the unit subtree
 * ($4, null = all). The assignment is looked up by employee_id so it uses (employee_id, valid_from).
 */
const inPopulation = (e: string, date: string): string => `(
      ${e}.hire_date <= ${date} AND (${e}.separation_date IS NULL OR ${e}.separation_date >= ${date})
      AND EXISTS (
        SELECT 1
          FROM assignment pa
          JOIN employment_category pc ON pc.organization_id = $1 AND pc.id = pa.employment_category_id
         WHERE pa.employee_id = ${e}.id AND pa.organization_id = $1
           AND pa.valid_from <= ${date} AND (pa.valid_to IS NULL OR pa.valid_to > ${date})
           AND pc.code = ANY ($3::text[])
           AND ($4::uuid IS NULL OR pa.org_unit_id IN
                 (SELECT descendant_id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $4::uuid))))`;

const personsWhere = (cte: string, condition: string): string =>
  `(SELECT count(DISTINCT x.employee_id) FROM ${cte} x WHERE x.y = f.y AND ${condition})::int`;

const bucketCounts = (gender: string): string =>
  `ARRAY(SELECT count(d.bucket)::int
           FROM generate_series(1, $7::int) AS g (i)
           LEFT JOIN duration d ON d.y = f.y AND d.gender = '${gender}' AND d.bucket = g.i
          GROUP BY g.i ORDER BY g.i)`;

/**
 * The 1-based duration bucket of `days` for `count` buckets whose upper bounds and inclusiveness are
 * $5 (numeric[]) and $6 (boolean[]), the last bucket when none holds it: the same bucket as the
 * lookup over unnest($5, $6) in CHILDCARE_FACT_COUNTS_SQL, written out as one CASE (a lookup per
 * row costs a subquery per distinct number of days, over a thousand on the dashboard).
 */
const bucketOf = (days: string, count: number): string =>
  `CASE ${Array.from(
    { length: count },
    (_, index) =>
      `WHEN ($5::numeric[])[${index + 1}] IS NULL OR ${days} < ($5::numeric[])[${index + 1}]
         OR (($6::boolean[])[${index + 1}] AND ${days} = ($5::numeric[])[${index + 1}]) THEN ${index + 1}`,
  ).join(' ')} ELSE $7::int END`;

/** Pairs per duration bucket from `duration` rows that each stand for `pairs` pairs. */
const weightedBucketCounts = (gender: string): string =>
  `ARRAY(SELECT coalesce(sum(d.pairs), 0)::int
           FROM generate_series(1, $7::int) AS g (i)
           LEFT JOIN duration d ON d.y = fi.y AND d.gender = '${gender}' AND d.bucket = g.i
          GROUP BY g.i ORDER BY g.i)`;

/**
 * One round trip for every fiscal year asked: the person counts behind each childcare KPI, the
 * same facts as the reference `computeChildcareKpis` (libs/shared/kpi/src/lib/childcare.ts).
 * Leaves meet a child through the parent who took them: (employee_id, child_id) pairs.
 */
const CHILDCARE_COUNTS_SQL = `
WITH fiscal AS (SELECT DISTINCT unnest($2::int[]) AS y),
-- The child-linked types only, so the (organization_id, leave_type, start_date) index answers it.
child_leave AS (
  SELECT l.employee_id, l.child_id, l.leave_type, l.start_date, l.days,
         l.leave_type IN ('childcare', 'birth_childcare') AS is_childcare,
         ${fiscalYearOf('l.start_date')} AS y
    FROM leave_episode l
   WHERE l.organization_id = $1
     AND l.leave_type IN ('childcare', 'birth_childcare', 'spouse_birth', 'childcare_participation')
),
-- Newly eligible parents: fathers in the FY of the birth, mothers when postnatal leave ends.
eligible AS (
  SELECT f.y, ch.employee_id, ch.id AS child_id, e.gender
    FROM child ch
    JOIN employee e ON e.organization_id = $1 AND e.id = ch.employee_id AND e.gender IN ('female', 'male')
    JOIN fiscal f ON f.y = ${fiscalYearOf(`CASE WHEN e.gender = 'female' THEN ch.birth_date + ${POSTNATAL_LEAVE_DAYS} ELSE ch.birth_date END`)}
   WHERE ch.organization_id = $1 AND ${inPopulation('e', 'ch.birth_date')}
),
father_use AS (
  SELECT el.y, el.employee_id, el.child_id,
         coalesce(bool_or(cl.is_childcare), false) AS childcare,
         coalesce(bool_or(cl.leave_type = 'spouse_birth'), false) AS spouse_birth,
         coalesce(bool_or(cl.leave_type = 'childcare_participation'), false) AS participation,
         coalesce(sum(cl.days) FILTER (WHERE cl.leave_type IN ('spouse_birth', 'childcare_participation')), 0)
           AS paternity_days
    FROM eligible el
    LEFT JOIN child_leave cl ON cl.employee_id = el.employee_id AND cl.child_id = el.child_id
   WHERE el.gender = 'male'
   GROUP BY el.y, el.employee_id, el.child_id
),
first_childcare AS (
  SELECT employee_id, child_id, min(start_date) AS first_start
    FROM child_leave WHERE is_childcare GROUP BY employee_id, child_id
),
year_pair AS (
  SELECT cl.y, cl.employee_id, cl.child_id, min(cl.start_date) AS first_in_year, sum(cl.days) AS days,
         bool_or(cl.leave_type = 'birth_childcare') AS birth_childcare
    FROM child_leave cl
    JOIN fiscal f ON f.y = cl.y
   WHERE cl.is_childcare
   GROUP BY cl.y, cl.employee_id, cl.child_id
),
-- A pair of the FY with its parent's gender, kept when the parent was in the population on the
-- pair's first start date of that FY.
year_pair_in_scope AS (
  SELECT yp.*, e.gender
    FROM year_pair yp
    JOIN employee e ON e.organization_id = $1 AND e.id = yp.employee_id AND e.gender IN ('female', 'male')
   WHERE ${inPopulation('e', 'yp.first_in_year')}
),
-- The pair's very first childcare episode falls in the FY exactly when it is the FY's first (再度 never counts).
started AS (
  SELECT yp.*
    FROM year_pair_in_scope yp
    JOIN first_childcare fc ON fc.employee_id = yp.employee_id AND fc.child_id = yp.child_id
   WHERE fc.first_start = yp.first_in_year
),
duration AS (
  SELECT yp.y, yp.gender,
         coalesce((SELECT min(b.i)::int
                     FROM unnest($5::numeric[], $6::boolean[]) WITH ORDINALITY AS b (up, inclusive, i)
                    WHERE b.up IS NULL OR yp.days < b.up OR (b.inclusive AND yp.days = b.up)), $7::int) AS bucket
    FROM year_pair_in_scope yp
)
SELECT f.y,
       ${personsWhere('eligible', `x.gender = 'male'`)} AS male_eligible,
       ${personsWhere('eligible', `x.gender = 'female'`)} AS female_eligible,
       ${personsWhere('started', `x.gender = 'male'`)} AS male_started,
       ${personsWhere('started', `x.gender = 'female'`)} AS female_started,
       ${personsWhere('started', `x.gender = 'male' AND x.birth_childcare`)} AS male_started_birth,
       ${personsWhere('started', `x.gender = 'female' AND x.birth_childcare`)} AS female_started_birth,
       ${personsWhere('father_use', 'x.childcare')} AS male_cohort_started,
       ${personsWhere('started', `x.gender = 'male' AND x.days >= 7`)} AS male_started_7,
       ${personsWhere('started', `x.gender = 'male' AND x.days >= 14`)} AS male_started_14,
       ${personsWhere('father_use', 'x.spouse_birth')} AS spouse_birth,
       ${personsWhere('father_use', 'x.participation')} AS participation,
       ${personsWhere('father_use', '(x.spouse_birth OR x.participation)')} AS either,
       ${personsWhere('father_use', 'x.paternity_days >= 5')} AS five_days,
       ${bucketCounts('female')} AS female_duration,
       ${bucketCounts('male')} AS male_duration
  FROM fiscal f`;

/**
 * The same counts from kpi_childcare_fact (kpi-aggregates.ts), where every birth and every
 * parent–child pair of a year already carries the parent's unit and category on the day that
 * decides the population, and the flags of the father's leave for that child.
 */
export const CHILDCARE_FACT_COUNTS_SQL = `
WITH fiscal AS (SELECT DISTINCT unnest($2::int[]) AS y),
f AS (
  SELECT x.fy AS y, x.kind, x.employee_id, x.child_id, x.gender, x.childcare, x.spouse_birth,
         x.participation, x.paternity_days, x.days, x.started, x.birth_childcare
    FROM kpi_childcare_fact x
   WHERE x.organization_id = $1 AND x.fy = ANY ($2::int[]) AND x.category = ANY ($3::text[])
     AND ($4::uuid IS NULL OR x.unit_id IN
           (SELECT descendant_id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $4::uuid))
),
-- A person counts under a condition when any of their rows meets it: one pass per (year, person)
-- instead of a distinct count per condition.
person AS (
  SELECT y,
         bool_or(kind = 'e' AND gender = 'male') AS male_eligible,
         bool_or(kind = 'e' AND gender = 'female') AS female_eligible,
         bool_or(kind = 'p' AND started AND gender = 'male') AS male_started,
         bool_or(kind = 'p' AND started AND gender = 'female') AS female_started,
         bool_or(kind = 'p' AND started AND gender = 'male' AND birth_childcare) AS male_started_birth,
         bool_or(kind = 'p' AND started AND gender = 'female' AND birth_childcare) AS female_started_birth,
         bool_or(kind = 'e' AND gender = 'male' AND childcare) AS male_cohort_started,
         bool_or(kind = 'p' AND started AND gender = 'male' AND days >= 7) AS male_started_7,
         bool_or(kind = 'p' AND started AND gender = 'male' AND days >= 14) AS male_started_14,
         bool_or(kind = 'e' AND gender = 'male' AND spouse_birth) AS spouse_birth,
         bool_or(kind = 'e' AND gender = 'male' AND participation) AS participation,
         bool_or(kind = 'e' AND gender = 'male' AND (spouse_birth OR participation)) AS either,
         bool_or(kind = 'e' AND gender = 'male' AND paternity_days >= 5) AS five_days
    FROM f GROUP BY y, employee_id
),
counts AS (
  SELECT y, ${[
    'male_eligible',
    'female_eligible',
    'male_started',
    'female_started',
    'male_started_birth',
    'female_started_birth',
    'male_cohort_started',
    'male_started_7',
    'male_started_14',
    'spouse_birth',
    'participation',
    'either',
    'five_days',
  ]
    .map((flag) => `count(*) FILTER (WHERE ${flag})::int AS ${flag}`)
    .join(', ')}
    FROM person GROUP BY y
),
-- Each distinct pair once; the bucket is looked up once per distinct number of days.
pair_days AS (
  SELECT y, gender, days, count(*) AS pairs
    FROM (SELECT DISTINCT y, employee_id, child_id, gender, days FROM f WHERE kind = 'p') p
   GROUP BY y, gender, days
),
duration AS (
  SELECT d.y, d.gender, d.pairs,
         coalesce((SELECT min(b.i)::int
                     FROM unnest($5::numeric[], $6::boolean[]) WITH ORDINALITY AS b (up, inclusive, i)
                    WHERE b.up IS NULL OR d.days < b.up OR (b.inclusive AND d.days = b.up)), $7::int) AS bucket
    FROM pair_days d
)
SELECT fi.y, c.male_eligible, c.female_eligible, c.male_started, c.female_started,
       c.male_started_birth, c.female_started_birth, c.male_cohort_started,
       c.male_started_7, c.male_started_14, c.spouse_birth, c.participation, c.either, c.five_days,
       ${weightedBucketCounts('female')} AS female_duration,
       ${weightedBucketCounts('male')} AS male_duration
  FROM fiscal fi LEFT JOIN counts c ON c.y = fi.y`;

/**
 * The person counts from kpi_childcare_rollup (childcareRollupCountsSql: rows (y, k, n)) and, in the
 * same statement, the leave-duration distribution of the years $8 (int[]) from the duration pairs
 * per subtree root (kpi_childcare_duration, the pairs of the scope as CHILDCARE_FACT_COUNTS_SQL
 * counts them): one row per year of $8 with k NULL and the two distributions.
 */
const childcareRollupWithDurationsSql = (
  unitId: string | null,
  buckets: number,
): string => `
WITH counts AS (${childcareRollupCountsSql(unitId)}
),
pair_days AS (${childcareDurationPairsSql(unitId, '$8', '$3', '$4')}
),
duration AS (
  SELECT y, gender, bucket, sum(pairs) AS pairs
    FROM (SELECT d.y, d.gender, d.pairs, ${bucketOf('d.days', buckets)} AS bucket FROM pair_days d) b
   GROUP BY y, gender, bucket
)
SELECT y, k, n, NULL::int[] AS female_duration, NULL::int[] AS male_duration FROM counts
UNION ALL
SELECT fi.y, NULL, NULL, ${weightedBucketCounts('female')}, ${weightedBucketCounts('male')}
  FROM (SELECT DISTINCT unnest($8::int[]) AS y) fi`;

/** The person counts in the bit order of CHILDCARE_FLAGS (kpi-dashboard-aggregates.ts). */
const ROLLUP_COUNT_FIELDS = [
  'male_eligible',
  'female_eligible',
  'male_started',
  'female_started',
  'male_started_birth',
  'female_started_birth',
  'male_cohort_started',
  'male_started_7',
  'male_started_14',
  'spouse_birth',
  'participation',
  'either',
  'five_days',
] as const;

/**
 * The counts from kpi_childcare_rollup for a scope with sub-units (or the whole organization), and
 * the duration distribution from the facts only when asked for.
 */
async function childcareRollupRows(
  db: Queryable,
  scope: KpiSqlScope,
  fiscalYears: readonly number[],
  buckets: readonly ChildcareDurationBucket[],
  withDurations: boolean,
  durationYears: readonly number[],
): Promise<ChildcareCountsRow[]> {
  const parameters = [
    scope.organizationId,
    fiscalYears,
    scope.categories,
    scope.unitId,
  ];
  // One round trip: the counts, and the distribution when asked for.
  const rows = (
    withDurations
      ? await db.query(
          childcareRollupWithDurationsSql(scope.unitId, buckets.length),
          [
            ...parameters,
            buckets.map((bucket) => bucket.upTo),
            buckets.map((bucket) => bucket.inclusive),
            buckets.length,
            durationYears,
          ],
        )
      : await db.query(childcareRollupCountsSql(scope.unitId), parameters)
  ) as {
    y: number;
    k: number | null;
    n: number | null;
    female_duration?: number[] | null;
    male_duration?: number[] | null;
  }[];
  const byYear = new Map<number, ChildcareCountsRow>();
  const row = (y: number): ChildcareCountsRow => {
    let found = byYear.get(y);
    if (!found) {
      found = {
        y,
        ...(Object.fromEntries(
          ROLLUP_COUNT_FIELDS.map((field) => [field, 0]),
        ) as Record<(typeof ROLLUP_COUNT_FIELDS)[number], number>),
        female_duration: buckets.map(() => 0),
        male_duration: buckets.map(() => 0),
      };
      byYear.set(y, found);
    }
    return found;
  };
  for (const result of rows) {
    const target = row(Number(result.y));
    if (result.k !== null)
      target[ROLLUP_COUNT_FIELDS[Number(result.k)]!] += Number(result.n);
    else {
      target.female_duration = result.female_duration!;
      target.male_duration = result.male_duration!;
    }
  }
  return [...byYear.values()];
}

interface ChildcareCountsRow {
  y: number;
  male_eligible: number;
  female_eligible: number;
  male_started: number;
  female_started: number;
  male_started_birth: number;
  female_started_birth: number;
  male_cohort_started: number;
  male_started_7: number;
  male_started_14: number;
  spouse_birth: number;
  participation: number;
  either: number;
  five_days: number;
  female_duration: number[];
  male_duration: number[];
}

/**
 * The childcare KPI counts of each fiscal year asked, in the order asked. Without `withDurations`
 * the duration distribution may be left at zeros (for callers that keep only other codes), and
 * outside `durationYears` (every year asked when absent) too.
 */
export async function childcareCounts(
  db: Queryable,
  scope: KpiSqlScope,
  fiscalYears: readonly number[],
  buckets: readonly ChildcareDurationBucket[] = DEFAULT_CHILDCARE_DURATION_BUCKETS,
  withDurations = true,
  durationYears: readonly number[] = fiscalYears,
): Promise<(ChildcareCounts & { fiscalYear: number })[]> {
  // The childcare facts hold every year's births and pairs: any refreshed organization has them;
  // a scope with sub-units reads the person counts already rolled up per subtree root.
  const refreshed =
    scope.derived != null ||
    (await coveredYears(db, scope.organizationId)) !== null;
  const rows =
    scope.derived != null && !scope.derived.leaf
      ? await childcareRollupRows(
          db,
          scope,
          fiscalYears,
          buckets,
          withDurations && durationYears.length > 0,
          durationYears,
        )
      : ((await db.query(
          refreshed ? CHILDCARE_FACT_COUNTS_SQL : CHILDCARE_COUNTS_SQL,
          [
            scope.organizationId,
            fiscalYears,
            scope.categories,
            scope.unitId,
            buckets.map((bucket) => bucket.upTo),
            buckets.map((bucket) => bucket.inclusive),
            buckets.length,
          ],
        )) as ChildcareCountsRow[]);
  const byYear = new Map(rows.map((row) => [Number(row.y), row]));
  return fiscalYears.map((fiscalYear) => {
    const row = byYear.get(fiscalYear);
    const n = (value: number | undefined) => Number(value ?? 0);
    return {
      fiscalYear,
      maleEligible: n(row?.male_eligible),
      femaleEligible: n(row?.female_eligible),
      maleStarted: n(row?.male_started),
      femaleStarted: n(row?.female_started),
      maleStartedBirthChildcare: n(row?.male_started_birth),
      femaleStartedBirthChildcare: n(row?.female_started_birth),
      maleCohortStarted: n(row?.male_cohort_started),
      maleStartedMin7Days: n(row?.male_started_7),
      maleStartedMin14Days: n(row?.male_started_14),
      duration: {
        female: (row?.female_duration ?? buckets.map(() => 0)).map(Number),
        male: (row?.male_duration ?? buckets.map(() => 0)).map(Number),
      },
      paternitySpouseBirth: n(row?.spouse_birth),
      paternityParticipation: n(row?.participation),
      paternityEither: n(row?.either),
      paternityFiveDays: n(row?.five_days),
    };
  });
}
