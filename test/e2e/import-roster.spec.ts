import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generateDemoCity, nextYearRoster } from '@ikuboard/shared/demo-data';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { serverState } from '../support/server-state';

// tools/chromium.mjs is plain ESM; its flags are repeated here to keep this suite CommonJS.
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

async function cardValue(page: Page, code: string): Promise<string> {
  return (
    await page
      .locator(`[data-testid=kpi-card-${code}] [data-testid=kpi-value]`)
      .innerText()
  ).trim();
}

describe('end to end in Chromium: HR imports the sample roster and the dashboard follows', () => {
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];
  const { baseUrl } = serverState();

  beforeAll(async () => {
    const executablePath = process.env['CHROME_PATH'];
    if (!executablePath)
      throw new Error('CHROME_PATH is set by tools/test.mjs');
    context = await chromium.launchPersistentContext(
      mkdtempSync(join(tmpdir(), 'ikuboard-chromium-')),
      {
        executablePath,
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 900 },
        locale: 'ja-JP',
      },
    );
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error)));
  });

  afterAll(async () => {
    await context?.close();
  });

  it('logs in, imports the next April roster with a dry run first, and sees the KPI card and the chart change', async () => {
    await page.goto(baseUrl + '/');
    await page.getByTestId('login-username').fill('hr');
    await page.getByTestId('login-password').fill('ikuboard-demo');
    await page.getByTestId('login-submit').click();

    const chart = page.getByTestId('trend-chart');
    await chart.and(page.locator('[data-point-count="6"]')).waitFor();
    await expectText(page, 'fy-select', '令和7年度');
    const before = await cardValue(page, 'female_manager_ratio');
    expect(before).toMatch(/^\d+\.\d%$/);

    // What the server offers as the sample is the demo generator's next April roster.
    const sample = nextYearRoster(generateDemoCity());

    await page.getByTestId('nav-imports').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('sample-roster').click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      `サンプル職員名簿_${sample.asOf}.xlsx`,
    );
    const file = join(
      mkdtempSync(join(tmpdir(), 'ikuboard-sample-')),
      download.suggestedFilename(),
    );
    await download.saveAs(file);
    await page.getByTestId('import-kind').selectOption('roster');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-asof').fill(sample.asOf);
    await expect(page.getByTestId('import-dryrun').isChecked()).resolves.toBe(
      true,
    );
    await page.getByTestId('import-submit').click();
    await page
      .locator('[data-testid=import-status][data-status=succeeded]')
      .waitFor({ timeout: 60_000 });
    await expect(
      page.getByTestId('import-summary').innerText(),
    ).resolves.toContain(String(sample.rows.length));

    await page.getByTestId('import-commit').click();
    await page
      .locator('#import-result-title', { hasText: '取込結果' })
      .waitFor({ timeout: 60_000 });
    await page
      .locator('[data-testid=import-status][data-status=succeeded]')
      .waitFor({ timeout: 60_000 });

    await page.getByTestId('nav-dashboard').click();
    await chart.and(page.locator('[data-point-count="7"]')).waitFor();
    await expectText(page, 'fy-select', '令和8年度');
    const after = await cardValue(page, 'female_manager_ratio');
    expect(after).toMatch(/^\d+\.\d%$/);
    expect(after).not.toBe(before);

    await page.screenshot({
      path: join(__dirname, '..', '..', 'tmp', 'e2e-overview-after-import.png'),
      fullPage: true,
    });
    expect(pageErrors).toEqual([]);
  });

  it('switches the interface to English and back', async () => {
    await page.goto(baseUrl + '/');
    await page.getByTestId('fy-select').waitFor();
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await expectText(page, 'fy-select', 'FY20');
    await page
      .getByText('Women among managers', { exact: false })
      .first()
      .waitFor();
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.documentElement.lang === 'ja');
    await expectText(page, 'fy-select', '令和');
  });
});

async function expectText(
  page: Page,
  testId: string,
  text: string,
): Promise<void> {
  const locator = page.getByTestId(testId);
  if ((await locator.evaluate((element) => element.tagName)) === 'SELECT') {
    await page.waitForFunction(
      ([id, expected]) => {
        const select = document.querySelector(
          `[data-testid=${id}]`,
        ) as HTMLSelectElement | null;
        return (
          select?.selectedOptions[0]?.textContent?.includes(expected) ?? false
        );
      },
      [testId, text] as const,
    );
  } else {
    await locator.getByText(text).waitFor();
  }
}
