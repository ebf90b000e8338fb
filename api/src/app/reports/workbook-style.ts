import type ExcelJS from 'exceljs';

import {
  neutralizeFormula,
  PRINT_PAGE_SETUP,
  setupPrint,
  styleHeaderRow,
} from '../imports/xlsx-writer';

export { neutralizeFormula, PRINT_PAGE_SETUP, styleHeaderRow };

/** A4 (paperSize 9), fit to one page wide, title and date in the header, page numbers in the footer. */
export function setupReportSheet(
  sheet: ExcelJS.Worksheet,
  title: string,
  options: { headerRow?: number; orientation?: 'portrait' | 'landscape' } = {},
): void {
  setupPrint(sheet, neutralizeFormula(title));
  sheet.pageSetup.orientation = options.orientation ?? 'landscape';
  sheet.pageSetup.printTitlesRow = `${options.headerRow ?? 1}:${options.headerRow ?? 1}`;
}

/** Text for a cell: formula-neutralized, so no text from the data ever runs in a spreadsheet. */
export const text = (value: string | null | undefined): string | null =>
  value === null || value === undefined ? null : neutralizeFormula(value);

export function titleRow(
  sheet: ExcelJS.Worksheet,
  title: string,
  subtitle?: string,
): void {
  const row = sheet.addRow([text(title)]);
  row.font = { bold: true, size: 14 };
  row.height = 24;
  if (subtitle !== undefined) {
    const sub = sheet.addRow([text(subtitle)]);
    sub.font = { color: { argb: 'FF555555' } };
  }
}

/** A header row styled like the import templates (white on green). */
export function headerRow(
  sheet: ExcelJS.Worksheet,
  cells: string[],
): ExcelJS.Row {
  const row = sheet.addRow(cells.map((cell) => text(cell)));
  styleHeaderRow(row);
  return row;
}

export function widths(sheet: ExcelJS.Worksheet, values: number[]): void {
  values.forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
}
