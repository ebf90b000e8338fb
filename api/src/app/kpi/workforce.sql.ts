import type { Gender, OfficialStage } from '@ikuboard/shared/contracts';
import type { PaySums, WorkforceFigures } from '@ikuboard/shared/kpi';
import { emptyWorkforceFigures, tenureBandOf } from '@ikuboard/shared/kpi';

import type { Queryable } from '../../database/queryable';
import { familyRows, kpiSource } from './kpi-aggregates';
import type { KpiSqlScope } from './kpi-group';

/*
 * The sums and head counts behind the workforce KPIs, set-based over all requested years at once
 * (one statement per family). Every statement takes the same parameters:
 *   $1 organization, $2 fiscal years (int[]), $3 unit subtree root (null = all), $4 categories
 * (the pay gap alone has no $4: its categories are fixed by the code).
 * The definitions are those of libs/shared/kpi/src/lib/workforce-people.ts; the integration test
 * compares both on randomized organizations.
 */

const inForce = (a: string, d: string) =>
  `${a}.valid_from <= ${d} AND (${a}.valid_to IS NULL OR ${a}.valid_to > ${d})`;
const inService = (e: string, d: string) =>
  `${e}.hire_date <= ${d} AND (${e}.separation_date IS NULL OR ${e}.separation_date >= ${d})`;
const inSubtree = (a: string) =>
  `($3::uuid IS NULL OR ${a}.org_unit_id IN
     (SELECT descendant_id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $3))`;
/** FY(d) = year(d) if the month is April or later, else year(d) − 1. */
const fiscalYearOf = (d: string) =>
  `(extract(year FROM ${d})::int - CASE WHEN extract(month FROM ${d}) < 4 THEN 1 ELSE 0 END)`;

const HIRES_SQL = `
  SELECT y.fy, e.gender, e.is_midcareer AS midcareer, count(*)::int AS n
    FROM unnest($2::int[]) AS y (fy)
    JOIN employee e ON e.organization_id = $1 AND NOT e.is_rehire
                   AND e.hire_date >= make_date(y.fy, 4, 1) AND e.hire_date < make_date(y.fy + 1, 4, 1)
    JOIN assignment a ON a.organization_id = $1 AND a.employee_id = e.id AND ${inForce('a', 'e.hire_date')}
    JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
   WHERE c.code = ANY ($4::text[]) AND ${inSubtree('a')}
   GROUP BY y.fy, e.gender, e.is_midcareer`;

/** Calendar year y: in service from 1 January to 31 December, placed on 1 January. */
const ANNUAL_LEAVE_SQL = `
  WITH pop AS (
    SELECT y.fy, e.id
      FROM unnest($2::int[]) AS y (fy)
      JOIN employee e ON e.organization_id = $1 AND e.hire_date <= make_date(y.fy, 1, 1)
                     AND (e.separation_date IS NULL OR e.separation_date >= make_date(y.fy, 12, 31))
      JOIN assignment a ON a.organization_id = $1 AND a.employee_id = e.id
                       AND ${inForce('a', 'make_date(y.fy, 1, 1)')}
      JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
     WHERE c.code = ANY ($4::text[]) AND ${inSubtree('a')}
  ), taken AS (
    SELECT p.fy, p.id, coalesce(sum(l.days), 0) AS days
      FROM pop p
      LEFT JOIN leave_episode l ON l.organization_id = $1 AND l.employee_id = p.id AND l.leave_type = 'annual'
                               AND l.start_date >= make_date(p.fy, 1, 1) AND l.start_date <= make_date(p.fy, 12, 31)
     GROUP BY p.fy, p.id
  )
  SELECT fy, count(*)::int AS headcount, sum(days)::text AS days,
         count(*) FILTER (WHERE days < 5)::int AS b0,
         count(*) FILTER (WHERE days >= 5 AND days < 10)::int AS b5,
         count(*) FILTER (WHERE days >= 10 AND days < 15)::int AS b10,
         count(*) FILTER (WHERE days >= 15 AND days < 20)::int AS b15,
         count(*) FILTER (WHERE days >= 20)::int AS b20
    FROM taken
   GROUP BY fy`;

