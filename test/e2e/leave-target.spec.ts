import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type {
  ImportJobDto,
  KpiPeopleDto,
  KpiValueDto,
  PlanDto,
  TargetDto,
} from '@ikuboard/shared/contracts';
import { addDays } from '@ikuboard/shared/kpi';
import { type BrowserContext, type Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { launchChromium } from '../support/browser';
import { serverState } from '../support/server-state';
import { LEAVE_HEADER, workbook } from '../support/xlsx';

/**
 * A father in the FY2025 denominator of the male childcare-leave rate who has not taken leave,
 * and a two-week leave for his child that the import accepts (checked with a dry run).
 */
async function findLeaveThatCounts(
  hr: ApiClient,
): Promise<{ file: Buffer; employeeNumber: string }> {
  const people = (
    await hr.get<KpiPeopleDto>(
      '/api/v1/kpis/childcare_leave_rate_male/people?fy=2025',
    )
  ).body;
  const takers = new Set(
    people.numerator.map((person) => person.employeeNumber),
  );
  for (const father of people.denominator.filter(
    (person) => !takers.has(person.employeeNumber),
  )) {
    const birth = /\d{4}-\d{2}-\d{2}/.exec(father.reason.ja)?.[0];
    if (!birth) continue;
    const start = birth < '2025-04-01' ? '2025-04-01' : addDays(birth, 1);
    const end = addDays(start, 13);
    if (end > '2026-03-31') continue;
    const file = await workbook('休暇', LEAVE_HEADER, [
      [father.employeeNumber, '育児休業', start, end, null, birth],
    ]);
    const dry = (await hr.import('leave', file, { dryRun: true }))
      .body as ImportJobDto;
    if (dry.status === 'succeeded')
      return { file, employeeNumber: father.employeeNumber };
  }
  throw new Error('no father without leave whose leave the import accepts');
}

describe('end to end in Chromium: HR imports a leave file and the target card changes status', () => {
  let context: BrowserContext;
  let page: Page;
  const { baseUrl } = serverState();

  beforeAll(async () => {
    context = await launchChromium();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('a target just above the current male childcare-leave rate turns from behind to achieved', async () => {
    // Set-up through the API: a target one father above today's FY2025 figure.
    const hr = await ApiClient.login('hr', 'ikuboard-demo');
    const [rate] = (
      await hr.get<KpiValueDto[]>(
        '/api/v1/kpis?fy=2025&code=childcare_leave_rate_male',
      )
    ).body;
    expect(rate?.denominator).toBeGreaterThan(0);
    const { numerator, denominator } = rate as {
      numerator: number;
      denominator: number;
    };
    const [plan] = (await hr.get<PlanDto[]>('/api/v1/plans')).body;
    const existing = (await hr.get<TargetDto[]>('/api/v1/targets')).body.filter(
      (target) => target.kpiCode === 'childcare_leave_rate_male',
    );
    for (const target of existing)
      await hr.request('DELETE', `/api/v1/targets/${target.id}`);
    const created = await hr.post<TargetDto>('/api/v1/targets', {
      planId: plan!.id,
      kpiCode: 'childcare_leave_rate_male',
      orgUnitCode: null,
      targetValue:
        Math.floor(((numerator + 1) / denominator) * 100 * 1000) / 1000,
      targetFiscalYear: 2025,
      direction: 'gte',
      baselineValue: null,
      baselineFiscalYear: null,
      actions: [],
    });
    expect(created.status).toBe(201);
    const { file } = await findLeaveThatCounts(hr);
    const path = join(
      mkdtempSync(join(tmpdir(), 'ikuboard-leave-')),
      '育児休業_追加.xlsx',
    );
    writeFileSync(path, file);

    await page.goto(baseUrl + '/');
    await page.getByTestId('login-username').fill('hr');
    await page.getByTestId('login-password').fill('ikuboard-demo');
    await page.getByTestId('login-submit').click();
    await selectFiscalYear(page, 2025);
    const card = page.locator(
      '[data-testid=target-card-childcare_leave_rate_male]',
    );
    await card.and(page.locator('[data-status=behind]')).waitFor();

    await page.getByTestId('nav-imports').click();
    await page.getByTestId('import-kind').selectOption('leave');
    await page.getByTestId('import-file').setInputFiles(path);
    await page.getByTestId('import-submit').click();
    await page
      .locator('[data-testid=import-status][data-status=succeeded]')
      .waitFor({ timeout: 60_000 });
    await page.getByTestId('import-commit').click();
    await page
      .locator('#import-result-title', { hasText: '取込結果' })
      .waitFor({ timeout: 60_000 });
    await page
      .locator('[data-testid=import-status][data-status=succeeded]')
      .waitFor({ timeout: 60_000 });

    await page.getByTestId('nav-dashboard').click();
    await selectFiscalYear(page, 2025);
    await card.and(page.locator('[data-status=achieved]')).waitFor();
    await page.screenshot({
      path: join(__dirname, '..', '..', 'tmp', 'e2e-target-achieved.png'),
      fullPage: true,
    });
  });
});

async function selectFiscalYear(page: Page, fiscalYear: number): Promise<void> {
  const select = page.getByTestId('fy-select');
  await select
    .locator(`option[value="${fiscalYear}"]`)
    .waitFor({ state: 'attached' });
  await select.selectOption(String(fiscalYear));
}
