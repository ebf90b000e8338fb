import { addDays, type IsoDate } from '@ikuboard/shared/kpi';

import { refreshKpiAggregates } from '../../api/src/app/kpi/kpi-aggregates';
import { childcareDurationPairsSql } from '../../api/src/app/kpi/kpi-childcare-duration';
import {
  closeTestDatabase,
  queryable,
  testDatabase,
} from '../support/database';
import { insertKpiDataset } from '../support/load-dataset';
import {
  mulberry32,
  randomChildcareDataset,
} from '../support/random-childcare-dataset';
import { importSucceeded } from '../support/imports';
import { addTenantAccounts, uniqueCode } from '../support/tenant';
import { LEAVE_HEADER } from '../support/xlsx';

const CATEGORY_SETS = [
  ['permanent'],
  ['permanent', 'annual_part', 'fixed_term'],
  ['annual_part', 'fixed_term'],
];

/** "fy gender days" → pairs, without zeros. */
type Pairs = Record<string, number>;

const keyOf = (row: { y: number; gender: string; days: string }) =>
  `${row.y} ${row.gender} ${Number(row.days)}`;

/**
 * The definition the duration roll-up must reproduce, written out here: the distinct
 * (fy, parent, child, gender, days) of the subtree's 'p' facts in the categories, counted per
 * (fy, gender, days).
 */
async function distinctPairs(
  organizationId: string,
  root: string | null,
  categories: string[],
  years: number[],
): Promise<Pairs> {
  const rows = (await queryable.query(
    `SELECT y, gender, days::text AS days, count(*)::int AS n
       FROM (SELECT DISTINCT fy AS y, employee_id, child_id, gender, days FROM kpi_childcare_fact
              WHERE organization_id = $1 AND kind = 'p' AND category = ANY ($2::text[]) AND fy = ANY ($4::int[])
                AND ($3::uuid IS NULL OR unit_id IN
                      (SELECT descendant_id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $3::uuid))) p
      GROUP BY y, gender, days`,
    [organizationId, categories, root, years],
  )) as { y: number; gender: string; days: string; n: number }[];
  const result: Pairs = {};
  for (const row of rows) result[keyOf(row)] = row.n;
  return result;
}

/** The same from kpi_childcare_duration and the multi pairs' rows, as the dashboard reads them. */
async function rolledUpPairs(
  organizationId: string,
  root: string | null,
  categories: string[],
  years: number[],
): Promise<Pairs> {
  const rows = (await queryable.query(
    childcareDurationPairsSql(root, '$2', '$3', '$4'),
    [organizationId, years, categories, root],
  )) as { y: number; gender: string; days: string; pairs: string }[];
  const result: Pairs = {};
  for (const row of rows)
    result[keyOf(row)] = (result[keyOf(row)] ?? 0) + Number(row.pairs);
  for (const key of Object.keys(result))
    if (result[key] === 0) delete result[key];
  return result;
}

/** The two tables in a canonical order (duration rows with 0 pairs left out: they add nothing). */
async function durationTables(organizationId: string): Promise<unknown[]> {
  const db = testDatabase();
  const pairs = await db.query(
    `SELECT fy, employee_id, child_id, unit_id, category, gender, trim_scale(days)::text AS days, multi
       FROM kpi_childcare_pair WHERE organization_id = $1
      ORDER BY fy, employee_id, child_id, unit_id, category`,
    [organizationId],
  );
  const durations = await db.query(
    `SELECT unit_id, fy, category, gender, trim_scale(days)::text AS days, pairs::int
       FROM kpi_childcare_duration WHERE organization_id = $1 AND pairs <> 0
      ORDER BY unit_id NULLS FIRST, fy, category, gender, days`,
    [organizationId],
  );
  return [pairs.rows, durations.rows];
}

/**
 * For `count` childcare pairs of the year, a second assignment of another category (and unit) in
 * force on the day that places the pair, so the pair has facts in two categories (multi).
 * Returns the employees given one (none of `exclude`).
 */
async function overlapSomePairs(
  organizationId: string,
  count: number,
  random: () => number,
  exclude: readonly string[] = [],
): Promise<string[]> {
  const pairs = (await queryable.query(
    `SELECT DISTINCT ON (l.employee_id) l.employee_id, min(l.start_date)::text AS first_start, a.org_unit_id,
            a.position_stage_id, a.employment_category_id
       FROM leave_episode l
       JOIN assignment a ON a.organization_id = $1 AND a.employee_id = l.employee_id
                        AND a.valid_from < l.start_date AND (a.valid_to IS NULL OR a.valid_to > l.start_date + 40)
      WHERE l.organization_id = $1 AND l.leave_type IN ('childcare', 'birth_childcare')
      GROUP BY l.employee_id, a.org_unit_id, a.position_stage_id, a.employment_category_id
      ORDER BY l.employee_id`,
    [organizationId],
  )) as {
    employee_id: string;
    first_start: string;
    org_unit_id: string;
    position_stage_id: string;
    employment_category_id: string;
  }[];
  const chosen = pairs
    .filter((pair) => !exclude.includes(pair.employee_id))
    .filter(() => random() < 0.5)
    .slice(0, count);
  for (const pair of chosen)
    await queryable.query(
      `INSERT INTO assignment (organization_id, employee_id, valid_from, valid_to, org_unit_id, position_stage_id,
                               employment_category_id)
       SELECT $1, $2, $3::date - 1, $3::date + 30,
              (SELECT id FROM org_unit WHERE organization_id = $1 AND id <> $4 ORDER BY random() LIMIT 1),
              $5, (SELECT id FROM employment_category WHERE organization_id = $1 AND id <> $6 ORDER BY code LIMIT 1)`,
      [
        organizationId,
        pair.employee_id,
        pair.first_start,
        pair.org_unit_id,
        pair.position_stage_id,
        pair.employment_category_id,
      ],
    );
  return chosen.map((pair) => pair.employee_id);
}

