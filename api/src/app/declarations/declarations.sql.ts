import type { KpiPeopleDto, KpiPersonDto } from '@ikuboard/shared/contracts';

import type { Queryable } from '../../database/queryable';
import {
  KpiMemo,
  requestIkubossKpiInputVersions,
  type IkubossKpiInputVersions,
} from './ikuboss-kpi-memo';

/**
 * The managers a campaign requires: in service on April 1 of its fiscal year, with an assignment
 * on that date whose position stage is one of the campaign's and whose unit is in its scope
 * (every employment category). `$1` is the organization; `campaignFilter` narrows the campaigns
 * (it may use further parameters). One row per (campaign, employee).
 */
export function requiredManagersSql(campaignFilter: string): string {
  // The campaigns' stages are picked first, then each stage's assignments on April 1 through
  // ix_assignment_org_stage (OFFSET 0 keeps the planner from flattening either step): a handful
  // of stage rows and a few thousand managers, instead of scanning every assignment and employee
  // and joining them to every campaign's stages.
  return `
    SELECT c.campaign_id, c.fiscal_year, e.id AS employee_id, e.employee_number, e.name,
           a.org_unit_id, s.name AS stage_name
      FROM (SELECT c.id AS campaign_id, c.fiscal_year, c.scope_unit_id, cs.position_stage_id,
                   make_date(c.fiscal_year, 4, 1) AS d
              FROM ikuboss_campaign c
              JOIN ikuboss_campaign_stage cs ON cs.organization_id = c.organization_id AND cs.campaign_id = c.id
             WHERE c.organization_id = $1 AND (${campaignFilter})
            OFFSET 0) c
      CROSS JOIN LATERAL (
             SELECT a.employee_id, a.org_unit_id, a.position_stage_id FROM assignment a
              WHERE a.organization_id = $1 AND a.position_stage_id = c.position_stage_id
                AND a.valid_from <= c.d AND (a.valid_to IS NULL OR a.valid_to > c.d)
             OFFSET 0) a
      CROSS JOIN LATERAL (
             SELECT e.id, e.employee_number, e.name FROM employee e
              WHERE e.organization_id = $1 AND e.id = a.employee_id
                AND e.hire_date <= c.d AND (e.separation_date IS NULL OR e.separation_date >= c.d)
             OFFSET 0) e
      JOIN position_stage s ON s.organization_id = $1 AND s.id = a.position_stage_id
     WHERE c.scope_unit_id IS NULL OR EXISTS (
             SELECT 1 FROM org_unit_closure k
              WHERE k.organization_id = $1 AND k.ancestor_id = c.scope_unit_id AND k.descendant_id = a.org_unit_id)`;
}

/** Whether the employee holds a signed, unrevoked declaration for the fiscal year (aliases as in requiredManagersSql). */
export const HOLDS_DECLARATION_SQL = `EXISTS (
  SELECT 1 FROM ikuboss_declarer dd
    JOIN ikuboss_declaration dx ON dx.organization_id = dd.organization_id AND dx.id = dd.declaration_id
   WHERE dd.organization_id = $1 AND dd.employee_id = m.employee_id AND dx.fiscal_year = m.fiscal_year
     AND dx.signed_at IS NOT NULL AND dx.revoked_at IS NULL)`;

export interface CoverageCounts {
  fiscalYear: number;
  required: number;
  declared: number;
}

/**
 * DOMAIN.md §3 ikuboss_declaration_coverage: distinct managers required by any FY-Y campaign
 * whose April-1 unit is in the subtree, and how many of them hold a signed, unrevoked FY-Y
 * declaration.
 */
export async function coverageCounts(
  db: Queryable,
  organizationId: string,
  fiscalYears: readonly number[],
  unitId: string | null,
  /** The request's shared version reader (KpiSqlScope.inputVersions); a read of its own when absent. */
  inputVersions: IkubossKpiInputVersions = requestIkubossKpiInputVersions(
    db,
    organizationId,
  ),
): Promise<CoverageCounts[]> {
  // Every input of the counts (campaigns and their stages, declarations and declarers, employees,
  // assignments, the unit closure) is one of the tables whose changes the version counts.
  const version = await inputVersions([
    'employee',
    'assignment',
    'org_unit_closure',
    'position_stage',
    'ikuboss_campaign',
    'ikuboss_campaign_stage',
    'ikuboss_declaration',
    'ikuboss_declarer',
  ]);
  // Kept per year, so a trend and a one-year request share their work; the years not kept yet
  // are counted in one statement, and concurrent requests wait for the same one.
  const keyOf = (fiscalYear: number) =>
    `${organizationId}|${version}|${unitId}|${fiscalYear}`;
  const pending = new Map<number, Promise<CoverageCounts>>();
  for (const fiscalYear of fiscalYears) {
    const known = coverageMemo.get(keyOf(fiscalYear));
    if (known) pending.set(fiscalYear, known);
  }
  const missing = [...new Set(fiscalYears)].filter((y) => !pending.has(y));
  if (missing.length > 0) {
    const counted = liveCoverageCounts(db, organizationId, missing, unitId);
    counted.catch(() => {
      for (const fiscalYear of missing) coverageMemo.delete(keyOf(fiscalYear));
    });
    missing.forEach((fiscalYear, index) => {
      const one = counted.then((counts) => counts[index]!);
      pending.set(fiscalYear, one);
      coverageMemo.set(keyOf(fiscalYear), one);
    });
  }
  return Promise.all(
    fiscalYears.map(async (fiscalYear) => ({
      ...(await pending.get(fiscalYear)!),
    })),
  );
}

