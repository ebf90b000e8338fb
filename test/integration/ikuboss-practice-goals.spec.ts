import type {
  ApiErrorDto,
  KpiValueDto,
  PracticeGoalDto,
  PracticeGoalIndicator,
} from '@ikuboard/shared/contracts';
import {
  computeChildcareKpis,
  computeWorkforceKpis,
  DEFAULT_KPI_CATEGORIES,
  type KpiDataset,
} from '@ikuboard/shared/kpi';
import ExcelJS from 'exceljs';

import type { ApiClient } from '../support/api-client';
import { closeTestDatabase, queryable } from '../support/database';
import { insertKpiDataset } from '../support/load-dataset';
import { randomChildcareDataset } from '../support/random-childcare-dataset';
import { randomWorkforceDataset } from '../support/random-workforce-dataset';
import { addTenantAccounts, uniqueCode, type Tenant } from '../support/tenant';

const put = <T = unknown>(client: ApiClient, path: string, body: object) =>
  client.request<T>('PUT', path, body);

/** Adds a manager "MGR" heading `unit` for the whole period, loads the dataset and links the manager account. */
async function organizationWithManager(
  dataset: KpiDataset,
  unit: string,
  stage: string,
): Promise<Tenant> {
  dataset.employees.push({
    id: 'MGR',
    gender: 'female',
    hireDate: '1995-04-01',
    separationDate: null,
    isRehire: false,
    isMidcareer: false,
  });
  dataset.assignments.push({
    employeeId: 'MGR',
    validFrom: '1995-04-01',
    validTo: null,
    orgUnitId: unit,
    stageId: stage,
    category: 'permanent',
  });
  const code = uniqueCode('goal');
  const organizationId = await insertKpiDataset(dataset, code);
  const tenant = await addTenantAccounts(organizationId, code);
  await queryable.query(
    `UPDATE account SET employee_id = (SELECT id FROM employee WHERE organization_id = $1 AND employee_number = 'MGR')
      WHERE organization_id = $1 AND role = 'manager'`,
    [organizationId],
  );
  return tenant;
}

function expectSameFigures(
  actual: PracticeGoalDto,
  reference: KpiValueDto[],
  codes: PracticeGoalIndicator[],
): void {
  expect(actual.indicators.map((i) => i.code)).toEqual(codes);
  for (const indicator of actual.indicators) {
    const expected = reference.find(
      (v) => v.code === indicator.code && !v.dimensions,
    )!;
    const where = indicator.code;
    expect({ where, numerator: indicator.value?.numerator }).toEqual({
      where,
      numerator: expect.closeTo(expected.numerator, 6),
    });
    expect({ where, denominator: indicator.value?.denominator }).toEqual({
      where,
      denominator:
        expected.denominator === null
          ? null
          : expect.closeTo(expected.denominator, 6),
    });
    if (expected.value === null) expect(indicator.value?.value).toBeNull();
    else
      expect({ where, value: indicator.value?.value }).toEqual({
        where,
        value: expect.closeTo(expected.value, 6),
      });
  }
}

describe('Ikuboss practice goals: team indicators equal the KPI reference figures for the team', () => {
  afterAll(closeTestDatabase);
  const seed = Math.floor(Math.random() * 2 ** 31);

  it(`overtime and annual-leave indicators of a manager's unit subtree (seed ${seed})`, async () => {
    const dataset = randomWorkforceDataset(seed, {
      employees: 160,
      firstFiscalYear: 2021,
      lastFiscalYear: 2023,
    });
    const tenant = await organizationWithManager(dataset, 'W1-1', 'WKA');
    const manager = await tenant.login('manager');
    const codes: PracticeGoalIndicator[] = [
      'overtime_monthly_avg',
      'annual_leave_avg_days',
      'annual_leave_under_5_days_ratio',
    ];
    const saved = await put<PracticeGoalDto>(
      manager,
      '/api/v1/ikuboss/practice-goals/mine',
      {
        fiscalYear: 2023,
        goalText:
          '課の時間外勤務を月10時間以内にし、全員が年休16日以上を取得する。',
        indicators: codes,
      },
    );
    expect(saved.status).toBe(200);
    expect(saved.body.unitCode).toBe('W1-1');
    const reference = computeWorkforceKpis(dataset, 2023, {
      unitId: 'W1-1',
      categories: DEFAULT_KPI_CATEGORIES,
    });
    expectSameFigures(saved.body, reference, codes);
    const again = await manager.get<PracticeGoalDto>(
      '/api/v1/ikuboss/practice-goals/mine?fy=2023',
    );
    expectSameFigures(again.body, reference, codes);
    expect(again.body.indicators[1]!.value!.denominator).toBeGreaterThan(0);
  });

  it(`childcare indicators of a manager's unit subtree (seed ${seed})`, async () => {
    const dataset = randomChildcareDataset(seed, {
      employees: 260,
      firstFiscalYear: 2022,
      lastFiscalYear: 2023,
    });
    const tenant = await organizationWithManager(dataset, 'U1', 'kacho');
    const manager = await tenant.login('manager');
    const codes: PracticeGoalIndicator[] = [
      'childcare_leave_rate_male',
      'paternity_leave_rate_five_days',
    ];
    const saved = await put<PracticeGoalDto>(
      manager,
      '/api/v1/ikuboss/practice-goals/mine',
      {
        fiscalYear: 2023,
        goalText: '子が生まれる男性職員全員が育休を取得できるようにする。',
        indicators: codes,
        selfAssessment: '面談を全員に実施した。',
      },
    );
    expect(saved.status).toBe(200);
    const reference = computeChildcareKpis(dataset, 2023, {
      unitId: 'U1',
      categories: DEFAULT_KPI_CATEGORIES,
    });
    expectSameFigures(saved.body, reference, codes);
    // Not a comparison of two empty figures: the team has fathers in the year.
    expect(saved.body.indicators[0]!.value!.denominator).toBeGreaterThan(0);
  });
});

