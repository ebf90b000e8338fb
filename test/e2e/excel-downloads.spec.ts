import { readFileSync } from 'node:fs';

import ExcelJS from 'exceljs';
import { type BrowserContext, type Locator, type Page } from 'playwright-core';

import { launchChromium } from '../support/browser';
import { serverState } from '../support/server-state';

const KPI_SHEETS = ['推移', '内訳', '事業主単位別', '下位組織別'];

describe('end to end in Chromium: every “Excel” link of the dashboard downloads a workbook with its figures', () => {
  let context: BrowserContext;
  let page: Page;
  const { baseUrl } = serverState();

  beforeAll(async () => {
    context = await launchChromium({ acceptDownloads: true });
    page = await context.newPage();
    await page.goto(baseUrl + '/login');
    await page.getByTestId('login-username').fill('hr');
    await page.getByTestId('login-password').fill('ikuboard-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('current-user').waitFor();
  });
  afterAll(async () => {
    await context?.close();
  });

  /** Clicks the link, waits for the download and opens it: sheet names and the trend's rows. */
  async function download(
    link: Locator,
  ): Promise<{ sheets: string[]; trendRows: number; name: string }> {
    await link.waitFor();
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      link.click(),
    ]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      readFileSync((await file.path())!) as unknown as ArrayBuffer,
    );
    return {
      sheets: book.worksheets.map((sheet) => sheet.name),
      trendRows: book.getWorksheet('推移')?.rowCount ?? 0,
      name: file.suggestedFilename(),
    };
  }

  it('the overview: the trend chart, a KPI card and a target card', async () => {
    await page.goto(baseUrl + '/');
    await page.getByTestId('trend-chart').waitFor();
    const trend = await download(page.getByTestId('trend-excel'));
    expect(trend.sheets).toEqual(KPI_SHEETS);
    // the KPI's Japanese name (filename*) or its code (filename), and the fiscal year
    expect(trend.name).toMatch(/(女性|female_manager_ratio).*\d{4}\.xlsx$/);
    // a header and the demo city's six fiscal years
    expect(trend.trendRows).toBeGreaterThanOrEqual(1 + 6);

    const card = await download(page.getByTestId('kpi-card-excel').first());
    expect(card.sheets).toEqual(KPI_SHEETS);

    const target = await download(
      page.getByTestId('target-card-excel').first(),
    );
    expect(target.sheets).toEqual(KPI_SHEETS);
    expect(target.trendRows).toBeGreaterThan(1);
  }, 180_000);

  it('the KPI list and a KPI page: the summary card, and the trend, breakdown-row and unit sections', async () => {
    await page.goto(baseUrl + '/kpis');
    const summary = await download(
      page.getByTestId('kpi-summary-excel').first(),
    );
    expect(summary.sheets).toEqual(KPI_SHEETS);

    await page.goto(baseUrl + '/kpis/childcare_leave_duration?fy=2025');
    await page.getByTestId('kpi-trend-chart').waitFor();
    for (const testId of [
      'kpi-excel-trend',
      'kpi-excel-dimension',
      'kpi-excel-breakdown',
    ]) {
      const file = await download(page.getByTestId(testId).first());
      expect({ testId, sheets: file.sheets }).toEqual({
        testId,
        sheets: KPI_SHEETS,
      });
      expect(file.name).toMatch(/2025\.xlsx$/);
    }
  }, 180_000);
});
