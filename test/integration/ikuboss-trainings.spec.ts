import { randomUUID } from 'node:crypto';

import type {
  ApiErrorDto,
  EmploymentCategory,
  KpiValueDto,
  TrainingAttendanceImportDto,
  TrainingDetailDto,
  TrainingDto,
} from '@ikuboard/shared/contracts';

import {
  ikubossTrainingAttendance,
  type TrainingAttendanceRecord,
} from '@ikuboard/shared/kpi';

import { ApiClient } from '../support/api-client';
import { closeTestDatabase, queryable } from '../support/database';
import { buildHandOrg, type HandOrg } from '../support/ikuboss-org';
import { insertKpiDataset } from '../support/load-dataset';
import {
  randomWorkforceDataset,
  workforcePrng,
} from '../support/random-workforce-dataset';
import {
  addTenantAccounts,
  createTenant,
  uniqueCode,
  type Tenant,
} from '../support/tenant';
import { workbook } from '../support/xlsx';

const attendanceFile = (
  rows: (string | number | null | { formula: string })[],
) =>
  workbook(
    '受講者',
    ['職員番号', '氏名'],
    rows.map((number) => [number, null]),
  );

/**
 *  ROOT ─┬ A: MA (manager), S1 (staff), MC (manager hired 2025-05-01)
 *        └ B: MB (manager), MX (manager who left on 2025-05-31)
 *
 *  FY2025 managers on 2025-04-01: MA, MB, MX (MC is hired later) → denominator 3.
 */
