import type { RawCell } from '../cell-values';
import { packageError } from '../import-file-error';
import { decodeXml, stringItemText, unreadable } from './xml-text';

/** One row with at least one cell value: `values[i]` is column i + 1 (null where empty). */
export interface ScannedRow {
  /** 1-based, as Excel shows it (the `r` attribute, else the previous row's + 1). */
  rowNumber: number;
  values: RawCell[];
}

/** Per cell format (cellXfs index): no number format, a number format, a date format. */
export const FormatKind = { None: 0, Number: 1, Date: 2 } as const;
export type FormatKind = (typeof FormatKind)[keyof typeof FormatKind];

/** A row longer than this (in characters of XML) is refused: it is no spreadsheet of ours. */
const MAX_ROW_CHARS = 64 * 1024 * 1024;
const DAY_MS = 86_400_000;

const CellType = {
  Number: 0,
  Shared: 1,
  Inline: 2,
  Str: 3,
  Bool: 4,
  Error: 5,
} as const;
type CellType = (typeof CellType)[keyof typeof CellType];

const isDelimiter = (code: number) =>
  code === 32 ||
  code === 62 /* > */ ||
  code === 47 /* / */ ||
  code === 9 ||
  code === 10 ||
  code === 13;

/**
 * Turns the text of a worksheet part, fed in chunks of any size, into rows of cell values, by hand:
 * indexOf over the chunk for the row and cell tags, the three cell attributes read in place, and a
 * value built only for the first `maxColumns` columns. No DOM, no SAX events, no per-cell objects
 * besides the value itself. A row cut by a chunk boundary is kept (as text) until its end arrives.
 *
 * The values are the ones exceljs' reader gives through toRawCell: shared and inline strings, text
 * formula results and errors as text (entities decoded), booleans, numbers, and Dates for numbers
 * whose format (the cell's, else its row's) is a date format, in the 1900 or 1904 date system; any
 * cell with a formula is {formula}. Where exceljs is wrong the XML's meaning wins: inline strings are
 * decoded once (exceljs decodes twice), rich-text runs are joined (exceljs keeps the last), phonetic
 * guides are left out, a missing `r` means the next row or column.
 */
export class SheetScanner {
  private carry = '';
  /** 0: before <sheetData>, 1: in it, 2: after it. */
  private state = 0;
  private lastRow = 0;
  // The attributes of the cell being read.
  private cellColumn = 0;
  private cellType: CellType = CellType.Number;
  private cellStyle = -1;

  constructor(
    private readonly sharedStrings: readonly (string | null)[],
    private readonly formats: readonly FormatKind[],
    private readonly date1904: boolean,
    private readonly maxColumns: number,
  ) {}

  /** Reads the complete rows of `text` (after what was carried) into `out`. */
  feed(text: string, out: ScannedRow[], final = false): void {
    const data = this.carry.length > 0 ? this.carry + text : text;
    let pos = 0;
    if (this.state === 0) {
      const at = data.indexOf('<sheetData');
      if (at < 0) {
        this.carry = data.slice(Math.max(0, data.length - 10));
        return;
      }
      const gt = data.indexOf('>', at);
      if (gt < 0) {
        this.carry = data.slice(at);
        return;
      }
      this.state = data.charCodeAt(gt - 1) === 47 ? 2 : 1;
      pos = gt + 1;
    }
    if (this.state === 2) {
      this.carry = '';
      return;
    }
    for (;;) {
      const lt = data.indexOf('<', pos);
      if (lt < 0) {
        pos = data.length;
        break;
      }
      if (!final && data.length - lt < 12) {
        // Too little to tell <row from </sheetData> or a comment: wait for the next chunk.
        pos = lt;
        break;
      }
      if (
        data.charCodeAt(lt + 1) === 114 /* r */ &&
        data.charCodeAt(lt + 2) === 111 /* o */ &&
        data.charCodeAt(lt + 3) === 119 /* w */ &&
        isDelimiter(data.charCodeAt(lt + 4))
      ) {
        const gt = data.indexOf('>', lt);
        if (gt < 0) {
          pos = lt;
          break;
        }
        const selfClosing = data.charCodeAt(gt - 1) === 47;
        const end = selfClosing ? gt : data.indexOf('</row>', gt);
        if (end < 0) {
          pos = lt;
          break;
        }
        const rowNumber = this.rowAttributes(data, lt + 4, gt);
        const rowFormat =
          this.cellStyle >= 0 ? this.formats[this.cellStyle] : undefined;
        this.lastRow = rowNumber;
        if (!selfClosing) {
          const values = this.cells(
            data,
            gt + 1,
            end,
            rowFormat ?? FormatKind.None,
          );
          if (values !== null) out.push({ rowNumber, values });
          pos = end + 6;
        } else pos = gt + 1;
      } else if (data.startsWith('</sheetData', lt)) {
        this.state = 2;
        pos = data.length;
        break;
      } else if (data.startsWith('<!--', lt)) {
        const close = data.indexOf('-->', lt + 4);
        if (close < 0) {
          pos = lt;
          break;
        }
        pos = close + 3;
      } else pos = lt + 1;
    }
    this.carry = pos >= data.length ? '' : data.slice(pos);
    if (this.carry.length > MAX_ROW_CHARS) throw packageError('too_large');
  }

