import type {
  CommitteeReviewDto,
  KpiBreakdownDto,
  KpiValueDto,
  PlanDto,
  ReportJobDto,
  TargetProgressDto,
} from '@ikuboard/shared/contracts';
import {
  type DemoCity,
  generateDemoCity,
  toKpiDataset,
} from '@ikuboard/shared/demo-data';
import { computeChildcareKpis, formatFiscalYearJa } from '@ikuboard/shared/kpi';
import ExcelJS from 'exceljs';

import type { ApiClient } from '../support/api-client';
import { closeTestDatabase } from '../support/database';
import {
  createTenant,
  createTenantWithCity,
  type Tenant,
} from '../support/tenant';

const FY = 2025;
const STATUS_JA = {
  achieved: '達成',
  on_track: '順調',
  behind: '遅れ',
  no_data: 'データなし',
};

async function open(file: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  return book;
}

/** The row whose first cell is `label`, as an array of cell values (column A first). */
function rowOf(sheet: ExcelJS.Worksheet, label: string): unknown[] {
  let found: unknown[] | null = null;
  sheet.eachRow((row) => {
    if (found === null && row.getCell(1).value === label)
      found = (row.values as unknown[]).slice(1);
  });
  if (found === null) throw new Error(`no row "${label}" in ${sheet.name}`);
  return found;
}

const headline = (values: readonly KpiValueDto[], code: string) =>
  values.find(
    (value) => value.code === code && value.dimensions === undefined,
  )!;

