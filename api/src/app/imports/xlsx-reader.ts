import ExcelJS from 'exceljs';

import {
  checkXlsxPackageStreamed,
  XlsxGuardError,
} from '../../common/xlsx-guard';
import { normalizeText, type RawCell } from './cell-values';
import {
  ImportFileError,
  packageError,
  UNREADABLE_TEXT,
} from './import-file-error';
import type { ColumnSpec } from './import-columns';
import { openXlsxSheet, type XlsxSheet } from './xlsx-stream';

export { ImportFileError, packageError, UNREADABLE_TEXT };

export interface SheetRow<K extends string> {
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  cells: Record<K, RawCell>;
}

export interface SheetContent<K extends string> {
  sheet: string;
  rows: SheetRow<K>[];
}

/**
 * Zip-bomb, macro and structure checks before the XML parser sees anything (entries are inflated as
 * streams, so a large sheet is not held in memory twice).
 */
export async function guardPackage(file: Buffer): Promise<void> {
  try {
    await checkXlsxPackageStreamed(file);
  } catch (error) {
    if (!(error instanceof XlsxGuardError)) throw error;
    throw packageError(error.problem);
  }
}

export const MAX_COLUMNS = 64;
export const HEADER_SEARCH_ROWS = 10;

export function headerKey(value: string): string {
  return normalizeText(value)
    .toLowerCase()
    .replace(/[\s_()（）]/g, '');
}

export function toRawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
    return value;
  if (value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value) {
    const formula =
      'formula' in value
        ? value.formula
        : (value as { sharedFormula: string }).sharedFormula;
    return { formula: String(formula) };
  }
  if ('richText' in value)
    return value.richText.map((run) => run.text).join('');
  if ('text' in value && typeof value.text === 'string') return value.text;
  if ('error' in value) return String(value.error);
  return null;
}

export function isEmptyRow(values: RawCell[]): boolean {
  return values.every(
    (value) =>
      value === null || (typeof value === 'string' && value.trim() === ''),
  );
}

/**
 * Opens, with the hand-written scanner of ./xlsx-stream, the sheet named in `sheetNames` (Japanese
 * or English, compared as headers are), else the first; a workbook without sheets is refused.
 * readSheet and the streaming imports' openSheetStream both choose their sheet here.
 */
export async function openWantedSheet(
  file: Buffer,
  sheetNames: readonly string[],
): Promise<XlsxSheet> {
  const wanted = new Set(sheetNames.map(headerKey));
  const opened = await openXlsxSheet(
    file,
    (name) => wanted.has(headerKey(name)),
    { maxColumns: MAX_COLUMNS },
  );
  if (opened === null) {
    throw new ImportFileError('IMPORT_NO_SHEET', {
      ja: 'ワークシートがありません。',
      en: 'The workbook has no worksheet.',
    });
  }
  return opened;
}

/**
 * Reads the rows of one sheet of an .xlsx file: the sheet named `sheetName` (Japanese or English),
 * else the first sheet. The header row (within the first rows) maps columns to keys by their
 * Japanese or English header; a missing required column stops the import. The sheet is read by the
 * hand-written scanner of ./xlsx-stream, as the streaming imports read theirs: it keeps the text of
 * a Japanese Excel cell whose shared string carries furigana (`<rPh>`), which exceljs' reader
 * replaces with the furigana.
 */
export async function readSheet<K extends string>(
  file: Buffer,
  sheetNames: readonly string[],
  columns: readonly ColumnSpec<K>[],
  options: { maxRows: number; onProgress?: (rows: number) => void },
): Promise<SheetContent<K>> {
  await guardPackage(file);
  const values: { rowNumber: number; values: RawCell[] }[] = [];
  let sheet: string;
  try {
    const opened = await openWantedSheet(file, sheetNames);
    sheet = opened.name;
    for await (const batch of opened.batches) {
      for (const row of batch) {
        if (isEmptyRow(row.values)) continue;
        values.push(row);
        if (values.length > options.maxRows + HEADER_SEARCH_ROWS)
          throw tooManyRowsError(options.maxRows);
        if (values.length % 2_000 === 0) options.onProgress?.(values.length);
      }
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('IMPORT_UNREADABLE', UNREADABLE_TEXT);
  }
  return { sheet, rows: mapColumns({ sheet, values }, columns) };
}

/**
 * Finds the header row among the first rows and maps its columns to keys by their Japanese or
 * English header; throws when there is none or a required column is missing.
 */
export function findHeader<K extends string>(
  sheet: string,
  firstRows: readonly { values: RawCell[] }[],
  columns: readonly ColumnSpec<K>[],
): { headerIndex: number; positions: Map<K, number> } {
  const aliases = new Map<string, K>();
  for (const column of columns) {
    aliases.set(headerKey(column.ja), column.key);
    aliases.set(headerKey(column.en), column.key);
  }
  const headerIndex = firstRows
    .slice(0, HEADER_SEARCH_ROWS)
    .findIndex((row) =>
      row.values.some(
        (value) => typeof value === 'string' && aliases.has(headerKey(value)),
      ),
    );
  if (headerIndex < 0) {
    throw new ImportFileError('IMPORT_NO_HEADER', {
      ja: `「${sheet}」シートに見出し行が見つかりません。テンプレートの見出し(${columns.map((c) => c.ja).join('、')})を使ってください。`,
      en: `No header row found on sheet "${sheet}". Use the template's headers (${columns.map((c) => c.en).join(', ')}).`,
    });
  }
  const positions = new Map<K, number>();
  firstRows[headerIndex]!.values.forEach((value, index) => {
    const key =
      typeof value === 'string' ? aliases.get(headerKey(value)) : undefined;
    if (key !== undefined && !positions.has(key)) positions.set(key, index);
  });
  const missing = columns.filter(
    (column) => column.required && !positions.has(column.key),
  );
  if (missing.length > 0) {
    throw new ImportFileError('IMPORT_MISSING_COLUMNS', {
      ja: `必須の列がありません: ${missing.map((c) => c.ja).join('、')}`,
      en: `Required columns are missing: ${missing.map((c) => c.en).join(', ')}`,
    });
  }
  return { headerIndex, positions };
}

export function noRowsError(sheet: string): ImportFileError {
  return new ImportFileError('IMPORT_NO_ROWS', {
    ja: `「${sheet}」シートにデータ行がありません。`,
    en: `Sheet "${sheet}" has no data rows.`,
  });
}

export function tooManyRowsError(maxRows: number): ImportFileError {
  return new ImportFileError('IMPORT_TOO_MANY_ROWS', {
    ja: `行数が上限(${maxRows.toLocaleString('ja-JP')}行)を超えています。ファイルを分けてください。`,
    en: `The sheet has more than ${maxRows.toLocaleString('en-US')} rows; split the file.`,
  });
}

function mapColumns<K extends string>(
  source: { sheet: string; values: { rowNumber: number; values: RawCell[] }[] },
  columns: readonly ColumnSpec<K>[],
): SheetRow<K>[] {
  const { headerIndex, positions } = findHeader(
    source.sheet,
    source.values,
    columns,
  );
  const rows = source.values
    .slice(headerIndex + 1)
    .map(({ rowNumber, values }) => {
      const cells = {} as Record<K, RawCell>;
      for (const column of columns) {
        const index = positions.get(column.key);
        cells[column.key] =
          index === undefined ? null : (values[index] ?? null);
      }
      return { rowNumber, cells };
    });
  if (rows.length === 0) throw noRowsError(source.sheet);
  return rows;
}
