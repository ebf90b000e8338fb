import {
  WORKFORCE_KPI_CODES,
  type EmploymentCategory,
  type KpiValueDto,
} from '@ikuboard/shared/contracts';
import { computeWorkforceKpis } from '@ikuboard/shared/kpi';

import { closeTestDatabase } from '../support/database';
import { insertKpiDataset } from '../support/load-dataset';
import {
  randomWorkforceDataset,
  workforcePrng,
} from '../support/random-workforce-dataset';
import { addTenantAccounts, uniqueCode } from '../support/tenant';

const isWorkforce = (code: string) =>
  (WORKFORCE_KPI_CODES as readonly string[]).includes(code);

const CATEGORY_SETS: EmploymentCategory[][] = [
  ['permanent'],
  ['permanent', 'reappointed', 'annual_part', 'annual_full'],
  ['fixed_term', 'annual_part', 'temporary'],
];

const UNITS: (string | null)[] = [null, 'W1', 'W2', 'W1-1', 'W2-2'];

/** The row's identity; the numbers are compared with a tolerance for sums of decimals. */
const identity = (value: KpiValueDto) => ({
  code: value.code,
  fiscalYear: value.fiscalYear,
  measure: value.measure,
  dimensions: value.dimensions,
  nullDenominator: value.denominator === null,
  nullValue: value.value === null,
});

