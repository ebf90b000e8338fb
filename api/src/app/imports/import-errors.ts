import type {
  ImportCellErrorDto,
  LocalizedText,
} from '@ikuboard/shared/contracts';

import { cellToText, isBlank, type Parsed, type RawCell } from './cell-values';
import type { SheetRow } from './xlsx-reader';

/** Collects every bad cell of a file; the import writes nothing while any is present. */
export class CellErrors {
  readonly list: ImportCellErrorDto[] = [];

  constructor(private readonly sheet: string) {}

  add(
    row: number,
    column: string,
    cell: RawCell | string | null,
    code: string,
    message: LocalizedText,
  ): void {
    const value =
      cell === null ? null : typeof cell === 'string' ? cell : cellToText(cell);
    this.list.push({
      sheet: this.sheet,
      row,
      column,
      value: value === '' ? null : value,
      code,
      message,
    });
  }

  /** The parsed value, or undefined after recording why the cell is bad. */
  take<T>(
    row: number,
    column: string,
    cell: RawCell,
    parsed: Parsed<T>,
  ): T | undefined {
    if (parsed.ok) return parsed.value;
    this.add(row, column, cell, parsed.code, parsed.message);
    return undefined;
  }

  get count(): number {
    return this.list.length;
  }
}

/**
 * Reads the cells of one row through parsers, recording each bad cell under its template header:
 * `required(key, parse)` gives the value or undefined; `optional` also gives null for a blank cell.
 */
export function rowReader<K extends string>(
  errors: CellErrors,
  row: SheetRow<K>,
  headers: Record<K, string>,
) {
  const required = <T>(
    key: K,
    parse: (cell: RawCell) => Parsed<T>,
  ): T | undefined =>
    errors.take(
      row.rowNumber,
      headers[key],
      row.cells[key],
      parse(row.cells[key]),
    );
  const optional = <T>(
    key: K,
    parse: (cell: RawCell) => Parsed<T>,
  ): T | null | undefined =>
    isBlank(row.cells[key]) ? null : required(key, parse);
  return { required, optional };
}