/*
 * Month i (0 = April) of each fiscal year; the eligible are the population on its 1st with a
 * non-manager stage. The annual and 2–6-month limits read every FY record of those eligible at
 * least once (a missing month is 0 h); a window must lie within the fiscal year.
 */
const OVERTIME_WINDOWS = [2, 3, 4, 5, 6];
const OVERTIME_SQL = `
  WITH m AS (
    SELECT y.fy, i, (make_date(y.fy, 4, 1) + make_interval(months => i))::date AS d
      FROM unnest($2::int[]) AS y (fy) CROSS JOIN generate_series(0, 11) AS i
  ), eligible AS (
    SELECT m.fy, m.i, e.id AS employee_id, coalesce(o.hours, 0) AS hours
      FROM m
      JOIN assignment a ON a.organization_id = $1 AND ${inForce('a', 'm.d')}
      JOIN employee e ON e.organization_id = $1 AND e.id = a.employee_id AND ${inService('e', 'm.d')}
      JOIN position_stage s ON s.organization_id = $1 AND s.id = a.position_stage_id AND NOT s.is_manager
      JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
      LEFT JOIN overtime_month o ON o.organization_id = $1 AND o.employee_id = e.id AND o.month = m.d
     WHERE c.code = ANY ($4::text[]) AND ${inSubtree('a')}
  ), monthly AS (
    SELECT m.fy, m.i, coalesce(sum(el.hours), 0) AS hours, count(el.employee_id)::int AS eligible
      FROM m LEFT JOIN eligible el ON el.fy = m.fy AND el.i = m.i
     GROUP BY m.fy, m.i
  ), person AS (
    SELECT fy, employee_id, count(*) FILTER (WHERE hours > 45) AS over45, bool_or(hours >= 100) AS over100
      FROM eligible GROUP BY fy, employee_id
  ), series AS (
    SELECT p.fy, p.employee_id, m.i, coalesce(o.hours, 0) AS h
      FROM person p
      JOIN m ON m.fy = p.fy
      LEFT JOIN overtime_month o ON o.organization_id = $1 AND o.employee_id = p.employee_id AND o.month = m.d
  ), windows AS (
    SELECT fy, employee_id, i, h,
           ${OVERTIME_WINDOWS.map((n) => `sum(h) OVER (PARTITION BY fy, employee_id ORDER BY i ROWS ${n - 1} PRECEDING) AS s${n}`).join(',\n           ')}
      FROM series
  ), yearly AS (
    SELECT fy, employee_id, sum(h) AS total,
           bool_or(${OVERTIME_WINDOWS.map((n) => `(i >= ${n - 1} AND s${n} > ${80 * n})`).join(' OR ')}) AS avg80
      FROM windows GROUP BY fy, employee_id
  ), counts AS (
    SELECT p.fy,
           count(*) FILTER (WHERE p.over45 > 0)::int AS over45,
           count(*) FILTER (WHERE yr.total > 360)::int AS over360,
           count(*) FILTER (WHERE p.over100)::int AS over100,
           count(*) FILTER (WHERE yr.total > 720)::int AS over720,
           count(*) FILTER (WHERE p.over45 > 6)::int AS over45_six,
           count(*) FILTER (WHERE yr.avg80)::int AS avg80
      FROM person p JOIN yearly yr ON yr.fy = p.fy AND yr.employee_id = p.employee_id
     GROUP BY p.fy
  )
  SELECT mo.fy,
         array_agg(mo.hours::text ORDER BY mo.i) AS hours,
         array_agg(mo.eligible ORDER BY mo.i) AS eligible,
         max(c.over45) AS over45, max(c.over360) AS over360, max(c.over100) AS over100,
         max(c.over720) AS over720, max(c.over45_six) AS over45_six, max(c.avg80) AS avg80
    FROM monthly mo LEFT JOIN counts c ON c.fy = mo.fy
   GROUP BY mo.fy`;

