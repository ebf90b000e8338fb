import type {
  ApiErrorDto,
  CommitteeReviewDto,
  CommitteeReviewSummaryDto,
  ImportJobDto,
  KpiValueDto,
  PlanDto,
  PublicDisclosureDto,
  TargetProgressDto,
} from '@ikuboard/shared/contracts';
import { generateDemoCity } from '@ikuboard/shared/demo-data';

import { createAccount } from '../../api/src/app/setup/organization-setup';
import { ApiClient } from '../support/api-client';
import {
  closeTestDatabase,
  queryable,
  testDatabase,
} from '../support/database';
import {
  createTenant,
  createTenantWithCity,
  type Tenant,
} from '../support/tenant';
import { ROSTER_HEADER, workbook } from '../support/xlsx';

const FY = 2025;

/** Headline figures of one scope, keyed by code, from GET /kpis. */
const headlines = (values: readonly KpiValueDto[]) =>
  new Map(
    values
      .filter((value) => value.dimensions === undefined)
      .map((value) => [value.code, value]),
  );

describe('committee review: frozen snapshot, comments, sign-off and publication', () => {
  let city: Tenant;
  let hr: ApiClient;
  let chair: ApiClient;
  let member: ApiClient;
  let employerUnits: string[];
  let leafUnit: string;

  beforeAll(async () => {
    const generated = generateDemoCity({
      staff: 400,
      firstFiscalYear: 2021,
      lastFiscalYear: FY,
      seed: 61,
    });
    employerUnits = generated.units
      .filter((unit) => unit.isEmployerUnit)
      .map((unit) => unit.code);
    leafUnit = generated.units.find((unit) => !unit.isEmployerUnit)!.code;
    city = await createTenantWithCity(generated, 'cmt');
    await testDatabase().query(
      `UPDATE account SET is_committee_chair = true WHERE organization_id = $1 AND username = $2`,
      [city.organizationId, city.usernames.committee],
    );
    await createAccount(queryable, {
      organizationId: city.organizationId,
      username: `${city.code}-member`,
      displayName: '委員(一般)',
      password: city.password,
      role: 'committee',
    });
    hr = await city.login('hr');
    chair = await city.login('committee');
    member = await ApiClient.login(`${city.code}-member`, city.password);
    const plan = (
      await hr.post<PlanDto>('/api/v1/plans', {
        name: '第5期行動計画',
        startFiscalYear: 2023,
        endFiscalYear: 2029,
        legalBasis: 'both',
      })
    ).body;
    const target = await hr.post('/api/v1/targets', {
      planId: plan.id,
      kpiCode: 'female_manager_ratio',
      orgUnitCode: null,
      targetValue: 30,
      targetFiscalYear: 2029,
      direction: 'gte',
      baselineValue: 10,
      baselineFiscalYear: 2023,
      actions: ['キャリア研修を実施する。'],
    });
    expect(target.status).toBe(201);
  });
  afterAll(closeTestDatabase);

  let review: CommitteeReviewDto;

  it('HR prepares the review: the snapshot holds every KPI of GET /kpis for the organization and each employer unit, and the targets’ progress', async () => {
    const kpis = (await hr.get<KpiValueDto[]>(`/api/v1/kpis?fy=${FY}`)).body;
    const progress = (
      await hr.get<TargetProgressDto[]>(`/api/v1/targets/progress?fy=${FY}`)
    ).body;
    const prepared = await hr.post<CommitteeReviewDto>(
      '/api/v1/committee/reviews',
      { fiscalYear: FY },
    );
    expect(prepared.status).toBe(201);
    review = prepared.body;
    expect(review).toMatchObject({
      version: 1,
      status: 'draft',
      fiscalYear: FY,
    });
    expect(
      review.snapshot.organization.filter((value) => value.fiscalYear === FY),
    ).toEqual(kpis);
    expect(
      review.snapshot.organization.some((v) => v.fiscalYear === FY - 4),
    ).toBe(true);
    expect(review.snapshot.employerUnits.map((unit) => unit.unitCode)).toEqual(
      employerUnits,
    );
    for (const unit of review.snapshot.employerUnits)
      expect(unit.values).toEqual(
        (
          await hr.get<KpiValueDto[]>(
            `/api/v1/kpis?fy=${FY}&unit=${unit.unitCode}`,
          )
        ).body,
      );
    expect(review.snapshot.targets).toEqual(progress);
    expect(review.differences).toEqual([]);
    expect(review.publicationCheck.passed).toBe(true);
    // Every family the KPI service computes has its codes in the snapshot.
    const codes = new Set(kpis.map((value) => value.code as string));
    expect(
      review.snapshot.groups.flatMap((group) => group.codes).sort(),
    ).toEqual([...codes].sort());
  });

  it('a second review of the same year is refused; staff and committee cannot prepare one', async () => {
    const again = await hr.post<ApiErrorDto>('/api/v1/committee/reviews', {
      fiscalYear: FY,
    });
    expect(again.status).toBe(409);
    expect(again.body.message.ja).toMatch(/再審議/);
    const staff = await city.login('staff');
    expect(
      (await staff.post('/api/v1/committee/reviews', { fiscalYear: 2024 }))
        .status,
    ).toBe(403);
    expect((await staff.get('/api/v1/committee/reviews')).status).toBe(403);
    expect(
      (await chair.post('/api/v1/committee/reviews', { fiscalYear: 2024 }))
        .status,
    ).toBe(403);
  });

  it('a later roster import changes the live figures but not the snapshot, and the review shows the difference', async () => {
    const before = headlines(
      (await hr.get<KpiValueDto[]>(`/api/v1/kpis?fy=${FY}`)).body,
    ).get('female_manager_ratio')!;
    // One more woman at 課長級 on 2025-04-01: women managers + 1, managers + 1.
    const job = (
      await hr.import(
        'roster',
        await workbook('職員', ROSTER_HEADER, [
          [
            'ZZ-001',
            '新任 花子',
            '女性',
            leafUnit,
            '課長級',
            '任期の定めのない常勤',
            `${FY}-04-01`,
            null,
            null,
            null,
            'はい',
          ],
        ]),
        { asOf: `${FY}-04-01`, partial: true },
      )
    ).body as ImportJobDto;
    expect(job.status).toBe('succeeded');
    const after = headlines(
      (await hr.get<KpiValueDto[]>(`/api/v1/kpis?fy=${FY}`)).body,
    ).get('female_manager_ratio')!;
    expect([after.numerator, after.denominator]).toEqual([
      before.numerator + 1,
      before.denominator! + 1,
    ]);

    const viewed = (
      await chair.get<CommitteeReviewDto>(
        `/api/v1/committee/reviews/${review.id}`,
      )
    ).body;
    expect(
      headlines(
        viewed.snapshot.organization.filter((v) => v.fiscalYear === FY),
      ).get('female_manager_ratio'),
    ).toEqual(before);
    expect(viewed.differences).toContainEqual({
      scope: null,
      code: 'female_manager_ratio',
      snapshot: before.value,
      current: after.value,
    });
  });

  it('members comment per item; only the chair signs; then nothing changes and HR publishes', async () => {
    const commented = await member.post<CommitteeReviewDto>(
      `/api/v1/committee/reviews/${review.id}/comments`,
      {
        itemKey: 'kpi:female_manager_ratio',
        body: '課長級への登用が進んでいる。',
      },
    );
    expect(commented.status).toBe(201);
    expect(commented.body.comments).toEqual([
      expect.objectContaining({
        itemKey: 'kpi:female_manager_ratio',
        authorName: '委員(一般)',
        body: '課長級への登用が進んでいる。',
      }),
    ]);
    expect(commented.body.canSign).toBe(false);
    const refused = await member.post<ApiErrorDto>(
      `/api/v1/committee/reviews/${review.id}/sign`,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('COMMITTEE_CHAIR_ONLY');
    expect(
      (await hr.post(`/api/v1/committee/reviews/${review.id}/sign`)).status,
    ).toBe(403);
    expect(
      (
        await hr.post<ApiErrorDto>(
          `/api/v1/committee/reviews/${review.id}/publish`,
        )
      ).status,
    ).toBe(409);

    expect(
      (
        await chair.get<CommitteeReviewDto>(
          `/api/v1/committee/reviews/${review.id}`,
        )
      ).body.canSign,
    ).toBe(true);
    const signed = await chair.post<CommitteeReviewDto>(
      `/api/v1/committee/reviews/${review.id}/sign`,
    );
    expect(signed.status).toBe(201);
    expect(signed.body.status).toBe('signed');
    expect(signed.body.signedByName).toBeTruthy();

    const late = await member.post<ApiErrorDto>(
      `/api/v1/committee/reviews/${review.id}/comments`,
      { itemKey: 'general', body: '追記' },
    );
    expect(late.status).toBe(409);
    expect(
      (
        await hr.request(
          'PUT',
          `/api/v1/committee/reviews/${review.id}/published-items`,
          { codes: ['female_manager_ratio'] },
        )
      ).status,
    ).toBe(409);
    expect(
      (await chair.post(`/api/v1/committee/reviews/${review.id}/publish`))
        .status,
    ).toBe(403);
    const published = await hr.post<CommitteeReviewDto>(
      `/api/v1/committee/reviews/${review.id}/publish`,
    );
    expect(published.status).toBe(201);
    expect(published.body.status).toBe('published');
  });

  it('the database refuses any change to a signed snapshot, even by SQL', async () => {
    await expect(
      testDatabase().query(
        `UPDATE committee_review SET snapshot = '{}'::jsonb WHERE id = $1`,
        [review.id],
      ),
    ).rejects.toThrow(/frozen/);
    await expect(
      testDatabase().query(
        `UPDATE committee_review SET published_items = '{}' WHERE id = $1`,
        [review.id],
      ),
    ).rejects.toThrow(/frozen/);
    await expect(
      testDatabase().query(`DELETE FROM committee_review WHERE id = $1`, [
        review.id,
      ]),
    ).rejects.toThrow(/signed/);
  });

  it('the public page reads the published snapshot without login: published items only, no people', async () => {
    const anonymous = new ApiClient();
    const response = await anonymous.get<PublicDisclosureDto>(
      `/api/v1/public/organizations/${city.code}`,
    );
    expect(response.status).toBe(200);
    const published = response.body;
    expect(published).toMatchObject({ fiscalYear: FY, version: 1 });
    // The frozen figure, not the live one (one more woman manager was imported after the snapshot).
    const frozen = headlines(
      review.snapshot.organization.filter((v) => v.fiscalYear === FY),
    ).get('female_manager_ratio');
    expect(
      headlines(published.figures.filter((v) => v.fiscalYear === FY)).get(
        'female_manager_ratio',
      ),
    ).toEqual(frozen);
    expect(new Set(published.figures.map((v) => v.code))).toEqual(
      new Set(review.publishedItems),
    );
    expect(published.targets).toHaveLength(1);
    expect(published.targets[0]).toMatchObject({
      kpiCode: 'female_manager_ratio',
      targetValue: 30,
      actual: frozen!.value,
    });
    const body = JSON.stringify(published);
    expect(body).not.toMatch(/employeeNumber|"name":"[^"]*(花子|太郎)/);
    expect(body).not.toContain('ZZ-001');

    const tables = await anonymous.get<Buffer>(
      `/api/v1/public/organizations/${city.code}/tables.xlsx`,
    );
    expect(tables.status).toBe(200);
    expect(tables.headers.get('content-type')).toContain('spreadsheetml');
    const csv = await anonymous.get<Buffer>(
      `/api/v1/public/organizations/${city.code}/targets.csv`,
    );
    expect(csv.status).toBe(200);
  });

  it('reopening creates version 2 with the current figures; version 1 stays readable as frozen', async () => {
    const reopened = await hr.post<CommitteeReviewDto>(
      `/api/v1/committee/reviews/${review.id}/reopen`,
    );
    expect(reopened.status).toBe(201);
    expect(reopened.body).toMatchObject({
      fiscalYear: FY,
      version: 2,
      status: 'draft',
    });
    const current = headlines(
      (await hr.get<KpiValueDto[]>(`/api/v1/kpis?fy=${FY}`)).body,
    ).get('female_manager_ratio');
    expect(
      headlines(
        reopened.body.snapshot.organization.filter((v) => v.fiscalYear === FY),
      ).get('female_manager_ratio'),
    ).toEqual(current);
    expect(reopened.body.differences).toEqual([]);

    const list = (
      await chair.get<CommitteeReviewSummaryDto[]>('/api/v1/committee/reviews')
    ).body;
    expect(
      list.map((item) => [item.version, item.status, item.superseded]),
    ).toEqual([
      [2, 'draft', false],
      [1, 'published', true],
    ]);
    const first = (
      await chair.get<CommitteeReviewDto>(
        `/api/v1/committee/reviews/${review.id}`,
      )
    ).body;
    expect(first.snapshot).toEqual(review.snapshot);
    expect(first.comments).toHaveLength(1);
    // Reopening the superseded version again is refused; the public page still shows version 1.
    expect(
      (await hr.post(`/api/v1/committee/reviews/${review.id}/reopen`)).status,
    ).toBe(409);
    expect(
      (
        await new ApiClient().get<PublicDisclosureDto>(
          `/api/v1/public/organizations/${city.code}`,
        )
      ).body.version,
    ).toBe(1);
  });

  it('a comment must name general, a KPI of the frozen snapshot or one of its targets (else 400, bilingual)', async () => {
    const draft = (
      await hr.get<CommitteeReviewDto>(
        `/api/v1/committee/reviews/${
          (
            await hr.get<CommitteeReviewSummaryDto[]>(
              '/api/v1/committee/reviews',
            )
          ).body[0]!.id
        }`,
      )
    ).body;
    expect(draft.status).toBe('draft');
    expect(draft.snapshot.targets).toHaveLength(1);
    const frozenTarget = draft.snapshot.targets[0]!.target.id;
    const url = `/api/v1/committee/reviews/${draft.id}/comments`;

    const accepted = await member.post<CommitteeReviewDto>(url, {
      itemKey: `target:${frozenTarget}`,
      body: '目標の進捗は順調。',
    });
    expect(accepted.status).toBe(201);
    const kpi = await member.post<CommitteeReviewDto>(url, {
      itemKey: 'kpi:childcare_leave_rate_male',
      body: '男性の育休取得率を注視する。',
    });
    expect(kpi.status).toBe(201);

    // A target added after the snapshot was taken, and another organization's target.
    const later = await hr.post<{ id: string }>('/api/v1/targets', {
      planId: (await hr.get<PlanDto[]>('/api/v1/plans')).body[0]!.id,
      kpiCode: 'female_hire_ratio',
      orgUnitCode: null,
      targetValue: 40,
      targetFiscalYear: 2029,
      direction: 'gte',
      baselineValue: 20,
      baselineFiscalYear: 2023,
      actions: ['採用説明会を増やす。'],
    });
    expect(later.status).toBe(201);
    const other = await createTenant('cmt-keys');
    const otherHr = await other.login('hr');
    const otherPlan = await otherHr.post<PlanDto>('/api/v1/plans', {
      name: '他市の計画',
      startFiscalYear: 2023,
      endFiscalYear: 2029,
      legalBasis: 'both',
    });
    const otherTarget = await otherHr.post<{ id: string }>('/api/v1/targets', {
      planId: otherPlan.body.id,
      kpiCode: 'female_manager_ratio',
      orgUnitCode: null,
      targetValue: 30,
      targetFiscalYear: 2029,
      direction: 'gte',
      baselineValue: 10,
      baselineFiscalYear: 2023,
      actions: ['研修'],
    });
    expect(otherTarget.status).toBe(201);

    for (const itemKey of [
      'kpi:no_such_kpi',
      'target:00000000-0000-4000-8000-000000000000',
      `target:${later.body.id}`,
      `target:${otherTarget.body.id}`,
    ]) {
      const refused = await member.post<ApiErrorDto>(url, {
        itemKey,
        body: '対象外',
      });
      expect([itemKey, refused.status]).toEqual([itemKey, 400]);
      expect(refused.body.code).toBe('VALIDATION_FAILED');
      expect(refused.body.details).toEqual([
        {
          ja: `コメントの対象「${itemKey}」はこの審議資料にありません。`,
          en: `The item "${itemKey}" is not part of this review.`,
        },
      ]);
    }
    const after = (
      await member.get<CommitteeReviewDto>(
        `/api/v1/committee/reviews/${draft.id}`,
      )
    ).body;
    expect(after.comments.map((c) => c.itemKey)).toEqual([
      `target:${frozenTarget}`,
      'kpi:childcare_leave_rate_male',
    ]);
  });

  it('the publication check fails without a ② item and the pay gap, and publishing is refused', async () => {
    const draft = (
      await hr.get<CommitteeReviewSummaryDto[]>('/api/v1/committee/reviews')
    ).body[0]!;
    const narrowed = await hr.request<CommitteeReviewDto>(
      'PUT',
      `/api/v1/committee/reviews/${draft.id}/published-items`,
      {
        codes: ['female_manager_ratio', 'female_hire_ratio'],
      },
    );
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.publicationCheck).toEqual({
      passed: false,
      items: [
        {
          group: 'opportunity',
          passed: true,
          codes: ['female_manager_ratio', 'female_hire_ratio'],
        },
        { group: 'balance', passed: false, codes: [] },
        { group: 'pay_gap', passed: false, codes: [] },
      ],
    });
    const withBalance = await hr.request<CommitteeReviewDto>(
      'PUT',
      `/api/v1/committee/reviews/${draft.id}/published-items`,
      {
        codes: [
          'female_manager_ratio',
          'childcare_leave_rate_male',
          'pay_gap_all',
        ],
      },
    );
    expect(withBalance.body.publicationCheck.passed).toBe(true);
    await hr.request(
      'PUT',
      `/api/v1/committee/reviews/${draft.id}/published-items`,
      { codes: ['female_manager_ratio'] },
    );
    expect(
      (await chair.post(`/api/v1/committee/reviews/${draft.id}/sign`)).status,
    ).toBe(201);
    const refused = await hr.post<ApiErrorDto>(
      `/api/v1/committee/reviews/${draft.id}/publish`,
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('PUBLICATION_RULE_NOT_MET');
    expect(refused.body.details).toHaveLength(2);
    expect(refused.body.message.en).toMatch(/group ②/);
  });

  it('an organization without pay records fails the pay-gap check; an unpublished organization is 404 to the public', async () => {
    const empty = await createTenant('cmt-empty');
    const emptyHr = await empty.login('hr');
    const prepared = (
      await emptyHr.post<CommitteeReviewDto>('/api/v1/committee/reviews', {
        fiscalYear: FY,
      })
    ).body;
    expect(prepared.publicationCheck.passed).toBe(false);
    expect(
      prepared.publicationCheck.items.find((item) => item.group === 'pay_gap')!
        .passed,
    ).toBe(false);
    const anonymous = new ApiClient();
    expect(
      (await anonymous.get(`/api/v1/public/organizations/${empty.code}`))
        .status,
    ).toBe(404);
    expect(
      (
        await anonymous.get(
          `/api/v1/public/organizations/${empty.code}/tables.xlsx`,
        )
      ).status,
    ).toBe(404);
    expect(
      (await anonymous.get('/api/v1/public/organizations/no-such-city')).status,
    ).toBe(404);
  });

  it('another organization can neither read nor act on the review', async () => {
    const other = await createTenant('cmt-other');
    const otherHr = await other.login('hr');
    const otherCommittee = await other.login('committee');
    expect(
      (await otherHr.get(`/api/v1/committee/reviews/${review.id}`)).status,
    ).toBe(404);
    expect(
      (await otherHr.post(`/api/v1/committee/reviews/${review.id}/reopen`))
        .status,
    ).toBe(404);
    expect(
      (
        await otherCommittee.post(
          `/api/v1/committee/reviews/${review.id}/comments`,
          { itemKey: 'general', body: 'x' },
        )
      ).status,
    ).toBe(404);
    expect(
      (
        await otherHr.get<CommitteeReviewSummaryDto[]>(
          '/api/v1/committee/reviews',
        )
      ).body,
    ).toEqual([]);
  });
});
