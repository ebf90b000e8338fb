import type {
  ApiErrorDto,
  EmploymentCategory,
  Gender,
  LeaveType,
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
  type KpiDataset,
} from '@ikuboard/shared/kpi';

import { createAccount } from '../../api/src/app/setup/organization-setup';
import { ApiClient } from '../support/api-client';
import { closeTestDatabase, queryable } from '../support/database';
import { insertKpiDataset } from '../support/load-dataset';
import {
  addTenantAccounts,
  createTenant,
  uniqueCode,
  type Tenant,
} from '../support/tenant';

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
  let hr: ApiClient;
  let bossA: ApiClient;
  let bossB: ApiClient;
  const childOf: Record<string, string> = {};

  const dataset: KpiDataset = {
    units: [
      { id: 'ROOT', parentId: null, isEmployerUnit: true },
      { id: 'A', parentId: 'ROOT', isEmployerUnit: false },
      { id: 'B', parentId: 'ROOT', isEmployerUnit: false },
    ],
    stages: [
      {
        id: 'kacho',
        officialStage: 'section_chief',
        isManager: true,
        isSupervisor: true,
      },
      {
        id: 'ippan',
        officialStage: 'staff',
        isManager: false,
        isSupervisor: false,
      },
    ],
    employees: [],
    assignments: [],
    children: [],
    leaves: [],
    overtime: [],
    pay: [],
  };
  const bossOf = new Map<string, string>();
  const person = (
    id: string,
    gender: Gender,
    unit: string,
    options: {
      stage?: string;
      boss?: string;
      separation?: string;
      category?: EmploymentCategory;
    } = {},
  ) => {
    dataset.employees.push({
      id,
      gender,
      hireDate: '2000-04-01',
      separationDate: options.separation ?? null,
      isRehire: false,
      isMidcareer: false,
    });
    dataset.assignments.push({
      employeeId: id,
      validFrom: '2000-04-01',
      validTo: null,
      orgUnitId: unit,
      stageId: options.stage ?? 'ippan',
      category: options.category ?? 'permanent',
    });
    if (options.boss) bossOf.set(id, options.boss);
  };
  const birth = (key: string, employeeId: string, birthDate: string) =>
    dataset.children.push({ id: key, employeeId, birthDate });
  const leave = (
    employeeId: string,
    type: LeaveType,
    startDate: string,
    days: number,
    childId: string,
  ) =>
    dataset.leaves.push({
      employeeId,
      type,
      startDate,
      endDate: addDays(startDate, days - 1),
      days,
      childId,
    });

  person('MA', 'male', 'A', { stage: 'kacho' });
  person('MB', 'female', 'B', { stage: 'kacho' });
  for (const id of ['F1', 'F2', 'F3', 'F4', 'F6'])
    person(id, 'male', 'A', { boss: 'MA' });
  person('F5', 'male', 'A', { boss: 'MA', separation: dayOf(5) });
  person('F7', 'male', 'A', { boss: 'MA', category: 'fixed_term' });
  person('W1', 'female', 'A', { boss: 'MA' });
  person('G1', 'male', 'B', { boss: 'MB' });
  birth('F1', 'F1', dayOf(1));
  birth('F2', 'F2', dayOf(2));
  leave('F2', 'childcare', dayOf(3), 20, 'F2');
  birth('F3', 'F3', dayOf(3));
  leave('F3', 'spouse_birth', dayOf(3), 2, 'F3');
  birth('F4', 'F4', addDays(start, -10));
  birth('F5', 'F5', dayOf(4));
  birth('F6a', 'F6', dayOf(2));
  birth('F6b', 'F6', dayOf(8));
  birth('F7', 'F7', dayOf(2));
  birth('W1', 'W1', dayOf(2));
  birth('G1', 'G1', dayOf(6));

  beforeAll(async () => {
    const code = uniqueCode('nudge');
    const organizationId = await insertKpiDataset(dataset, code);
    tenant = await addTenantAccounts(organizationId, code);
    const q = queryable.query;
    for (const [id, boss] of bossOf)
      await q(
        `UPDATE employee e SET supervisor_id = b.id FROM employee b
          WHERE e.organization_id = $1 AND b.organization_id = $1 AND e.employee_number = $2 AND b.employee_number = $3`,
        [organizationId, id, boss],
      );
    const children = (await q(
      `SELECT c.id, e.employee_number AS number, c.birth_date AS birth FROM child c
         JOIN employee e ON e.organization_id = c.organization_id AND e.id = c.employee_id
        WHERE c.organization_id = $1`,
      [organizationId],
    )) as { id: string; number: string; birth: string }[];
    for (const child of dataset.children)
      childOf[child.id] = children.find(
        (row) =>
          row.number === child.employeeId && row.birth === child.birthDate,
      )!.id;
    const employeeId = async (number: string) =>
      (
        (await q(
          `SELECT id FROM employee WHERE organization_id = $1 AND employee_number = $2`,
          [organizationId, number],
        )) as [{ id: string }]
      )[0].id;
    await q(
      `UPDATE account SET employee_id = $2 WHERE organization_id = $1 AND role = 'manager'`,
      [organizationId, await employeeId('MA')],
    );
    await createAccount(queryable, {
      organizationId,
      username: `${tenant.code}-manager-b`,
      displayName: 'B課長',
      password: tenant.password,
      role: 'manager',
      employeeId: await employeeId('MB'),
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
    expect(unlinked.status).toBe(403);
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
