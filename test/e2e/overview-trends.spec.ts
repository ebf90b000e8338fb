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
});
