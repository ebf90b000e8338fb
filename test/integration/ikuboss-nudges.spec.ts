import type {
  ApiErrorDto,
  IkubossInterviewDto,
  KpiValueDto,
  NudgeListDto,
  NudgeSummaryDto,
} from '@ikuboard/shared/contracts';
import {
  addDays,
  fiscalYearEnd,
  fiscalYearOf,
  fiscalYearStart,
  toEpochDay,
} from '@ikuboard/shared/kpi';

import { createAccount } from '../../api/src/app/setup/organization-setup';
import { ApiClient } from '../support/api-client';
import { closeTestDatabase, queryable } from '../support/database';
import { buildHandOrg, type HandOrg } from '../support/ikuboss-org';
import { createTenant, type Tenant } from '../support/tenant';

const today = new Date().toISOString().slice(0, 10);
// A fiscal year with at least 30 days already past, so every birth below lies before today.
const fy = fiscalYearOf(addDays(today, -30));
const start = fiscalYearStart(fy);
const lastDay =
  fiscalYearEnd(fy) < today ? fiscalYearEnd(fy) : addDays(today, -1);
const span = toEpochDay(lastDay) - toEpochDay(start);
/** The i-th of ten dates spread from April 1 to the last day before today. */
const dayOf = (i: number) => addDays(start, Math.floor((span * i) / 10));

/**
 *  ROOT ─┬ A (boss MA): F1 F2 F3 F5 F6 F7 W1 F4
 *        └ B (boss MB): G1
 *
 *  F1  man, child born in FY, no leave                 → MA's list
 *  F2  man, child born in FY, childcare leave started  → not listed; counted "on leave"
 *  F3  man, child born in FY, only 配偶者出産休暇        → MA's list (not childcare leave)
 *  F4  man, child born the FY before                   → nobody's list
 *  F5  man, child born in FY, left the city since      → not listed; still eligible in HR counts
 *  F6  man, two children born in FY                    → two rows; one person in HR counts
 *  F7  man, fixed-term (outside the KPI population)    → nobody's list
 *  W1  woman, child born in FY                         → nobody's list (fathers only)
 *  G1  man, child born in FY, in B                     → MB's list
 */
