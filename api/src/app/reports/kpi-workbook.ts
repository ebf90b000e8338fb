import type { Writable } from 'node:stream';

import type {
  KpiBreakdownDto,
  KpiMeasure,
  KpiValueDto,
} from '@ikuboard/shared/contracts';
import ExcelJS from 'exceljs';

import {
  dimensionLabel,
  kpiName,
  kpiPeriod,
  MEASURE_FORMATS,
  MEASURE_UNITS,
  yearLabel,
} from './report-labels';
import {
  PRINT_PAGE_SETUP,
  setupReportSheet,
  styleHeaderRow,
  text,
} from './workbook-style';

export interface KpiWorkbookInput {
  code: string;
  measure: KpiMeasure;
  fiscalYear: number;
  scopeName: string;
  trend: KpiValueDto[];
  /** The year's headline and breakdown rows. */
  values: KpiValueDto[];
  employerUnits: KpiBreakdownDto[];
  /** The units directly under the scope (the KPI page's "by unit below" chart). */
  childUnits: KpiBreakdownDto[];
}

/**
 * The figures behind one dashboard chart or table, streamed: the trend, the breakdown rows of the
 * year and the employer units. Numerator and denominator are given so a reader can recompute.
 */
export async function writeKpiWorkbook(
  input: KpiWorkbookInput,
  output: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const name = kpiName(input.code);
  const period = kpiPeriod(input.code);
  const format = MEASURE_FORMATS[input.measure];
  const columns = (sheet: ExcelJS.Worksheet, first: string) => {
    sheet.columns = [
      { header: first, key: 'label', width: 30 },
      { header: '値', key: 'value', width: 14, style: { numFmt: format } },
      {
        header: '分子',
        key: 'numerator',
        width: 14,
        style: { numFmt: '#,##0.##' },
      },
      {
        header: '分母',
        key: 'denominator',
        width: 14,
        style: { numFmt: '#,##0.##' },
      },
      { header: '単位', key: 'unit', width: 8 },
    ];
    styleHeaderRow(sheet.getRow(1));
    sheet.getRow(1).commit();
  };
  const row = (label: string, value: KpiValueDto) => ({
    label: text(label),
    value: value.value,
    numerator: value.numerator,
    denominator: value.denominator,
    unit: text(MEASURE_UNITS[value.measure]),
  });

  const trend = workbook.addWorksheet('推移', {
    pageSetup: { ...PRINT_PAGE_SETUP },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  columns(trend, period === 'calendar' ? '年(暦年)' : '年度');
  setupReportSheet(trend, `${name} 推移(${input.scopeName})`);
  for (const value of input.trend)
    trend.addRow(row(yearLabel(value.fiscalYear, period), value)).commit();
  trend.commit();

  const breakdown = workbook.addWorksheet('内訳', {
    pageSetup: { ...PRINT_PAGE_SETUP },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  columns(breakdown, '区分');
  setupReportSheet(
    breakdown,
    `${name} ${yearLabel(input.fiscalYear, period)}(${input.scopeName})`,
  );
  for (const value of input.values)
    breakdown
      .addRow(
        row(
          value.dimensions ? dimensionLabel(value.dimensions) : '全体',
          value,
        ),
      )
      .commit();
  breakdown.commit();

  const units = workbook.addWorksheet('事業主単位別', {
    pageSetup: { ...PRINT_PAGE_SETUP },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  columns(units, '事業主単位');
  setupReportSheet(
    units,
    `${name} 事業主単位別 ${yearLabel(input.fiscalYear, period)}`,
  );
  for (const unit of input.employerUnits) {
    const value = unit.values.find(
      (candidate) => candidate.dimensions === undefined,
    );
    if (value) units.addRow(row(unit.unitName, value)).commit();
  }
  units.commit();

  const children = workbook.addWorksheet('下位組織別', {
    pageSetup: { ...PRINT_PAGE_SETUP },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  columns(children, `${input.scopeName}の下位組織`);
  setupReportSheet(
    children,
    `${name} 下位組織別(${input.scopeName}) ${yearLabel(input.fiscalYear, period)}`,
  );
  for (const unit of input.childUnits) {
    const value = unit.values.find(
      (candidate) => candidate.dimensions === undefined,
    );
    if (value) children.addRow(row(unit.unitName, value)).commit();
  }
  children.commit();
  await workbook.commit();
}
