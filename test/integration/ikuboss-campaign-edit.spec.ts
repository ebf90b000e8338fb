/**
 * Campaign edit and delete, and HR starting a declaration (individual or joint) for managers:
 * a campaign with declarations keeps its fiscal year and cannot be deleted (409).
 */
import type {
  ApiErrorDto,
  IkubossCampaignDetailDto,
  IkubossCampaignDto,
  IkubossDeclarationDto,
} from '@ikuboard/shared/contracts';

import type { ApiClient } from '../support/api-client';
import { closeTestDatabase } from '../support/database';
import { buildHandOrg } from '../support/ikuboss-org';
import { createTenant, type Tenant } from '../support/tenant';

describe('Ikuboss campaigns: edit, delete, and declarations started by HR', () => {
  let tenant: Tenant;
  let hr: ApiClient;
  let templateId: string;
  let campaign: IkubossCampaignDto;

  const body = (overrides: Record<string, unknown> = {}) => ({
    name: '令和7年度 管理職イクボス宣言',
    fiscalYear: 2025,
    scopeUnitCode: null,
    stageCodes: ['kacho'],
    templateId,
    deadline: '2025-06-30',
    ...overrides,
  });

  beforeAll(async () => {
    tenant = await createTenant('camp');
    // Three 課長級 on 2025-04-01 (K1, K2 in U1; K3 in U2) and one 部長級 (B1).
    await buildHandOrg(
      tenant.organizationId,
      [
        { code: 'U1', parent: null },
        { code: 'U2', parent: null },
      ],
      [
        { number: 'K1', gender: 'female', unit: 'U1', stage: 'kacho' },
        { number: 'K2', gender: 'male', unit: 'U1', stage: 'kacho' },
        { number: 'K3', gender: 'male', unit: 'U2', stage: 'kacho' },
        { number: 'B1', gender: 'male', unit: 'U1', stage: 'bucho' },
      ],
    );
    hr = await tenant.login('hr');
    const template = await hr.post<{ id: string }>(
      '/api/v1/ikuboss/templates',
      {
        name: 'イクボス宣言',
        title: 'テスト市イクボス宣言',
        preamble: '私は',
        pledges: ['部下の育児を応援します'],
      },
    );
    expect(template.status).toBe(201);
    templateId = template.body.id;
    const created = await hr.post<IkubossCampaignDto>(
      '/api/v1/ikuboss/campaigns',
      body(),
    );
    expect(created.status).toBe(201);
    campaign = created.body;
    expect([campaign.declared, campaign.required]).toEqual([0, 3]);
  });
  afterAll(() => closeTestDatabase());

  it('HR starts an individual and a joint declaration for managers; drafts show as "draft started"', async () => {
    const single = await hr.post<IkubossDeclarationDto>(
      '/api/v1/ikuboss/declarations',
      { fiscalYear: 2025, declarerEmployeeNumbers: ['K1'] },
    );
    expect(single.status).toBe(201);
    expect(single.body.kind).toBe('individual');
    const joint = await hr.post<IkubossDeclarationDto>(
      '/api/v1/ikuboss/declarations',
      { fiscalYear: 2025, declarerEmployeeNumbers: ['B1', 'K2'] },
    );
    expect(joint.status).toBe(201);
    expect(joint.body.kind).toBe('joint');
    expect(joint.body.declarers.map((d) => d.employeeNumber)).toEqual([
      'B1',
      'K2',
    ]);
    const detail = (
      await hr.get<IkubossCampaignDetailDto>(
        `/api/v1/ikuboss/campaigns/${campaign.id}`,
      )
    ).body;
    expect(
      detail.notDeclared.map((p) => [
        p.employeeNumber,
        p.draftDeclarationId !== null,
      ]),
    ).toEqual([
      ['K1', true],
      ['K2', true],
      ['K3', false],
    ]);
  });

  it('edits name, deadline and stages; the required count follows the stages', async () => {
    const edited = await hr.request<IkubossCampaignDto>(
      'PUT',
      `/api/v1/ikuboss/campaigns/${campaign.id}`,
      body({
        name: '改称したキャンペーン',
        deadline: '2025-07-31',
        stageCodes: ['kacho', 'bucho'],
      }),
    );
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      name: '改称したキャンペーン',
      deadline: '2025-07-31',
      required: 4,
      declared: 0,
    });
    const scoped = await hr.request<IkubossCampaignDto>(
      'PUT',
      `/api/v1/ikuboss/campaigns/${campaign.id}`,
      body({ scopeUnitCode: 'U2' }),
    );
    expect(scoped.body.required).toBe(1);
  });

  it('refuses to change the fiscal year or delete a campaign that has declarations (409)', async () => {
    const year = await hr.request<ApiErrorDto>(
      'PUT',
      `/api/v1/ikuboss/campaigns/${campaign.id}`,
      body({ fiscalYear: 2026, deadline: '2026-06-30' }),
    );
    expect(year.status).toBe(409);
    expect(year.body.code).toBe('IKUBOSS_CAMPAIGN_HAS_DECLARATIONS');
    const remove = await hr.request<ApiErrorDto>(
      'DELETE',
      `/api/v1/ikuboss/campaigns/${campaign.id}`,
    );
    expect(remove.status).toBe(409);
    expect(remove.body.code).toBe('IKUBOSS_CAMPAIGN_HAS_DECLARATIONS');
    expect(remove.body.message.ja).toMatch(/削除できません/);
    expect(
      (await hr.get(`/api/v1/ikuboss/campaigns/${campaign.id}`)).status,
    ).toBe(200);
  });

  it('deletes a campaign without declarations; others get 404 or 403', async () => {
    const spare = (
      await hr.post<IkubossCampaignDto>(
        '/api/v1/ikuboss/campaigns',
        body({ name: '予備', fiscalYear: 2026, deadline: '2026-06-30' }),
      )
    ).body;
    const stranger = await (await createTenant('camp-x')).login('hr');
    expect(
      (
        await stranger.request(
          'PUT',
          `/api/v1/ikuboss/campaigns/${spare.id}`,
          body(),
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await stranger.request(
          'DELETE',
          `/api/v1/ikuboss/campaigns/${spare.id}`,
        )
      ).status,
    ).toBe(404);
    const manager = await tenant.login('manager');
    expect(
      (await manager.request('DELETE', `/api/v1/ikuboss/campaigns/${spare.id}`))
        .status,
    ).toBe(403);
    expect(
      (await hr.request('DELETE', `/api/v1/ikuboss/campaigns/${spare.id}`))
        .status,
    ).toBe(204);
    expect((await hr.get(`/api/v1/ikuboss/campaigns/${spare.id}`)).status).toBe(
      404,
    );
  });
});
