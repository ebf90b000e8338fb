import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { NudgeListDto, NudgeSummaryDto } from '@ikuboard/shared/contracts';
import { addDays, fiscalYearOf } from '@ikuboard/shared/kpi';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { serverState } from '../support/server-state';

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
const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const today = new Date().toISOString().slice(0, 10);
const fy = fiscalYearOf(today);

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(serverState().baseUrl + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('ikuboard-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

describe('end to end in Chromium: a manager records an イクボス面談 with a new father and HR sees it', () => {
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    context = await chromium.launchPersistentContext(
      mkdtempSync(join(tmpdir(), 'ikuboard-chromium-')),
      {
        executablePath: process.env['CHROME_PATH'],
        headless: true,
        args: CHROMIUM_ARGS,
        viewport: { width: 1280, height: 900 },
        locale: 'ja-JP',
      },
    );
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
  });

  it('shows the father in the boss list, records the interview, and the HR count goes up by one', async () => {
    const manager = await ApiClient.login('manager', 'ikuboard-demo');
    const hr = await ApiClient.login('hr', 'ikuboard-demo');
    const fathers = (
      await manager.get<NudgeListDto>(`/api/v1/ikuboss/nudges?fy=${fy}`)
    ).body.fathers;
    const father = fathers.find((f) => f.interview === null);
    expect(father).toBeDefined();
    const before = (
      await hr.get<NudgeSummaryDto>(`/api/v1/ikuboss/nudges/summary?fy=${fy}`)
    ).body.total.interviewed;
    const number = father!.employeeNumber;

    await logIn(page, 'manager');
    await page.getByTestId('nav-ikuboss-nudges').click();
    const row = page.getByTestId(`nudge-row-${number}`);
    await row.waitFor();
    await page
      .getByTestId(`nudge-status-${number}`)
      .getByText('未実施')
      .waitFor();
    await page.getByTestId(`nudge-record-${number}`).click();
    await page.getByTestId('interview-planned-start').fill(addDays(today, 14));
    await page.getByTestId('interview-planned-end').fill(addDays(today, 43));
    await page.getByTestId('interview-save').click();
    await page
      .getByTestId(`nudge-status-${number}`)
      .getByText('面談済み')
      .waitFor();
    await page.screenshot({
      path: join(SCREENSHOTS, 'ikuboss-nudges.png'),
      fullPage: true,
    });

    await page.getByTestId('logout').click();
    await logIn(page, 'hr');
    await page.getByTestId('nav-ikuboss-programmes').click();
    await page
      .getByTestId('nudge-total-interviewed')
      .getByText(String(before + 1), { exact: true })
      .waitFor();
    const after = (
      await hr.get<NudgeSummaryDto>(`/api/v1/ikuboss/nudges/summary?fy=${fy}`)
    ).body.total.interviewed;
    expect(after).toBe(before + 1);

    await page.getByTestId('ikuboss-tab-trainings').click();
    await page.getByTestId('trainings-fy').selectOption('2025');
    await page.getByTestId('training-open-0').click();
    await page
      .getByTestId('attendee-list')
      .locator('tbody tr')
      .first()
      .waitFor();
    await page.screenshot({
      path: join(SCREENSHOTS, 'ikuboss-trainings.png'),
      fullPage: true,
    });
  });
});