describe('Ikuboss trainings: attendance by form and by .xlsx, and the attendance KPI', () => {
  let tenant: Tenant;
  let org: HandOrg;
  let hr: ApiClient;
  let training: TrainingDto;

  const attendanceCount = async () =>
    (
      (await queryable.query(
        `SELECT count(*)::int AS n FROM ikuboss_training_attendance WHERE training_id = $1`,
        [training.id],
      )) as [{ n: number }]
    )[0].n;

  beforeAll(async () => {
    tenant = await createTenant('training');
    org = await buildHandOrg(
      tenant.organizationId,
      [
        { code: 'ROOT', parent: null },
        { code: 'A', parent: 'ROOT' },
        { code: 'B', parent: 'ROOT' },
      ],
      [
        { number: 'MA', gender: 'male', unit: 'A', stage: 'kacho' },
        { number: 'S1', gender: 'female', unit: 'A', stage: 'ippan' },
        {
          number: 'MC',
          gender: 'female',
          unit: 'A',
          stage: 'kacho',
          hire: '2025-05-01',
        },
        { number: 'MB', gender: 'male', unit: 'B', stage: 'kacho' },
        {
          number: 'MX',
          gender: 'male',
          unit: 'B',
          stage: 'bucho',
          separation: '2025-05-31',
        },
      ],
    );
    hr = await tenant.login('hr');
    const created = await hr.post<TrainingDto>('/api/v1/ikuboss/trainings', {
      kind: 'ikuboss',
      heldOn: '2025-06-10',
    });
    expect(created.status).toBe(201);
    training = created.body;
  });
  afterAll(closeTestDatabase);

  it('creates a session with the kind name and the fiscal year of its date', () => {
    expect(training).toMatchObject({
      kind: 'ikuboss',
      name: 'イクボス研修',
      heldOn: '2025-06-10',
      fiscalYear: 2025,
      attendeeCount: 0,
    });
  });

  it('checks a good file in a dry run and writes nothing', async () => {
    const response = await hr.post<TrainingAttendanceImportDto>(
      `/api/v1/ikuboss/trainings/${training.id}/attendance-import`,
      await formWith(await attendanceFile(['MA', 'S1']), true),
    );
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      dryRun: true,
      rows: 2,
      added: 2,
      errors: [],
    });
    expect(await attendanceCount()).toBe(0);
  });

  it('reports every bad cell of a file (unknown, not in service, repeated, formula) and writes none of its rows', async () => {
    const response = await hr.post<TrainingAttendanceImportDto>(
      `/api/v1/ikuboss/trainings/${training.id}/attendance-import`,
      await formWith(
        await attendanceFile([
          'MA',
          'NOPE',
          'MA',
          { formula: '"S"&"1"' },
          'MX',
          'S1',
        ]),
        false,
      ),
    );
    expect(response.status).toBe(200);
    expect(response.body.added).toBe(0);
    expect(response.body.errors.map((e) => [e.row, e.column, e.code])).toEqual(
      expect.arrayContaining([
        [5, '職員番号', 'FORMULA_NOT_ALLOWED'],
        [3, '職員番号', 'UNKNOWN_EMPLOYEE'],
        [4, '職員番号', 'DUPLICATE_ROW'],
        [6, '職員番号', 'NOT_IN_SERVICE'],
      ]),
    );
    expect(response.body.errors).toHaveLength(4);
    for (const error of response.body.errors) {
      expect(error.message.ja).toBeTruthy();
      expect(error.message.en).toBeTruthy();
    }
    expect(await attendanceCount()).toBe(0);
  });

  it('refuses a file without the 職員番号 column and a file that is not .xlsx, bilingually', async () => {
    const noColumn = await hr.post<ApiErrorDto>(
      `/api/v1/ikuboss/trainings/${training.id}/attendance-import`,
      await formWith(await workbook('受講者', ['氏名'], [['誰か']]), false),
    );
    expect(noColumn.status).toBe(400);
    expect(noColumn.body.message.ja).toMatch(/見出し|必須/);
    const csv = new FormData();
    csv.append('file', new Blob(['職員番号\nMA\n']), 'attendance.csv');
    const notXlsx = await hr.post<ApiErrorDto>(
      `/api/v1/ikuboss/trainings/${training.id}/attendance-import`,
      csv,
    );
    expect(notXlsx.status).toBe(415);
    expect(notXlsx.body.message.en).toMatch(/xlsx/);
  });

  it('writes a good file, adds attendees picked on the form, and refuses an unknown number', async () => {
    const response = await hr.post<TrainingAttendanceImportDto>(
      `/api/v1/ikuboss/trainings/${training.id}/attendance-import`,
      await formWith(await attendanceFile(['MA', 'S1']), false),
    );
    expect(response.body).toEqual({
      dryRun: false,
      rows: 2,
      added: 2,
      errors: [],
    });
    const picked = await hr.post<TrainingDetailDto>(
      `/api/v1/ikuboss/trainings/${training.id}/attendees`,
      { employeeNumbers: ['MC', 'MA'] },
    );
    expect(picked.status).toBe(201);
    expect(
      picked.body.attendees.map((a) => [a.employeeNumber, a.isManager]),
    ).toEqual([
      ['MA', true],
      ['MC', true],
      ['S1', false],
    ]);
    expect(picked.body.managerAttendeeCount).toBe(2);
    const unknown = await hr.post<ApiErrorDto>(
      `/api/v1/ikuboss/trainings/${training.id}/attendees`,
      { employeeNumbers: ['GHOST'] },
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.details?.[0]?.en).toMatch(/GHOST/);
  });

  it('computes ikuboss_training_attendance_rate as a hand count: managers of April 1 who attended ÷ those managers', async () => {
    // A follow-up in FY2024 does not count for FY2025; MB attends nothing in FY2025.
    const earlier = (
      await hr.post<TrainingDto>('/api/v1/ikuboss/trainings', {
        kind: 'follow_up',
        heldOn: '2024-11-01',
      })
    ).body;
    await hr.post(`/api/v1/ikuboss/trainings/${earlier.id}/attendees`, {
      employeeNumbers: ['MB'],
    });

    const rate = async (query: string) =>
      (
        await hr.get<KpiValueDto[]>(
          `/api/v1/kpis?${query}&code=ikuboss_training_attendance_rate`,
        )
      ).body.find((v) => v.code === 'ikuboss_training_attendance_rate');
    // FY2025: MA, MB, MX managers on 2025-04-01; MA attended (MC hired later, S1 not a manager).
    expect(await rate('fy=2025')).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    expect((await rate('fy=2025'))!.value).toBeCloseTo(100 / 3, 10);
    expect(await rate('fy=2025&unit=B')).toMatchObject({
      numerator: 0,
      denominator: 2,
      value: 0,
    });
    // FY2024: the same three managers (all hired in 2000) and MB attended the follow-up.
    expect(await rate('fy=2024')).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
  });

  it('answers the per-person drill-down of the programme KPIs with a bilingual "not available"', async () => {
    const response = await hr.get<ApiErrorDto>(
      '/api/v1/kpis/ikuboss_training_attendance_rate/people?fy=2025',
    );
    expect(response.status).toBe(404);
    expect(response.body.code).toBe('KPI_PEOPLE_UNAVAILABLE');
    expect(response.body.message.en).toMatch(/drill-down/);
  });

  it('keeps trainings to HR: a manager gets 403, another organization 404', async () => {
    const manager = await tenant.login('manager');
    expect((await manager.get('/api/v1/ikuboss/trainings')).status).toBe(403);
    const stranger = await (await createTenant('training-x')).login('hr');
    expect(
      (await stranger.get(`/api/v1/ikuboss/trainings/${training.id}`)).status,
    ).toBe(404);
    void org;
  });

  it("removing an attendee: 404 for an unknown or another organization's training, 204 otherwise", async () => {
    const stranger = await (await createTenant('training-y')).login('hr');
    const foreign = await stranger.request<ApiErrorDto>(
      'DELETE',
      `/api/v1/ikuboss/trainings/${training.id}/attendees/MA`,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
    const unknown = await hr.request<ApiErrorDto>(
      'DELETE',
      `/api/v1/ikuboss/trainings/${randomUUID()}/attendees/MA`,
    );
    expect(unknown.status).toBe(404);
    // The other organization's call removed nothing: MA is still an attendee here.
    const before = (
      await hr.get<TrainingDetailDto>(
        `/api/v1/ikuboss/trainings/${training.id}`,
      )
    ).body.attendees.map((a) => a.employeeNumber);
    expect(before).toContain('MA');
    expect(
      (
        await hr.request(
          'DELETE',
          `/api/v1/ikuboss/trainings/${training.id}/attendees/MA`,
        )
      ).status,
    ).toBe(204);
    const after = (
      await hr.get<TrainingDetailDto>(
        `/api/v1/ikuboss/trainings/${training.id}`,
      )
    ).body.attendees.map((a) => a.employeeNumber);
    expect(after).toEqual(before.filter((n) => n !== 'MA'));
  });
});

