import type { Gender } from '@ikuboard/shared/contracts';
import ExcelJS from 'exceljs';

/**
 * Text that a spreadsheet would run as a formula (= + - @, or a leading tab or CR) gets a leading
 * apostrophe so it shows as typed and never executes (CSV/formula injection).
 */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function styleHeaderRow(row: ExcelJS.Row): void {
  row.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  row.height = 22;
  row.eachCell((cell) => {
    cell.fill = {
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FF2F5D50' },
    };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF1B3A32' } } };
  });
}

/**
 * A4 landscape, one page wide. Pass it as `pageSetup` to `addWorksheet` of a STREAMING workbook:
 * its WorksheetWriter writes `fitToPage` (in sheetPr) when the sheet is created, so setting it
 * later is lost; `setupPrint` sets the rest, which is written when the sheet is committed.
 */
export const PRINT_PAGE_SETUP = {
  paperSize: 9,
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
} as const satisfies Partial<ExcelJS.PageSetup>;

/** A4 landscape, header row repeated on every printed page, page numbers in the footer. */
export function setupPrint(sheet: ExcelJS.Worksheet, title: string): void {
  sheet.pageSetup = {
    ...PRINT_PAGE_SETUP,
    printTitlesRow: '1:1',
    margins: {
      left: 0.5,
      right: 0.5,
      top: 0.75,
      bottom: 0.75,
      header: 0.3,
      footer: 0.3,
    },
  };
  sheet.headerFooter = { oddHeader: `&L${title}&R&D`, oddFooter: '&C&P / &N' };
}

/** How the roster sheet writes a gender; the importer reads these back. */
export const GENDER_JA: Readonly<Record<Gender, string>> = {
  female: '女性',
  male: '男性',
  unspecified: '未回答',
};

/** An ISO date as an Excel date cell (UTC midnight, so no time zone shifts the day). */
export const excelDate = (iso: string | null): Date | null =>
  iso === null ? null : new Date(`${iso}T00:00:00Z`);
