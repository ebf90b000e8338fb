import {
  KPI_DEFINITIONS,
  type CommitteeReviewSummaryDto,
  type CommitteeSnapshotDto,
  type KpiCode,
  type KpiMeasure,
  type KpiValueDto,
} from '@ikuboard/shared/contracts';
import { formatFiscalYearJa } from '@ikuboard/shared/kpi';
import { PassThrough, type Writable } from 'node:stream';

import ExcelJS from 'exceljs';

import type { ChartOptions } from './chart-renderer';
import { reportChartRenderer, type ChartRenderer } from './chart-worker-pool';
import {
  dimensionLabel,
  kpiName,
  kpiPeriod,
  MEASURE_FORMATS,
  MEASURE_UNITS,
  sheetName,
  STATUS_FILL,
  STATUS_JA,
  yearLabel,
} from './report-labels';
import { StreamingDrawings } from './streaming-drawings';
import {
  headerRow,
  PRINT_PAGE_SETUP,
  setupReportSheet,
  text,
  titleRow,
  widths,
} from './workbook-style';

export interface AnnualWorkbookInput {
  organizationName: string;
  review: CommitteeReviewSummaryDto;
  snapshot: CommitteeSnapshotDto;
}

const STATUS_LABEL: Record<CommitteeReviewSummaryDto['status'], string> = {
  draft: '審議中',
  signed: '委員長承認済み',
  published: '公表済み',
};

const measureOf = (code: string, values: readonly KpiValueDto[]): KpiMeasure =>
  KPI_DEFINITIONS[code as KpiCode]?.measure ??
  values.find((value) => value.code === code)?.measure ??
  'count';

/** `code|fiscalYear|dimensions` (JSON, '' for a headline without dimensions). */
const valueKey = (
  code: string,
  fiscalYear: number,
  dimensions: KpiValueDto['dimensions'],
) =>
  `${code}|${fiscalYear}|${dimensions === undefined ? '' : JSON.stringify(dimensions)}`;

/**
 * The figures of a snapshot indexed once (the first value of a key wins, as `Array.find` did):
 * headline and breakdown look-ups by key instead of a scan of every figure per cell.
 */
function indexValues(values: readonly KpiValueDto[]) {
  const byKey = new Map<string, KpiValueDto>();
  for (const value of values) {
    const key = valueKey(value.code, value.fiscalYear, value.dimensions);
    if (!byKey.has(key)) byKey.set(key, value);
  }
  return {
    headline: (code: string, year: number) =>
      byKey.get(valueKey(code, year, undefined)),
    same: (value: KpiValueDto, year: number) =>
      byKey.get(valueKey(value.code, year, value.dimensions)),
  };
}

/** The annual workbook as bytes (the report job stores them): streamed into a buffer. */
export async function buildAnnualWorkbook(
  input: AnnualWorkbookInput,
  onProgress: (percent: number) => void,
  charts: ChartRenderer = reportChartRenderer(),
): Promise<Buffer> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve, reject) => {
    output.once('end', resolve);
    output.once('error', reject);
  });
  await writeAnnualWorkbook(input, onProgress, output, charts);
  await ended;
  return Buffer.concat(chunks);
}

/**
 * 委員会用 年次統計ブック: a summary of every target, one sheet per KPI family with the last years
 * and the employer units, charts drawn on the server, and the definitions. Built from the frozen
 * snapshot only, so the workbook of a signed review never changes.
 *
 * Written with exceljs' streaming WorkbookWriter: each sheet is committed (and leaves memory) when
 * it is complete; the charts are placed with `StreamingDrawings`, as the streaming sheet has no
 * `addImage`. Rows are committed with their sheet, so widths set after the rows still apply.
 *
 * Every chart is asked of `charts` (by default the chart worker thread) before the first cell is
 * written, so the charts are drawn on the second core while this thread writes the sheets.
 */