describe('kpi_childcare_duration: the leave-duration pairs per subtree root stay exact', () => {
  afterAll(closeTestDatabase);

  it('equal the distinct pairs over the facts after a full refresh, a childcare leave import and a refresh of some employees', async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    console.log(`kpi-childcare-duration seed ${seed}`);
    const random = mulberry32(seed ^ 0x5d);
    const dataset = randomChildcareDataset(seed, {
      employees: 260,
      firstFiscalYear: 2020,
      lastFiscalYear: 2024,
    });
    const code = uniqueCode('ccd');
    const organizationId = await insertKpiDataset(dataset, code);
    const hr = await (
      await addTenantAccounts(organizationId, code)
    ).login('hr');
    const units = (await queryable.query(
      `SELECT u.code, u.id FROM org_unit u WHERE u.organization_id = $1
          AND EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = u.id)`,
      [organizationId],
    )) as { code: string; id: string }[];
    expect(units.map((unit) => unit.code).sort()).toEqual([
      'U1',
      'U1-1',
      'U2',
      'U2-2',
    ]);
    const roots = [null, ...units.map((unit) => unit.id)];
    const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

    // Overlapping assignments: pairs with facts in two categories (the leftover the rows miss).
    const overlapped = await overlapSomePairs(organizationId, 8, random);
    expect(overlapped.length).toBeGreaterThan(2);
    await refreshKpiAggregates(queryable, organizationId);
    const multi = async () =>
      Number(
        (
          (await queryable.query(
            `SELECT count(*) AS n FROM kpi_childcare_pair WHERE organization_id = $1 AND multi`,
            [organizationId],
          )) as { n: string }[]
        )[0]!.n,
      );
    expect(await multi()).toBeGreaterThan(0);

    const compare = async (when: string): Promise<number> => {
      let total = 0;
      for (const root of roots)
        for (const categories of CATEGORY_SETS) {
          const expected = await distinctPairs(
            organizationId,
            root,
            categories,
            years,
          );
          total += Object.values(expected).reduce((sum, n) => sum + n, 0);
          expect({
            when,
            root,
            categories,
            pairs: await rolledUpPairs(organizationId, root, categories, years),
          }).toEqual({ when, root, categories, pairs: expected });
        }
      expect(total).toBeGreaterThan(100);
      return total;
    };
    const before = await compare('after the full refresh');

    // Childcare leave of some mothers and fathers: the import refreshes those employees.
    const employees = new Map(dataset.employees.map((e) => [e.id, e]));
    const plusDays = (date: string, days: number): string =>
      addDays(date as IsoDate, days);
    const free = (employeeId: string, start: string, end: string) =>
      !dataset.leaves.some(
        (l) =>
          l.employeeId === employeeId &&
          l.startDate <= end &&
          l.endDate >= start,
      );
    const inService = (employeeId: string, start: string, end: string) => {
      const e = employees.get(employeeId)!;
      return (
        e.hireDate <= start &&
        (e.separationDate === null || e.separationDate >= end)
      );
    };
    const rows: (string | number)[][] = [];
    for (const child of dataset.children) {
      if (child.birthDate < '2020-06-01' || child.birthDate > '2024-10-01')
        continue;
      if (random() > 0.6) continue;
      const e = employees.get(child.employeeId)!;
      const days = 5 + Math.floor(random() * 40);
      const start = plusDays(child.birthDate, e.gender === 'male' ? 20 : 70);
      const end = plusDays(start, days - 1);
      if (!free(e.id, start, end) || !inService(e.id, start, end)) continue;
      // (nor overlapping a row of this file: twins, or two children close together)
      if (
        rows.some(
          (r) => r[0] === e.id && String(r[2]) <= end && String(r[3]) >= start,
        )
      )
        continue;
      rows.push([e.id, 'childcare', start, end, days, child.birthDate]);
    }
    expect(rows.length).toBeGreaterThan(5);
    await importSucceeded(hr, 'leave', '休暇', LEAVE_HEADER, rows);
    const afterImport = await compare('after the import');
    expect(afterImport).not.toBe(before);

    // A refresh of some employees whose pairs stop (and start) being multi: the overlapping
    // assignments of half of them removed, new ones for others.
    const removed = overlapped.slice(0, Math.ceil(overlapped.length / 2));
    await queryable.query(
      `DELETE FROM assignment a WHERE a.organization_id = $1 AND a.employee_id = ANY ($2::uuid[])
          AND a.valid_to = a.valid_from + 31
          AND EXISTS (SELECT 1 FROM assignment b WHERE b.organization_id = $1 AND b.employee_id = a.employee_id
                         AND b.id <> a.id AND b.valid_from < a.valid_from
                         AND (b.valid_to IS NULL OR b.valid_to > a.valid_to))`,
      [organizationId, removed],
    );
    const added = await overlapSomePairs(organizationId, 6, random, overlapped);
    expect(added.length).toBeGreaterThan(0);
    await refreshKpiAggregates(queryable, organizationId, {
      employeeIds: [...removed, ...added],
    });
    await compare('after a refresh of some employees');

    // The incremental refreshes leave exactly what a rebuild writes.
    const incremental = await durationTables(organizationId);
    await refreshKpiAggregates(queryable, organizationId);
    expect(incremental).toEqual(await durationTables(organizationId));
    await compare('after the rebuild');
  });
});