/** Placed on the later of Y-04-01 and the hire date; the scope's categories do not apply. */
const PAY_SQL = `
  SELECT y.fy, e.gender, c.code = 'permanent' AS permanent, s.official_stage AS stage,
         y.fy - ${fiscalYearOf('e.hire_date')} + 1 AS tenure,
         sum(p.amount)::text AS total, count(*)::int AS n
    FROM unnest($2::int[]) AS y (fy)
    JOIN annual_pay p ON p.organization_id = $1 AND p.fiscal_year = y.fy
    JOIN employee e ON e.organization_id = $1 AND e.id = p.employee_id AND e.gender IN ('female', 'male')
    CROSS JOIN LATERAL (SELECT greatest(make_date(y.fy, 4, 1), e.hire_date) AS d) AS judged
    JOIN assignment a ON a.organization_id = $1 AND a.employee_id = e.id AND ${inForce('a', 'judged.d')}
    JOIN position_stage s ON s.organization_id = $1 AND s.id = a.position_stage_id
    JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
   WHERE ${inSubtree('a')}
   GROUP BY 1, 2, 3, 4, 5`;

/** Population on Y-04-01: tenure over the permanent staff, separations over the scope. */
const TENURE_SEPARATION_SQL = `
  SELECT y.fy, e.gender, c.code = 'permanent' AS permanent, c.code = ANY ($4::text[]) AS in_scope,
         sum(y.fy - ${fiscalYearOf('e.hire_date')} + 1)::int AS tenure, count(*)::int AS n,
         count(*) FILTER (WHERE e.separation_date <= make_date(y.fy + 1, 3, 31))::int AS separated
    FROM unnest($2::int[]) AS y (fy)
    JOIN assignment a ON a.organization_id = $1 AND ${inForce('a', 'make_date(y.fy, 4, 1)')}
    JOIN employee e ON e.organization_id = $1 AND e.id = a.employee_id AND e.gender IN ('female', 'male')
                   AND ${inService('e', 'make_date(y.fy, 4, 1)')}
    JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
   WHERE ${inSubtree('a')} AND (c.code = 'permanent' OR c.code = ANY ($4::text[]))
   GROUP BY 1, 2, 3, 4`;

/*
 * The same figures from the derived tables (kpi-aggregates.ts), in the same row shapes and with
 * the same parameters: familyRows gives a family's rows of the scope's subtree as `r`.
 */
type Rows = (family: 'pop' | 'hire' | 'al' | 'pay' | 'otm') => string;

const ROLLUP_HIRES_SQL = (rows: Rows) => `
  SELECT r.fy, r.gender, r.k = 1 AS midcareer, sum(r.n)::int AS n
    FROM ${rows('hire')}
   WHERE r.category = ANY ($4::text[])
   GROUP BY r.fy, r.gender, r.k`;

const ROLLUP_ANNUAL_LEAVE_SQL = (rows: Rows) => `
  SELECT r.fy, sum(r.n)::int AS headcount, sum(r.s1)::text AS days,
         coalesce(sum(r.n) FILTER (WHERE r.k = 0), 0)::int AS b0,
         coalesce(sum(r.n) FILTER (WHERE r.k = 1), 0)::int AS b5,
         coalesce(sum(r.n) FILTER (WHERE r.k = 2), 0)::int AS b10,
         coalesce(sum(r.n) FILTER (WHERE r.k = 3), 0)::int AS b15,
         coalesce(sum(r.n) FILTER (WHERE r.k = 4), 0)::int AS b20
    FROM ${rows('al')}
   WHERE r.category = ANY ($4::text[])
   GROUP BY r.fy`;

