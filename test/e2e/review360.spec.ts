import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type {
  Review360CycleDto,
  Review360QuestionnaireDto,
  Review360TaskDto,
} from '@ikuboard/shared/contracts';
import { type BrowserContext } from 'playwright-core';

import { createAccount } from '../../api/src/app/setup/organization-setup';
import { ApiClient } from '../support/api-client';
import {
  closeTestDatabase,
  queryable,
  testDatabase,
} from '../support/database';
import { launchChromium } from '../support/browser';
import { serverState } from '../support/server-state';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const PASSWORD = 'review360-e2e-Pass';

/** A login for an employee of みどり市 (the demo seed has accounts for only a few people). */
async function accountFor(
  employeeId: string,
  role: 'staff' | 'manager',
): Promise<string> {
  const [{ organization_id: organizationId, employee_number: number }] = (
    await testDatabase().query(
      `SELECT organization_id, employee_number FROM employee WHERE id = $1`,
      [employeeId],
    )
  ).rows;
  const username = `e2e-${number}`.toLowerCase();
  await createAccount(queryable, {
    organizationId,
    username,
    displayName: `職員 ${number}`,
    password: PASSWORD,
    role,
    employeeId,
  });
  return username;
}

describe('end to end in Chromium: a staff member rates a boss, who sees results only after release', () => {
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

  it('rates on a phone-sized form, and the boss sees the report after release and above the threshold', async () => {
    const hr = await ApiClient.login('hr', 'ikuboard-demo');
    const created = await hr.post<Review360CycleDto>(
      '/api/v1/reviews360/cycles',
      {
        fiscalYear: 2025,
        name: '令和7年度 多面評価(イクボス)',
        referenceDate: '2025-10-01',
        includeIndirect: true,
      },
    );
    expect(created.status).toBe(201);
    const cycle = created.body;
    expect(
      (
        await hr.post(
          `/api/v1/reviews360/cycles/${cycle.id}/assignments/generate`,
        )
      ).status,
    ).toBe(201);
    expect(
      (await hr.post(`/api/v1/reviews360/cycles/${cycle.id}/launch`)).status,
    ).toBe(200);

    // A boss with at least six subordinate raters: one answers in the browser, five through the API.
    const { rows } = await testDatabase().query(
      `SELECT ratee_id, array_agg(rater_id ORDER BY rater_id) AS raters FROM review360_assignment
        WHERE cycle_id = $1 AND relationship = 'subordinate'
        GROUP BY ratee_id HAVING count(*) >= 6 ORDER BY count(*), ratee_id LIMIT 1`,
      [cycle.id],
    );
    expect(rows).toHaveLength(1);
    const rateeId = rows[0].ratee_id as string;
    const [browserRater, ...apiRaters] = (rows[0].raters as string[]).slice(
      0,
      6,
    );
    const bossName = (
      await testDatabase().query(`SELECT name FROM employee WHERE id = $1`, [
        rateeId,
      ])
    ).rows[0].name as string;
    const raterLogin = await accountFor(browserRater!, 'staff');
    const bossLogin = await accountFor(rateeId, 'manager');

    // The staff member, on a phone-sized window.
    const phone = await context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(baseUrl + '/login');
    await phone.getByTestId('login-username').fill(raterLogin);
    await phone.getByTestId('login-password').fill(PASSWORD);
    await phone.getByTestId('login-submit').click();
    await phone.getByTestId('review360-banner').waitFor();
    await phone.getByTestId('nav-reviews360').click();
    await phone.getByTestId('review360-promise').waitFor();
    // This cycle's link: the setup spec may have launched another cycle with the same boss.
    await phone
      .locator('li', { hasText: bossName })
      .locator(`a[data-testid="review360-answer-link"][href*="${cycle.id}"]`)
      .click();
    await phone.getByTestId('review360-form-promise').waitFor();
    const items = phone.getByTestId('review360-item');
    await items.first().waitFor();
    const count = await items.count();
    expect(count).toBeGreaterThan(5);
    for (let index = 0; index < count; index++) {
      const choices = items.nth(index).locator('label.choice');
      await choices.nth(index === 0 ? 5 : 1 + (index % 4)).click();
    }
    await phone
      .getByTestId('review360-comment')
      .first()
      .fill('定時で帰るよう声をかけてくれる。');
    await phone.evaluate(() => window.scrollTo(0, 0));
    await phone.screenshot({
      path: join(SCREENSHOTS, '360-form.png'),
      fullPage: false,
    });
    await phone.getByTestId('review360-submit').click();
    await phone.getByTestId('review360-done').waitFor();
    await phone.close();

    // Five colleagues answer through the API, and the boss rates himself.
    const remarks = [
      '会議が短くて助かる。',
      '相談しやすい雰囲気がある。',
      '休暇の申し出に快く応じてくれる。',
      '方針をもう少し早く共有してほしい。',
      '業務の偏りを調整してくれる。',
    ];
    const answer = async (
      client: ApiClient,
      relationship: string,
      score: (j: number) => number,
      remark?: string,
    ) => {
      const tasks = (
        await client.get<Review360TaskDto[]>('/api/v1/reviews360/my/tasks')
      ).body;
      // This cycle's task: another spec may have launched a cycle for the same year.
      const task = tasks.find(
        (t) =>
          t.cycleId === cycle.id &&
          t.ratee.name === bossName &&
          t.relationship === relationship,
      )!;
      const questionnaire = (
        await client.get<Review360QuestionnaireDto>(
          `/api/v1/reviews360/cycles/${cycle.id}/questionnaire`,
        )
      ).body;
      const textItem = questionnaire.items.find((i) => i.kind === 'text')!;
      return client.post(
        `/api/v1/reviews360/cycles/${cycle.id}/answers/${task.assignmentId}`,
        {
          scores: Object.fromEntries(
            questionnaire.items
              .filter((i) => i.kind === 'rating')
              .map((i, j) => [i.id, score(j)]),
          ),
          comments: remark ? { [textItem.id]: remark } : {},
        },
      );
    };
    for (const [k, rater] of apiRaters.entries()) {
      const client = await ApiClient.login(
        await accountFor(rater, 'staff'),
        PASSWORD,
      );
      const answered = await answer(
        client,
        'subordinate',
        (j) => 1 + ((j + k) % 3) + (j % 2),
        remarks[k],
      );
      expect(answered.status).toBe(204);
    }
    const boss = await ApiClient.login(bossLogin, PASSWORD);
    expect(
      (await answer(boss, 'self', (j) => (j < 4 ? 5 : j < 8 ? 3 : 1))).status,
    ).toBe(204);

    // Before release the boss sees nothing for this year.
    await context.clearCookies();
    const desk = await context.newPage();
    await desk.goto(baseUrl + '/login');
    await desk.getByTestId('login-username').fill(bossLogin);
    await desk.getByTestId('login-password').fill(PASSWORD);
    await desk.getByTestId('login-submit').click();
    await desk.getByTestId('nav-reviews360').click();
    await desk.getByTestId('review360-promise').waitFor();
    expect(
      await desk
        .getByTestId('review360-report-link')
        .filter({ hasText: '令和7年度' })
        .count(),
    ).toBe(0);
    await desk.goto(`${baseUrl}/reviews360/report/${cycle.id}`);
    await desk.getByTestId('review360-report-error').waitFor();
    expect(
      await desk.getByTestId('review360-report-error').textContent(),
    ).toContain('公開されていません');

    expect(
      (await hr.post(`/api/v1/reviews360/cycles/${cycle.id}/close`)).status,
    ).toBe(200);
    expect(
      (await hr.post(`/api/v1/reviews360/cycles/${cycle.id}/release`)).status,
    ).toBe(200);

    await desk.goto(`${baseUrl}/reviews360`);
    await desk
      .getByTestId('review360-report-link')
      .filter({ hasText: '令和7年度' })
      .click();
    await desk.getByTestId('review360-report-title').waitFor();
    await desk.locator('app-review360-radar canvas').waitFor();
    const overall = await desk
      .getByTestId('review360-overall-subordinate')
      .textContent();
    // Six answered, so the staff figure is shown with its count (≥ 3).
    expect(overall).toMatch(/部下:\s*\d\.\d\d \(6人\)/);
    expect(
      await desk.locator('td[data-status=released]').count(),
    ).toBeGreaterThan(0);
    expect(
      await desk.getByText('定時で帰るよう声をかけてくれる。').count(),
    ).toBe(1);
    await desk.screenshot({
      path: join(SCREENSHOTS, '360-report.png'),
      fullPage: true,
    });
    await desk.close();
  });
});
