import type { TargetDto } from '@ikuboard/shared/contracts';
import { type BrowserContext, type Page } from 'playwright-core';

import { launchChromium } from '../support/browser';
import { serverState } from '../support/server-state';

describe('end to end in Chromium: the overview asks for its figures in one request', () => {
  let context: BrowserContext;
  let page: Page;
  const { baseUrl } = serverState();
  const kpiRequests: string[] = [];

  beforeAll(async () => {
    context = await launchChromium();
    page = await context.newPage();
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/api/v1/kpis')) kpiRequests.push(request.url());
    });
    await page.goto(baseUrl + '/login');
    await page.getByTestId('login-username').fill('hr');
    await page.getByTestId('login-password').fill('ikuboard-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('loads the cards and every headline trend with GET /kpis/overview, and switching the trend asks for nothing more', async () => {
    // (the page the login lands on has asked already: count this load's requests only)
    await page.goto('about:blank');
    kpiRequests.length = 0;
    await page.goto(baseUrl + '/');
    await page.getByTestId('trend-chart').waitFor();
    await page
      .locator(
        '[data-testid="kpi-card-female_manager_ratio"][aria-busy="false"]',
      )
      .waitFor();
    const link = page.getByTestId('trend-excel');
    expect(await link.getAttribute('href')).toContain('female_manager_ratio');
    expect(kpiRequests.map((url) => new URL(url).pathname)).toEqual([
      '/api/v1/kpis/overview',
    ]);
    const asked = new URL(kpiRequests[0]!).searchParams;
    expect(asked.get('trend')?.split(',')).toEqual([
      'female_manager_ratio',
      'childcare_leave_rate_male',
      'annual_leave_avg_days',
      'overtime_over_360h_year_count',
      'pay_gap_all',
    ]);

    const title = await page.locator('#trend-title').textContent();
    await page.getByTestId('trend-select').selectOption('pay_gap_all');
    await page.waitForFunction(() =>
      document
        .querySelector('[data-testid="trend-excel"]')
        ?.getAttribute('href')
        ?.includes('pay_gap_all'),
    );
    // The chart's title names the chosen KPI.
    const newTitle = await page.locator('#trend-title').textContent();
    expect(newTitle).toContain('推移');
    expect(newTitle).not.toEqual(title);
    expect(kpiRequests).toHaveLength(1);
  });

  it("states the chosen KPI's plan target in that KPI's own unit", async () => {
    // The plan's whole-organization targets, read from the API independently of the page.
    const targets = (await page.evaluate(async () =>
      (await fetch('/api/v1/targets')).json(),
    )) as TargetDto[];
    const reiwa = (fy: number) =>
      `令和${fy - 2018 === 1 ? '元' : fy - 2018}年度`;
    const expected = (code: string, unit: string) => {
      const target = targets.find(
        (t) => t.kpiCode === code && t.orgUnitCode === null,
      );
      if (!target) return null;
      const bound = target.direction === 'gte' ? '以上' : '以下';
      return `目標: ${reiwa(target.targetFiscalYear)}に${target.targetValue}${unit}${bound}(${target.planName})`;
    };
    const cases: [string, string][] = [
      ['annual_leave_avg_days', '日'],
      ['overtime_over_360h_year_count', '人'],
      ['female_manager_ratio', '%'],
      ['pay_gap_all', '%'],
    ];
    // The demo plan sets the first three and not the last: both kinds are checked.
    expect(cases.map(([code, unit]) => expected(code, unit) !== null)).toEqual([
      true,
      true,
      true,
      false,
    ]);
    for (const [code, unit] of cases) {
      await page.getByTestId('trend-select').selectOption(code);
      await page.waitForFunction(
        (chosen) =>
          document
            .querySelector('[data-testid="trend-excel"]')
            ?.getAttribute('href')
            ?.includes(chosen),
        code,
      );
      const note = page.locator('.target-note');
      const want = expected(code, unit);
      if (want === null) expect(await note.count()).toBe(0);
      else expect((await note.textContent())?.trim()).toBe(want);
    }
  });
});
