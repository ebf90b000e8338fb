import type {
  CommitteeSnapshotDto,
  KpiValueDto,
  TargetProgressDto,
} from '@ikuboard/shared/contracts';
import {
  BIRTH_CHILDCARE_DIMENSION,
  formatFiscalYearJa,
} from '@ikuboard/shared/kpi';
import ExcelJS from 'exceljs';

import {
  DURATION_BUCKET_JA,
  headline,
  kpiName,
  STAGE_JA,
  yearLabel,
} from './report-labels';
import {
  headerRow,
  neutralizeFormula,
  setupReportSheet,
  text,
  titleRow,
  widths,
} from './workbook-style';

const PERCENT = '0.0"%"';
const TENURE_BANDS = [
  '1-5',
  '6-10',
  '11-15',
  '16-20',
  '21-25',
  '26-30',
  '31-35',
  '36+',
];
const PAY_STAGES = [
  'director',
  'section_chief',
  'deputy_chief',
  'subsection_chief',
];

const dimension = (
  values: readonly KpiValueDto[],
  code: string,
  year: number,
  match: Readonly<Record<string, string>>,
): KpiValueDto | undefined =>
  values.find(
    (value) =>
      value.code === code &&
      value.fiscalYear === year &&
      value.dimensions !== undefined &&
      Object.entries(match).every(
        ([key, expected]) => value.dimensions?.[key] === expected,
      ) &&
      Object.keys(value.dimensions).length === Object.keys(match).length,
  );

/**
 * 情報公表用の表 (内閣府令 第6条 の様式に沿って): 給与の男女の差異, 育児休業, 男の産休, 超過勤務,
 * 年次休暇. `items` limits the tables to the published KPIs (the public download); null gives all.
 */