describe('official Excel reports and the 見える化 CSV', () => {
  let city: Tenant;
  let cityData: DemoCity;
  let hr: ApiClient;
  let review: CommitteeReviewDto;
  let kpis: KpiValueDto[];
  let progress: TargetProgressDto[];

  async function runJob(client: ApiClient, kind: string): Promise<Buffer> {
    const started = await client.post<ReportJobDto>('/api/v1/reports/jobs', {
      kind,
      reviewId: review.id,
    });
    expect(started.status).toBe(202);
    let job = started.body;
    while (job.status === 'running') {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = (await client.get<ReportJobDto>(`/api/v1/reports/jobs/${job.id}`))
        .body;
    }
    expect(job).toMatchObject({ status: 'succeeded', progress: 100 });
    expect(job.durationMs).toBeGreaterThanOrEqual(0);
    expect(job.peakRssMb).toBeGreaterThan(0);
    const file = await client.get<Buffer>(
      `/api/v1/reports/jobs/${job.id}/file`,
    );
    expect(file.status).toBe(200);
    return file.body;
  }

  beforeAll(async () => {
    cityData = generateDemoCity({
      staff: 400,
      firstFiscalYear: 2019,
      lastFiscalYear: FY,
      seed: 62,
    });
    city = await createTenantWithCity(cityData, 'rpt');
    hr = await city.login('hr');
    const plan = (
      await hr.post<PlanDto>('/api/v1/plans', {
        name: '第5期',
        startFiscalYear: 2023,
        endFiscalYear: 2029,
        legalBasis: 'both',
      })
    ).body;
    for (const [kpiCode, targetValue, actions] of [
      [
        'female_manager_ratio',
        30,
        ['=HYPERLINK("http://example.com","研修")', '女性職員のキャリア研修'],
      ],
      ['annual_leave_avg_days', 16, ['計画的な年休取得を促す。']],
    ] as const) {
      const created = await hr.post('/api/v1/targets', {
        planId: plan.id,
        kpiCode,
        orgUnitCode: null,
        targetValue,
        targetFiscalYear: 2029,
        direction: 'gte',
        baselineValue: 10,
        baselineFiscalYear: 2023,
        actions,
      });
      expect(created.status).toBe(201);
    }
    review = (
      await hr.post<CommitteeReviewDto>('/api/v1/committee/reviews', {
        fiscalYear: FY,
      })
    ).body;
    kpis = (await hr.get<KpiValueDto[]>(`/api/v1/kpis?fy=${FY}`)).body;
    progress = (
      await hr.get<TargetProgressDto[]>(`/api/v1/targets/progress?fy=${FY}`)
    ).body;
  });
  afterAll(closeTestDatabase);

  it('the annual statistics workbook: targets, one sheet per KPI family with the years and employer units, charts, definitions, A4 print set-up', async () => {
    const book = await open(await runJob(hr, 'annual_statistics'));
    // A sheet per KPI family of the snapshot (families merged later get theirs too), between the
    // summary and the definitions.
    const names = book.worksheets.map((sheet) => sheet.name);
    const families = review.snapshot.groups.filter((group) =>
      review.snapshot.organization.some((value) =>
        group.codes.includes(value.code),
      ),
    );
    expect(names).toHaveLength(families.length + 2);
    expect(names[0]).toBe('概要');
    expect(names[names.length - 1]).toBe('定義');
    expect(names.slice(1, 4)).toEqual([
      '女性職員の割合',
      '育児休業等',
      '採用・勤務・給与',
    ]);

    const summary = book.getWorksheet('概要')!;
    for (const item of progress) {
      const name = {
        female_manager_ratio: '管理職(課長級以上)に占める女性の割合',
        annual_leave_avg_days: '年次休暇の平均取得日数',
      }[item.target.kpiCode as 'female_manager_ratio'];
      const row = rowOf(summary, name ?? '');
      expect(row.slice(0, 9)).toEqual([
        name,
        '全体',
        10,
        formatFiscalYearJa(2023),
        item.target.targetValue,
        formatFiscalYearJa(2029),
        item.trajectory,
        item.actual,
        STATUS_JA[item.status],
      ]);
    }
    // A formula typed as a target action is shown as text, never run.
    expect(
      String(rowOf(summary, '管理職(課長級以上)に占める女性の割合')[9]),
    ).toMatch(/^'=HYPERLINK/);
    const statusCell = summary.getRow(5).getCell(9);
    expect((statusCell.fill as ExcelJS.FillPattern).fgColor?.argb).toMatch(
      /^FF/,
    );

    const ratios = book.getWorksheet('女性職員の割合')!;
    const header = rowOf(ratios, '指標');
    const fyColumn = header.indexOf(formatFiscalYearJa(FY));
    const firstColumn = header.indexOf(formatFiscalYearJa(FY - 4));
    expect(fyColumn).toBeGreaterThan(firstColumn);
    expect(firstColumn).toBeGreaterThan(1);
    const trend = (
      await hr.get<KpiValueDto[]>(
        '/api/v1/kpis/trend?code=female_manager_ratio',
      )
    ).body;
    const managers = rowOf(ratios, '管理職(課長級以上)に占める女性の割合');
    expect(managers[fyColumn]).toBe(
      headline(kpis, 'female_manager_ratio').value,
    );
    expect(managers[firstColumn]).toBe(
      trend.find((value) => value.fiscalYear === FY - 4)!.value,
    );
    // Employer units block: the second row labelled 指標 heads it.
    const breakdown = (
      await hr.get<KpiBreakdownDto[]>(
        `/api/v1/kpis/breakdown?code=female_manager_ratio&fy=${FY}&by=employer_unit`,
      )
    ).body;
    let unitsHeader: unknown[] = [];
    let unitsRow: unknown[] = [];
    ratios.eachRow((row) => {
      const values = (row.values as unknown[]).slice(1);
      if (values[0] === '指標' && values[2] === '全体') unitsHeader = values;
      else if (
        unitsHeader.length > 0 &&
        unitsRow.length === 0 &&
        values[0] === '管理職(課長級以上)に占める女性の割合'
      )
        unitsRow = values;
    });
    expect(unitsHeader.slice(3)).toEqual(
      breakdown.map((unit) => unit.unitName),
    );
    expect(unitsRow.slice(3)).toEqual(
      breakdown.map(
        (unit) => headline(unit.values, 'female_manager_ratio').value,
      ),
    );
    expect(unitsRow[2]).toBe(headline(kpis, 'female_manager_ratio').value);

    const workforce = book.getWorksheet('採用・勤務・給与')!;
    const workforceHeader = rowOf(workforce, '指標');
    const payColumn = workforceHeader.indexOf(formatFiscalYearJa(FY));
    expect(
      rowOf(workforce, '男女の給与の差異(任期の定めのない常勤職員)')[
        payColumn
      ] ?? null,
    ).toBe(headline(kpis, 'pay_gap_permanent').value);

    for (const sheet of book.worksheets) {
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
      });
      expect(sheet.headerFooter.oddFooter).toContain('&P');
      expect(sheet.views[0]).toMatchObject({ state: 'frozen' });
    }
    expect(ratios.getImages().length).toBe(1);
    expect(summary.getImages().length).toBe(1);
    const definitions = book.getWorksheet('定義')!;
    expect(definitions.rowCount).toBeGreaterThan(
      kpis.filter((value) => value.dimensions === undefined).length / 2,
    );
  });

  it('the publication tables: pay gap (3 categories, 4 stages, 8 tenure bands), childcare leave, paternity leave, monthly overtime, annual leave', async () => {
    const book = await open(await runJob(hr, 'publication_tables'));
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      '給与の男女の差異',
      '育児休業',
      '男性の配偶者出産休暇等',
      '超過勤務',
      '年次休暇',
    ]);
    const pay = book.getWorksheet('給与の男女の差異')!;
    expect(rowOf(pay, '任期の定めのない常勤職員')[1] ?? null).toBe(
      headline(kpis, 'pay_gap_permanent').value,
    );
    expect(rowOf(pay, '任期の定めのない常勤職員以外の職員')[1] ?? null).toBe(
      headline(kpis, 'pay_gap_other').value,
    );
    expect(rowOf(pay, '全職員')[1] ?? null).toBe(
      headline(kpis, 'pay_gap_all').value,
    );
    const byStage = (stage: string) =>
      kpis.find(
        (v) =>
          v.code === 'pay_gap_permanent' && v.dimensions?.['stage'] === stage,
      )?.value ?? null;
    expect(rowOf(pay, '本庁課長相当職')[1] ?? null).toBe(
      byStage('section_chief'),
    );
    expect(rowOf(pay, '本庁係長相当職')[1] ?? null).toBe(
      byStage('subsection_chief'),
    );
    const band = (tenureBand: string) =>
      kpis.find(
        (v) =>
          v.code === 'pay_gap_permanent' &&
          v.dimensions?.['tenureBand'] === tenureBand,
      )?.value ?? null;
    expect(rowOf(pay, '1〜5年')[1] ?? null).toBe(band('1-5'));
    expect(rowOf(pay, '36年以上')[1] ?? null).toBe(band('36+'));

    const childcare = book.getWorksheet('育児休業')!;
    const men = headline(kpis, 'childcare_leave_rate_male');
    expect(rowOf(childcare, '男性')[1]).toBe(men.denominator);
    expect(rowOf(childcare, '男性')[2]).toBe(men.numerator);
    expect(rowOf(childcare, '男性')[3]).toBe(men.value ?? undefined);
    const women = headline(kpis, 'childcare_leave_rate_female');
    expect(rowOf(childcare, '女性')[1]).toBe(women.denominator);
    expect(rowOf(childcare, '女性')[2]).toBe(women.numerator);
    // 出生時育児休業 (内数): against the reference definition run on the generated city (not the
    // API's SQL), and checked by hand to be a part of (B).
    const reference = computeChildcareKpis(toKpiDataset(cityData), FY);
    const referenceRow = (code: string, leaveType?: string) =>
      reference.find(
        (value) =>
          value.code === code && value.dimensions?.['leaveType'] === leaveType,
      )!;
    for (const [label, code] of [
      ['男性', 'childcare_leave_rate_male'],
      ['女性', 'childcare_leave_rate_female'],
    ] as const) {
      const row = rowOf(childcare, label);
      expect(row[1]).toBe(referenceRow(code).denominator);
      expect(row[2]).toBe(referenceRow(code).numerator);
      expect(row[4]).toBe(referenceRow(code, 'birth_childcare').numerator);
      expect(row[4] as number).toBeLessThanOrEqual(row[2] as number);
    }
    // the demo city's fathers take 産後パパ育休, so the column is not trivially empty
    expect(rowOf(childcare, '男性')[4]).toBeGreaterThan(0);
    expect((childcare.getRow(3).values as unknown[]).slice(1)[4]).toBe(
      '(B)のうち出生時育児休業取得者数(内数)',
    );
    const lt14Men = kpis.find(
      (v) =>
        v.code === 'childcare_leave_duration' &&
        v.dimensions?.['gender'] === 'male' &&
        v.dimensions?.['bucket'] === 'lt14',
    )!;
    expect(rowOf(childcare, '2週間未満')[1]).toBe(lt14Men.numerator);

    const paternity = book.getWorksheet('男性の配偶者出産休暇等')!;
    const counts = (paternity.getRow(4).values as unknown[]).slice(1);
    expect(counts).toEqual([
      headline(kpis, 'paternity_leave_rate_spouse_birth').denominator,
      ...['spouse_birth', 'participation', 'either', 'five_days'].map(
        (kind) => headline(kpis, `paternity_leave_rate_${kind}`).numerator,
      ),
    ]);

    const overtime = book.getWorksheet('超過勤務')!;
    const months = kpis.filter(
      (v) => v.code === 'overtime_monthly_avg' && v.dimensions?.['month'],
    );
    expect(months).toHaveLength(12);
    expect(rowOf(overtime, `${FY}年4月`)[1]).toBe(
      months.find((m) => m.dimensions!['month'] === `${FY}-04`)!.value ??
        undefined,
    );
    expect(rowOf(overtime, `${FY + 1}年3月`)[2]).toBe(
      months.find((m) => m.dimensions!['month'] === `${FY + 1}-03`)!
        .denominator,
    );
    expect(rowOf(overtime, '年度平均(月当たり)')[1]).toBe(
      headline(kpis, 'overtime_monthly_avg').value ?? undefined,
    );

    const leave = book.getWorksheet('年次休暇')!;
    expect(rowOf(leave, '平均取得日数')[1]).toBe(
      headline(kpis, 'annual_leave_avg_days').value ?? undefined,
    );
    expect(rowOf(leave, '取得日数が年5日に満たない職員の割合')[1]).toBe(
      headline(kpis, 'annual_leave_under_5_days_ratio').value ?? undefined,
    );
  });

  it('the 見える化 CSV: UTF-8 with BOM, CRLF, one line per target, formulas neutralized', async () => {
    const response = await hr.get<Buffer>(
      `/api/v1/reports/reviews/${review.id}/mieruka.csv`,
    );
    expect(response.status).toBe(200);
    const bytes = response.body;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(1 + progress.length);
    expect(lines[0]).toBe(
      '目標項目,数値目標,時期,最新値,時期,目標設定時最新値,時期,取組内容1,取組内容2',
    );
    const managers = progress.find(
      (p) => p.target.kpiCode === 'female_manager_ratio',
    )!;
    const expectedLatest = `${Math.round(managers.actual! * 10) / 10}%`;
    expect(lines[1]).toBe(
      `管理職(課長級以上)に占める女性の割合,30%以上,令和11年度,${expectedLatest},令和7年度,10%,令和5年度,"'=HYPERLINK(""http://example.com"",""研修"")",女性職員のキャリア研修`,
    );
    expect(text.includes('\n') && !/[^\r]\n/.test(text)).toBe(true);
  });

  it('“Download as Excel” of one KPI: the trend, the year’s breakdown rows and the employer units match the API', async () => {
    const response = await hr.get<Buffer>(
      `/api/v1/reports/kpis/childcare_leave_duration?fy=${FY}`,
    );
    expect(response.status).toBe(200);
    const book = await open(response.body);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual([
      '推移',
      '内訳',
      '事業主単位別',
      '下位組織別',
    ]);
    const trend = (
      await hr.get<KpiValueDto[]>(
        '/api/v1/kpis/trend?code=childcare_leave_duration',
      )
    ).body;
    const trendRows: unknown[][] = [];
    book.getWorksheet('推移')!.eachRow((row, number) => {
      if (number > 1) trendRows.push((row.values as unknown[]).slice(1, 4));
    });
    expect(trendRows).toEqual(
      trend.map((value) => [
        formatFiscalYearJa(value.fiscalYear),
        value.value,
        value.numerator,
      ]),
    );
    const rows = kpis.filter(
      (value) => value.code === 'childcare_leave_duration',
    );
    expect(book.getWorksheet('内訳')!.rowCount).toBe(1 + rows.length);
    const breakdown = (
      await hr.get<KpiBreakdownDto[]>(
        `/api/v1/kpis/breakdown?code=childcare_leave_duration&fy=${FY}&by=employer_unit`,
      )
    ).body;
    const units: unknown[][] = [];
    book.getWorksheet('事業主単位別')!.eachRow((row, number) => {
      if (number > 1) units.push((row.values as unknown[]).slice(1, 3));
    });
    expect(units).toEqual(
      breakdown.map((unit) => [
        unit.unitName,
        headline(unit.values, 'childcare_leave_duration').value,
      ]),
    );
    // the KPI page's "by unit below" chart: the units under the scope (here the whole city)
    const children = (
      await hr.get<KpiBreakdownDto[]>(
        `/api/v1/kpis/breakdown?code=childcare_leave_duration&fy=${FY}&by=child_unit`,
      )
    ).body;
    expect(children.length).toBeGreaterThan(0);
    const childRows: unknown[][] = [];
    book.getWorksheet('下位組織別')!.eachRow((row, number) => {
      if (number > 1) childRows.push((row.values as unknown[]).slice(1, 3));
    });
    expect(childRows).toEqual(
      children.map((unit) => [
        unit.unitName,
        headline(unit.values, 'childcare_leave_duration').value,
      ]),
    );
    for (const sheet of book.worksheets)
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
      });
  });

  it('staff cannot build reports; another organization cannot see the jobs or the review', async () => {
    const staff = await city.login('staff');
    expect(
      (
        await staff.post('/api/v1/reports/jobs', {
          kind: 'annual_statistics',
          reviewId: review.id,
        })
      ).status,
    ).toBe(403);
    const committee = await city.login('committee');
    const job = await committee.post<ReportJobDto>('/api/v1/reports/jobs', {
      kind: 'publication_tables',
      reviewId: review.id,
    });
    expect(job.status).toBe(202);
    const other = await (await createTenant('rpt-other')).login('hr');
    expect(
      (await other.get(`/api/v1/reports/jobs/${job.body.id}`)).status,
    ).toBe(404);
    expect(
      (await other.get(`/api/v1/reports/jobs/${job.body.id}/file`)).status,
    ).toBe(404);
    expect(
      (
        await other.post('/api/v1/reports/jobs', {
          kind: 'annual_statistics',
          reviewId: review.id,
        })
      ).status,
    ).toBe(404);
    expect(
      (await other.get(`/api/v1/reports/reviews/${review.id}/mieruka.csv`))
        .status,
    ).toBe(404);
  });
});
