import { randomBytes } from 'node:crypto';

import type {
  IkubossCampaignDetailDto,
  IkubossCampaignDto,
  IkubossDeclarationDto,
  LocalFirmDto,
  NudgeSummaryDto,
} from '@ikuboard/shared/contracts';
import { fiscalYearOf } from '@ikuboard/shared/kpi';
import { type BrowserContext, type Page } from 'playwright-core';

import { ApiClient } from '../support/api-client';
import { closeTestDatabase } from '../support/database';
import { launchChromium } from '../support/browser';
import { serverState } from '../support/server-state';

async function logIn(page: Page, username: string): Promise<void> {
  await page.goto(serverState().baseUrl + '/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill('ikuboard-demo');
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
}

describe('end to end in Chromium: HR starts declarations for managers, edits and deletes campaigns, edits a local firm', () => {
  let context: BrowserContext;
  let page: Page;
  let hr: ApiClient;

  beforeAll(async () => {
    context = await launchChromium();
    page = await context.newPage();
    // Deleting asks for confirmation.
    page.on('dialog', (dialog) => void dialog.accept());
    hr = await ApiClient.login('hr', 'ikuboard-demo');
    await logIn(page, 'hr');
  });
  afterAll(async () => {
    await context?.close();
    await closeTestDatabase();
  });

  it('starts a joint declaration for two managers and an individual one from a pending row', async () => {
    const campaigns = (
      await hr.get<IkubossCampaignDto[]>('/api/v1/ikuboss/campaigns')
    ).body;
    const latest = campaigns.reduce((a, b) =>
      b.fiscalYear > a.fiscalYear ? b : a,
    );
    const detail = (
      await hr.get<IkubossCampaignDetailDto>(
        `/api/v1/ikuboss/campaigns/${latest.id}`,
      )
    ).body;
    const untouched = detail.notDeclared.filter(
      (p) => p.draftDeclarationId === null,
    );
    expect(untouched.length).toBeGreaterThanOrEqual(3);
    const [a, b, c] = untouched as [
      (typeof untouched)[0],
      (typeof untouched)[0],
      (typeof untouched)[0],
    ];

    await page.goto(`${serverState().baseUrl}/ikuboss/campaigns/${latest.id}`);
    await page
      .getByTestId('campaign-start-numbers')
      .fill(`${a.employeeNumber} ${b.employeeNumber}`);
    await page.getByTestId('campaign-start-submit').click();
    await page
      .getByTestId('campaign-manage-notice')
      .getByText('共同宣言')
      .waitFor();
    await page
      .getByTestId(`pending-${a.employeeNumber}`)
      .getByText('下書きあり')
      .waitFor();
    await page.getByTestId(`pending-start-${c.employeeNumber}`).click();
    await page
      .getByTestId('campaign-manage-notice')
      .getByText('個人宣言')
      .waitFor();
    await page
      .getByTestId(`pending-${c.employeeNumber}`)
      .getByText('下書きあり')
      .waitFor();

    const declarations = (
      await hr.get<IkubossDeclarationDto[]>(
        `/api/v1/ikuboss/declarations?fy=${latest.fiscalYear}`,
      )
    ).body;
    const joint = declarations.find((d) =>
      d.declarers.some((x) => x.employeeNumber === a.employeeNumber),
    );
    expect(joint?.kind).toBe('joint');
    expect(joint?.status).toBe('draft');
    expect(joint?.declarers.map((x) => x.employeeNumber)).toEqual([
      a.employeeNumber,
      b.employeeNumber,
    ]);
    const single = declarations.find((d) =>
      d.declarers.some((x) => x.employeeNumber === c.employeeNumber),
    );
    expect(single?.kind).toBe('individual');

    // This campaign has declarations: deleting it is refused with the bilingual reason.
    await page.getByTestId('campaign-delete').click();
    await page
      .getByTestId('campaign-manage-error')
      .getByText('削除できません', { exact: false })
      .waitFor();
  });

  it('edits a campaign and deletes one without declarations', async () => {
    const templates = (
      await hr.get<{ id: string }[]>('/api/v1/ikuboss/templates')
    ).body;
    const created = await hr.post<IkubossCampaignDto>(
      '/api/v1/ikuboss/campaigns',
      {
        name: `e2e キャンペーン ${randomBytes(2).toString('hex')}`,
        fiscalYear: 2030,
        scopeUnitCode: null,
        stageCodes: (
          await hr.get<{ code: string; isManager: boolean }[]>(
            '/api/v1/ikuboss/stages',
          )
        ).body
          .filter((s) => s.isManager)
          .map((s) => s.code),
        templateId: templates[0]!.id,
        deadline: '2030-06-30',
      },
    );
    expect(created.status).toBe(201);
    await page.goto(
      `${serverState().baseUrl}/ikuboss/campaigns/${created.body.id}`,
    );
    await page.getByTestId('campaign-edit-open').click();
    await page.getByTestId('campaign-edit-name').fill('改称後のキャンペーン');
    await page.getByTestId('campaign-edit-deadline').fill('2030-07-31');
    await page.getByTestId('campaign-edit-save').click();
    await page
      .getByTestId('campaign-detail')
      .locator('h1')
      .getByText('改称後のキャンペーン')
      .waitFor();
    const edited = (
      await hr.get<IkubossCampaignDetailDto>(
        `/api/v1/ikuboss/campaigns/${created.body.id}`,
      )
    ).body;
    expect([edited.name, edited.deadline]).toEqual([
      '改称後のキャンペーン',
      '2030-07-31',
    ]);

    await page.getByTestId('campaign-delete').click();
    await page.waitForURL(/\/ikuboss\/campaigns$/);
    expect(
      (await hr.get(`/api/v1/ikuboss/campaigns/${created.body.id}`)).status,
    ).toBe(404);
  });

  it('rolls the HR nudge counts up by unit subtree and drills into a unit', async () => {
    const fy = fiscalYearOf(new Date().toISOString().slice(0, 10));
    const top = (
      await hr.get<NudgeSummaryDto>(
        `/api/v1/ikuboss/nudges/summary?fy=${fy}&rollup=true`,
      )
    ).body;
    const parent = top.units.find((u) => u.hasChildren);
    expect(parent).toBeDefined();
    const below = (
      await hr.get<NudgeSummaryDto>(
        `/api/v1/ikuboss/nudges/summary?fy=${fy}&rollup=true&unit=${parent!.unitCode}`,
      )
    ).body;
    // The parent's row is the sum of what its subtree lists.
    expect(below.total.eligibleFathers).toBe(parent!.eligibleFathers);
    expect(
      below.units.reduce((sum, u) => sum + u.eligibleFathers, 0),
    ).toBeGreaterThanOrEqual(parent!.eligibleFathers);

    await page.goto(`${serverState().baseUrl}/ikuboss-programmes/nudges`);
    await page.getByTestId(`nudge-drill-${parent!.unitCode}`).click();
    await page.getByTestId('nudge-summary-up').waitFor();
    await page
      .getByTestId('nudge-total-eligible')
      .getByText(String(parent!.eligibleFathers), { exact: true })
      .waitFor();
    expect(await page.locator('[data-testid^=nudge-unit-]').count()).toBe(
      below.units.length,
    );
  });

  it('edits a local firm', async () => {
    const name = `e2e商事${randomBytes(2).toString('hex')}`;
    const firm = await hr.post<LocalFirmDto>('/api/v1/ikuboss/firms', {
      name,
      industry: '小売業',
      sizeBand: '1-29',
    });
    expect(firm.status).toBe(201);
    await page.goto(`${serverState().baseUrl}/ikuboss-programmes/firms`);
    await page.getByTestId(`firm-edit-${name}`).click();
    await page.getByTestId('firm-industry').fill('情報通信業');
    await page.getByTestId('firm-create').click();
    // Wait on this firm's row: another firm of the demo city may already be 情報通信業.
    await page
      .getByTestId('firm-list')
      .locator('tr', { hasText: name })
      .getByText('情報通信業')
      .waitFor();
    const firms = (await hr.get<LocalFirmDto[]>('/api/v1/ikuboss/firms')).body;
    expect(firms.find((f) => f.id === firm.body.id)?.industry).toBe(
      '情報通信業',
    );
  });
});