export async function writeAnnualWorkbook(
  input: AnnualWorkbookInput,
  onProgress: (percent: number) => void,
  output: Writable,
  charts: ChartRenderer = reportChartRenderer(),
): Promise<void> {
  const { snapshot, review } = input;
  const fy = snapshot.fiscalYear;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'Ikuboard';
  workbook.created = new Date(snapshot.takenAt);
  const drawings = new StreamingDrawings(workbook);
  // Charts: all asked for up front, drawn (by the worker) while the sheets are written; the media
  // are written at `workbook.commit()`, after every PNG has been awaited.
  const pending: Promise<void>[] = [];
  let chartFailure: unknown = null;
  const addChart = (options: ChartOptions): number => {
    const imageId = workbook.addImage({
      extension: 'png',
      buffer: Buffer.alloc(0) as unknown as ExcelJS.Buffer,
    });
    const medium = workbook.getImage(imageId);
    pending.push(
      charts.render(options).then(
        (png) => {
          medium.buffer = png as unknown as ExcelJS.Buffer;
        },
        (error: unknown) => {
          chartFailure ??= error;
        },
      ),
    );
    return imageId;
  };
  const organization = indexValues(snapshot.organization);
  const units = snapshot.employerUnits.map((unit) => indexValues(unit.values));
  const breakdowns = new Map<string, KpiValueDto[]>();
  for (const value of snapshot.organization)
    if (value.fiscalYear === fy && value.dimensions !== undefined) {
      const list = breakdowns.get(value.code) ?? [];
      list.push(value);
      breakdowns.set(value.code, list);
    }
  const taken = new Set<string>();
  const fyLabel = formatFiscalYearJa(fy);
  const caption = `${input.organizationName} ${fyLabel} 第${review.version}版(${STATUS_LABEL[review.status]})`;
  taken.add('概要');
  const years = [
    ...new Set(snapshot.organization.map((value) => value.fiscalYear)),
  ].sort((a, b) => a - b);
  const families = snapshot.groups
    .filter((group) =>
      snapshot.organization.some((value) => group.codes.includes(value.code)),
    )
    .map((group) => {
      const name = sheetName(group.key, taken);
      // The family's trend chart: its first six percentage KPIs over the years.
      const series = group.codes
        .filter((code) => measureOf(code, snapshot.organization) === 'percent')
        .slice(0, 6)
        .map((code) => ({
          label: kpiName(code).slice(0, 16),
          values: years.map(
            (year) => organization.headline(code, year)?.value ?? null,
          ),
        }));
      return { group, name, series };
    });

  // Every chart asked for before the first cell is written (image ids in the order of the sheets).
  const summaryImage =
    snapshot.targets.length > 0
      ? addChart({
          kind: 'bar',
          title: '目標に対する実績と目安',
          labels: snapshot.targets.map((p) =>
            kpiName(p.target.kpiCode).slice(0, 14),
          ),
          series: [
            { label: '実績', values: snapshot.targets.map((p) => p.actual) },
            {
              label: '目安',
              values: snapshot.targets.map((p) => p.trajectory),
            },
            {
              label: '目標',
              values: snapshot.targets.map((p) => p.target.targetValue),
            },
          ],
          unit: '',
        })
      : null;
  const familyImages = families.map(({ name, series }) =>
    series.length > 0
      ? addChart({
          kind: 'line',
          title: `${name}の推移`,
          labels: years.map((year) => formatFiscalYearJa(year)),
          series,
          unit: '%',
        })
      : null,
  );

  // Summary: every target with baseline, trajectory, actual and status.
  const summary = workbook.addWorksheet('概要', {
    pageSetup: { ...PRINT_PAGE_SETUP },
    views: [{ state: 'frozen', ySplit: 4 }],
  });
  titleRow(summary, `${fyLabel} 特定事業主行動計画 目標の進捗`, caption);
  summary.addRow([
    text(`集計日時: ${snapshot.takenAt.slice(0, 16).replace('T', ' ')} (UTC)`),
  ]);
  headerRow(summary, [
    '指標',
    '対象',
    '基準値',
    '基準年度',
    '目標値',
    '目標年度',
    `${fyLabel}の目安`,
    '実績',
    '状況',
    '取組内容',
  ]);
  for (const progress of snapshot.targets) {
    const { target } = progress;
    const format = MEASURE_FORMATS[progress.measure];
    const row = summary.addRow([
      text(kpiName(target.kpiCode)),
      text(target.orgUnitCode ?? '全体'),
      target.baselineValue,
      target.baselineFiscalYear === null
        ? null
        : text(formatFiscalYearJa(target.baselineFiscalYear)),
      target.targetValue,
      text(formatFiscalYearJa(target.targetFiscalYear)),
      progress.trajectory,
      progress.actual,
      text(STATUS_JA[progress.status]),
      text(target.actions.join(' / ')),
    ]);
    for (const column of [3, 5, 7, 8]) row.getCell(column).numFmt = format;
    row.getCell(9).fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: STATUS_FILL[progress.status] },
    };
    row.getCell(9).alignment = { horizontal: 'center' };
    row.getCell(10).alignment = { wrapText: true, vertical: 'top' };
  }
  widths(summary, [36, 10, 10, 12, 10, 12, 14, 10, 12, 60]);
  setupReportSheet(summary, `${fyLabel} 目標の進捗`, { headerRow: 4 });
  if (summaryImage !== null) {
    drawings.place(summary, [
      {
        imageId: summaryImage,
        col: 0,
        row: snapshot.targets.length + 6,
        width: 720,
        height: 360,
      },
    ]);
  }
  summary.commit();
  onProgress(10);

  // One sheet per KPI family: years across, then the employer units of the review year.
  families.forEach(({ group, name }, index) => {
    const sheet = workbook.addWorksheet(name, {
      pageSetup: { ...PRINT_PAGE_SETUP },
      views: [{ state: 'frozen', xSplit: 2, ySplit: 3 }],
    });
    titleRow(sheet, `${name}(${years.length}年度の推移)`, caption);
    headerRow(sheet, [
      '指標',
      '単位',
      ...years.map((year) => formatFiscalYearJa(year)),
    ]);
    for (const code of group.codes) {
      const measure = measureOf(code, snapshot.organization);
      const headlineRow = sheet.addRow([
        text(kpiName(code)),
        text(MEASURE_UNITS[measure]),
        ...years.map(
          (year) => organization.headline(code, year)?.value ?? null,
        ),
      ]);
      headlineRow.font = { bold: true };
      if (kpiPeriod(code) === 'calendar')
        headlineRow.getCell(1).note = '暦年(各年1〜12月)で集計';
      for (let column = 3; column < 3 + years.length; column++)
        headlineRow.getCell(column).numFmt = MEASURE_FORMATS[measure];
      for (const value of breakdowns.get(code) ?? []) {
        const row = sheet.addRow([
          text(`  ${dimensionLabel(value.dimensions!)}`),
          text(MEASURE_UNITS[value.measure]),
          ...years.map((year) =>
            year === fy
              ? value.value
              : (organization.same(value, year)?.value ?? null),
          ),
        ]);
        row.font = { color: { argb: 'FF444444' } };
        for (let column = 3; column < 3 + years.length; column++)
          row.getCell(column).numFmt = MEASURE_FORMATS[value.measure];
      }
    }
    sheet.addRow([]);
    const unitsTitle = sheet.addRow([text(`事業主単位別(${fyLabel})`)]);
    unitsTitle.font = { bold: true };
    headerRow(sheet, [
      '指標',
      '単位',
      '全体',
      ...snapshot.employerUnits.map((unit) => unit.unitName),
    ]);
    for (const code of group.codes) {
      const measure = measureOf(code, snapshot.organization);
      const row = sheet.addRow([
        text(kpiName(code)),
        text(MEASURE_UNITS[measure]),
        organization.headline(code, fy)?.value ?? null,
        ...units.map((unit) => unit.headline(code, fy)?.value ?? null),
      ]);
      for (
        let column = 3;
        column <= 3 + snapshot.employerUnits.length;
        column++
      )
        row.getCell(column).numFmt = MEASURE_FORMATS[measure];
    }
    widths(sheet, [
      44,
      6,
      ...years.map(() => 12),
      ...snapshot.employerUnits.map(() => 4),
    ]);
    for (
      let column = 3;
      column <= Math.max(years.length, snapshot.employerUnits.length + 1) + 2;
      column++
    )
      sheet.getColumn(column).width = 14;
    setupReportSheet(sheet, name, { headerRow: 3 });
    const image = familyImages[index];
    if (image !== null) {
      drawings.place(sheet, [
        {
          imageId: image,
          col: 0,
          row: (sheet.lastRow?.number ?? 0) + 1,
          width: 720,
          height: 360,
        },
      ]);
    }
    sheet.commit();
    onProgress(10 + Math.round(((index + 1) / families.length) * 75));
  });

  // Definitions of every KPI in the snapshot.
  const definitions = workbook.addWorksheet(sheetName('定義', taken), {
    pageSetup: { ...PRINT_PAGE_SETUP },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  headerRow(definitions, [
    'コード',
    '指標',
    'Indicator',
    '単位',
    '集計期間',
    '望ましい方向',
  ]);
  for (const group of snapshot.groups)
    for (const code of group.codes) {
      const definition = KPI_DEFINITIONS[code as KpiCode];
      definitions.addRow([
        text(code),
        text(definition?.ja ?? code),
        text(definition?.en ?? code),
        text(MEASURE_UNITS[measureOf(code, snapshot.organization)]),
        text(kpiPeriod(code) === 'calendar' ? '暦年' : '年度(4月〜翌3月)'),
        text(
          definition?.better === 'higher'
            ? '高いほど良い'
            : definition?.better === 'lower'
              ? '低いほど良い'
              : '—',
        ),
      ]);
    }
  const note = definitions.addRow([
    text(
      '割合は分子÷分母×100。分母が0の場合は空欄(「—」)。詳しい定義は docs/kpi-definitions.md を参照。',
    ),
  ]);
  note.font = { italic: true };
  widths(definitions, [36, 44, 44, 8, 18, 14]);
  setupReportSheet(definitions, '指標の定義', { orientation: 'portrait' });
  definitions.commit();
  onProgress(95);

  await Promise.all(pending);
  if (chartFailure !== null) throw chartFailure;
  await workbook.commit();
}

export { yearLabel };
