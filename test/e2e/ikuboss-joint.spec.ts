import type {
  IkubossCampaignDetailDto,
  IkubossCampaignDto,
  IkubossDeclarationDto,
  SessionDto,
} from '@ikuboard/shared/contracts';
import { type BrowserContext, type Page } from 'playwright-core';

import { createAccount } from '../../api/src/app/setup/organization-setup';
import { ApiClient } from '../support/api-client';
import { closeTestDatabase, queryable } from '../support/database';
import { launchChromium } from '../support/browser';
import { serverState } from '../support/server-state';

const PASSWORD = 'ikuboss-joint-e2e-Pass';

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(serverState().baseUrl + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

describe('end to end in Chromium: a manager starts a joint declaration with another manager', () => {
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

  it('enters the co-declarer’s 職員番号 next to their own fixed one, sees the bilingual error for an unknown number, then both names', async () => {
    const hr = await ApiClient.login('hr', 'ikuboard-demo');
    const organizationId = (await hr.get<SessionDto>('/api/v1/auth/session'))
      .body.organization.id;
    // The page offers the newest campaign's year; two of its managers without any declaration yet
    // (taken from the end of the list, away from the rows other specs pick first).
    const campaigns = (
      await hr.get<IkubossCampaignDto[]>('/api/v1/ikuboss/campaigns')
    ).body;
    const latest = campaigns.reduce((a, b) =>
      b.fiscalYear > a.fiscalYear ? b : a,
    );
    const untouched = (
      await hr.get<IkubossCampaignDetailDto>(
        `/api/v1/ikuboss/campaigns/${latest.id}`,
      )
    ).body.notDeclared.filter((p) => p.draftDeclarationId === null);
    // Managers whom no account (such as the demo 'manager' another spec signs with) logs in as.
    const withAccount = new Set(
      (
        (await queryable.query(
          `SELECT e.employee_number FROM account a
             JOIN employee e ON e.organization_id = a.organization_id AND e.id = a.employee_id
            WHERE a.organization_id = $1`,
          [organizationId],
        )) as { employee_number: string }[]
      ).map((row) => row.employee_number),
    );
    const free = untouched.filter((p) => !withAccount.has(p.employeeNumber));
    expect(free.length).toBeGreaterThanOrEqual(2);
    const [a, b] = free.slice(-2) as [(typeof free)[0], (typeof free)[0]];
    const usernames: string[] = [];
    for (const manager of [a, b]) {
      const [{ id }] = (await queryable.query(
        `SELECT id FROM employee WHERE organization_id = $1 AND employee_number = $2`,
        [organizationId, manager.employeeNumber],
      )) as [{ id: string }];
      const username = `e2e-joint-${manager.employeeNumber}`.toLowerCase();
      await createAccount(queryable, {
        organizationId,
        username,
        displayName: manager.name,
        password: PASSWORD,
        role: 'manager',
        employeeId: id,
      });
      usernames.push(username);
    }

    await logIn(page, usernames[0]!);
    await page.getByTestId('nav-ikuboss').click();
    const own = page.getByTestId('ikuboss-joint-own');
    await own.waitFor();
    await expect(own.inputValue()).resolves.toBe(a.employeeNumber);
    await expect(
      own.evaluate((input) => (input as HTMLInputElement).readOnly),
    ).resolves.toBe(true);

    // An unknown number: the API's message is shown (Japanese first), nothing is created.
    await page.getByTestId('ikuboss-joint-others').fill('NO-SUCH-9999');
    await page.getByTestId('ikuboss-joint-create').click();
    await page
      .getByTestId('ikuboss-error')
      .filter({ hasText: '職員番号「NO-SUCH-9999」の職員はいません。' })
      .waitFor();
    // The same error in English after switching the language, then back to Japanese.
    await page.getByTestId('lang-switch').click();
    await page
      .getByTestId('ikuboss-error')
      .filter({ hasText: 'No employee with number NO-SUCH-9999.' })
      .waitFor();
    await page.getByTestId('lang-switch').click();
    await page
      .getByTestId('ikuboss-error')
      .filter({ hasText: '職員番号「NO-SUCH-9999」の職員はいません。' })
      .waitFor();

    await page.getByTestId('ikuboss-joint-others').fill(b.employeeNumber);
    await page.getByTestId('ikuboss-joint-create').click();
    await page
      .locator('[data-testid=ikuboss-current][data-status=draft]')
      .waitFor();
    await page
      .getByTestId('ikuboss-current')
      .filter({ hasText: '共同宣言' })
      .waitFor();
    await expect(
      page.getByTestId('ikuboss-declarer').allTextContents(),
    ).resolves.toEqual([
      expect.stringContaining(a.name),
      expect.stringContaining(b.name),
    ]);

    // The co-declarer finds the same joint draft among their own declarations.
    const coDeclarer = await ApiClient.login(usernames[1]!, PASSWORD);
    const theirs = (
      await coDeclarer.get<IkubossDeclarationDto[]>(
        '/api/v1/ikuboss/declarations/mine',
      )
    ).body.find((d) => d.fiscalYear === latest.fiscalYear);
    expect(theirs?.kind).toBe('joint');
    expect(theirs?.status).toBe('draft');
    expect(theirs?.declarers.map((d) => d.employeeNumber)).toEqual([
      a.employeeNumber,
      b.employeeNumber,
    ]);
  });
});
