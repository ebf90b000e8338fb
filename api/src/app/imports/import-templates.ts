import {
  CHILD_LINKED_LEAVE_TYPES,
  EMPLOYMENT_CATEGORIES,
  EMPLOYMENT_CATEGORY_NAMES,
  LEAVE_TYPE_NAMES,
  LEAVE_TYPES,
  type ImportKind,
} from '@ikuboard/shared/contracts';
import ExcelJS from 'exceljs';

import {
  COLUMNS_OF,
  ROSTER_COLUMNS,
  SHEET_NAMES,
  UNIT_COLUMNS,
  type ColumnSpec,
} from './import-columns';
import {
  GENDER_JA,
  neutralizeFormula,
  setupPrint,
  styleHeaderRow,
} from './xlsx-writer';

export interface TemplateLists {
  units: { code: string; name: string }[];
  stages: { code: string; name: string }[];
}

const GENDERS = [
  GENDER_JA.female,
  GENDER_JA.male,
  'その他',
  GENDER_JA.unspecified,
];
const EMPLOYMENT = EMPLOYMENT_CATEGORIES.map(
  (code) => EMPLOYMENT_CATEGORY_NAMES[code].ja,
);
const YES_NO = ['はい', 'いいえ'];

function addDataSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  columns: readonly ColumnSpec<string>[],
): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = columns.map((column) => ({
    header: column.ja,
    key: column.key,
    width: Math.max(12, column.ja.length * 2.6 + 4),
  }));
  styleHeaderRow(sheet.getRow(1));
  columns.forEach((column, index) => {
    sheet.getCell(1, index + 1).note =
      `${column.description.ja}\n${column.description.en}${column.required ? '\n(必須 / required)' : ''}`;
  });
  setupPrint(sheet, name);
  return sheet;
}

function listValidation(
  sheet: ExcelJS.Worksheet,
  columnIndex: number,
  formula: string,
): void {
  const letter = sheet.getColumn(columnIndex).letter;
  for (let row = 2; row <= 2_000; row++) {
    sheet.getCell(`${letter}${row}`).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [formula],
      showErrorMessage: false,
    };
  }
}

function addListSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  header: [string, string],
  rows: { code: string; name: string }[],
) {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [
    { header: header[0], key: 'code', width: 16 },
    { header: header[1], key: 'name', width: 36 },
  ];
  styleHeaderRow(sheet.getRow(1));
  for (const row of rows)
    sheet.addRow({
      code: neutralizeFormula(row.code),
      name: neutralizeFormula(row.name),
    });
  return sheet;
}

/** The import template of DOMAIN.md §7, with pick lists from the organization's own units and stages. */
export async function buildTemplate(
  kind: ImportKind,
  lists: TemplateLists,
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ikuboard';
  if (kind === 'units') {
    const sheet = addDataSheet(workbook, SHEET_NAMES.units, UNIT_COLUMNS);
    listValidation(sheet, 4, `"${YES_NO.join(',')}"`);
  } else if (kind !== 'roster') {
    const columns = COLUMNS_OF[kind];
    const sheet = addDataSheet(workbook, SHEET_NAMES[kind], columns);
    columns.forEach((column, index) => {
      if (/date/i.test(column.en))
        sheet.getColumn(index + 1).numFmt = 'yyyy-mm-dd';
    });
    if (kind === 'leave') {
      const names = LEAVE_TYPES.map((type) => LEAVE_TYPE_NAMES[type].ja);
      listValidation(sheet, 2, `'休暇種別一覧'!$A$2:$A$${names.length + 1}`);
      const types = workbook.addWorksheet('休暇種別一覧');
      types.columns = [
        { header: '休暇種別', key: 'name', width: 28 },
        { header: '子の生年月日', key: 'child', width: 16 },
      ];
      styleHeaderRow(types.getRow(1));
      for (const type of LEAVE_TYPES) {
        types.addRow({
          name: LEAVE_TYPE_NAMES[type].ja,
          child: (CHILD_LINKED_LEAVE_TYPES as readonly string[]).includes(type)
            ? '必須'
            : '',
        });
      }
    }
  } else {
    const sheet = addDataSheet(workbook, SHEET_NAMES.roster, ROSTER_COLUMNS);
    sheet.getColumn(7).numFmt = 'yyyy-mm-dd';
    sheet.getColumn(8).numFmt = 'yyyy-mm-dd';
    listValidation(sheet, 3, `"${GENDERS.join(',')}"`);
    listValidation(
      sheet,
      5,
      `'役職段階一覧'!$B$2:$B$${Math.max(2, lists.stages.length + 1)}`,
    );
    listValidation(sheet, 6, `'職員区分一覧'!$A$2:$A$${EMPLOYMENT.length + 1}`);
    listValidation(sheet, 10, `"${YES_NO.join(',')}"`);
    listValidation(sheet, 11, `"${YES_NO.join(',')}"`);
    addListSheet(workbook, '所属一覧', ['所属コード', '所属名'], lists.units);
    addListSheet(
      workbook,
      '役職段階一覧',
      ['コード', '役職段階'],
      lists.stages,
    );
    const categories = workbook.addWorksheet('職員区分一覧');
    categories.columns = [{ header: '職員区分', key: 'name', width: 32 }];
    styleHeaderRow(categories.getRow(1));
    for (const name of EMPLOYMENT) categories.addRow({ name });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