async function formWith(file: Buffer, dryRun: boolean): Promise<FormData> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), 'attendance.xlsx');
  form.append('dryRun', String(dryRun));
  return form;
}

describe('ikuboss_training_attendance_rate: the SQL equals the reference definition on random data', () => {
  afterAll(closeTestDatabase);
  const seed = Math.floor(Math.random() * 2 ** 31);

  it(`for every fiscal year, subtree and category set (seed ${seed})`, async () => {
    const dataset = randomWorkforceDataset(seed, {
      employees: 200,
      firstFiscalYear: 2021,
      lastFiscalYear: 2024,
    });
    const code = uniqueCode('trkpi');
    const organizationId = await insertKpiDataset(dataset, code);
    const hr = await (
      await addTenantAccounts(organizationId, code)
    ).login('hr');
    const random = workforcePrng(seed ^ 0x1234);
    const attendance: TrainingAttendanceRecord[] = [];
    const ids = new Map(
      (
        (await queryable.query(
          `SELECT employee_number, id FROM employee WHERE organization_id = $1`,
          [organizationId],
        )) as { employee_number: string; id: string }[]
      ).map((row) => [row.employee_number, row.id]),
    );
    for (let fy = 2021; fy <= 2024; fy++) {
      for (const heldOn of [`${fy}-06-15`, `${fy + 1}-02-10`]) {
        const attendees = dataset.employees
          .filter(() => random() < 0.3)
          .map((employee) => employee.id);
        const [{ id }] = (await queryable.query(
          `INSERT INTO ikuboss_training (organization_id, kind, name, held_on, fiscal_year) VALUES ($1, 'ikuboss', 'イクボス研修', $2, $3) RETURNING id`,
          [organizationId, heldOn, fy],
        )) as [{ id: string }];
        await queryable.query(
          `INSERT INTO ikuboss_training_attendance (organization_id, training_id, employee_id) SELECT $1, $2, unnest($3::uuid[])`,
          [organizationId, id, attendees.map((a) => ids.get(a))],
        );
        attendance.push(
          ...attendees.map((employeeId) => ({ employeeId, fiscalYear: fy })),
        );
      }
    }
    let nonEmpty = 0;
    for (let fy = 2021; fy <= 2024; fy++)
      for (const unit of [null, 'W1', 'W1-1', 'W2-2'])
        for (const categories of [
          ['permanent'],
          ['permanent', 'fixed_term', 'annual_part'],
        ] as EmploymentCategory[][]) {
          const query = `fy=${fy}${unit ? `&unit=${unit}` : ''}&category=${categories.join(',')}&code=ikuboss_training_attendance_rate`;
          const actual = (
            await hr.get<KpiValueDto[]>(`/api/v1/kpis?${query}`)
          ).body.find((v) => v.code === 'ikuboss_training_attendance_rate');
          const expected = ikubossTrainingAttendance(dataset, attendance, fy, {
            unitId: unit,
            categories,
          });
          expect({
            query,
            numerator: actual?.numerator,
            denominator: actual?.denominator,
          }).toEqual({
            query,
            numerator: expected.managersTrained,
            denominator: expected.managers,
          });
          if (expected.managersTrained > 0) nonEmpty++;
        }
    expect(nonEmpty).toBeGreaterThan(0);
  });
});
