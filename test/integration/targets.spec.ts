import type {
  ApiErrorDto,
  ImportJobDto,
  PlanDto,
  TargetDto,
  TargetInputDto,
  TargetProgressDto,
} from '@ikuboard/shared/contracts';

import type { ApiClient } from '../support/api-client';
import { closeTestDatabase } from '../support/database';
import { createTenant, type Tenant } from '../support/tenant';
import {
  ROSTER_HEADER,
  UNIT_HEADER,
  workbook,
  type CellInput,
} from '../support/xlsx';

/** Two managers on 2024-04-01 and 2025-04-01: one woman in 2024 (50 %); she leaves and a man is hired, so none in 2025 (0 %). */
const ROSTER_2024: CellInput[][] = [
  [
    'K1',
    '課長 花子',
    '女性',
    '100',
    '課長級',
    '任期の定めのない常勤',
    '2000-04-01',
    null,
    null,
    null,
    null,
  ],
  [
    'K2',
    '課長 太郎',
    '男性',
    '100',
    '課長級',
    '任期の定めのない常勤',
    '2000-04-01',
    null,
    null,
    null,
    null,
  ],
];
const ROSTER_2025: CellInput[][] = [
  [
    'K2',
    '課長 太郎',
    '男性',
    '100',
    '課長級',
    '任期の定めのない常勤',
    '2000-04-01',
    null,
    null,
    null,
    null,
  ],
  [
    'K3',
    '課長 次郎',
    '男性',
    '100',
    '課長級',
    '任期の定めのない常勤',
    '2025-04-01',
    null,
    null,
    null,
    null,
  ],
];

describe('plans and targets', () => {
  let tenant: Tenant;
  let hr: ApiClient;
  let plan: PlanDto;

  beforeAll(async () => {
    tenant = await createTenant('tgt');
    hr = await tenant.login('hr');
    await hr.import(
      'units',
      await workbook('所属', UNIT_HEADER, [['100', '本庁', null, 'はい']]),
    );
    for (const [asOf, roster] of [
      ['2024-04-01', ROSTER_2024],
      ['2025-04-01', ROSTER_2025],
    ] as const) {
      const job = (
        await hr.import(
          'roster',
          await workbook('職員', ROSTER_HEADER, roster),
          { asOf },
        )
      ).body as ImportJobDto;
      expect(job.status).toBe('succeeded');
    }
    plan = (
      await hr.post<PlanDto>('/api/v1/plans', {
        name: '第5期行動計画',
        startFiscalYear: 2024,
        endFiscalYear: 2028,
        legalBasis: 'both',
      })
    ).body;
  });
  afterAll(closeTestDatabase);

  const womenManagers = (): TargetInputDto => ({
    planId: plan.id,
    kpiCode: 'female_manager_ratio',
    orgUnitCode: null,
    targetValue: 40,
    targetFiscalYear: 2028,
    direction: 'gte',
    baselineValue: 20,
    baselineFiscalYear: 2024,
    actions: ['女性職員のキャリア研修を毎年実施する。'],
  });

  it('HR creates a target; its progress is set against the figures and the trajectory', async () => {
    const created = await hr.post<TargetDto>(
      '/api/v1/targets',
      womenManagers(),
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      kpiCode: 'female_manager_ratio',
      planName: '第5期行動計画',
      actions: ['女性職員のキャリア研修を毎年実施する。'],
    });

    const progress = (
      await hr.get<TargetProgressDto[]>('/api/v1/targets/progress?fy=2025')
    ).body;
    const mine = progress.find((item) => item.target.id === created.body.id)!;
    // FY2025: trajectory 20 + (40 − 20) × 1/4 = 25; actual 0 of 2 managers = 0 % → behind.
    expect(mine).toMatchObject({
      fiscalYear: 2025,
      actual: 0,
      trajectory: 25,
      status: 'behind',
      gap: -25,
      measure: 'percent',
    });
    // FY2024: 1 of 2 = 50 % ≥ 40 → achieved; FY2026 has no roster → no data.
    expect(
      mine.series.map((point) => [point.fiscalYear, point.status]),
    ).toEqual([
      [2024, 'achieved'],
      [2025, 'behind'],
      [2026, 'no_data'],
      [2027, 'no_data'],
      [2028, 'no_data'],
    ]);
  });

  it('HR edits and deletes a target', async () => {
    const created = (
      await hr.post<TargetDto>('/api/v1/targets', {
        ...womenManagers(),
        kpiCode: 'female_staff_ratio',
      })
    ).body;
    const updated = await hr.request<TargetDto>(
      'PUT',
      `/api/v1/targets/${created.id}`,
      { ...womenManagers(), kpiCode: 'female_staff_ratio', targetValue: 45 },
    );
    expect(updated.body.targetValue).toBe(45);
    expect(
      (await hr.request('DELETE', `/api/v1/targets/${created.id}`)).status,
    ).toBe(204);
    expect((await hr.get(`/api/v1/targets`)).body).not.toContainEqual(
      expect.objectContaining({ id: created.id }),
    );
  });

  it('bad targets are refused with reasons in Japanese and English', async () => {
    const cases: Partial<TargetInputDto>[] = [
      { actions: ['あ'.repeat(101)] },
      { actions: ['一', '二', '三'] },
      { baselineFiscalYear: 2029 },
      { baselineValue: null },
      { kpiCode: 'no_such_kpi' as TargetInputDto['kpiCode'] },
      { orgUnitCode: 'NO-SUCH-UNIT' },
    ];
    for (const change of cases) {
      const response = await hr.post<ApiErrorDto>('/api/v1/targets', {
        ...womenManagers(),
        ...change,
      });
      expect([400, 404]).toContain(response.status);
      expect(response.body.message.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(response.body.message.en).toMatch(/[A-Za-z]/);
    }
  });

  it('committee members read targets but cannot change them; other organizations cannot see them', async () => {
    const committee = await tenant.login('committee');
    expect(
      (await committee.get('/api/v1/targets/progress?fy=2025')).status,
    ).toBe(200);
    expect(
      (await committee.post('/api/v1/targets', womenManagers())).status,
    ).toBe(403);
    const target = (await hr.get<TargetDto[]>('/api/v1/targets')).body[0]!;
    const other = await (await createTenant('tgt-other')).login('hr');
    expect((await other.get<TargetDto[]>('/api/v1/targets')).body).toEqual([]);
    expect(
      (
        await other.request(
          'PUT',
          `/api/v1/targets/${target.id}`,
          womenManagers(),
        )
      ).status,
    ).toBe(404);
    expect(
      (await other.request('DELETE', `/api/v1/targets/${target.id}`)).status,
    ).toBe(404);
  });
});
