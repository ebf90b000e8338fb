import {
  REBUILD_SHARE,
  refreshKpiAggregates,
} from '../../api/src/app/kpi/kpi-aggregates';
import {
  closeTestDatabase,
  queryable,
  testDatabase,
} from '../support/database';
import { insertKpiDataset } from '../support/load-dataset';
import {
  randomWorkforceDataset,
  workforcePrng,
} from '../support/random-workforce-dataset';
import { importSucceeded } from '../support/imports';
import { addTenantAccounts, uniqueCode } from '../support/tenant';
import { LEAVE_HEADER, ROSTER_HEADER, type CellInput } from '../support/xlsx';

/** Every derived row of the organization, in a canonical order (zero roll-up rows left out). */
// Sums are compared by value: an incremental refresh may leave 0.00 where a rebuild writes 0.
/**
 * A random 2020–2023 organization of `employees` people with an HR account; the seed is printed
 * under `label` so that a failure can be replayed.
 */
async function randomTenant(label: string, employees: number, prefix: string) {
  const seed = Math.floor(Math.random() * 2 ** 31);
  console.log(`kpi-aggregates ${label ? `${label} ` : ''}seed ${seed}`);
  const random = workforcePrng(seed);
  const dataset = randomWorkforceDataset(seed, {
    employees,
    firstFiscalYear: 2020,
    lastFiscalYear: 2023,
  });
  const code = uniqueCode(prefix);
  const organizationId = await insertKpiDataset(dataset, code);
  const hr = await (await addTenantAccounts(organizationId, code)).login('hr');
  return { random, dataset, organizationId, hr };
}

async function derivedRows(organizationId: string): Promise<unknown[]> {
  const db = testDatabase();
  const rollup = await db.query(
    `SELECT family, unit_id, fy, category, stage_id, gender, k, trim_scale(n)::text AS n, trim_scale(s1)::text AS s1, trim_scale(s2)::text AS s2 FROM kpi_rollup
      WHERE organization_id = $1 AND NOT (n = 0 AND s1 = 0 AND s2 = 0)
      ORDER BY family, unit_id NULLS FIRST, fy, category, stage_id NULLS FIRST, gender, k`,
    [organizationId],
  );
  const facts = await db.query(
    `SELECT family, fy, employee_id, unit_id, category, stage_id, gender, k, trim_scale(s1)::text AS s1, trim_scale(s2)::text AS s2, mask, m45, m100,
            hours::text, multi
       FROM kpi_fact WHERE organization_id = $1
      ORDER BY family, fy, employee_id, unit_id, category, stage_id NULLS FIRST, k`,
    [organizationId],
  );
  const childcare = await db.query(
    `SELECT fy, kind, employee_id, child_id, gender, unit_id, category, childcare, spouse_birth, participation,
            trim_scale(paternity_days)::text AS paternity_days, trim_scale(days)::text AS days, started
       FROM kpi_childcare_fact WHERE organization_id = $1
      ORDER BY fy, kind, employee_id, child_id, unit_id, category`,
    [organizationId],
  );
  return [rollup.rows, facts.rows, childcare.rows];
}

