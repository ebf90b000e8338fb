import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type {
  Review360ItemBankDto,
  Review360QuestionnaireDto,
} from '@ikuboard/shared/contracts';
import { type BrowserContext, type Locator } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { closeTestDatabase, testDatabase } from '../support/database';
import { launchChromium } from '../support/browser';
import { serverState } from '../support/server-state';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const HAND_WRITTEN = {
  ja: '私の上司は、自ら休暇を取って見本を示している。',
  en: 'My boss takes leave and sets an example.',
};

/** Waits until the locator matches exactly n elements (no timing assumptions). */
async function exactly(locator: Locator, n: number): Promise<void> {
  if (n > 0) await locator.nth(n - 1).waitFor();
  await locator.nth(n).waitFor({ state: 'detached' });
}

describe('end to end in Chromium: HR prepares and launches a 360 cycle', () => {
  let context: BrowserContext;
  const { baseUrl } = serverState();

  beforeAll(async () => {
    context = await launchChromium();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await context?.close();
    await closeTestDatabase();
  });

  it('builds a questionnaire from the item bank, adjusts assignments, raises a threshold and launches', async () => {
    const hr = await ApiClient.login('hr', 'ikuboard-demo');
    const bank = (
      await hr.get<Review360ItemBankDto>('/api/v1/reviews360/item-bank')
    ).body;
    const [life, work, nagasaki, keepDoing] = [
      bank.items.find((i) => i.source === '北九州市イクボス10か条 1')!,
      bank.items.find((i) => i.source === '北九州市イクボス10か条 2')!,
      bank.items.find((i) => i.source === '長崎県イクボスセルフチェック')!,
      bank.items.find((i) => i.kind === 'text')!,
    ];

    const page = await context.newPage();
    await page.goto(baseUrl + '/login');
    await page.getByTestId('login-username').fill('hr');
    await page.getByTestId('login-password').fill('ikuboard-demo');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('nav-reviews360').waitFor();
    await page.goto(baseUrl + '/reviews360/manage');

    // A draft cycle for FY2026 (令和8年度), reference date in the demo history.
    await page.locator('details.panel > summary').click();
    await page.locator('#r360-fy').fill('2026');
    await page.locator('#r360-name').fill('多面評価(試行)');
    await page.locator('#r360-ref').fill('2026-03-01');
    await page.locator('form.create button[type=submit]').click();
    const row = page
      .getByTestId('review360-cycle')
      .filter({ hasText: '令和8年度' });
    await row.getByTestId('review360-setup-link').click();
    await page.getByTestId('review360-setup-title').waitFor();
    const cycleId = page.url().split('/').pop()!;

    // Questionnaire: start empty, pick three statements and a question from the bank.
    const items = page.getByTestId('review360-builder-item');
    await items.first().waitFor();
    expect(await items.count()).toBe(bank.items.length);
    await page.getByTestId('review360-builder-clear').click();
    await items.first().waitFor({ state: 'detached' });
    for (const entry of [life, work, nagasaki, keepDoing]) {
      const bankEntry = page
        .getByTestId('review360-bank-item')
        .filter({ hasText: entry.text.ja });
      await bankEntry.getByTestId('review360-bank-add').click();
      await bankEntry
        .locator('[data-testid=review360-bank-add]:disabled')
        .waitFor();
    }
    await exactly(items, 4);
    // A statement of our own in the first category (ライフ), moved above the bank item…
    const firstCategory = page
      .getByTestId('review360-builder-category')
      .first();
    await firstCategory.getByTestId('review360-add-rating').click();
    const own = firstCategory.getByTestId('review360-builder-item').nth(1);
    await own.waitFor();
    await own.getByTestId('review360-item-ja').fill(HAND_WRITTEN.ja);
    await own.getByTestId('review360-item-en').fill(HAND_WRITTEN.en);
    await own.getByTestId('review360-item-up').click();
    // …and the Nagasaki item removed again.
    await items
      .filter({ hasText: '長崎県' })
      .getByTestId('review360-item-remove')
      .click();
    // The middle label of the scale reworded.
    await page
      .getByTestId('review360-scale-label')
      .nth(2)
      .locator('input')
      .first()
      .fill('時々ある');
    await page.getByTestId('review360-builder-save').click();
    await page.getByTestId('review360-builder-saved').waitFor();
    expect(
      await page.getByTestId('review360-builder-saved').textContent(),
    ).toContain('行動項目3件・自由記述1件');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('app-review360-builder').screenshot({
      path: join(SCREENSHOTS, 'reviews360-builder.png'),
    });

    const stored = (
      await hr.get<Review360QuestionnaireDto>(
        `/api/v1/reviews360/cycles/${cycleId}/questionnaire`,
      )
    ).body;
    expect(stored.items.map((i) => i.text.ja)).toEqual([
      HAND_WRITTEN.ja,
      life.text.ja,
      work.text.ja,
      keepDoing.text.ja,
    ]);
    expect(stored.items[0]!.text.en).toBe(HAND_WRITTEN.en);
    expect(stored.items.map((i) => i.kind)).toEqual([
      'rating',
      'rating',
      'rating',
      'text',
    ]);
    expect(stored.categories.map((c) => c.name.ja)).toEqual([
      'ライフへの理解',
      '働き方と評価',
      '自由記述',
    ]);
    expect(stored.scale.map((s) => s.ja)).toEqual([
      'ほとんどない',
      'たまにある',
      '時々ある',
      'よくある',
      'いつもある',
    ]);

    // Minimums in draft: peers 4 for scores, 6 for comments.
    await page.getByTestId('review360-threshold-peerScores').fill('4');
    await page.getByTestId('review360-threshold-peerComments').fill('6');
    await page.getByTestId('review360-thresholds-save').click();
    await page.getByTestId('review360-thresholds-saved').waitFor();

    // Assignments: direct staff, peers, hires of the last 6 months left out.
    await page.getByTestId('review360-gen-months').fill('6');
    await page.getByTestId('review360-gen-peers').check();
    await page.getByTestId('review360-generate').click();
    await page.getByTestId('review360-assign-summary').waitFor();
    const { rows: counts } = await testDatabase().query(
      `SELECT count(*)::int AS n, count(DISTINCT ratee_id)::int AS managers,
              count(*) FILTER (WHERE relationship = 'peer')::int AS peers
         FROM review360_assignment WHERE cycle_id = $1`,
      [cycleId],
    );
    expect(counts[0].peers).toBeGreaterThan(0);
    expect(
      await page.getByTestId('review360-assign-summary').textContent(),
    ).toContain(`管理職${counts[0].managers}人・割当て${counts[0].n}件`);
    const { rows: stamped } = await testDatabase().query(
      `SELECT exclude_hired_months, include_peers, include_indirect FROM review360_cycle WHERE id = $1`,
      [cycleId],
    );
    expect(stamped[0]).toEqual({
      exclude_hired_months: 6,
      include_peers: true,
      include_indirect: false,
    });

    // A manager with too few staff raters: the warning, then one more rater added by hand.
    const { rows: few } = await testDatabase().query(
      `SELECT e.employee_number, count(*)::int AS n FROM review360_assignment x
         JOIN employee e ON e.id = x.ratee_id
        WHERE x.cycle_id = $1 AND x.relationship = 'subordinate'
        GROUP BY e.employee_number HAVING count(*) < 3 ORDER BY count(*) DESC, e.employee_number LIMIT 1`,
      [cycleId],
    );
    expect(few).toHaveLength(1);
    const bossNumber = few[0].employee_number as string;
    const before = few[0].n as number;
    const { rows: outsider } = await testDatabase().query(
      `SELECT e.employee_number FROM employee e
        WHERE e.organization_id = (SELECT organization_id FROM review360_cycle WHERE id = $1)
          AND e.employee_number <> $2
          AND NOT EXISTS (SELECT 1 FROM review360_assignment x
                           WHERE x.cycle_id = $1 AND x.rater_id = e.id
                             AND x.ratee_id = (SELECT id FROM employee WHERE employee_number = $2 AND organization_id = e.organization_id))
        ORDER BY e.employee_number LIMIT 1`,
      [cycleId, bossNumber],
    );
    const raterNumber = outsider[0].employee_number as string;

    await page.getByTestId('review360-assign-filter').fill(bossNumber);
    const boss = page.locator(
      `[data-testid=review360-boss][data-number="${bossNumber}"]`,
    );
    expect(
      await boss.getByTestId('review360-count-subordinate').textContent(),
    ).toContain(String(before));
    expect(
      await boss.getByTestId('review360-boss-warning').first().textContent(),
    ).toContain(`部下の評価者が${before}人で点数の最低集計人数(3人)未満`);
    await boss.getByTestId('review360-boss-open').click();
    await page.getByTestId('review360-add-rater-number').fill(raterNumber);
    await page.getByTestId('review360-add-rater').click();
    await page
      .locator(`[data-testid=review360-rater][data-number="${raterNumber}"]`)
      .waitFor();
    await boss
      .getByTestId('review360-count-subordinate')
      .filter({ hasText: String(before + 1) })
      .waitFor();
    // Hand check of the warning after the change: 3 or more → scores shown, comments need 5.
    const after = before + 1;
    const warnings = await boss
      .getByTestId('review360-boss-warning')
      .allTextContents();
    if (after < 3) expect(warnings.join()).toContain('点数の最低集計人数');
    else if (after < 5)
      expect(warnings.join()).toContain('自由記述の最低集計人数(5人)未満');
    else expect(warnings.filter((w) => w.includes('部下'))).toEqual([]);

    // Remove the supervisor's rating of this manager again.
    const supervisorRows = await testDatabase().query(
      `SELECT count(*)::int AS n FROM review360_assignment x JOIN employee e ON e.id = x.ratee_id
        WHERE x.cycle_id = $1 AND e.employee_number = $2 AND x.relationship = 'supervisor'`,
      [cycleId, bossNumber],
    );
    if (supervisorRows.rows[0].n > 0) {
      await page
        .getByTestId('review360-rater')
        .filter({ hasText: '上司として' })
        .getByTestId('review360-rater-remove')
        .click();
      await boss
        .getByTestId('review360-count-supervisor')
        .filter({ hasText: '0' })
        .waitFor();
    }
    const { rows: mine } = await testDatabase().query(
      `SELECT x.relationship, r.employee_number FROM review360_assignment x
         JOIN employee e ON e.id = x.ratee_id JOIN employee r ON r.id = x.rater_id
        WHERE x.cycle_id = $1 AND e.employee_number = $2`,
      [cycleId, bossNumber],
    );
    expect(mine.filter((m) => m.relationship === 'subordinate')).toHaveLength(
      before + 1,
    );
    expect(mine.filter((m) => m.relationship === 'supervisor')).toHaveLength(0);
    expect(mine.some((m) => m.employee_number === raterNumber)).toBe(true);

    // Launch; the questionnaire is then read only and minimums can only go up.
    await page.getByTestId('review360-launch').click();
    await page.getByTestId('review360-launched').waitFor();
    await page
      .locator('[data-testid=review360-setup-status][data-status=launched]')
      .waitFor();
    await page.getByTestId('review360-builder-locked').waitFor();
    expect(await page.getByTestId('review360-builder-save').isDisabled()).toBe(
      true,
    );
    expect(
      await page.getByTestId('review360-thresholds-raise-only').isVisible(),
    ).toBe(true);
    expect(
      await page
        .getByTestId('review360-threshold-subordinateComments')
        .getAttribute('min'),
    ).toBe('5');

    const saved = page.getByTestId('review360-thresholds-saved');
    await page.getByTestId('review360-threshold-subordinateComments').fill('7');
    await saved.waitFor({ state: 'detached' });
    await page.getByTestId('review360-thresholds-save').click();
    await saved.waitFor();
    // The reloaded cycle now starts the input at 7.
    await page
      .locator('[data-testid=review360-threshold-subordinateComments][min="7"]')
      .waitFor();
    await page.getByTestId('review360-threshold-subordinateComments').fill('5');
    await page.getByTestId('review360-thresholds-save').click();
    const refusal = page.getByTestId('review360-thresholds-error');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('引き上げのみ可能です');

    const { rows: cycleRow } = await testDatabase().query(
      `SELECT status, min_subordinate_scores, min_subordinate_comments, min_peer_scores, min_peer_comments
         FROM review360_cycle WHERE id = $1`,
      [cycleId],
    );
    expect(cycleRow[0]).toEqual({
      status: 'launched',
      min_subordinate_scores: 3,
      min_subordinate_comments: 7,
      min_peer_scores: 4,
      min_peer_comments: 6,
    });

    // In English the refusal reads in English.
    await page.evaluate(() => localStorage.setItem('ikuboard.language', 'en'));
    await page.reload();
    await page.getByTestId('review360-threshold-subordinateComments').fill('6');
    await page.getByTestId('review360-thresholds-save').click();
    await page.getByTestId('review360-thresholds-error').waitFor();
    expect(
      await page.getByTestId('review360-thresholds-error').textContent(),
    ).toContain('only be raised');
    await page.evaluate(() => localStorage.setItem('ikuboard.language', 'ja'));
    await page.close();
  });
});