const coverageMemo = new KpiMemo<Promise<CoverageCounts>>(1024);

/** For tests and the benchmark: forget every kept coverage count. */
export function clearCoverageMemo(): void {
  coverageMemo.clear();
}

/** The counts computed from the base rows (what coverageCounts keeps per input version). */
export async function liveCoverageCounts(
  db: Queryable,
  organizationId: string,
  fiscalYears: readonly number[],
  unitId: string | null,
): Promise<CoverageCounts[]> {
  const rows = (await db.query(
    `WITH m AS (
       SELECT DISTINCT q.fiscal_year, q.employee_id
         FROM (${requiredManagersSql('c.fiscal_year = ANY ($2::int[])')}) q
        WHERE $3::uuid IS NULL OR EXISTS (
                SELECT 1 FROM org_unit_closure k
                 WHERE k.organization_id = $1 AND k.ancestor_id = $3 AND k.descendant_id = q.org_unit_id)
     )
     -- HOLDS_DECLARATION_SQL as one set for the years: an uncorrelated IN is a hashed subplan,
     -- built once, instead of two index probes per required manager
     SELECT m.fiscal_year, count(*)::int AS required,
            count(*) FILTER (WHERE (m.employee_id, m.fiscal_year) IN (
              SELECT dd.employee_id, dx.fiscal_year
                FROM ikuboss_declarer dd
                JOIN ikuboss_declaration dx ON dx.organization_id = dd.organization_id AND dx.id = dd.declaration_id
               WHERE dd.organization_id = $1 AND dx.fiscal_year = ANY ($2::int[])
                 AND dx.signed_at IS NOT NULL AND dx.revoked_at IS NULL))::int AS declared
       FROM m
      GROUP BY m.fiscal_year`,
    [organizationId, fiscalYears, unitId],
  )) as { fiscal_year: number; required: number; declared: number }[];
  const byYear = new Map(rows.map((row) => [Number(row.fiscal_year), row]));
  return fiscalYears.map((fiscalYear) => ({
    fiscalYear,
    required: Number(byYear.get(fiscalYear)?.required ?? 0),
    declared: Number(byYear.get(fiscalYear)?.declared ?? 0),
  }));
}

/** The HR drill-down of the coverage KPI: the required managers, and those who declared. */
export async function coveragePeople(
  db: Queryable,
  organizationId: string,
  fiscalYear: number,
  unitId: string | null,
): Promise<KpiPeopleDto> {
  const rows = (await db.query(
    `SELECT m.employee_number, m.name, u.name AS unit_name, m.stage_name,
            string_agg(DISTINCT c.name, '、') AS campaigns, bool_or(${HOLDS_DECLARATION_SQL}) AS declared
       FROM (${requiredManagersSql('c.fiscal_year = $2')}) m
       JOIN ikuboss_campaign c ON c.organization_id = $1 AND c.id = m.campaign_id
       JOIN org_unit u ON u.organization_id = $1 AND u.id = m.org_unit_id
      WHERE $3::uuid IS NULL OR EXISTS (
              SELECT 1 FROM org_unit_closure k
               WHERE k.organization_id = $1 AND k.ancestor_id = $3 AND k.descendant_id = m.org_unit_id)
      GROUP BY m.employee_number, m.name, u.name, m.stage_name
      ORDER BY m.employee_number`,
    [organizationId, fiscalYear, unitId],
  )) as {
    employee_number: string;
    name: string;
    unit_name: string;
    stage_name: string;
    campaigns: string;
    declared: boolean;
  }[];
  const person = (
    row: (typeof rows)[number],
    declared: boolean,
  ): KpiPersonDto => ({
    employeeNumber: row.employee_number,
    name: row.name,
    unitName: row.unit_name,
    reason: declared
      ? {
          ja: `${fiscalYear}年度の署名済み(取消なし)のイクボス宣言あり`,
          en: `Holds a signed, unrevoked Ikuboss declaration for FY${fiscalYear}`,
        }
      : {
          ja: `${row.stage_name}として「${row.campaigns}」の対象`,
          en: `Required as ${row.stage_name} by "${row.campaigns}"`,
        },
  });
  return {
    code: 'ikuboss_declaration_coverage',
    fiscalYear,
    numerator: rows
      .filter((row) => row.declared)
      .map((row) => person(row, true)),
    denominator: rows.map((row) => person(row, false)),
  };
}