describe('workforce KPIs: the SQL behind GET /api/v1/kpis equals the reference definitions', () => {
  afterAll(closeTestDatabase);

  const seeds = Array.from({ length: 3 }, () =>
    Math.floor(Math.random() * 2 ** 31),
  );

  it.each(seeds)(
    'on a randomized organization (seed %i), for every year, subtree and category set',
    async (seed) => {
      const random = workforcePrng(seed ^ 0x5a5a5a5a);
      const dataset = randomWorkforceDataset(seed, {
        employees: 220 + Math.floor(random() * 180),
        firstFiscalYear: 2019,
        lastFiscalYear: 2024,
      });
      const code = uniqueCode('wf');
      const organizationId = await insertKpiDataset(dataset, code);
      const hr = await (
        await addTenantAccounts(organizationId, code)
      ).login('hr');

      let compared = 0;
      for (let fy = 2019; fy <= 2024; fy++) {
        for (const unit of UNITS) {
          for (const categories of CATEGORY_SETS) {
            const query = `fy=${fy}${unit ? `&unit=${unit}` : ''}&category=${categories.join(',')}&code=${WORKFORCE_KPI_CODES.join(',')}`;
            const response = await hr.get<KpiValueDto[]>(
              `/api/v1/kpis?${query}`,
            );
            expect(response.status).toBe(200);
            const actual = response.body.filter((v) => isWorkforce(v.code));
            const expected = computeWorkforceKpis(dataset, fy, {
              unitId: unit,
              categories,
            });
            expect({ query, rows: actual.map(identity) }).toEqual({
              query,
              rows: expected.map(identity),
            });
            actual.forEach((value, index) => {
              const reference = expected[index] as KpiValueDto;
              const where = `${query} ${value.code} ${JSON.stringify(value.dimensions ?? {})}`;
              expect({ where, numerator: value.numerator }).toEqual({
                where,
                numerator: expect.closeTo(reference.numerator, 6),
              });
              if (reference.denominator !== null)
                expect({ where, denominator: value.denominator }).toEqual({
                  where,
                  denominator: expect.closeTo(reference.denominator, 6),
                });
              if (reference.value !== null)
                expect({ where, value: value.value }).toEqual({
                  where,
                  value: expect.closeTo(reference.value, 6),
                });
            });
            compared += expected.length;
          }
        }
      }
      console.log(`seed ${seed}: ${compared} workforce KPI rows compared`);
      expect(compared).toBe(6 * UNITS.length * CATEGORY_SETS.length * 51);
    },
  );

  it("a request for one code (trend, or ?code=) runs only that code's statements and still equals the reference", async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const dataset = randomWorkforceDataset(seed, {
      employees: 200,
      firstFiscalYear: 2019,
      lastFiscalYear: 2024,
    });
    const code = uniqueCode('wf-one');
    const organizationId = await insertKpiDataset(dataset, code);
    const hr = await (
      await addTenantAccounts(organizationId, code)
    ).login('hr');
    // The years of the trend: every FY from the first roster snapshot to the last (insertKpiDataset
    // records one per year an assignment starts in), worked out here independently of the API.
    const starts = dataset.assignments.map((a) =>
      Number(a.validFrom.slice(0, 4)),
    );
    const rosterYears: number[] = [];
    for (let y = Math.min(...starts); y <= Math.max(...starts); y++)
      rosterYears.push(y);
    let compared = 0;
    for (const unit of [null, 'W1']) {
      const reference = new Map(
        rosterYears.map((fy) => [
          fy,
          computeWorkforceKpis(dataset, fy, {
            unitId: unit,
            categories: ['permanent'],
          }),
        ]),
      );
      for (const kpi of WORKFORCE_KPI_CODES) {
        const suffix = `${unit ? `&unit=${unit}` : ''}&category=permanent`;
        const trend = await hr.get<KpiValueDto[]>(
          `/api/v1/kpis/trend?code=${kpi}${suffix}`,
        );
        expect(trend.status).toBe(200);
        const expectedTrend = rosterYears.map(
          (fy) =>
            reference
              .get(fy)!
              .find((v) => v.code === kpi && v.dimensions === undefined)!,
        );
        expect(trend.body.map((v) => [v.fiscalYear, v.numerator])).toEqual(
          expectedTrend.map((v) => [
            v.fiscalYear,
            expect.closeTo(v.numerator, 6),
          ]),
        );
        trend.body.forEach((value, i) => {
          const expected = expectedTrend[i]!;
          expect({
            kpi,
            unit,
            fy: value.fiscalYear,
            value: value.value,
          }).toEqual({
            kpi,
            unit,
            fy: value.fiscalYear,
            value:
              expected.value === null
                ? null
                : expect.closeTo(expected.value, 6),
          });
        });
        const fy = rosterYears[rosterYears.length - 1]!;
        const one = await hr.get<KpiValueDto[]>(
          `/api/v1/kpis?fy=${fy}&code=${kpi}${suffix}`,
        );
        expect(one.status).toBe(200);
        const expectedOne = reference.get(fy)!.filter((v) => v.code === kpi);
        expect(one.body.map(identity)).toEqual(expectedOne.map(identity));
        compared += trend.body.length + one.body.length;
      }
    }
    console.log(
      `seed ${seed}: ${compared} single-code workforce rows compared`,
    );
    expect(compared).toBeGreaterThan(2 * WORKFORCE_KPI_CODES.length);
  });

  it('an organization with no data yields 51 rows: counts of 0 and null values, never 0 %', async () => {
    const code = uniqueCode('wf-empty');
    const organizationId = await insertKpiDataset(
      {
        units: [{ id: 'E1', parentId: null, isEmployerUnit: true }],
        stages: [
          {
            id: 'S',
            officialStage: 'staff',
            isManager: false,
            isSupervisor: false,
          },
        ],
        employees: [],
        assignments: [],
        children: [],
        leaves: [],
        overtime: [],
        pay: [],
      },
      code,
    );
    const hr = await (
      await addTenantAccounts(organizationId, code)
    ).login('hr');
    const response = await hr.get<KpiValueDto[]>('/api/v1/kpis?fy=2025');
    expect(response.status).toBe(200);
    const rows = response.body.filter((v) => isWorkforce(v.code));
    expect(rows).toHaveLength(51);
    for (const row of rows) {
      if (row.measure === 'count')
        expect(row).toMatchObject({
          numerator: 0,
          denominator: null,
          value: 0,
        });
      else expect(row.value).toBeNull();
    }
  });
});