describe('Ikuboss practice goals: self-assessment, HR rating and the Excel export', () => {
  let tenant: Tenant;
  afterAll(closeTestDatabase);

  beforeAll(async () => {
    const dataset = randomWorkforceDataset(7, {
      employees: 40,
      firstFiscalYear: 2023,
      lastFiscalYear: 2024,
    });
    tenant = await organizationWithManager(dataset, 'W2', 'WKA');
  });

  it('lets HR rate a goal, after which the manager can no longer change it; other roles are refused', async () => {
    const manager = await tenant.login('manager');
    const hr = await tenant.login('hr');
    const goal = (
      await put<PracticeGoalDto>(
        manager,
        '/api/v1/ikuboss/practice-goals/mine',
        {
          fiscalYear: 2024,
          goalText: '=HYPERLINK("http://evil.example","育休")',
          indicators: ['overtime_monthly_avg'],
          selfAssessment: '+概ね達成',
        },
      )
    ).body;
    const list = (
      await hr.get<PracticeGoalDto[]>('/api/v1/ikuboss/practice-goals?fy=2024')
    ).body;
    expect(list.map((g) => g.employeeNumber)).toEqual(['MGR']);

    const rated = await put<PracticeGoalDto>(
      hr,
      `/api/v1/ikuboss/practice-goals/${goal.id}/rating`,
      {
        rating: 'A',
        comment: '部下の時間外が大きく減った。',
      },
    );
    expect(rated.status).toBe(200);
    expect(rated.body.hrRating).toBe('A');
    const locked = await put<ApiErrorDto>(
      manager,
      '/api/v1/ikuboss/practice-goals/mine',
      {
        fiscalYear: 2024,
        goalText: '変更',
        indicators: [],
      },
    );
    expect(locked.status).toBe(400);
    expect(locked.body.details?.[0]?.en).toMatch(/rated/);

    expect(
      (
        await manager.request(
          'PUT',
          `/api/v1/ikuboss/practice-goals/${goal.id}/rating`,
          { rating: 'S' },
        )
      ).status,
    ).toBe(403);
    expect(
      (
        await (
          await tenant.login('staff')
        ).get('/api/v1/ikuboss/practice-goals/mine?fy=2024')
      ).status,
    ).toBe(403);
    expect(
      (
        await hr.request(
          'PUT',
          `/api/v1/ikuboss/practice-goals/${goal.id}/rating`,
          { rating: 'Z' },
        )
      ).status,
    ).toBe(400);
  });

  it('exports the year to .xlsx with Japanese headers, a frozen header row and formulas neutralized', async () => {
    const hr = await tenant.login('hr');
    const response = await hr.get<Buffer>(
      '/api/v1/ikuboss/practice-goals/export?fy=2024',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 5)).toEqual([
      '年度',
      '職員番号',
      '氏名',
      '所属',
      '実践目標',
    ]);
    expect(header).toEqual(
      expect.arrayContaining(['自己評価', '人事評価', '月平均の超過勤務時間']),
    );
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBe('MGR');
    expect(row.getCell(5).value).toBe(
      `'=HYPERLINK("http://evil.example","育休")`,
    );
    expect(header.indexOf('人事評価')).toBeGreaterThan(0);
    expect(row.getCell(header.indexOf('人事評価') + 1).value).toBe('A');
    expect(row.getCell(header.indexOf('自己評価') + 1).value).toBe(
      "'+概ね達成",
    );
  });
});