/** Monthly hours and eligible head counts (k = month) and, above a leaf, the person counts (k = measure). */
const ROLLUP_OVERTIME_SQL = (
  rows: Rows,
  unitId: string | null,
  leaf: boolean,
) => `
  SELECT 'otm' AS family, r.fy, r.k, sum(r.n)::int AS n, sum(r.s1)::text AS hours
    FROM ${rows('otm')}
   WHERE r.category = ANY ($4::text[])
   GROUP BY r.fy, r.k
  ${
    leaf
      ? ''
      : `UNION ALL
  SELECT 'otp', r.fy, r.k, sum(r.n)::int, '0'
    FROM kpi_rollup r
   WHERE r.organization_id = $1 AND r.family = 'otp' AND r.fy = ANY ($2::int[]) AND r.category = ANY ($4::text[])
     AND ${unitId === null ? 'r.unit_id IS NULL' : 'r.unit_id = $3'}
   GROUP BY r.fy, r.k`
  }`;

/**
 * Person counts from kpi_fact: of those who change category within a FY (they do not add up by
 * category), or of everyone in a leaf unit.
 */
const OVERTIME_RESIDUAL_SQL = (leaf: boolean) => `
  WITH person AS (
    SELECT f.fy, f.employee_id, bit_or(f.mask) AS m, max(f.m45) AS m45, max(f.m100) AS m100,
           max(f.s1) AS total, bool_or(f.s2 = 1) AS avg80
      FROM kpi_fact f
     WHERE f.organization_id = $1 AND f.family = 'ot' AND f.fy = ANY ($2::int[]) AND f.category = ANY ($4::text[])
       AND ${
         leaf
           ? 'f.unit_id = $3'
           : `f.multi AND ($3::uuid IS NULL OR f.unit_id IN
             (SELECT descendant_id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $3))`
       }
     GROUP BY f.fy, f.employee_id
  )
  SELECT fy,
         count(*) FILTER (WHERE (m & m45) <> 0)::int AS k0,
         count(*) FILTER (WHERE total > 360)::int AS k1,
         count(*) FILTER (WHERE (m & m100) <> 0)::int AS k2,
         count(*) FILTER (WHERE total > 720)::int AS k3,
         count(*) FILTER (WHERE bit_count((m & m45)::bit(12)) > 6)::int AS k4,
         count(*) FILTER (WHERE avg80)::int AS k5
    FROM person GROUP BY fy`;

/** With `detailed`, the stage and tenure band only in the years $5 (int[]); elsewhere the totals. */
const ROLLUP_PAY_SQL = (rows: Rows, detailed: boolean) => `
  SELECT r.fy, r.gender, r.category = 'permanent' AS permanent,
         ${detailed ? 'CASE WHEN r.fy = ANY ($5::int[]) THEN s.official_stage END' : 's.official_stage'} AS stage,
         ${detailed ? 'CASE WHEN r.fy = ANY ($5::int[]) THEN r.k END' : 'r.k'} AS tenure,
         sum(r.s1)::text AS total, sum(r.n)::int AS n
    FROM ${rows('pay')}
    JOIN position_stage s ON s.organization_id = $1 AND s.id = r.stage_id
   GROUP BY 1, 2, 3, 4, 5`;

const ROLLUP_TENURE_SEPARATION_SQL = (rows: Rows) => `
  SELECT r.fy, r.gender, r.category = 'permanent' AS permanent, r.category = ANY ($4::text[]) AS in_scope,
         sum(r.s1)::int AS tenure, sum(r.n)::int AS n, sum(r.s2)::int AS separated
    FROM ${rows('pop')}
   WHERE r.gender IN ('female', 'male') AND (r.category = 'permanent' OR r.category = ANY ($4::text[]))
   GROUP BY 1, 2, 3, 4`;

const OVERTIME_MEASURES = [
  'over45',
  'over360',
  'over100',
  'over720',
  'over45_six',
  'avg80',
] as const;

type Row = Record<string, unknown>;

