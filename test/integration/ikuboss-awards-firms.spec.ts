import type {
  ApiErrorDto,
  KpiValueDto,
  LocalFirmDto,
  NominationDto,
  PublicAwardDto,
} from '@ikuboard/shared/contracts';

import { ApiClient } from '../support/api-client';
import { closeTestDatabase } from '../support/database';
import { buildHandOrg } from '../support/ikuboss-org';
import { createTenant, type Tenant } from '../support/tenant';

const put = <T = unknown>(client: ApiClient, path: string, body: object) =>
  client.request<T>('PUT', path, body);

/** ROOT: MA (manager, the boss), S1 (staff, reports to MA), S2 (staff, no account). */
describe('Ikuboss nominations and awards', () => {
  let tenant: Tenant;
  let staff: ApiClient;
  let manager: ApiClient;
  let committee: ApiClient;
  let nomination: NominationDto;

  beforeAll(async () => {
    tenant = await createTenant('award');
    const org = await buildHandOrg(
      tenant.organizationId,
      [{ code: 'ROOT', parent: null }],
      [
        { number: 'MA', gender: 'male', unit: 'ROOT', stage: 'kacho' },
        {
          number: 'S1',
          gender: 'female',
          unit: 'ROOT',
          stage: 'ippan',
          boss: 'MA',
        },
        {
          number: 'S2',
          gender: 'male',
          unit: 'ROOT',
          stage: 'ippan',
          boss: 'MA',
        },
      ],
    );
    await org.linkAccount(tenant.usernames.staff, 'S1');
    await org.linkAccount(tenant.usernames.manager, 'MA');
    staff = await tenant.login('staff');
    manager = await tenant.login('manager');
    committee = await tenant.login('committee');
  });
  afterAll(closeTestDatabase);

  it('lets a staff member nominate a manager, not a non-manager nor themselves', async () => {
    const created = await staff.post<NominationDto>(
      '/api/v1/ikuboss/nominations',
      {
        fiscalYear: 2025,
        nomineeEmployeeNumber: 'MA',
        reason: '子育て中の職員の業務分担を率先して調整してくれた。',
        nominatorConsent: true,
      },
    );
    expect(created.status).toBe(201);
    nomination = created.body;
    expect(nomination).toMatchObject({
      nomineeEmployeeNumber: 'MA',
      status: 'submitted',
      nominatorConsent: true,
      nomineeConsent: false,
      canSetNominatorConsent: true,
      canSetNomineeConsent: false,
      award: null,
    });
    const notManager = await staff.post<ApiErrorDto>(
      '/api/v1/ikuboss/nominations',
      {
        fiscalYear: 2025,
        nomineeEmployeeNumber: 'S2',
        reason: 'x',
      },
    );
    expect(notManager.status).toBe(400);
    expect(notManager.body.details?.[0]?.ja).toMatch(/管理職/);
    const self = await manager.post<ApiErrorDto>(
      '/api/v1/ikuboss/nominations',
      {
        fiscalYear: 2025,
        nomineeEmployeeNumber: 'MA',
        reason: 'x',
      },
    );
    expect(self.status).toBe(400);
  });

  it('lets only the committee (and HR) grant an award; a second award is refused', async () => {
    const url = `/api/v1/ikuboss/nominations/${nomination.id}/award`;
    const body = { awardName: 'イクボス大賞', fiscalYear: 2025 };
    expect((await staff.post(url, body)).status).toBe(403);
    expect((await manager.post(url, body)).status).toBe(403);
    const granted = await committee.post<NominationDto>(url, body);
    expect(granted.status).toBe(201);
    expect(granted.body.status).toBe('awarded');
    expect(granted.body.award).toMatchObject({
      awardName: 'イクボス大賞',
      fiscalYear: 2025,
    });
    const again = await committee.post<ApiErrorDto>(url, body);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_AWARDED');
  });

  it('shows nominations to reviewers in full and to others only when they are the nominator or the nominee', async () => {
    expect(
      (await committee.get<NominationDto[]>('/api/v1/ikuboss/nominations'))
        .body,
    ).toHaveLength(1);
    expect(
      (await manager.get<NominationDto[]>('/api/v1/ikuboss/nominations')).body,
    ).toHaveLength(1);
    const other = await ApiClient.login(
      tenant.usernames.admin,
      tenant.password,
    );
    expect(
      (await other.get<NominationDto[]>('/api/v1/ikuboss/nominations')).body,
    ).toHaveLength(1);
    const stranger = await (await createTenant('award-x')).login('committee');
    expect(
      (await stranger.get<NominationDto[]>('/api/v1/ikuboss/nominations')).body,
    ).toEqual([]);
    expect(
      (
        await stranger.post(
          `/api/v1/ikuboss/nominations/${nomination.id}/award`,
          { awardName: 'x', fiscalYear: 2025 },
        )
      ).status,
    ).toBe(404);
  });

  it('publishes the award (nominee and nominator together) only once both have agreed', async () => {
    const publicClient = new ApiClient();
    const list = async () =>
      (
        await publicClient.get<PublicAwardDto[]>(
          `/api/v1/public/organizations/${tenant.code}/awards`,
        )
      ).body;
    expect(await list()).toEqual([]);

    const consent = await put<NominationDto>(
      manager,
      `/api/v1/ikuboss/nominations/${nomination.id}/consent`,
      {
        consent: true,
      },
    );
    expect(consent.status).toBe(200);
    expect(consent.body.nomineeConsent).toBe(true);
    expect(await list()).toEqual([
      {
        fiscalYear: 2025,
        awardName: 'イクボス大賞',
        nominee: { name: '職員 MA', unitName: '所属ROOT' },
        nominator: { name: '職員 S1' },
      },
    ]);

    // The nominator withdraws: the award leaves the public list.
    await put(staff, `/api/v1/ikuboss/nominations/${nomination.id}/consent`, {
      consent: false,
    });
    expect(await list()).toEqual([]);
    // Someone who is neither cannot change consent.
    expect(
      (
        await put(
          committee,
          `/api/v1/ikuboss/nominations/${nomination.id}/consent`,
          { consent: true },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await publicClient.get<ApiErrorDto>(
          '/api/v1/public/organizations/no-such-city/awards',
        )
      ).status,
    ).toBe(404);
  });
});

describe('Ikuboss local firms: registration, declarations, seminars and the KPI', () => {
  let tenant: Tenant;
  let hr: ApiClient;
  afterAll(closeTestDatabase);

  beforeAll(async () => {
    tenant = await createTenant('firms');
    hr = await tenant.login('hr');
  });

  const declaredKpi = async (fy: number) =>
    (
      await hr.get<KpiValueDto[]>(
        `/api/v1/kpis?fy=${fy}&code=local_firms_declared`,
      )
    ).body.find((v) => v.code === 'local_firms_declared');

  it('registers, changes and deletes firms; a duplicate name is refused', async () => {
    const created = await hr.post<LocalFirmDto>('/api/v1/ikuboss/firms', {
      name: 'みどり精機',
      industry: '製造業',
      sizeBand: '100-299',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'みどり精機',
      declarations: [],
      seminars: [],
    });
    const duplicate = await hr.post<ApiErrorDto>('/api/v1/ikuboss/firms', {
      name: 'みどり精機',
      industry: '製造業',
      sizeBand: '1-29',
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.message.en).toMatch(/already/);
    const changed = await put<LocalFirmDto>(
      hr,
      `/api/v1/ikuboss/firms/${created.body.id}`,
      {
        name: 'みどり精機株式会社',
        industry: '製造業',
        sizeBand: '300+',
      },
    );
    expect(changed.body.sizeBand).toBe('300+');
    const bad = await hr.post<ApiErrorDto>('/api/v1/ikuboss/firms', {
      name: 'x',
      industry: 'y',
      sizeBand: 'huge',
    });
    expect(bad.status).toBe(400);
    const gone = await hr.post<LocalFirmDto>('/api/v1/ikuboss/firms', {
      name: '消す会社',
      industry: '小売業',
      sizeBand: '1-29',
    });
    expect(
      (await hr.request('DELETE', `/api/v1/ikuboss/firms/${gone.body.id}`))
        .status,
    ).toBe(204);
    expect(
      (await hr.get<LocalFirmDto[]>('/api/v1/ikuboss/firms')).body.map(
        (f) => f.name,
      ),
    ).toEqual(['みどり精機株式会社']);
  });

  it('counts firms with a declaration in the fiscal year (a firm once however many declarations)', async () => {
    const make = async (name: string) =>
      (
        await hr.post<LocalFirmDto>('/api/v1/ikuboss/firms', {
          name,
          industry: '建設業',
          sizeBand: '30-99',
        })
      ).body;
    const [a, b, c] = [
      await make('A建設'),
      await make('B建設'),
      await make('C建設'),
    ];
    // FY2025 runs 2025-04-01 … 2026-03-31: a twice and b inside it, c on 2025-03-31 (FY2024).
    await hr.post(`/api/v1/ikuboss/firms/${a.id}/declarations`, {
      declaredOn: '2025-04-01',
    });
    await hr.post(`/api/v1/ikuboss/firms/${a.id}/declarations`, {
      declaredOn: '2026-03-31',
    });
    await hr.post(`/api/v1/ikuboss/firms/${b.id}/declarations`, {
      declaredOn: '2025-10-10',
    });
    const withSeminar = await hr.post<LocalFirmDto>(
      `/api/v1/ikuboss/firms/${c.id}/declarations`,
      {
        declaredOn: '2025-03-31',
      },
    );
    expect(withSeminar.body.declarations).toEqual([
      expect.objectContaining({ declaredOn: '2025-03-31', fiscalYear: 2024 }),
    ]);
    const seminar = await hr.post<LocalFirmDto>(
      `/api/v1/ikuboss/firms/${c.id}/seminars`,
      {
        seminarName: 'フォローアップセミナー',
        attendedOn: '2025-11-01',
      },
    );
    expect(seminar.body.seminars).toEqual([
      expect.objectContaining({
        seminarName: 'フォローアップセミナー',
        fiscalYear: 2025,
      }),
    ]);
    expect(await declaredKpi(2025)).toMatchObject({
      measure: 'count',
      numerator: 2,
      denominator: null,
      value: 2,
    });
    expect(await declaredKpi(2024)).toMatchObject({ numerator: 1, value: 1 });
    expect(await declaredKpi(2023)).toMatchObject({ numerator: 0, value: 0 });
  });

  it('keeps firms to HR: manager, staff and committee get 403; another organization 404', async () => {
    for (const role of ['manager', 'staff', 'committee'] as const)
      expect(
        (await (await tenant.login(role)).get('/api/v1/ikuboss/firms')).status,
      ).toBe(403);
    const firm = (await hr.get<LocalFirmDto[]>('/api/v1/ikuboss/firms'))
      .body[0]!;
    const stranger = await (await createTenant('firms-x')).login('hr');
    expect(
      (await stranger.get(`/api/v1/ikuboss/firms/${firm.id}`)).status,
    ).toBe(404);
    expect(
      (
        await stranger.post(`/api/v1/ikuboss/firms/${firm.id}/declarations`, {
          declaredOn: '2025-05-01',
        })
      ).status,
    ).toBe(404);
  });
});
