import { addDays, type IsoDate } from '@ikuboard/shared/kpi';

import { refreshKpiAggregates } from '../../api/src/app/kpi/kpi-aggregates';
import { childcareRollupCountsSql } from '../../api/src/app/kpi/kpi-dashboard-aggregates';
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

/**
 * The 13 person counts of the childcare KPIs, written out here as count(DISTINCT parent) over
 * kpi_childcare_fact (the definition the roll-up must reproduce), in the roll-up's bit order.
 */
const DISTINCT_COUNTS = [
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
]
  .map(
    (condition) =>
      `count(DISTINCT employee_id) FILTER (WHERE ${condition})::int`,
  )
  .join(', ');

const CATEGORY_SETS = [
  ['permanent'],
  ['permanent', 'annual_part', 'fixed_term'],
  ['annual_part', 'fixed_term'],
];

/** fy → the 13 counts, from the facts of the subtree (root null = the organization). */
async function distinctCounts(
  organizationId: string,
  root: string | null,
  categories: string[],
  years: number[],
): Promise<Record<number, number[]>> {
  const rows = (await queryable.query(
    `SELECT fy, ARRAY[${DISTINCT_COUNTS}] AS counts FROM kpi_childcare_fact
      WHERE organization_id = $1 AND category = ANY ($2::text[]) AND fy = ANY ($4::int[])
        AND ($3::uuid IS NULL OR unit_id IN
              (SELECT descendant_id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $3::uuid))
      GROUP BY fy`,
    [organizationId, categories, root, years],
  )) as { fy: number; counts: number[] }[];
  const result: Record<number, number[]> = {};
  for (const year of years) result[year] = Array.from({ length: 13 }, () => 0);
  for (const row of rows) result[row.fy] = row.counts.map(Number);
  return result;
}

/** The same from kpi_childcare_rollup (and the multi-category parents' person rows). */
async function rolledUpCounts(
  organizationId: string,
  root: string | null,
  categories: string[],
  years: number[],
): Promise<Record<number, number[]>> {
  const rows = (await queryable.query(childcareRollupCountsSql(root), [
    organizationId,
    years,
    categories,
    root,
  ])) as { y: number; k: number; n: number }[];
  const result: Record<number, number[]> = {};
  for (const year of years) result[year] = Array.from({ length: 13 }, () => 0);
  for (const row of rows) result[row.y]![row.k]! += Number(row.n);
  return result;
}

async function childcareTables(organizationId: string): Promise<unknown[]> {
  const db = testDatabase();
  const persons = await db.query(
    `SELECT fy, unit_id, employee_id, category, flags, multi FROM kpi_childcare_person
      WHERE organization_id = $1 ORDER BY fy, unit_id NULLS FIRST, employee_id, category`,
    [organizationId],
  );
  const rollup = await db.query(
    `SELECT unit_id, fy, category, k, n::int FROM kpi_childcare_rollup
      WHERE organization_id = $1 ORDER BY unit_id NULLS FIRST, fy, category, k`,
    [organizationId],
  );
  return [persons.rows, rollup.rows];
}

describe('kpi_childcare_rollup: the childcare person counts per subtree root stay exact', () => {
  afterAll(closeTestDatabase);

  it('equal the distinct counts over the facts after a full refresh and after a childcare leave import of some parents', async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    console.log(`kpi-childcare-rollup seed ${seed}`);
    const random = mulberry32(seed ^ 0x77);
    const dataset = randomChildcareDataset(seed, {
      employees: 260,
      firstFiscalYear: 2020,
      lastFiscalYear: 2024,
    });
    const code = uniqueCode('ccr');
    const organizationId = await insertKpiDataset(dataset, code);
    const hr = await (
      await addTenantAccounts(organizationId, code)
    ).login('hr');
    const units = (await queryable.query(
      `SELECT u.code, u.id FROM org_unit u WHERE u.organization_id = $1
          AND EXISTS (SELECT 1 FROM org_unit c WHERE c.parent_id = u.id)`,
      [organizationId],
    )) as { code: string; id: string }[];
    // U1, U1-1, U2, U2-2: the units with sub-units
    expect(units.map((unit) => unit.code).sort()).toEqual([
      'U1',
      'U1-1',
      'U2',
      'U2-2',
    ]);
    const roots = [null, ...units.map((unit) => unit.id)];
    const years = [2019, 2020, 2021, 2022, 2023, 2024, 2025];

    const compare = async (when: string): Promise<number> => {
      let nonZero = 0;
      let total = 0;
      for (const root of roots)
        for (const categories of CATEGORY_SETS) {
          const expected = await distinctCounts(
            organizationId,
            root,
            categories,
            years,
          );
          total += Object.values(expected)
            .flat()
            .reduce((sum, n) => sum + n, 0);
          nonZero += Object.values(expected)
            .flat()
            .filter((n) => n > 0).length;
          expect({
            when,
            root,
            categories,
            counts: await rolledUpCounts(
              organizationId,
              root,
              categories,
              years,
            ),
          }).toEqual({
            when,
            root,
            categories,
            counts: expected,
          });
        }
      expect(nonZero).toBeGreaterThan(100);
      return total;
    };
    const before = await compare('after the full refresh');

    // Childcare leave, 配偶者出産休暇 and 育児参加休暇 for some parents' children, and new children.
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
    const freeInFile = (employeeId: string, start: string, end: string) =>
      !rows.some(
        (r) =>
          r[0] === employeeId &&
          (r[2] as string) <= end &&
          (r[3] as string) >= start,
      );
    for (const child of dataset.children) {
      if (child.birthDate < '2020-06-01' || child.birthDate > '2024-10-01')
        continue;
      if (random() > 0.3) continue;
      const e = employees.get(child.employeeId)!;
      const father = e.gender === 'male';
      const [type, offset, days] = father
        ? random() < 0.5
          ? (['spouse_birth', 0, 2] as const)
          : (['childcare_participation', 10, 5] as const)
        : (['childcare', 60, 20] as const);
      const start = plusDays(child.birthDate, offset);
      const end = plusDays(start, days - 1);
      if (!free(e.id, start, end) || !inService(e.id, start, end)) continue;
      // twins, or children born days apart: no two rows of a person may overlap in the file (the
      // import rightly refuses that, seed 52086531)
      if (!freeInFile(e.id, start, end)) continue;
      rows.push([e.id, type, start, end, days, child.birthDate]);
    }
    // Fathers' leave for children not registered yet: the import adds the children.
    for (const e of dataset.employees.filter((x) => x.gender === 'male')) {
      if (rows.length > 60 || random() > 0.1) continue;
      const birth = '2023-08-17';
      if (
        !free(e.id, birth, plusDays(birth, 13)) ||
        !freeInFile(e.id, birth, plusDays(birth, 13)) ||
        !inService(e.id, birth, plusDays(birth, 13))
      )
        continue;
      rows.push([e.id, 'childcare', birth, plusDays(birth, 13), 14, birth]);
    }
    expect(rows.length).toBeGreaterThan(10);
    await importSucceeded(hr, 'leave', '休暇', LEAVE_HEADER, rows);
    // (the imported leave changed the counts, so the incremental path had work to do)
    expect(await compare('after the import')).not.toBe(before);

    // The incremental refresh leaves exactly what a rebuild writes.
    const afterImport = await childcareTables(organizationId);
    await refreshKpiAggregates(queryable, organizationId);
    expect(afterImport).toEqual(await childcareTables(organizationId));
  });
});