describe('KPI derived tables: an import refreshes them to exactly what a full rebuild gives', () => {
  afterAll(closeTestDatabase);

  it('after leave, overtime and pay imports of some employees', async () => {
    const { random, dataset, organizationId, hr } = await randomTenant(
      '',
      150,
      'agg',
    );

    // staff in service all of 2022 (calendar year and FY), with no annual leave on the chosen days
    const inService = dataset.employees.filter(
      (e) =>
        e.hireDate <= '2022-01-01' &&
        (e.separationDate === null || e.separationDate >= '2023-03-31'),
    );
    const days = ['2022-06-18', '2022-11-12', '2023-02-11'];
    const leaveRows = inService.flatMap((e) =>
      days
        .filter(
          (day) =>
            random() < 0.5 &&
            !dataset.leaves.some(
              (l) =>
                l.employeeId === e.id &&
                l.type === 'annual' &&
                l.startDate <= day &&
                l.endDate >= day,
            ),
        )
        .map((day) => [e.id, 'annual', day, day, 0.5]),
    );
    expect(leaveRows.length).toBeGreaterThan(10);
    await importSucceeded(hr, 'leave', '休暇', LEAVE_HEADER, leaveRows);

    const overtimeRows = inService
      .filter(() => random() < 0.4)
      .flatMap((e) =>
        ['2022-05', '2022-06', '2022-07'].map((month) => [
          e.id,
          month,
          Math.round(random() * 240) / 2,
        ]),
      );
    await importSucceeded(
      hr,
      'overtime',
      '超過勤務',
      ['職員番号', '年月', '時間'],
      overtimeRows,
    );

    const payRows = inService
      .filter(() => random() < 0.4)
      .map((e) => [e.id, 2022, 3_000_000 + Math.floor(random() * 5_000_000)]);
    await importSucceeded(
      hr,
      'pay',
      '給与',
      ['職員番号', '年度', '年間給与額'],
      payRows,
    );

    const afterImports = await derivedRows(organizationId);
    await refreshKpiAggregates(queryable, organizationId);
    const rebuilt = await derivedRows(organizationId);
    expect((rebuilt[0] as unknown[]).length).toBeGreaterThan(0);
    expect(afterImports).toEqual(rebuilt);
  });
  it('after a roster import with new, changed and separated employees and changed assignments', async () => {
    const { random, dataset, organizationId, hr } = await randomTenant(
      'roster',
      150,
      'aggr',
    );
    const db = testDatabase();
    const asOf = '2022-04-01';
    // The file is written from the stored rows (as an export would be), then edited.
    const current = (
      await db.query(
        `SELECT e.id, e.employee_number, e.name, e.gender, to_char(e.hire_date, 'YYYY-MM-DD') AS hire,
                to_char(e.separation_date, 'YYYY-MM-DD') AS sep, e.is_rehire, e.is_midcareer,
                u.code AS unit, s.code AS stage, c.code AS category
           FROM employee e
           JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.id
                            AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to > $2)
           JOIN org_unit u ON u.id = a.org_unit_id
           JOIN position_stage s ON s.id = a.position_stage_id
           JOIN employment_category c ON c.id = a.employment_category_id
          WHERE e.organization_id = $1 AND e.hire_date < $2
            AND (e.separation_date IS NULL OR e.separation_date >= $2)
          ORDER BY e.employee_number`,
        [organizationId, asOf],
      )
    ).rows as {
      id: string;
      employee_number: string;
      name: string;
      gender: string;
      hire: string;
      sep: string | null;
      is_rehire: boolean;
      is_midcareer: boolean;
      unit: string;
      stage: string;
      category: string;
    }[];
    const units = dataset.units.map((unit) => unit.id);
    const stages = dataset.stages.map((stage) => stage.id);
    const yesNo = (flag: boolean) => (flag ? 'はい' : 'いいえ');
    const rows: CellInput[][] = [];
    const untouched: string[] = [];
    let moved = 0;
    let separated = 0;
    let edited = 0;
    for (const person of current) {
      const row: CellInput[] = [
        person.employee_number,
        person.name,
        person.gender,
        person.unit,
        person.stage,
        person.category,
        person.hire,
        person.sep,
        null,
        yesNo(person.is_rehire),
        yesNo(person.is_midcareer),
      ];
      const draw = random();
      if (draw < 0.12) {
        separated++; // left out of a full roster: separated the day before the as-of date
        continue;
      } else if (draw < 0.27) {
        row[3] = units.filter((unit) => unit !== person.unit)[
          Math.floor(random() * (units.length - 1))
        ]!;
        row[4] = stages[Math.floor(random() * stages.length)]!;
        moved++;
      } else if (draw < 0.35) {
        // hire date, separation or category changed in the employee's own row
        const kind = Math.floor(random() * 3);
        if (kind === 0) row[6] = '2019-10-01';
        else if (kind === 1) row[7] = '2022-09-30';
        else
          row[5] = person.category === 'permanent' ? 'fixed_term' : 'permanent';
        edited++;
      } else untouched.push(person.id);
      rows.push(row);
    }
    const newcomers = 12;
    for (let i = 0; i < newcomers; i++)
      rows.push([
        `NEW${i}`,
        `新規 ${i}`,
        i % 3 === 0 ? 'male' : 'female',
        units[i % units.length]!,
        stages[i % stages.length]!,
        i % 4 === 0 ? 'fixed_term' : 'permanent',
        // hired long before the covered years, inside them, and on the as-of date
        ['2005-04-01', '2020-07-15', '2021-01-01', asOf][i % 4]!,
        i === 5 ? '2023-06-30' : null,
        null,
        yesNo(i === 3),
        yesNo(i % 2 === 1),
      ]);
    expect(
      [moved, separated, edited, untouched.length].every((n) => n > 0),
    ).toBe(true);

    const factsOf = async (ids: string[]) =>
      (
        await db.query(
          `SELECT ctid::text FROM kpi_fact WHERE organization_id = $1 AND employee_id = ANY ($2::uuid[]) ORDER BY 1`,
          [organizationId, ids],
        )
      ).rows;
    const untouchedBefore = await factsOf(untouched);
    expect(untouchedBefore.length).toBeGreaterThan(0);

    const job = await importSucceeded(
      hr,
      'roster',
      '職員',
      ROSTER_HEADER,
      rows,
      { asOf },
    );
    expect(job.summary).toMatchObject({ created: newcomers });
    // (also anyone in service on the as-of date without an assignment in force, whom the file omits)
    expect(job.summary!.separated).toBeGreaterThanOrEqual(separated);

    // The refresh was incremental: the facts of people the file left as they were are the same rows.
    expect(await factsOf(untouched)).toEqual(untouchedBefore);
    const afterImport = await derivedRows(organizationId);
    await refreshKpiAggregates(queryable, organizationId);
    const rebuilt = await derivedRows(organizationId);
    expect((rebuilt[0] as unknown[]).length).toBeGreaterThan(0);
    expect(afterImport).toEqual(rebuilt);
  });
  it('after a roster import of new staff who outnumber the organization (a rebuild instead of subtract-and-add)', async () => {
    const { random, dataset, organizationId, hr } = await randomTenant(
      'roster rebuild',
      40,
      'aggb',
    );
    const db = testDatabase();
    const asOf = '2022-04-01';
    const [{ n: before }] = (
      await db.query(
        `SELECT count(*)::int AS n FROM employee WHERE organization_id = $1`,
        [organizationId],
      )
    ).rows as { n: number }[];
    // Enough new staff that they are at least REBUILD_SHARE of the organization after the import.
    const newcomers =
      Math.ceil((before * REBUILD_SHARE) / (1 - REBUILD_SHARE)) + 5;
    const units = dataset.units.map((unit) => unit.id);
    const stages = dataset.stages.map((stage) => stage.id);
    const yesNo = (flag: boolean) => (flag ? 'はい' : 'いいえ');
    const hires = [
      '2005-04-01',
      '2019-10-01',
      '2020-07-15',
      '2021-01-01',
      asOf,
    ];
    const rows: CellInput[][] = [];
    for (let i = 0; i < newcomers; i++)
      rows.push([
        `BIG${i}`,
        `新規 ${i}`,
        random() < 0.5 ? 'male' : 'female',
        units[Math.floor(random() * units.length)]!,
        stages[Math.floor(random() * stages.length)]!,
        random() < 0.25 ? 'fixed_term' : 'permanent',
        hires[Math.floor(random() * hires.length)]!,
        random() < 0.1 ? '2023-06-30' : null,
        // every fifth reports to the first newcomer
        i > 0 && i % 5 === 0 ? 'BIG0' : null,
        yesNo(random() < 0.05),
        yesNo(random() < 0.3),
      ]);
    expect(newcomers).toBeGreaterThanOrEqual(
      REBUILD_SHARE * (before + newcomers),
    );

    // People the file does not list: a rebuild rewrites their facts too (an incremental refresh
    // would leave the same rows in place), so their row ids show which way the refresh went.
    const factsOfOthers = async () =>
      (
        await db.query(
          `SELECT ctid::text FROM kpi_fact
            WHERE organization_id = $1 AND employee_id IN
                  (SELECT id FROM employee WHERE organization_id = $1 AND employee_number NOT LIKE 'BIG%')
            ORDER BY 1`,
          [organizationId],
        )
      ).rows;
    const othersBefore = await factsOfOthers();
    expect(othersBefore.length).toBeGreaterThan(0);

    const job = await importSucceeded(
      hr,
      'roster',
      '職員',
      ROSTER_HEADER,
      rows,
      {
        asOf,
        partial: true,
      },
    );
    expect(job.summary).toMatchObject({ created: newcomers, separated: 0 });
    expect(await factsOfOthers()).not.toEqual(othersBefore);

    const afterImport = await derivedRows(organizationId);
    await refreshKpiAggregates(queryable, organizationId);
    const rebuilt = await derivedRows(organizationId);
    expect((rebuilt[1] as { employee_id: string }[]).length).toBeGreaterThan(
      othersBefore.length,
    );
    expect(afterImport).toEqual(rebuilt);
  });
  it('after a leave import over two years with child-linked leave and new children', async () => {
    const { random, dataset, organizationId, hr } = await randomTenant(
      'leave',
      150,
      'aggl',
    );
    const db = testDatabase();
    const inService = (day: string) =>
      dataset.employees.filter(
        (e) =>
          e.hireDate <= day &&
          (e.separationDate === null || e.separationDate >= day),
      );
    const free = (employeeId: string, day: string) =>
      !dataset.leaves.some(
        (l) =>
          l.employeeId === employeeId && l.startDate <= day && l.endDate >= day,
      );
    const rows: CellInput[][] = [];
    // annual half days in two calendar years (a few employees only)
    for (const day of ['2021-03-12', '2022-10-07'])
      for (const e of inService(day))
        if (random() < 0.3 && free(e.id, day))
          rows.push([e.id, '年次休暇', day, day, 0.5, null]);
    // childcare leave for a child already on file, and for children the file registers
    const child = dataset.children.find((c) => c.birthDate >= '2021-01-01');
    const touched = new Set(rows.map((row) => row[0] as string));
    if (child) {
      const start = new Date(Date.parse(child.birthDate) + 70 * 86_400_000)
        .toISOString()
        .slice(0, 10);
      if (
        free(child.employeeId, start) &&
        inService(start).some((e) => e.id === child.employeeId)
      ) {
        rows.push([
          child.employeeId,
          '育児休業',
          start,
          start,
          1,
          child.birthDate,
        ]);
        touched.add(child.employeeId);
      }
    }
    const staySeptember = new Set(inService('2022-09-30').map((e) => e.id));
    const parents = inService('2022-07-01').filter(
      (e) =>
        staySeptember.has(e.id) &&
        (e.gender === 'male' || e.gender === 'female') &&
        !touched.has(e.id) &&
        free(e.id, '2022-09-01') &&
        free(e.id, '2022-07-05'),
    );
    for (const [i, e] of parents.slice(0, 6).entries()) {
      rows.push([
        e.id,
        '育児休業',
        '2022-09-01',
        '2022-09-30',
        null,
        '2022-07-01',
      ]);
      if (i % 2 === 0 && e.gender === 'male')
        rows.push([
          e.id,
          '配偶者出産休暇',
          '2022-07-05',
          '2022-07-05',
          1,
          '2022-07-01',
        ]);
      touched.add(e.id);
    }
    expect(rows.length).toBeGreaterThan(20);

    const untouched = dataset.employees
      .map((e) => e.id)
      .filter((id) => !touched.has(id));
    const factsOf = async () =>
      (
        await db.query(
          `SELECT f.ctid::text FROM kpi_fact f JOIN employee e ON e.id = f.employee_id
            WHERE f.organization_id = $1 AND e.employee_number = ANY ($2::text[]) ORDER BY 1`,
          [organizationId, untouched],
        )
      ).rows;
    const untouchedBefore = await factsOf();
    expect(untouchedBefore.length).toBeGreaterThan(0);

    await importSucceeded(hr, 'leave', '休暇', LEAVE_HEADER, rows);
    expect(await factsOf()).toEqual(untouchedBefore);
    const afterImport = await derivedRows(organizationId);
    await refreshKpiAggregates(queryable, organizationId);
    const rebuilt = await derivedRows(organizationId);
    expect((rebuilt[2] as unknown[]).length).toBeGreaterThan(0);
    expect(afterImport).toEqual(rebuilt);
  });
  it('after a leave import dated in the last covered year, which moves the covered years on by one', async () => {
    const { dataset, organizationId, hr } = await randomTenant(
      'coverage',
      60,
      'aggc',
    );
    const db = testDatabase();
    const state = async () =>
      (
        await db.query(
          `SELECT first_fy, last_fy FROM kpi_refresh_state WHERE organization_id = $1`,
          [organizationId],
        )
      ).rows[0] as { first_fy: number; last_fy: number };
    const before = await state();
    // a day of the last covered year: the covered years must end a year after it
    const late = `${before.last_fy}-06-15`;
    const staying = dataset.employees.filter(
      (e) => e.hireDate <= '2022-01-01' && e.separationDate === null,
    );
    expect(staying.length).toBeGreaterThan(2);
    const rows: CellInput[][] = [
      [staying[0]!.id, '年次休暇', late, late, 1, null],
      [staying[1]!.id, '年次休暇', '2022-08-06', '2022-08-06', 0.5, null],
    ];
    await importSucceeded(hr, 'leave', '休暇', LEAVE_HEADER, rows);
    expect(await state()).toEqual({
      first_fy: before.first_fy,
      last_fy: before.last_fy + 1,
    });
    const afterImport = await derivedRows(organizationId);
    await refreshKpiAggregates(queryable, organizationId);
    expect(await state()).toEqual({
      first_fy: before.first_fy,
      last_fy: before.last_fy + 1,
    });
    expect(afterImport).toEqual(await derivedRows(organizationId));
  });

  it('a rebuild flags exactly the overtime person-years with more than one category as multi', async () => {
    // The random organizations change some people's category on the 1st of a month mid-year.
    const { organizationId } = await randomTenant(
      'overtime multi',
      120,
      'aggm',
    );
    await refreshKpiAggregates(queryable, organizationId);
    const rows = (
      await testDatabase().query(
        `SELECT f.multi, p.categories
           FROM kpi_fact f
           JOIN (SELECT fy, employee_id, count(DISTINCT category) AS categories FROM kpi_fact
                  WHERE organization_id = $1 AND family = 'ot' GROUP BY fy, employee_id) p
             ON p.fy = f.fy AND p.employee_id = f.employee_id
          WHERE f.organization_id = $1 AND f.family = 'ot'`,
        [organizationId],
      )
    ).rows as { multi: boolean; categories: string }[];
    // Both kinds occur (120 people over 4 FYs: about a dozen multi person-years on average), so the check
    // below compares the flag with the count on each side.
    const multi = rows.filter((row) => row.multi).length;
    console.log(`overtime facts ${rows.length}, multi ${multi}`);
    expect(multi).toBeGreaterThan(0);
    expect(multi).toBeLessThan(rows.length);
    for (const row of rows) expect(row.multi).toBe(Number(row.categories) > 1);
  });
});