/** The rollup rows of overtime, in the shape of OVERTIME_SQL's. */
function overtimeRows(
  years: readonly number[],
  rollup: Row[],
  residual: Row[],
): Row[] {
  return years.map((fy) => {
    const hours: string[] = Array.from({ length: 12 }, () => '0');
    const eligible: number[] = Array.from({ length: 12 }, () => 0);
    const row: Row = { fy, hours, eligible };
    for (const measure of OVERTIME_MEASURES) row[measure] = 0;
    for (const r of rollup) {
      if (Number(r['fy']) !== fy) continue;
      const k = Number(r['k']);
      if (r['family'] === 'otm') {
        hours[k] = String(r['hours']);
        eligible[k] = Number(r['n']);
      } else row[OVERTIME_MEASURES[k]] = Number(r['n']);
    }
    for (const r of residual) {
      if (Number(r['fy']) !== fy) continue;
      OVERTIME_MEASURES.forEach((measure, k) => {
        row[measure] = Number(row[measure]) + Number(r[`k${k}`]);
      });
    }
    return row;
  });
}

const num = (value: unknown): number => Number(value ?? 0);

function addSums(
  sums: PaySums,
  gender: Gender,
  total: number,
  count: number,
): void {
  if (gender === 'female') {
    sums.womenTotal += total;
    sums.womenCount += count;
  } else if (gender === 'male') {
    sums.menTotal += total;
    sums.menCount += count;
  }
}

/** The statements behind the workforce figures, each read by the codes of one prefix. */
export type WorkforcePart = 'hires' | 'leave' | 'overtime' | 'pay' | 'tenure';

const PART_OF_PREFIX: readonly [string, WorkforcePart][] = [
  ['female_hire_', 'hires'],
  ['midcareer_', 'hires'],
  ['annual_leave_', 'leave'],
  ['overtime_', 'overtime'],
  ['pay_gap_', 'pay'],
  ['tenure_', 'tenure'],
  ['separation_', 'tenure'],
];

const ALL_PARTS: ReadonlySet<WorkforcePart> = new Set(
  PART_OF_PREFIX.map(([, part]) => part),
);

/** The parts the codes need (every part for a code of no known prefix). */
export function workforceParts(
  codes: readonly string[],
): ReadonlySet<WorkforcePart> {
  const parts = new Set<WorkforcePart>();
  for (const code of codes) {
    const found = PART_OF_PREFIX.find(([prefix]) => code.startsWith(prefix));
    if (found) parts.add(found[1]);
    else return ALL_PARTS;
  }
  return parts;
}

/**
 * The workforce figures of every requested fiscal year (calendar year for annual leave); with
 * `parts`, only those statements run and the other figures stay empty; with `scope.detailYears`,
 * the pay by stage and by tenure band is summed only in those years (the totals in every year).
 */
