import { randomBytes } from 'node:crypto';
import { join } from 'node:path';

import type { SessionDto } from '@ikuboard/shared/contracts';
import { type BrowserContext, type Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { closeTestDatabase, queryable } from '../support/database';
import { launchChromium } from '../support/browser';
import { serverState } from '../support/server-state';

const SCREENSHOTS = join(__dirname, '..', '..', 'docs', 'screenshots');
const PASSWORD = 'Ikuboss-Link-2025!';

async function logIn(
  page: Page,
  username: string,
  password: string,
): Promise<void> {
  await page.goto(serverState().baseUrl + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

describe('end to end in Chromium: an admin links a fresh account to a manager, who then sees their declaration page', () => {
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

  it('creates the account, links it by 職員番号, and the account lands on its own declaration page', async () => {
    // A manager of みどり市 in service today, with no account and no declaration at all.
    const [manager] = (await queryable.query(
      `SELECT e.id, e.employee_number, e.name
         FROM employee e
         JOIN organization o ON o.id = e.organization_id AND o.code = 'midori'
         JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.id
                          AND a.valid_from <= current_date AND (a.valid_to IS NULL OR a.valid_to > current_date)
         JOIN position_stage s ON s.organization_id = e.organization_id AND s.id = a.position_stage_id AND s.is_manager
        WHERE e.hire_date <= current_date AND (e.separation_date IS NULL OR e.separation_date >= current_date)
          AND NOT EXISTS (SELECT 1 FROM account acc WHERE acc.employee_id = e.id)
          AND NOT EXISTS (SELECT 1 FROM ikuboss_declarer d WHERE d.employee_id = e.id)
        ORDER BY e.employee_number LIMIT 1`,
    )) as { id: string; employee_number: string; name: string }[];
    expect(manager).toBeDefined();
    const number = manager!.employee_number;
    const username = `e2e-${randomBytes(3).toString('hex')}`;

    await logIn(page, 'admin', 'ikuboard-demo');
    await page.getByTestId('nav-accounts').click();
    await page.getByTestId('account-row-manager').waitFor();
    await page.getByTestId('account-new-username').fill(username);
    await page.getByTestId('account-new-display-name').fill('新任 課長');
    await page.getByTestId('account-new-role').selectOption('manager');
    // A weak password is refused with the policy's reasons.
    await page.getByTestId('account-new-password').fill('weak');
    await page.getByTestId('account-create').click();
    await page
      .getByTestId('accounts-error')
      .getByText('パスワードは12文字以上にしてください。')
      .waitFor();
    await page.getByTestId('account-new-password').fill(PASSWORD);
    await page.getByTestId('account-create').click();
    const row = page.getByTestId(`account-row-${username}`);
    await row.waitFor();
    await page
      .getByTestId(`account-employee-${username}`)
      .getByText('未紐付け')
      .waitFor();

    await page.getByTestId(`account-select-${username}`).click();
    await page.getByTestId('account-employee-search').fill(number);
    await page.getByTestId('account-employee-search-submit').click();
    await page.getByTestId(`account-link-${number}`).click();
    await page
      .getByTestId(`account-employee-${username}`)
      .getByText(number)
      .waitFor();
    await page.getByTestId('account-linked').getByText(number).waitFor();
    await page.screenshot({
      path: join(SCREENSHOTS, 'accounts.png'),
      fullPage: true,
    });
    await page.getByTestId('logout').click();

    // The server agrees: the new account's session acts as that employee.
    const api = await ApiClient.login(username, PASSWORD);
    const session = (await api.get<SessionDto>('/api/v1/auth/session')).body;
    expect([session.role, session.employeeId]).toEqual([
      'manager',
      manager!.id,
    ]);

    await logIn(page, username, PASSWORD);
    await page.getByTestId('nav-ikuboss').click();
    // A manager lands on 私の宣言; linked and without a declaration, it offers to start one.
    await page.getByTestId('ikuboss-create').waitFor();
    expect(page.url()).toMatch(/\/ikuboss\/mine$/);
    expect(await page.getByTestId('ikuboss-error').count()).toBe(0);
  });
});
