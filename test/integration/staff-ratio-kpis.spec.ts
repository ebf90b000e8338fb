import {
  STAFF_RATIO_KPI_CODES,
  type EmploymentCategory,
  type KpiValueDto,
} from '@ikuboard/shared/contracts';
import {
  generateDemoCity,
  toKpiDataset,
  type DemoCity,
} from '@ikuboard/shared/demo-data';
import {
  addDays,
  computeStaffRatioKpis,
  fiscalYearStart,
} from '@ikuboard/shared/kpi';

import type { ApiClient } from '../support/api-client';
import { closeTestDatabase } from '../support/database';
import { createTenant, createTenantWithCity } from '../support/tenant';

/** Small seeded PRNG so a failing case can be replayed from the seed printed in its name. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Pushes a generated city into the corners the definitions care about: unspecified gender,
 * separations on the day before and on the reference date, hires on the reference date.
 */
function withEdgeCases(city: DemoCity, random: () => number): DemoCity {
  const { firstFiscalYear, lastFiscalYear } = city.options;
  const pickYear = () =>
    firstFiscalYear +
    Math.floor(random() * (lastFiscalYear - firstFiscalYear + 1));
  for (const employee of city.employees) {
    const roll = random();
    if (roll < 0.03) employee.gender = 'unspecified';
    else if (roll < 0.06) {
      const april = fiscalYearStart(pickYear());
      const candidate = random() < 0.5 ? addDays(april, -1) : april;
      if (candidate >= employee.hireDate) employee.separationDate = candidate;
    }
  }
  return city;
}

const isStaffRatio = (code: string) =>
  (STAFF_RATIO_KPI_CODES as readonly string[]).includes(code);

const CATEGORY_SETS: EmploymentCategory[][] = [
  ['permanent'],
  ['permanent', 'reappointed', 'annual_part', 'annual_full'],
];

describe('staff-ratio KPIs: the SQL behind GET /api/v1/kpis equals the reference definitions', () => {
  afterAll(closeTestDatabase);

  const seeds = Array.from({ length: 3 }, () =>
    Math.floor(Math.random() * 2 ** 31),
  );

  it.each(seeds)(
    'on a randomized organization (seed %i), for every fiscal year, subtree and category set',
    async (seed) => {
      const random = mulberry32(seed);
      const city = withEdgeCases(
        generateDemoCity({
          staff: 250 + Math.floor(random() * 350),
          firstFiscalYear: 2019,
          lastFiscalYear: 2024,
          seed,
        }),
        random,
      );
      const dataset = toKpiDataset(city);
      const tenant = await createTenantWithCity(city, 'kpi');
      const hr: ApiClient = await tenant.login('hr');

      const employerUnits = city.units
        .filter((unit) => unit.isEmployerUnit)
        .map((unit) => unit.code);
      const others = city.units.filter((unit) => !unit.isEmployerUnit);
      const someUnits = [0, 1, 2].map(
        () => others[Math.floor(random() * others.length)]!.code,
      );
      const scopes: (string | null)[] = [null, ...employerUnits, ...someUnits];
      let compared = 0;
      for (let fy = 2018; fy <= 2025; fy++) {
        for (const unit of scopes) {
          for (const categories of CATEGORY_SETS) {
            const query = `fy=${fy}${unit ? `&unit=${unit}` : ''}&category=${categories.join(',')}&code=${STAFF_RATIO_KPI_CODES.join(',')}`;
            const response = await hr.get<KpiValueDto[]>(
              `/api/v1/kpis?${query}`,
            );
            expect(response.status).toBe(200);
            const expected = computeStaffRatioKpis(dataset, fy, {
              unitId: unit,
              categories,
            });
            const staffRatios = response.body.filter((value) =>
              isStaffRatio(value.code),
            );
            const actual = staffRatios.map(
              ({ code, fiscalYear, measure, numerator, denominator }) => ({
                code,
                fiscalYear,
                measure,
                numerator,
                denominator,
              }),
            );
            expect({ query, actual }).toEqual({
              query,
              actual: expected.map(
                ({ code, fiscalYear, measure, numerator, denominator }) => ({
                  code,
                  fiscalYear,
                  measure,
                  numerator,
                  denominator,
                }),
              ),
            });
            staffRatios.forEach((value, index) => {
              const reference = expected[index]!.value;
              if (reference === null) expect(value.value).toBeNull();
              else expect(value.value).toBeCloseTo(reference, 10);
            });
            compared += expected.length;
          }
        }
      }
      expect(compared).toBeGreaterThan(500);
    },
  );

  it('an organization with no one in scope yields null values, never 0 %', async () => {
    const tenant = await createTenant('empty');
    const hr = await tenant.login('hr');
    const response = await hr.get<KpiValueDto[]>('/api/v1/kpis?fy=2025');
    const staffRatios = response.body.filter((value) =>
      isStaffRatio(value.code),
    );
    expect(staffRatios).toHaveLength(7);
    expect(response.status).toBe(200);
    for (const value of staffRatios) {
      expect(value).toMatchObject({
        numerator: 0,
        denominator: 0,
        value: null,
      });
    }
  });
});