  /** The end of the text: a sheet without its <sheetData> or cut in the middle is unreadable. */
  end(out: ScannedRow[]): void {
    this.feed('', out, true);
    if (this.state !== 2) throw unreadable();
  }

  /** Reads the row's `r` (returned) and `s` (into cellStyle) attributes. */
  private rowAttributes(data: string, from: number, to: number): number {
    let row = -1;
    this.cellStyle = -1;
    this.attributes(data, from, to, (name, start, stop) => {
      if (name === 114 /* r */) row = parseDigits(data, start, stop);
      else if (name === 115 /* s */)
        this.cellStyle = parseDigits(data, start, stop);
    });
    return row > 0 ? row : this.lastRow + 1;
  }

  /**
   * Calls `found` for every one-letter attribute of the start tag between `from` and `to` (the
   * `>`), with the bounds of its value.
   */
  private attributes(
    data: string,
    from: number,
    to: number,
    found: (name: number, start: number, stop: number) => void,
  ): void {
    let i = from;
    while (i < to) {
      let code = data.charCodeAt(i);
      while (code === 32 || code === 9 || code === 10 || code === 13)
        code = data.charCodeAt(++i);
      if (i >= to || code === 47) return;
      const nameStart = i;
      while (
        i < to &&
        code !== 61 /* = */ &&
        code !== 32 &&
        code !== 9 &&
        code !== 10 &&
        code !== 13
      )
        code = data.charCodeAt(++i);
      const nameEnd = i;
      while (i < to && code !== 61) code = data.charCodeAt(++i);
      code = data.charCodeAt(++i);
      while (code === 32 || code === 9 || code === 10 || code === 13)
        code = data.charCodeAt(++i);
      if (code !== 34 && code !== 39) throw unreadable();
      const stop = data.indexOf(code === 34 ? '"' : "'", i + 1);
      if (stop < 0 || stop > to) throw unreadable();
      if (nameEnd - nameStart === 1)
        found(data.charCodeAt(nameStart), i + 1, stop);
      i = stop + 1;
    }
  }

  /** Reads the cell tag's `r` (column), `t` and `s` attributes. */
  private cellAttributes(
    data: string,
    from: number,
    to: number,
    previous: number,
  ): void {
    let column = 0;
    this.cellType = CellType.Number;
    this.cellStyle = -1;
    this.attributes(data, from, to, (name, start, stop) => {
      if (name === 114 /* r */) {
        for (let i = start; i < stop; i++) {
          const code = data.charCodeAt(i);
          if (code >= 65 && code <= 90) column = column * 26 + code - 64;
          else if (code >= 97 && code <= 122) column = column * 26 + code - 96;
          else break;
          if (column > 1e7) break;
        }
      } else if (name === 116 /* t */)
        this.cellType = cellType(data, start, stop);
      else if (name === 115 /* s */)
        this.cellStyle = parseDigits(data, start, stop);
    });
    this.cellColumn = column > 0 ? column : previous + 1;
  }

