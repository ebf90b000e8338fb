import { join } from 'node:path';

import type {
  IkubossCampaignDto,
  IkubossDeclarationDto,
  KpiValueDto,
} from '@ikuboard/shared/contracts';
import { type BrowserContext, type Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { launchChromium } from '../support/browser';
import { serverState } from '../support/server-state';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const ACTION =
  '子が生まれる職員とは必ず面談し、育児休業の計画を一緒に立てます。';

async function logIn(
  page: Page,
  baseUrl: string,
  username: string,
): Promise<void> {
  await page.goto(baseUrl + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('ikuboard-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

async function selectFiscalYear(page: Page, fiscalYear: number): Promise<void> {
  const select = page.getByTestId('kpis-fy-select');
  await select
    .locator(`option[value="${fiscalYear}"]`)
    .waitFor({ state: 'attached' });
  await select.selectOption(String(fiscalYear));
}

describe('end to end in Chromium: Ikuboss declarations', () => {
  let context: BrowserContext;
  let page: Page;
  const { baseUrl } = serverState();
  let hr: ApiClient;
  let declaration: IkubossDeclarationDto;

  beforeAll(async () => {
    context = await launchChromium();
    page = await context.newPage();
    hr = await ApiClient.login('hr', 'ikuboard-demo');
  });
  afterAll(async () => {
    await context?.close();
  });

  it('a manager signs their declaration and the coverage figure gains one declared manager', async () => {
    const coverage = async () =>
      (
        await hr.get<KpiValueDto[]>(
          '/api/v1/kpis?fy=2025&code=ikuboss_declaration_coverage',
        )
      ).body[0]!;
    const before = await coverage();
    expect(before.denominator).toBeGreaterThan(before.numerator);

    await logIn(page, baseUrl, 'manager');
    await page.getByTestId('nav-kpis').click();
    // Another spec may have imported the next April's roster, so the year is chosen explicitly.
    await selectFiscalYear(page, 2025);
    const card = page.getByTestId('kpi-summary-ikuboss_declaration_coverage');
    await card
      .getByTestId('kpi-fraction')
      .filter({ hasText: `${before.numerator} / ${before.denominator}` })
      .waitFor();

    await page.getByTestId('nav-ikuboss').click();
    // The campaign's year (令和7年度 = FY2025) is the one offered.
    await page
      .getByTestId('ikuboss-create')
      .filter({ hasText: '令和7年度' })
      .click();
    await page
      .locator('[data-testid=ikuboss-current][data-status=draft]')
      .waitFor();
    await page.getByTestId('ikuboss-action-1').fill(ACTION);
    await page.getByTestId('ikuboss-public').check();
    // Signing needs the explicit confirmation.
    await expect(page.getByTestId('ikuboss-sign').isDisabled()).resolves.toBe(
      true,
    );
    await page.getByTestId('ikuboss-confirm').check();
    await page.getByTestId('ikuboss-sign').click();
    await page
      .locator('[data-testid=ikuboss-current][data-status=signed]')
      .waitFor();
    const shownHash = await page.getByTestId('ikuboss-hash').textContent();
    expect(shownHash?.trim()).toMatch(/^[0-9a-f]{64}$/);
    await expect(
      page.getByTestId('ikuboss-signed-text').textContent(),
    ).resolves.toContain(`アクション1: ${ACTION}`);

    await page.getByTestId('nav-kpis').click();
    await selectFiscalYear(page, 2025);
    await card
      .getByTestId('kpi-fraction')
      .filter({ hasText: `${before.numerator + 1} / ${before.denominator}` })
      .waitFor();
    const after = await coverage();
    expect([after.numerator, after.denominator]).toEqual([
      before.numerator + 1,
      before.denominator,
    ]);

    const manager = await ApiClient.login('manager', 'ikuboard-demo');
    const mine = (
      await manager.get<IkubossDeclarationDto[]>(
        '/api/v1/ikuboss/declarations/mine',
      )
    ).body;
    declaration = mine.find(
      (d) => d.fiscalYear === 2025 && d.status === 'signed',
    )!;
    expect(declaration.signedHash).toBe(shownHash?.trim());
    await page.getByTestId('logout').click();
    await page.getByTestId('login-username').waitFor();
  });

  it('HR sees the campaign without the manager among the not-declared, and prints the declaration on one A4 page', async () => {
    const number = declaration.declarers[0]!.employeeNumber;
    const [campaign] = (
      await hr.get<IkubossCampaignDto[]>('/api/v1/ikuboss/campaigns')
    ).body.filter((c) => c.fiscalYear === 2025);
    expect(campaign).toBeDefined();

    await logIn(page, baseUrl, 'hr');
    await page.getByTestId('nav-ikuboss').click();
    await page.getByTestId('campaign-link-2025').click();
    await page.getByTestId('campaign-units').waitFor();
    await page.getByTestId('campaign-not-declared').waitFor();
    await expect(
      page.getByTestId('campaign-summary').textContent(),
    ).resolves.toContain(`${campaign!.declared} / ${campaign!.required}`);
    await expect(page.getByTestId(`pending-${number}`).count()).resolves.toBe(
      0,
    );
    await page.locator('ik-bar-chart canvas').first().waitFor();
    await page.screenshot({
      path: join(SCREENSHOTS, 'ikuboss-campaign.png'),
      fullPage: true,
    });

    await page.goto(`${baseUrl}/ikuboss/declarations/${declaration.id}/print`);
    await page.getByTestId('declaration-hash').waitFor();
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('.app-header').isVisible()).resolves.toBe(false);
    await expect(page.getByTestId('print-button').isVisible()).resolves.toBe(
      false,
    );
    await expect(
      page.getByTestId('declaration-hash').textContent(),
    ).resolves.toContain(declaration.signedHash!);
    await expect(
      page.getByTestId('declarer-name').textContent(),
    ).resolves.toContain(declaration.declarers[0]!.nameAtSigning!);

    // The printed document: the stylesheet's @page gives A4 (595 × 842 pt) and it fits on one page.
    const pdf = (
      await page.pdf({ preferCSSPageSize: true, printBackground: true })
    ).toString('latin1');
    const boxes = [
      ...pdf.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g),
    ];
    expect(boxes.length).toBe(1);
    expect(Number(boxes[0]![1])).toBeCloseTo(595.3, 0);
    expect(Number(boxes[0]![2])).toBeCloseTo(841.9, 0);
    // For the docs: the on-screen preview of the same sheet, an A4 page with its margins.
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('declaration-sheet').screenshot({
      path: join(SCREENSHOTS, 'ikuboss-declaration-print.png'),
    });
  });
});