export async function buildPublicationTables(
  organizationName: string,
  snapshot: CommitteeSnapshotDto,
  items: readonly string[] | null,
): Promise<Buffer> {
  const fy = snapshot.fiscalYear;
  const values = snapshot.organization;
  const shown = (code: string) => items === null || items.includes(code);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ikuboard';
  const subtitle = `${organizationName} ${formatFiscalYearJa(fy)}`;
  let sheets = 0;

  if (['pay_gap_permanent', 'pay_gap_other', 'pay_gap_all'].some(shown)) {
    sheets++;
    const sheet = workbook.addWorksheet('給与の男女の差異', {
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    titleRow(sheet, '職員の給与の男女の差異', subtitle);
    headerRow(sheet, ['区分', '男性の給与に対する女性の給与の割合', '説明']);
    const row = (label: string, value: KpiValueDto | undefined, note = '') => {
      const added = sheet.addRow([
        text(label),
        value?.value ?? null,
        text(note),
      ]);
      added.getCell(2).numFmt = PERCENT;
      added.getCell(3).alignment = { wrapText: true, vertical: 'top' };
    };
    const explanation = '女性の平均年間給与額 ÷ 男性の平均年間給与額 × 100。';
    if (shown('pay_gap_permanent'))
      row(
        '任期の定めのない常勤職員',
        headline(values, 'pay_gap_permanent', fy),
        explanation,
      );
    if (shown('pay_gap_other'))
      row(
        '任期の定めのない常勤職員以外の職員',
        headline(values, 'pay_gap_other', fy),
        '任期付職員・再任用職員・会計年度任用職員等を含む。',
      );
    if (shown('pay_gap_all'))
      row('全職員', headline(values, 'pay_gap_all', fy), explanation);
    if (shown('pay_gap_permanent')) {
      sheet.addRow([]);
      headerRow(sheet, [
        '役職段階(任期の定めのない常勤職員)',
        '男性の給与に対する女性の給与の割合',
        '説明',
      ]);
      for (const stage of PAY_STAGES)
        row(
          STAGE_JA[stage] ?? stage,
          dimension(values, 'pay_gap_permanent', fy, { stage }),
        );
      sheet.addRow([]);
      headerRow(sheet, [
        '勤続年数(任期の定めのない常勤職員)',
        '男性の給与に対する女性の給与の割合',
        '説明',
      ]);
      for (const band of TENURE_BANDS)
        row(
          band === '36+' ? '36年以上' : `${band.replace('-', '〜')}年`,
          dimension(values, 'pay_gap_permanent', fy, { tenureBand: band }),
          band === '1-5' ? '採用年度を勤続年数1年目として年度単位で算出。' : '',
        );
    }
    widths(sheet, [40, 20, 60]);
    setupReportSheet(sheet, '職員の給与の男女の差異', {
      headerRow: 3,
      orientation: 'portrait',
    });
  }

  if (
    [
      'childcare_leave_rate_male',
      'childcare_leave_rate_female',
      'childcare_leave_duration',
    ].some(shown)
  ) {
    sheets++;
    const sheet = workbook.addWorksheet('育児休業', {
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    titleRow(sheet, '男女別の育児休業取得率及び取得期間の分布', subtitle);
    headerRow(sheet, [
      '性別',
      '新たに育児休業が取得可能となった職員数(A)',
      '新規取得者数(B)',
      '取得率(B/A)',
      '(B)のうち出生時育児休業取得者数(内数)',
    ]);
    for (const [label, code] of [
      ['男性', 'childcare_leave_rate_male'],
      ['女性', 'childcare_leave_rate_female'],
    ] as const) {
      if (!shown(code)) continue;
      const value = headline(values, code, fy);
      // A snapshot taken before the 内数 existed has no such row: the cell stays empty.
      const birth = dimension(values, code, fy, BIRTH_CHILDCARE_DIMENSION);
      const row = sheet.addRow([
        text(label),
        value?.denominator ?? null,
        value?.numerator ?? null,
        value?.value ?? null,
        birth?.numerator ?? null,
      ]);
      row.getCell(4).numFmt = PERCENT;
    }
    const note = sheet.addRow([
      text(
        '取得率は年度中に新たに取得した者 ÷ 年度中に新たに取得可能となった者。前年度以前に取得可能となった者を含むため100%を超えることがある。出生時育児休業(産後パパ育休)の取得者は(B)の内数。',
      ),
    ]);
    note.font = { italic: true, size: 9 };
    if (shown('childcare_leave_duration')) {
      sheet.addRow([]);
      headerRow(sheet, [
        '取得期間',
        '男性(人)',
        '男性(割合)',
        '女性(人)',
        '女性(割合)',
      ]);
      const buckets = [
        ...new Set(
          values
            .filter(
              (v) =>
                v.code === 'childcare_leave_duration' &&
                v.fiscalYear === fy &&
                v.dimensions?.['bucket'],
            )
            .map((v) => v.dimensions!['bucket']!),
        ),
      ];
      const total = (gender: string) =>
        buckets.reduce(
          (sum, bucket) =>
            sum +
            (dimension(values, 'childcare_leave_duration', fy, {
              gender,
              bucket,
            })?.numerator ?? 0),
          0,
        );
      const totals = { male: total('male'), female: total('female') };
      for (const bucket of buckets) {
        const male =
          dimension(values, 'childcare_leave_duration', fy, {
            gender: 'male',
            bucket,
          })?.numerator ?? 0;
        const female =
          dimension(values, 'childcare_leave_duration', fy, {
            gender: 'female',
            bucket,
          })?.numerator ?? 0;
        const row = sheet.addRow([
          text(DURATION_BUCKET_JA[bucket] ?? `${bucket}日`),
          male,
          totals.male === 0 ? null : (male / totals.male) * 100,
          female,
          totals.female === 0 ? null : (female / totals.female) * 100,
        ]);
        row.getCell(3).numFmt = PERCENT;
        row.getCell(5).numFmt = PERCENT;
      }
    }
    widths(sheet, [24, 22, 16, 16, 22]);
    setupReportSheet(sheet, '育児休業', {
      headerRow: 3,
      orientation: 'portrait',
    });
  }

  const paternity = [
    'paternity_leave_rate_spouse_birth',
    'paternity_leave_rate_participation',
    'paternity_leave_rate_either',
    'paternity_leave_rate_five_days',
  ];
  if (paternity.some(shown)) {
    sheets++;
    const sheet = workbook.addWorksheet('男性の配偶者出産休暇等', {
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    titleRow(
      sheet,
      '男性職員の配偶者出産休暇及び育児参加のための休暇の取得率',
      subtitle,
    );
    headerRow(sheet, [
      `${formatFiscalYearJa(fy)}中に新たに育児休業が取得可能となった男性職員数`,
      '配偶者出産休暇',
      '育児参加のための休暇',
      'いずれかを取得',
      '両休暇を合わせて5日以上',
    ]);
    const eligible = headline(values, paternity[0]!, fy)?.denominator ?? null;
    const counts = sheet.addRow([
      eligible,
      ...paternity.map((code) =>
        shown(code) ? (headline(values, code, fy)?.numerator ?? null) : null,
      ),
    ]);
    counts.getCell(1).numFmt = '#,##0"人"';
    for (let column = 2; column <= 5; column++)
      counts.getCell(column).numFmt = '#,##0"人"';
    const rates = sheet.addRow([
      text('取得率'),
      ...paternity.map((code) =>
        shown(code) ? (headline(values, code, fy)?.value ?? null) : null,
      ),
    ]);
    for (let column = 2; column <= 5; column++)
      rates.getCell(column).numFmt = PERCENT;
    widths(sheet, [36, 18, 22, 18, 24]);
    setupReportSheet(sheet, '男性の配偶者出産休暇等', { headerRow: 3 });
  }

  if (shown('overtime_monthly_avg')) {
    sheets++;
    const sheet = workbook.addWorksheet('超過勤務', {
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    titleRow(
      sheet,
      '職員一人当たりの各月の超過勤務時間',
      `${subtitle}(管理職を除く)`,
    );
    headerRow(sheet, ['月', '平均超過勤務時間', '対象職員数']);
    const months = values
      .filter(
        (v) =>
          v.code === 'overtime_monthly_avg' &&
          v.fiscalYear === fy &&
          v.dimensions?.['month'],
      )
      .sort((a, b) =>
        a.dimensions!['month']!.localeCompare(b.dimensions!['month']!),
      );
    for (const month of months) {
      const [year, number] = month.dimensions!['month']!.split('-');
      const row = sheet.addRow([
        text(`${year}年${Number(number)}月`),
        month.value,
        month.denominator,
      ]);
      row.getCell(2).numFmt = '0.0"時間"';
      row.getCell(3).numFmt = '#,##0"人"';
    }
    const average = headline(values, 'overtime_monthly_avg', fy);
    const total = sheet.addRow([
      text('年度平均(月当たり)'),
      average?.value ?? null,
      null,
    ]);
    total.font = { bold: true };
    total.getCell(2).numFmt = '0.0"時間"';
    for (const code of [
      'overtime_over_45h_count',
      'overtime_over_360h_year_count',
    ])
      sheet
        .addRow([
          text(kpiName(code)),
          headline(values, code, fy)?.value ?? null,
        ])
        .getCell(2).numFmt = '#,##0"人"';
    widths(sheet, [40, 18, 14]);
    setupReportSheet(sheet, '超過勤務', {
      headerRow: 3,
      orientation: 'portrait',
    });
  }

  if (
    ['annual_leave_avg_days', 'annual_leave_under_5_days_ratio'].some(shown)
  ) {
    sheets++;
    const sheet = workbook.addWorksheet('年次休暇', {
      views: [{ state: 'frozen', ySplit: 3 }],
    });
    const year = values.find(
      (v) => v.code === 'annual_leave_avg_days' && v.fiscalYear === fy,
    )
      ? fy
      : fy;
    titleRow(
      sheet,
      '年次休暇の取得状況',
      `${organizationName} ${yearLabel(year, 'calendar')}(暦年)`,
    );
    headerRow(sheet, ['項目', '値']);
    const average = headline(values, 'annual_leave_avg_days', year);
    const avgRow = sheet.addRow([text('平均取得日数'), average?.value ?? null]);
    avgRow.getCell(2).numFmt = '0.0"日"';
    const under = headline(values, 'annual_leave_under_5_days_ratio', year);
    const underRow = sheet.addRow([
      text('取得日数が年5日に満たない職員の割合'),
      under?.value ?? null,
    ]);
    underRow.getCell(2).numFmt = PERCENT;
    sheet
      .addRow([text('対象職員数'), average?.denominator ?? null])
      .getCell(2).numFmt = '#,##0"人"';
    widths(sheet, [40, 16]);
    setupReportSheet(sheet, '年次休暇', {
      headerRow: 3,
      orientation: 'portrait',
    });
  }

  if (sheets === 0) {
    const sheet = workbook.addWorksheet('公表項目');
    sheet.addRow([text('公表項目がありません。')]);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A field of the 見える化 CSV: formula-neutralized and quoted. */
const csvField = (value: string | number | null): string => {
  if (value === null) return '';
  const textValue =
    typeof value === 'number'
      ? String(Math.round(value * 10) / 10)
      : neutralizeFormula(value);
  return /[",\r\n]/.test(textValue)
    ? `"${textValue.replace(/"/g, '""')}"`
    : textValue;
};

/**
 * 内閣府「女性活躍推進法 見える化サイト」の目標一覧: 目標項目, 数値目標 (時期), 最新値 (時期),
 * 目標設定時最新値 (時期), 取組内容 (最大2つ). UTF-8 with a BOM and CRLF line ends, as Excel expects.
 */
export function mierukaCsv(
  targets: readonly TargetProgressDto[],
  fiscalYear: number,
): string {
  const header = [
    '目標項目',
    '数値目標',
    '時期',
    '最新値',
    '時期',
    '目標設定時最新値',
    '時期',
    '取組内容1',
    '取組内容2',
  ];
  const unit = (progress: TargetProgressDto) =>
    progress.measure === 'percent'
      ? '%'
      : progress.measure === 'days'
        ? '日'
        : progress.measure === 'hours'
          ? '時間'
          : progress.measure === 'years'
            ? '年'
            : '人';
  const withUnit = (value: number | null, progress: TargetProgressDto) =>
    value === null ? null : `${Math.round(value * 10) / 10}${unit(progress)}`;
  const lines = [header.map(csvField).join(',')];
  for (const progress of targets) {
    const { target } = progress;
    const direction = target.direction === 'gte' ? '以上' : '以下';
    lines.push(
      [
        kpiName(target.kpiCode) +
          (target.orgUnitCode ? `(${target.orgUnitCode})` : ''),
        `${withUnit(target.targetValue, progress)}${direction}`,
        formatFiscalYearJa(target.targetFiscalYear),
        withUnit(progress.actual, progress),
        progress.actual === null ? null : formatFiscalYearJa(fiscalYear),
        withUnit(target.baselineValue, progress),
        target.baselineFiscalYear === null
          ? null
          : formatFiscalYearJa(target.baselineFiscalYear),
        target.actions[0] ?? null,
        target.actions[1] ?? null,
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
