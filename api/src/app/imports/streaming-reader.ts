import type { RawCell } from './cell-values';
import type { ColumnSpec } from './import-columns';
import {
  findHeader,
  guardPackage,
  HEADER_SEARCH_ROWS,
  isEmptyRow,
  noRowsError,
  openWantedSheet,
  tooManyRowsError,
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
 * The sheet is read by the hand-written scanner of ./xlsx-stream (the values exceljs' reader
 * gives, a chunk of XML at a time, an order of magnitude faster). Resolves once the header is found.
 */
export async function openSheetStream<K extends string>(
  file: Buffer,
  sheetNames: readonly string[],
  columns: readonly ColumnSpec<K>[],
  options: { maxRows: number; onProgress?: (rows: number) => void },
): Promise<SheetStream<K>> {
  await guardPackage(file);
  const opened = await openWantedSheet(file, sheetNames);
  const sheetName = opened.name;
  const batches = opened.batches;
  const first: RawRow[] = [];
  const rest: RawRow[] = [];
  while (first.length < HEADER_SEARCH_ROWS) {
    const next = await batches.next();
    if (next.done) break;
    for (const row of next.value) {
      if (isEmptyRow(row.values)) continue;
      (first.length < HEADER_SEARCH_ROWS ? first : rest).push(row);
    }
  }
  const { headerIndex, positions } = findHeader(sheetName, first, columns);
  const picks = columns.map(
    (column) => [column.key, positions.get(column.key)] as const,
  );
  const toRow = ({ rowNumber, values }: RawRow): SheetRow<K> => {
    const cells = {} as Record<K, RawCell>;
    for (const [key, index] of picks)
      cells[key] = index === undefined ? null : (values[index] ?? null);
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
    for (const row of rest) yield counted(row);
    rest.length = 0;
    for await (const batch of batches)
      for (const row of batch) if (!isEmptyRow(row.values)) yield counted(row);
    if (count === 0) throw noRowsError(sheetName);
  }

  return { sheet: sheetName, rows: rows() };
}
