import { join } from 'node:path';

import type { NudgeListDto, NudgeSummaryDto } from '@ikuboard/shared/contracts';
import { addDays, fiscalYearOf } from '@ikuboard/shared/kpi';
import { type BrowserContext, type Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { closeTestDatabase, queryable } from '../support/database';
import { launchChromium } from '../support/browser';
import { serverState } from '../support/server-state';

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
    context = await launchChromium();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await closeTestDatabase();
  });

  /**
   * The demo seed gives the demo manager new fathers, but other suites share this server (a roster
   * import may move people), so the spec puts one more in place itself: a permanent man in service
   * today, reporting to the demo manager, whose child was born five days ago (or on April 1).
   */
  async function newFatherUnderDemoManager(): Promise<string> {
    const fyStart = `${fy}-04-01`;
    const birth = addDays(today, -5) < fyStart ? fyStart : addDays(today, -5);
    const [row] = (await queryable.query(
      `SELECT e.id, e.employee_number, acc.employee_id AS boss, e.organization_id
         FROM account acc
         JOIN employee e ON e.organization_id = acc.organization_id AND e.gender = 'male' AND e.id <> acc.employee_id
         JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.id
                          AND a.valid_from <= $1 AND (a.valid_to IS NULL OR a.valid_to > $1)
         JOIN position_stage s ON s.organization_id = e.organization_id AND s.id = a.position_stage_id AND NOT s.is_manager
         JOIN employment_category c ON c.organization_id = e.organization_id AND c.id = a.employment_category_id AND c.code = 'permanent'
        WHERE acc.username = 'manager' AND e.hire_date <= $1
          AND (e.separation_date IS NULL OR e.separation_date >= $2)
          AND NOT EXISTS (SELECT 1 FROM child ch WHERE ch.employee_id = e.id AND ch.birth_date >= $3)
        ORDER BY e.employee_number DESC LIMIT 1`,
      [birth, today, fyStart],
    )) as {
      id: string;
      employee_number: string;
      boss: string;
      organization_id: string;
    }[];
    expect(row).toBeDefined();
    await queryable.query(
      `UPDATE employee SET supervisor_id = $2 WHERE id = $1`,
      [row!.id, row!.boss],
    );
    await queryable.query(
      `INSERT INTO child (organization_id, employee_id, birth_date) VALUES ($1, $2, $3)`,
      [row!.organization_id, row!.id, birth],
    );
    return row!.employee_number;
  }

  it('shows the father in the boss list, records the interview, and the HR count goes up by one', async () => {
    const manager = await ApiClient.login('manager', 'ikuboard-demo');
    const hr = await ApiClient.login('hr', 'ikuboard-demo');
    const number = await newFatherUnderDemoManager();
    const fathers = (
      await manager.get<NudgeListDto>(`/api/v1/ikuboss/nudges?fy=${fy}`)
    ).body.fathers;
    const father = fathers.find((f) => f.employeeNumber === number);
    expect(father?.interview).toBeNull();
    const before = (
      await hr.get<NudgeSummaryDto>(`/api/v1/ikuboss/nudges/summary?fy=${fy}`)
    ).body.total.interviewed;

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
