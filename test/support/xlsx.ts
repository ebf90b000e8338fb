import ExcelJS from 'exceljs';

export type CellInput =
  | string
  | number
  | boolean
  | Date
  | null
  | { formula: string };

/** An .xlsx file with one sheet: the header row, then the rows as given. */
export async function workbook(
  sheetName: string,
  header: string[],
  rows: CellInput[][],
): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row as ExcelJS.CellValue[]);
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** Every row of the first sheet as arrays of cell values (header included). */
export async function readRows(file: Buffer): Promise<unknown[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/** The leave import's columns (imports/import-columns.ts), in the template's order. */
export const LEAVE_HEADER = [
  '職員番号',
  '休暇種別',
  '開始日',
  '終了日',
  '日数',
  '子の生年月日',
];
export const UNIT_HEADER = [
  '所属コード',
  '所属名',
  '上位所属コード',
  '事業主単位',
];
export const ROSTER_HEADER = [
  '職員番号',
  '氏名',
  '性別',
  '所属コード',
  '役職段階',
  '職員区分',
  '採用日',
  '退職日',
  '上司職員番号',
  '再採用',
  '中途採用',
];
