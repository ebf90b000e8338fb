import {
  OVERVIEW_TREND_KPI_CODES,
  type ApiErrorDto,
  type FiscalYearRangeDto,
  type KpiOverviewDto,
  type KpiValueDto,
} from '@ikuboard/shared/contracts';
import { generateDemoCity } from '@ikuboard/shared/demo-data';

import type { ApiClient } from '../support/api-client';
import { closeTestDatabase } from '../support/database';
import { createTenantWithCity } from '../support/tenant';

const FIRST_FY = 2020;
const LAST_FY = 2025;

function expectBilingual(
  response: { status: number; body: unknown },
  status: number,
): void {
  expect(response.status).toBe(status);
  const body = response.body as ApiErrorDto;
  expect(body.message.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
  expect(body.message.en).toMatch(/[A-Za-z]/);
}

describe('GET /api/v1/kpis/overview: the overview page in one request', () => {
  afterAll(closeTestDatabase);

  let hr: ApiClient;
  let fiscalYears: number[];
  /** The whole organization, a unit with sub-units (a subtree) and a unit without (a leaf). */
  const scopes: (string | null)[] = [null];

  beforeAll(async () => {
    const generated = generateDemoCity({
      staff: 360,
      firstFiscalYear: FIRST_FY,
      lastFiscalYear: LAST_FY,
      seed: 808,
    });
    const parents = new Set(generated.units.map((unit) => unit.parentCode));
    const inner = generated.units.find(
      (unit) => unit.parentCode !== null && parents.has(unit.code),
    );
    const leaf = generated.units.find((unit) => !parents.has(unit.code));
    scopes.push(inner!.code, leaf!.code);
    const city = await createTenantWithCity(generated, 'ovw');
    hr = await city.login('hr');
    const range = await hr.get<FiscalYearRangeDto>('/api/v1/fiscal-years');
    fiscalYears = range.body.fiscalYears;
    expect(fiscalYears.length).toBeGreaterThan(2);
  });

  /** What the page used to ask for, one request each. */
  async function separately(
    fy: number,
    unit: string | null,
  ): Promise<KpiOverviewDto> {
    const suffix = unit ? `&unit=${unit}` : '';
    const get = async (path: string) => {
      const response = await hr.get<KpiValueDto[]>(path);
      expect(response.status).toBe(200);
      return response.body;
    };
    return {
      fiscalYear: fy,
      current: await get(`/api/v1/kpis?fy=${fy}${suffix}`),
      // The page skipped the previous year when it had no roster data.
      previous: fiscalYears.includes(fy - 1)
        ? await get(`/api/v1/kpis?fy=${fy - 1}${suffix}`)
        : [],
      trends: await Promise.all(
        OVERVIEW_TREND_KPI_CODES.map(async (code) => ({
          code,
          values: await get(`/api/v1/kpis/trend?code=${code}${suffix}`),
        })),
      ),
    };
  }

  it('equals GET /kpis for the year and the previous year and GET /kpis/trend for each code, in every scope', async () => {
    const years = [fiscalYears[0]!, fiscalYears.at(-1)!];
    for (const unit of scopes)
      for (const fy of years) {
        const suffix = unit ? `&unit=${unit}` : '';
        // The trend codes repeated, as the bench sends them.
        const repeated = await hr.get<KpiOverviewDto>(
          `/api/v1/kpis/overview?fy=${fy}${suffix}${OVERVIEW_TREND_KPI_CODES.map((code) => `&trend=${code}`).join('')}`,
        );
        expect(repeated.status).toBe(200);
        const expected = await separately(fy, unit);
        expect(repeated.body).toEqual(expected);
        expect(repeated.body.current.length).toBeGreaterThan(0);
        expect(repeated.body.trends.map((t) => t.values.length)).toEqual(
          OVERVIEW_TREND_KPI_CODES.map(() => fiscalYears.length),
        );
        // Comma-separated, as the web sends them.
        const comma = await hr.get<KpiOverviewDto>(
          `/api/v1/kpis/overview?fy=${fy}${suffix}&trend=${OVERVIEW_TREND_KPI_CODES.join(',')}`,
        );
        expect(comma.body).toEqual(expected);
      }
  });

  it('without trend codes it returns the cards only', async () => {
    const fy = fiscalYears.at(-1)!;
    const response = await hr.get<KpiOverviewDto>(
      `/api/v1/kpis/overview?fy=${fy}`,
    );
    expect(response.status).toBe(200);
    expect(response.body.trends).toEqual([]);
    expect(response.body.current).toEqual(
      (await hr.get<KpiValueDto[]>(`/api/v1/kpis?fy=${fy}`)).body,
    );
  });

  it('refuses a bad code, year or unit with a bilingual error', async () => {
    expectBilingual(
      await hr.get('/api/v1/kpis/overview?fy=2025&trend=no_such_kpi'),
      400,
    );
    expectBilingual(
      await hr.get('/api/v1/kpis/overview?fy=abc&trend=pay_gap_all'),
      400,
    );
    expectBilingual(await hr.get('/api/v1/kpis/overview'), 400);
    expectBilingual(
      await hr.get('/api/v1/kpis/overview?fy=2025&unit=NO-SUCH-UNIT'),
      404,
    );
  });
});
