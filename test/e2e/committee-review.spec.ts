import { join } from 'node:path';

import type {
  CommitteeReviewDto,
  CommitteeReviewSummaryDto,
  KpiValueDto,
} from '@ikuboard/shared/contracts';
import { roundHalfUp } from '@ikuboard/shared/kpi';
import { type BrowserContext, type Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { launchChromium } from '../support/browser';
import { serverState } from '../support/server-state';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');

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

describe('end to end in Chromium: HR prepares the review, the chair signs off, HR publishes, the public page shows the figures', () => {
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

  it('the committee review goes from draft to published and the public page shows the frozen figures', async () => {
    // HR prepares the FY2025 review in the browser.
    await logIn(page, baseUrl, 'hr');
    await page.getByTestId('nav-committee').click();
    await page.getByTestId('committee-fy').selectOption('2025');
    await page.getByTestId('committee-prepare').click();
    await page
      .locator('[data-testid=committee-status][data-status=draft]')
      .waitFor({ timeout: 60_000 });
    await page
      .locator('[data-testid=committee-check][data-passed=true]')
      .waitFor();
    await page.getByTestId('logout').click();

    // The chair comments and signs off.
    await logIn(page, baseUrl, 'committee');
    await page.getByTestId('nav-committee').click();
    await page.getByTestId('committee-review-2025-1').click();
    await page
      .getByTestId('committee-comment-item')
      .selectOption('kpi:female_manager_ratio');
    await page
      .getByTestId('committee-comment-body')
      .fill('課長級への女性の登用が計画どおり進んでいる。');
    await page.getByTestId('committee-comment-submit').click();
    await page
      .getByTestId('committee-figure-female_manager_ratio')
      .getByText('課長級への女性の登用が計画どおり進んでいる。')
      .waitFor();
    // ... and on a target (itemKey target:<id>): it shows in that target's row.
    const targetItem = await page
      .getByTestId('committee-comment-item')
      .locator('option[value^="target:"]')
      .first()
      .getAttribute('value');
    expect(targetItem).toMatch(/^target:[0-9a-f-]{36}$/);
    await page.getByTestId('committee-comment-item').selectOption(targetItem!);
    await page
      .getByTestId('committee-comment-body')
      .fill('目標年度までの目安を上回っている。');
    await page.getByTestId('committee-comment-submit').click();
    await page
      .getByTestId('committee-targets')
      .getByTestId('committee-target-comments')
      .getByText('目標年度までの目安を上回っている。')
      .waitFor();
    await page.getByTestId('committee-sign').click();
    await page
      .locator('[data-testid=committee-status][data-status=signed]')
      .waitFor();
    expect(await page.getByTestId('committee-publish').count()).toBe(0);
    await page.screenshot({
      path: join(SCREENSHOTS, 'committee-review.png'),
      fullPage: true,
    });
    await page.getByTestId('logout').click();

    // HR publishes.
    await logIn(page, baseUrl, 'hr');
    await page.getByTestId('nav-committee').click();
    await page.getByTestId('committee-review-2025-1').click();
    await page.getByTestId('committee-publish').click();
    await page
      .locator('[data-testid=committee-status][data-status=published]')
      .waitFor();
    await page.getByTestId('committee-public-link').waitFor();

    const hr = await ApiClient.login('hr', 'ikuboard-demo');
    const [summary] = (
      await hr.get<CommitteeReviewSummaryDto[]>('/api/v1/committee/reviews')
    ).body;
    const review = (
      await hr.get<CommitteeReviewDto>(
        `/api/v1/committee/reviews/${summary!.id}`,
      )
    ).body;
    const frozen = review.snapshot.organization.find(
      (value: KpiValueDto) =>
        value.code === 'female_manager_ratio' &&
        value.fiscalYear === 2025 &&
        value.dimensions === undefined,
    )!;
    await page.getByTestId('logout').click();

    // The public page, without login, on a phone-sized screen.
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(baseUrl + '/p/midori');
    await phone.getByTestId('public-page').waitFor();
    const figure = phone.getByTestId('public-figure-female_manager_ratio');
    await figure
      .getByText(`${roundHalfUp(frozen.value!, 1).toFixed(1)}%`)
      .waitFor();
    await phone.getByTestId('public-targets').waitFor();
    expect(
      await phone.getByTestId('public-fiscal-year').textContent(),
    ).toContain('令和7年度');
    // Nothing scrolls sideways on a phone.
    const overflow = await phone.evaluate(
      () =>
        document.documentElement.scrollWidth -
        document.documentElement.clientWidth,
    );
    expect(overflow).toBe(0);
    expect(await phone.getByTestId('current-user').count()).toBe(0);
    await phone.screenshot({
      path: join(SCREENSHOTS, 'public-page.png'),
      fullPage: true,
    });
    await phone.close();
  }, 300_000);
});