  /** The values of the cells between `from` and `to`; null when the row has none. */
  private cells(
    data: string,
    from: number,
    to: number,
    rowFormat: FormatKind,
  ): RawCell[] | null {
    let values: RawCell[] | null = null;
    let column = 0;
    let pos = from;
    for (;;) {
      const lt = data.indexOf('<c', pos);
      if (lt < 0 || lt >= to) break;
      if (!isDelimiter(data.charCodeAt(lt + 2))) {
        pos = lt + 2;
        continue;
      }
      const gt = data.indexOf('>', lt);
      if (gt < 0 || gt > to) throw unreadable();
      this.cellAttributes(data, lt + 2, gt, column);
      column = this.cellColumn;
      if (data.charCodeAt(gt - 1) === 47) {
        pos = gt + 1;
        continue;
      }
      const close = data.indexOf('</c>', gt);
      if (close < 0 || close > to) throw unreadable();
      pos = close + 4;
      if (column > this.maxColumns) continue;
      const value = this.value(data, gt + 1, close, rowFormat);
      if (value === null) continue;
      if (values === null) values = [];
      while (values.length < column - 1) values.push(null);
      values[column - 1] = value;
    }
    return values;
  }

  /** The value of the cell whose content lies between `from` and `to`. */
  private value(
    data: string,
    from: number,
    to: number,
    rowFormat: FormatKind,
  ): RawCell {
    let v: string | undefined;
    let formula: string | undefined;
    let inline: string | undefined;
    if (
      data.charCodeAt(from) === 60 &&
      data.charCodeAt(from + 1) === 118 /* v */ &&
      data.charCodeAt(from + 2) === 62 &&
      data.startsWith('</v>', to - 4)
    ) {
      // The usual cell: <c …><v>…</v></c>.
      if (this.cellType === CellType.Shared) {
        const index = parseDigits(data, from + 3, to - 4);
        return index >= 0 ? (this.sharedStrings[index] ?? null) : null;
      }
      v = data.slice(from + 3, to - 4);
    } else {
      let pos = from;
      for (;;) {
        const lt = data.indexOf('<', pos);
        if (lt < 0 || lt >= to) break;
        const first = data.charCodeAt(lt + 1);
        const isV = first === 118 && isDelimiter(data.charCodeAt(lt + 2));
        const isF =
          first === 102 /* f */ && isDelimiter(data.charCodeAt(lt + 2));
        const isIs =
          first === 105 /* i */ &&
          data.charCodeAt(lt + 2) === 115 &&
          isDelimiter(data.charCodeAt(lt + 3));
        if (!isV && !isF && !isIs) {
          pos = lt + 1;
          continue;
        }
        const gt = data.indexOf('>', lt);
        if (gt < 0 || gt > to) throw unreadable();
        let text = '';
        if (data.charCodeAt(gt - 1) === 47) pos = gt + 1;
        else {
          const closeTag = isV ? '</v>' : isF ? '</f>' : '</is>';
          const close = data.indexOf(closeTag, gt);
          if (close < 0 || close > to) throw unreadable();
          text = data.slice(gt + 1, close);
          pos = close + closeTag.length;
        }
        if (isV) v = text;
        else if (isF) formula = text;
        else inline = stringItemText(text);
      }
    }
    if (formula !== undefined) return { formula: decodeXml(formula) };
    switch (this.cellType) {
      case CellType.Inline:
        return inline ?? (v === undefined ? null : decodeXml(v));
      case CellType.Shared:
        if (v === undefined) return null;
        return this.sharedStrings[parseInt(v, 10)] ?? null;
      case CellType.Str:
      case CellType.Error:
        return v === undefined ? null : decodeXml(v);
      case CellType.Bool:
        return v === undefined ? null : parseInt(v, 10) !== 0;
      default: {
        if (v === undefined) return null;
        const number = parseFloat(v);
        const format =
          this.cellStyle > 0 && this.formats[this.cellStyle] !== undefined
            ? this.formats[this.cellStyle]
            : rowFormat;
        if (format !== FormatKind.Date) return number;
        return new Date(
          Math.round((number - 25569 + (this.date1904 ? 1462 : 0)) * DAY_MS),
        );
      }
    }
  }
}

/** The non-negative integer written between `from` and `to`; -1 when it is not one. */
function parseDigits(data: string, from: number, to: number): number {
  if (from >= to || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = data.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

function cellType(data: string, from: number, to: number): CellType {
  if (to - from === 1) {
    const code = data.charCodeAt(from);
    return code === 115 /* s */
      ? CellType.Shared
      : code === 98 /* b */
        ? CellType.Bool
        : code === 101 /* e */
          ? CellType.Error
          : CellType.Number; // n, d
  }
  const type = data.slice(from, to);
  return type === 'inlineStr'
    ? CellType.Inline
    : type === 'str'
      ? CellType.Str
      : CellType.Number;
}
