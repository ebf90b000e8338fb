import { Readable } from 'node:stream';

import ExcelJS from 'exceljs';

import type { RawCell } from './cell-values';
import type { ColumnSpec } from './import-columns';
import {
  findHeader,
  guardPackage,
  HEADER_SEARCH_ROWS,
  headerKey,
  ImportFileError,
  isEmptyRow,
  MAX_COLUMNS,
  noRowsError,
  toRawCell,
  tooManyRowsError,
  UNREADABLE_TEXT,
  type SheetRow,
} from './xlsx-reader';

export interface SheetStream<K extends string> {
  sheet: string;
  /** The data rows after the header, read from the file as they are consumed. */
  rows: AsyncGenerator<SheetRow<K>, void, undefined>;
}

interface RawRow {
  rowNumber: number;
  values: RawCell[];
}

/**
 * The streaming counterpart of readSheet for large files: the same package guard, sheet choice
 * (the sheet named in `sheetNames`, else the first), header search and file errors, but rows are
 * handed over one at a time instead of being collected, so memory does not grow with the file.
 * Resolves once the header is found.
 */
export async function openSheetStream<K extends string>(
  file: Buffer,
  sheetNames: readonly string[],
  columns: readonly ColumnSpec<K>[],
  options: { maxRows: number; onProgress?: (rows: number) => void },
): Promise<SheetStream<K>> {
  await guardPackage(file);
  const wanted = new Set(sheetNames.map(headerKey));
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let sheet = null as string | null;

  async function* rawRows(): AsyncGenerator<RawRow, void, undefined> {
    try {
      for await (const worksheet of reader) {
        const name = String(
          (worksheet as unknown as { name?: string }).name ?? '',
        );
        // workbook.xml is read before any sheet is emitted: its names say whether to skip this one
        const names = (
          (reader as unknown as { model?: { sheets?: { name?: string }[] } })
            .model?.sheets ?? []
        ).map((entry) => headerKey(String(entry.name ?? '')));
        const anyWanted = names.some((entry) => wanted.has(entry));
        if (anyWanted && !wanted.has(headerKey(name))) {
          for await (const _row of worksheet) void _row; // drain
          continue;
        }
        sheet = name;
        for await (const row of worksheet) {
          const values = (row.values as ExcelJS.CellValue[])
            .slice(1, MAX_COLUMNS + 1)
            .map(toRawCell);
          if (!isEmptyRow(values)) yield { rowNumber: row.number, values };
        }
        return;
      }
    } catch (error) {
      if (error instanceof ImportFileError) throw error;
      throw new ImportFileError('IMPORT_UNREADABLE', UNREADABLE_TEXT);
    }
  }

  const source = rawRows();
  const first: RawRow[] = [];
  while (first.length < HEADER_SEARCH_ROWS) {
    const next = await source.next();
    if (next.done) break;
    first.push(next.value);
  }
  if (sheet === null) {
    throw new ImportFileError('IMPORT_NO_SHEET', {
      ja: 'ワークシートがありません。',
      en: 'The workbook has no worksheet.',
    });
  }
  const sheetName: string = sheet;
  const { headerIndex, positions } = findHeader(sheetName, first, columns);
  const toRow = ({ rowNumber, values }: RawRow): SheetRow<K> => {
    const cells = {} as Record<K, RawCell>;
    for (const column of columns) {
      const index = positions.get(column.key);
      cells[column.key] = index === undefined ? null : (values[index] ?? null);
    }
    return { rowNumber, cells };
  };

  async function* rows(): AsyncGenerator<SheetRow<K>, void, undefined> {
    let count = 0;
    const counted = (row: RawRow): SheetRow<K> => {
      count++;
      if (count > options.maxRows) throw tooManyRowsError(options.maxRows);
      if (count % 2_000 === 0) options.onProgress?.(count);
      return toRow(row);
    };
    for (const row of first.slice(headerIndex + 1)) yield counted(row);
    for await (const row of source) yield counted(row);
    if (count === 0) throw noRowsError(sheetName);
  }

  return { sheet: sheetName, rows: rows() };
}
