import {
  CHILDCARE_KPI_CODES,
  type EmploymentCategory,
  type KpiValueDto,
} from '@ikuboard/shared/contracts';
import {
  computeChildcareKpis,
  durationBucketsFromBounds,
} from '@ikuboard/shared/kpi';

import { closeTestDatabase } from '../support/database';
import { insertKpiDataset } from '../support/load-dataset';
import {
  RANDOM_CHILDCARE_UNITS,
  mulberry32,
  randomChildcareDataset,
} from '../support/random-childcare-dataset';
import { addTenantAccounts, createTenant, uniqueCode } from '../support/tenant';

const CHILDCARE_CODES: ReadonlySet<string> = new Set(CHILDCARE_KPI_CODES);

const CATEGORY_SETS: EmploymentCategory[][] = [
  ['permanent'],
  ['permanent', 'annual_part', 'fixed_term'],
  ['annual_part'],
];

/** Everything but the value, which is compared to 10 decimals separately. */
const exact = ({
  code,
  fiscalYear,
  measure,
  numerator,
  denominator,
  dimensions,
}: KpiValueDto) => ({
  code,
  fiscalYear,
  measure,
  numerator,
  denominator,
  dimensions,
});

describe('childcare KPIs: the SQL behind GET /api/v1/kpis equals the reference definitions', () => {
  afterAll(closeTestDatabase);

  const seeds = Array.from({ length: 3 }, () =>
    Math.floor(Math.random() * 2 ** 31),
  );

  it.each(seeds)(
    'on a randomized organization (seed %i), for every fiscal year, subtree and category set',
    async (seed) => {
      const random = mulberry32(seed ^ 0x5eed);
      const dataset = randomChildcareDataset(seed, {
        employees: 250 + Math.floor(random() * 200),
        firstFiscalYear: 2020,
        lastFiscalYear: 2024,
      });
      const code = uniqueCode('cc');
      const organizationId = await insertKpiDataset(dataset, code);
      const hr = await (
        await addTenantAccounts(organizationId, code)
      ).login('hr');

      const subUnits = RANDOM_CHILDCARE_UNITS.filter((unit) => unit.parentId);
      const someSubUnit = (): string =>
        subUnits[Math.floor(random() * subUnits.length)]?.id ?? 'U1-1';
      const scopes: (string | null)[] = [
        null,
        'U1',
        'U2',
        someSubUnit(),
        someSubUnit(),
      ];
      let compared = 0;
      let nonEmpty = 0;
      for (let fy = 2019; fy <= 2026; fy++) {
        for (const unit of scopes) {
          for (const categories of CATEGORY_SETS) {
            const query = `fy=${fy}${unit ? `&unit=${unit}` : ''}&category=${categories.join(',')}&code=${CHILDCARE_KPI_CODES.join(',')}`;
            const response = await hr.get<KpiValueDto[]>(
              `/api/v1/kpis?${query}`,
            );
            expect({ query, status: response.status }).toEqual({
              query,
              status: 200,
            });
            const actual = response.body.filter((value) =>
              CHILDCARE_CODES.has(value.code),
            );
            const expected = computeChildcareKpis(dataset, fy, {
              unitId: unit,
              categories,
            });
            expect({ query, actual: actual.map(exact) }).toEqual({
              query,
              actual: expected.map(exact),
            });
            expected.forEach((reference, index) => {
              const value = actual[index]?.value;
              if (reference.value === null) expect(value).toBeNull();
              else expect(value).toBeCloseTo(reference.value, 10);
            });
            compared += expected.length;
            if (expected.some((value) => value.numerator > 0)) nonEmpty += 1;
          }
        }
      }
      // 8 FYs × 5 subtrees × 3 category sets × 28 values, most of them with people in them.
      expect(compared).toBe(8 * 5 * 3 * 28);
      expect(nonEmpty).toBeGreaterThan(60);
    },
  );

  it('an organization with no children yields zero counts and null rates, never 0 %', async () => {
    const tenant = await createTenant('cc-empty');
    const hr = await tenant.login('hr');
    const response = await hr.get<KpiValueDto[]>('/api/v1/kpis?fy=2025');
    expect(response.status).toBe(200);
    const childcare = response.body.filter((value) =>
      CHILDCARE_CODES.has(value.code),
    );
    expect(childcare.map(exact)).toEqual(
      computeChildcareKpis(
        {
          units: [],
          stages: [],
          employees: [],
          assignments: [],
          children: [],
          leaves: [],
          overtime: [],
          pay: [],
        },
        2025,
      ).map(exact),
    );
    for (const value of childcare) {
      if (value.measure === 'percent') expect(value.value).toBeNull();
      else expect(value.value).toBe(0);
    }
  });

  it('the duration distribution follows buckets given by the caller, like the reference with the same buckets', async () => {
    const seed = Math.floor(Math.random() * 2 ** 31);
    const dataset = randomChildcareDataset(seed, {
      employees: 250,
      firstFiscalYear: 2020,
      lastFiscalYear: 2024,
    });
    const code = uniqueCode('ccb');
    const organizationId = await insertKpiDataset(dataset, code);
    const hr = await (
      await addTenantAccounts(organizationId, code)
    ).login('hr');
    const durationBuckets = durationBucketsFromBounds([5, 14, 31]);
    for (const fy of [2021, 2023, 2024]) {
      const response = await hr.get<KpiValueDto[]>(
        `/api/v1/kpis?fy=${fy}&code=childcare_leave_duration&buckets=5,14,31`,
      );
      expect(response.status).toBe(200);
      const expected = computeChildcareKpis(
        dataset,
        fy,
        { unitId: null, categories: ['permanent'] },
        { durationBuckets },
      ).filter((value) => value.code === 'childcare_leave_duration');
      expect({ seed, fy, rows: response.body.map(exact) }).toEqual({
        seed,
        fy,
        rows: expected.map(exact),
      });
      expect(
        response.body
          .filter((value) => value.dimensions)
          .map((value) => value.dimensions?.['bucket']),
      ).toEqual([
        'lt5',
        '5-13',
        '14-30',
        'ge31',
        'lt5',
        '5-13',
        '14-30',
        'ge31',
      ]);
    }
    const bad = await hr.get<KpiValueDto[]>(
      '/api/v1/kpis?fy=2024&buckets=14,5',
    );
    expect(bad.status).toBe(400);
  });
});
