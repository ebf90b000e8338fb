import type { ImportJobDto } from '@ikuboard/shared/contracts';

import { refreshKpiAggregates } from '../../api/src/app/kpi/kpi-aggregates';
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
import { addTenantAccounts, uniqueCode } from '../support/tenant';
import { workbook } from '../support/xlsx';

/** Every derived row of the organization, in a canonical order (zero roll-up rows left out). */
// Sums are compared by value: an incremental refresh may leave 0.00 where a rebuild writes 0.
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
    const seed = Math.floor(Math.random() * 2 ** 31);
    console.log(`kpi-aggregates seed ${seed}`);
    const random = workforcePrng(seed);
    const dataset = randomWorkforceDataset(seed, {
      employees: 150,
      firstFiscalYear: 2020,
      lastFiscalYear: 2023,
    });
    const code = uniqueCode('agg');
    const organizationId = await insertKpiDataset(dataset, code);
    const hr = await (
      await addTenantAccounts(organizationId, code)
    ).login('hr');

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
    const leave = (
      await hr.import(
        'leave',
        await workbook(
          '休暇',
          ['職員番号', '休暇種別', '開始日', '終了日', '日数', '子の生年月日'],
          leaveRows,
        ),
      )
    ).body as ImportJobDto;
    expect([leave.status, leave.errors, leave.failure]).toEqual([
      'succeeded',
      [],
      null,
    ]);

    const overtimeRows = inService
      .filter(() => random() < 0.4)
      .flatMap((e) =>
        ['2022-05', '2022-06', '2022-07'].map((month) => [
          e.id,
          month,
          Math.round(random() * 240) / 2,
        ]),
      );
    const overtime = (
      await hr.import(
        'overtime',
        await workbook('超過勤務', ['職員番号', '年月', '時間'], overtimeRows),
      )
    ).body as ImportJobDto;
    expect([overtime.status, overtime.errors, overtime.failure]).toEqual([
      'succeeded',
      [],
      null,
    ]);

    const payRows = inService
      .filter(() => random() < 0.4)
      .map((e) => [e.id, 2022, 3_000_000 + Math.floor(random() * 5_000_000)]);
    const pay = (
      await hr.import(
        'pay',
        await workbook('給与', ['職員番号', '年度', '年間給与額'], payRows),
      )
    ).body as ImportJobDto;
    expect([pay.status, pay.errors, pay.failure]).toEqual([
      'succeeded',
      [],
      null,
    ]);

    const afterImports = await derivedRows(organizationId);
    await refreshKpiAggregates(queryable, organizationId);
    const rebuilt = await derivedRows(organizationId);
    expect((rebuilt[0] as unknown[]).length).toBeGreaterThan(0);
    expect(afterImports).toEqual(rebuilt);
  });
});