export async function workforceFigures(
  db: Queryable,
  scope: KpiSqlScope,
  fiscalYears: readonly number[],
  parts: ReadonlySet<WorkforcePart> = ALL_PARTS,
): Promise<Map<number, WorkforceFigures>> {
  const years = [...new Set(fiscalYears)];
  const parameters = [
    scope.organizationId,
    years,
    scope.unitId,
    scope.categories,
  ];
  const run = async (sql: string, values: unknown[] = parameters) =>
    (await db.query(sql, values)) as Row[];
  const unitId = scope.unitId;
  const source =
    scope.derived !== undefined
      ? scope.derived
      : await kpiSource(db, scope.organizationId, unitId, years);
  const rows: Rows = (family) =>
    familyRows(family, unitId, source ?? { leaf: false });
  const [hires, leave, overtime, pay, tenure] = source
    ? await (async () => {
        // One round trip: each statement's rows as a JSON array (none for a part not asked).
        const detailed = parts.has('pay') && scope.detailYears !== undefined;
        const statements = [
          parts.has('hires') && ROLLUP_HIRES_SQL(rows),
          parts.has('leave') && ROLLUP_ANNUAL_LEAVE_SQL(rows),
          parts.has('overtime') &&
            ROLLUP_OVERTIME_SQL(rows, unitId, source.leaf),
          parts.has('overtime') && OVERTIME_RESIDUAL_SQL(source.leaf),
          parts.has('pay') && ROLLUP_PAY_SQL(rows, detailed),
          parts.has('tenure') && ROLLUP_TENURE_SEPARATION_SQL(rows),
        ];
        const [row] = await run(
          // ($4 is typed here in case only the pay statement, which has no $4, runs.)
          `SELECT ${statements.map((sql, i) => (sql ? `(SELECT coalesce(json_agg(t), '[]') FROM (${sql}) t)` : `'[]'::json`) + ` AS p${i}`).join(',\n')},
                  cardinality($4::text[]) AS categories`,
          detailed ? [...parameters, scope.detailYears] : parameters,
        );
        const part = (i: number) => row[`p${i}`] as Row[];
        return [
          part(0),
          part(1),
          overtimeRows(years, part(2), part(3)),
          part(4),
          part(5),
        ];
      })()
    : await Promise.all([
        parts.has('hires') ? run(HIRES_SQL) : [],
        parts.has('leave') ? run(ANNUAL_LEAVE_SQL) : [],
        parts.has('overtime') ? run(OVERTIME_SQL) : [],
        parts.has('pay') ? run(PAY_SQL, parameters.slice(0, 3)) : [],
        parts.has('tenure') ? run(TENURE_SEPARATION_SQL) : [],
      ]);

  const figures = new Map(
    years.map((year) => [year, emptyWorkforceFigures(year)]),
  );
  const of = (row: Row): WorkforceFigures => {
    const found = figures.get(num(row['fy']));
    if (!found) throw new Error(`unexpected fiscal year ${String(row['fy'])}`);
    return found;
  };

  for (const row of hires) {
    const f = of(row);
    const gender = row['gender'] as Gender;
    f.hires[gender] += num(row['n']);
    if (row['midcareer'] === true) f.midcareerHires[gender] += num(row['n']);
  }

  for (const row of leave) {
    const f = of(row);
    f.annualLeave.headcount = num(row['headcount']);
    f.annualLeave.days = num(row['days']);
    f.annualLeave.under5Days = num(row['b0']);
    f.annualLeave.buckets = {
      '0-4': num(row['b0']),
      '5-9': num(row['b5']),
      '10-14': num(row['b10']),
      '15-19': num(row['b15']),
      '20+': num(row['b20']),
    };
  }

  for (const row of overtime) {
    const f = of(row);
    const hours = row['hours'] as unknown[];
    const eligible = row['eligible'] as unknown[];
    f.overtime.months = f.overtime.months.map((month, index) => ({
      month: month.month,
      hours: num(hours[index]),
      eligible: num(eligible[index]),
    }));
    f.overtime.over45hMonth = num(row['over45']);
    f.overtime.over360hYear = num(row['over360']);
    f.overtime.over100hMonth = num(row['over100']);
    f.overtime.over720hYear = num(row['over720']);
    f.overtime.over45hSixMonths = num(row['over45_six']);
    f.overtime.avg80hTwoToSixMonths = num(row['avg80']);
  }

  for (const row of pay) {
    const f = of(row);
    const gender = row['gender'] as Gender;
    const total = num(row['total']);
    const count = num(row['n']);
    if (row['permanent'] !== true) {
      addSums(f.pay.other, gender, total, count);
      continue;
    }
    addSums(f.pay.permanent, gender, total, count);
    // (no stage or tenure: a year whose breakdown the caller does not keep, summed as a whole)
    if (row['stage'] === null) continue;
    addSums(
      f.pay.permanentByStage[row['stage'] as OfficialStage],
      gender,
      total,
      count,
    );
    const band = tenureBandOf(num(row['tenure']));
    if (band) addSums(f.pay.permanentByTenureBand[band], gender, total, count);
  }

  for (const row of tenure) {
    const f = of(row);
    const gender = row['gender'] as 'female' | 'male';
    if (row['permanent'] === true) {
      f.tenure[gender].total += num(row['tenure']);
      f.tenure[gender].headcount += num(row['n']);
    }
    if (row['in_scope'] === true) {
      f.separation[gender].population += num(row['n']);
      f.separation[gender].separated += num(row['separated']);
    }
  }
  return figures;
}
