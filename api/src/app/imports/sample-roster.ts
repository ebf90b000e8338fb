import { EMPLOYMENT_CATEGORY_NAMES } from '@ikuboard/shared/contracts';
import { generateDemoCity, nextYearRoster } from '@ikuboard/shared/demo-data';
import ExcelJS from 'exceljs';

import { ROSTER_COLUMNS, SHEET_NAMES } from './import-columns';
import {
  excelDate,
  GENDER_JA,
  setupPrint,
  styleHeaderRow,
} from './xlsx-writer';

/**
 * The demo city's roster of the April 1 after its history, as an HR officer would fill in the
 * template: importing it adds a fiscal year to the dashboard. Offered in demo mode only.
 */
export async function buildSampleRoster(
  staff: number,
): Promise<{ asOf: string; file: Buffer }> {
  const city = generateDemoCity({ staff });
  const { asOf, rows } = nextYearRoster(city);
  const stageName = new Map(
    city.stages.map((stage) => [stage.code, stage.name]),
  );
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Ikuboard';
  const sheet = workbook.addWorksheet(SHEET_NAMES.roster, {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = ROSTER_COLUMNS.map((column) => ({
    header: column.ja,
    key: column.key,
    width: Math.max(12, column.ja.length * 2.6 + 4),
  }));
  for (const key of ['hireDate', 'separationDate'])
    sheet.getColumn(key).numFmt = 'yyyy-mm-dd';
  styleHeaderRow(sheet.getRow(1));
  setupPrint(sheet, `職員名簿 ${asOf} 現在(サンプル)`);
  for (const row of rows) {
    sheet.addRow({
      employeeNumber: row.employeeNumber,
      name: row.name,
      gender: GENDER_JA[row.gender],
      unitCode: row.unitCode,
      stage: stageName.get(row.stageCode) ?? row.stageCode,
      employment: EMPLOYMENT_CATEGORY_NAMES[row.category].ja,
      hireDate: excelDate(row.hireDate),
      separationDate: excelDate(row.separationDate),
      supervisorNumber: row.supervisorNumber,
      rehire: row.isRehire ? 'はい' : 'いいえ',
      midcareer: row.isMidcareer ? 'はい' : 'いいえ',
    });
  }
  return { asOf, file: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
