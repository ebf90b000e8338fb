import { Readable } from 'node:stream';

import type { LocalizedText } from '@ikuboard/shared/contracts';
import ExcelJS from 'exceljs';

import {
  checkXlsxPackageStreamed,
  XlsxGuardError,
  type XlsxProblem,
} from '../../common/xlsx-guard';
import { normalizeText, type RawCell } from './cell-values';
import type { ColumnSpec } from './import-columns';

export interface SheetRow<K extends string> {
  /** 1-based, as Excel shows it. */
  rowNumber: number;
  cells: Record<K, RawCell>;
}

export interface SheetContent<K extends string> {
  sheet: string;
  rows: SheetRow<K>[];
}

/** A problem with the whole file (not one cell): the import stops and writes nothing. */
export class ImportFileError extends Error {
  constructor(
    readonly code: string,
    readonly text: LocalizedText,
  ) {
    super(text.en);
  }
}

const PACKAGE_PROBLEMS: Record<XlsxProblem, [string, LocalizedText]> = {
  not_zip: [
    'IMPORT_UNREADABLE',
    {
      ja: 'Excel ファイル (.xlsx) として読み込めません。ファイルが壊れていないか確認してください。',
      en: 'The file cannot be read as an Excel workbook (.xlsx); it may be damaged.',
    },
  ],
  not_workbook: [
    'IMPORT_NOT_XLSX',
    {
      ja: 'Excel ブック (.xlsx) ではありません。Excel で「Excel ブック (.xlsx)」として保存し直してください。',
      en: 'This is not an Excel workbook (.xlsx). Save it as an Excel Workbook (.xlsx).',
    },
  ],
  macro: [
    'IMPORT_MACRO',
    {
      ja: 'マクロを含むファイルは取り込めません。マクロなしの「Excel ブック (.xlsx)」として保存し直してください。',
      en: 'Files with macros cannot be imported. Save it as a macro-free Excel Workbook (.xlsx).',
    },
  ],
  too_many_entries: [
    'IMPORT_FILE_TOO_COMPLEX',
    {
      ja: 'ファイルの構造が複雑すぎるため取り込めません。',
      en: 'The file is too complex to import.',
    },
  ],
  too_large: [
    'IMPORT_FILE_TOO_LARGE',
    {
      ja: '展開後のファイルが大きすぎるため取り込めません。ファイルを分けてください。',
      en: 'The workbook is too large once unpacked; split the file.',
    },
  ],
  compression_ratio: [
    'IMPORT_FILE_TOO_LARGE',
    {
      ja: '展開後のファイルが大きすぎるため取り込めません(圧縮率が異常です)。',
      en: 'The workbook is too large once unpacked (abnormal compression ratio).',
    },
  ],
  encrypted_or_unsupported: [
    'IMPORT_UNREADABLE',
    {
      ja: 'パスワード付きまたは対応していない形式のファイルです。パスワードを外して .xlsx で保存し直してください。',
      en: 'The file is encrypted or uses an unsupported format. Remove the password and save it as .xlsx.',
    },
  ],
};

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

/** The file error for a package problem (the guard's codes and texts). */
export function packageError(problem: XlsxProblem): ImportFileError {
  const [code, text] = PACKAGE_PROBLEMS[problem];
  return new ImportFileError(code, text);
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
 * Streams the rows of one sheet of an .xlsx file: the sheet named `sheetName` (Japanese or
 * English), else the first sheet. The header row (within the first rows) maps columns to keys by
 * their Japanese or English header; a missing required column stops the import.
 */
export async function readSheet<K extends string>(
  file: Buffer,
  sheetNames: readonly string[],
  columns: readonly ColumnSpec<K>[],
  options: { maxRows: number; onProgress?: (rows: number) => void },
): Promise<SheetContent<K>> {
  await guardPackage(file);
  const wanted = new Set(sheetNames.map(headerKey));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let fallback: {
    sheet: string;
    values: { rowNumber: number; values: RawCell[] }[];
  } | null = null;
  let chosen: {
    sheet: string;
    values: { rowNumber: number; values: RawCell[] }[];
  } | null = null;
  let rowsRead = 0;
  try {
    for await (const worksheet of reader) {
      const name = String(
        (worksheet as unknown as { name?: string }).name ?? '',
      );
      const isWanted = wanted.has(headerKey(name));
      if (!isWanted && fallback !== null) {
        for await (const _row of worksheet) void _row; // drain
        continue;
      }
      const values: { rowNumber: number; values: RawCell[] }[] = [];
      for await (const row of worksheet) {
        const raw = (row.values as ExcelJS.CellValue[])
          .slice(1, MAX_COLUMNS + 1)
          .map(toRawCell);
        if (isEmptyRow(raw)) continue;
        values.push({ rowNumber: row.number, values: raw });
        rowsRead++;
        if (values.length > options.maxRows + HEADER_SEARCH_ROWS)
          throw tooManyRowsError(options.maxRows);
        if (rowsRead % 2_000 === 0) options.onProgress?.(rowsRead);
      }
      if (isWanted) {
        chosen = { sheet: name, values };
        break;
      }
      fallback = { sheet: name, values };
    }
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    throw new ImportFileError('IMPORT_UNREADABLE', UNREADABLE_TEXT);
  }
  const source = chosen ?? fallback;
  if (!source) {
    throw new ImportFileError('IMPORT_NO_SHEET', {
      ja: 'ワークシートがありません。',
      en: 'The workbook has no worksheet.',
    });
  }
  return { sheet: source.sheet, rows: mapColumns(source, columns) };
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

export const UNREADABLE_TEXT = {
  ja: 'Excel ファイル (.xlsx) として読み込めません。ファイルが壊れていないか、形式が .xlsx か確認してください。',
  en: 'The file cannot be read as an Excel workbook (.xlsx). Check that it is a valid .xlsx file.',
};

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