describe('Ikuboss nudges: new fathers without childcare leave, for their boss and HR', () => {
  let tenant: Tenant;
  let org: HandOrg;
  let hr: ApiClient;
  let bossA: ApiClient;
  let bossB: ApiClient;
  const childOf: Record<string, string> = {};

  beforeAll(async () => {
    tenant = await createTenant('nudge');
    org = await buildHandOrg(
      tenant.organizationId,
      [
        { code: 'ROOT', parent: null },
        { code: 'A', parent: 'ROOT' },
        { code: 'B', parent: 'ROOT' },
      ],
      [
        { number: 'MA', gender: 'male', unit: 'A', stage: 'kacho' },
        { number: 'MB', gender: 'female', unit: 'B', stage: 'kacho' },
        ...['F1', 'F2', 'F3', 'F4', 'F6'].map((number) => ({
          number,
          gender: 'male' as const,
          unit: 'A',
          stage: 'ippan' as const,
          boss: 'MA',
        })),
        {
          number: 'F5',
          gender: 'male',
          unit: 'A',
          stage: 'ippan',
          boss: 'MA',
          separation: dayOf(5),
        },
        {
          number: 'F7',
          gender: 'male',
          unit: 'A',
          stage: 'ippan',
          boss: 'MA',
          category: 'fixed_term',
        },
        {
          number: 'W1',
          gender: 'female',
          unit: 'A',
          stage: 'ippan',
          boss: 'MA',
        },
        { number: 'G1', gender: 'male', unit: 'B', stage: 'ippan', boss: 'MB' },
      ],
    );
    childOf['F1'] = await org.addChild('F1', dayOf(1));
    childOf['F2'] = await org.addChild('F2', dayOf(2));
    await org.addLeave('F2', 'childcare', dayOf(3), 20, childOf['F2']);
    childOf['F3'] = await org.addChild('F3', dayOf(3));
    await org.addLeave('F3', 'spouse_birth', dayOf(3), 2, childOf['F3']);
    childOf['F4'] = await org.addChild('F4', addDays(start, -10));
    childOf['F5'] = await org.addChild('F5', dayOf(4));
    childOf['F6a'] = await org.addChild('F6', dayOf(2));
    childOf['F6b'] = await org.addChild('F6', dayOf(8));
    childOf['F7'] = await org.addChild('F7', dayOf(2));
    childOf['W1'] = await org.addChild('W1', dayOf(2));
    childOf['G1'] = await org.addChild('G1', dayOf(6));

    await org.linkAccount(tenant.usernames.manager, 'MA');
    await createAccount(queryable, {
      organizationId: tenant.organizationId,
      username: `${tenant.code}-manager-b`,
      displayName: 'B課長',
      password: tenant.password,
      role: 'manager',
      employeeId: org.employeeIds.get('MB')!,
    });
    hr = await tenant.login('hr');
    bossA = await tenant.login('manager');
    bossB = await ApiClient.login(`${tenant.code}-manager-b`, tenant.password);
  });
  afterAll(closeTestDatabase);

  const listOf = async (client: ApiClient) => {
    const response = await client.get<NudgeListDto>(
      `/api/v1/ikuboss/nudges?fy=${fy}`,
    );
    expect(response.status).toBe(200);
    return response.body.fathers;
  };

  it("lists for a boss exactly his own reports' children born in the FY without childcare leave, with days since birth", async () => {
    const fathers = await listOf(bossA);
    expect(fathers.map((f) => [f.employeeNumber, f.birthDate]).sort()).toEqual(
      [
        ['F1', dayOf(1)],
        ['F3', dayOf(3)],
        ['F6', dayOf(2)],
        ['F6', dayOf(8)],
      ].sort(),
    );
    const f1 = fathers.find((f) => f.employeeNumber === 'F1')!;
    expect(f1.daysSinceBirth).toBe(toEpochDay(today) - toEpochDay(dayOf(1)));
    expect(f1.interview).toBeNull();
  });

  it('shows another manager only his own report, and HR every father to nudge', async () => {
    expect((await listOf(bossB)).map((f) => f.employeeNumber)).toEqual(['G1']);
    expect((await listOf(hr)).map((f) => f.employeeNumber).sort()).toEqual(
      ['F1', 'F3', 'F6', 'F6', 'G1'].sort(),
    );
  });

  it('refuses the list to staff and committee members (403) and to a manager without an employee link (409)', async () => {
    for (const role of ['staff', 'committee'] as const) {
      const response = await (
        await tenant.login(role)
      ).get<ApiErrorDto>(`/api/v1/ikuboss/nudges?fy=${fy}`);
      expect(response.status).toBe(403);
      expect(response.body.message.ja).toBeTruthy();
      expect(response.body.message.en).toBeTruthy();
    }
    const other = await createTenant('nudge-x');
    const unlinked = await (
      await other.login('manager')
    ).get<ApiErrorDto>(`/api/v1/ikuboss/nudges?fy=${fy}`);
    expect(unlinked.status).toBe(409);
    expect(unlinked.body.code).toBe('ACCOUNT_NOT_LINKED');
  });

  it('gives HR per-unit counts of persons that match a hand count and the KPI denominator', async () => {
    const response = await hr.get<NudgeSummaryDto>(
      `/api/v1/ikuboss/nudges/summary?fy=${fy}`,
    );
    expect(response.status).toBe(200);
    const { units, total } = response.body;
    // A: F1 F2 F3 F5 F6 (F4: other FY, F7: fixed-term, W1: mother); B: G1.
    expect(
      units.map((u) => [
        u.unitCode,
        u.eligibleFathers,
        u.interviewed,
        u.onLeave,
      ]),
    ).toEqual([
      ['A', 5, 0, 1],
      ['B', 1, 0, 0],
    ]);
    expect(total).toMatchObject({
      eligibleFathers: 6,
      interviewed: 0,
      onLeave: 1,
      interviewedShare: 0,
    });
    const kpi = await hr.get<KpiValueDto[]>(
      `/api/v1/kpis?fy=${fy}&code=childcare_leave_rate_male`,
    );
    expect(kpi.body.find((v) => !v.dimensions)?.denominator).toBe(6);
    expect(
      (await bossA.get(`/api/v1/ikuboss/nudges/summary?fy=${fy}`)).status,
    ).toBe(403);
  });

  it('lets the boss record an interview, which shows in his list and in the HR counts', async () => {
    const recorded = await bossA.post<IkubossInterviewDto>(
      '/api/v1/ikuboss/nudges/interviews',
      {
        childId: childOf['F1'],
        interviewDate: today,
        plannedStart: addDays(today, 7),
        plannedEnd: addDays(today, 36),
      },
    );
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      interviewDate: today,
      plannedStart: addDays(today, 7),
    });

    const f1 = (await listOf(bossA)).find((f) => f.employeeNumber === 'F1')!;
    expect(f1.interview?.plannedEnd).toBe(addDays(today, 36));

    // The same father's second child: a reason instead of a plan; F6 counts once.
    const withReason = await bossA.post<IkubossInterviewDto>(
      '/api/v1/ikuboss/nudges/interviews',
      {
        childId: childOf['F6a'],
        interviewDate: today,
        noPlanReason: '配偶者が育休中のため',
      },
    );
    expect(withReason.status).toBe(201);
    await bossA.post('/api/v1/ikuboss/nudges/interviews', {
      childId: childOf['F6b'],
      interviewDate: today,
      noPlanReason: '同上',
    });

    const summary = (
      await hr.get<NudgeSummaryDto>(`/api/v1/ikuboss/nudges/summary?fy=${fy}`)
    ).body;
    const a = summary.units.find((u) => u.unitCode === 'A')!;
    expect([a.eligibleFathers, a.interviewed]).toEqual([5, 2]);
    expect(a.interviewedShare).toBeCloseTo((2 / 5) * 100, 10);
    expect(summary.total.interviewed).toBe(2);
  });

  it('refuses an interview without a plan or a reason, with a bilingual message', async () => {
    const response = await bossA.post<ApiErrorDto>(
      '/api/v1/ikuboss/nudges/interviews',
      {
        childId: childOf['F3'],
        interviewDate: today,
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.details?.[0]?.ja).toMatch(/理由/);
    expect(response.body.details?.[0]?.en).toMatch(/reason/);
  });

  it("does not let another manager, or another organization's HR, record an interview for him (404)", async () => {
    const body = {
      childId: childOf['F3'],
      interviewDate: today,
      noPlanReason: 'x',
    };
    expect(
      (await bossB.post('/api/v1/ikuboss/nudges/interviews', body)).status,
    ).toBe(404);
    const stranger = await (await createTenant('nudge-y')).login('hr');
    expect(
      (await stranger.post('/api/v1/ikuboss/nudges/interviews', body)).status,
    ).toBe(404);
    const strangerList = (
      await stranger.get<NudgeListDto>(`/api/v1/ikuboss/nudges?fy=${fy}`)
    ).body;
    expect(strangerList.fathers).toEqual([]);
    const staff = await tenant.login('staff');
    expect(
      (await staff.post('/api/v1/ikuboss/nudges/interviews', body)).status,
    ).toBe(403);
  });
});
