import type { Writable } from 'node:stream';

import {
  EMPLOYMENT_CATEGORY_NAMES,
  type EmploymentCategory,
  type Gender,
} from '@ikuboard/shared/contracts';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';

import { ROSTER_COLUMNS, SHEET_NAMES } from './import-columns';
import {
  excelDate,
  GENDER_JA,
  neutralizeFormula,
  PRINT_PAGE_SETUP,
  setupPrint,
  styleHeaderRow,
} from './xlsx-writer';

interface ExportRow {
  employee_number: string;
  name: string;
  gender: Gender;
  unit_code: string;
  stage: string;
  category: EmploymentCategory;
  hire_date: string;
  separation_date: string | null;
  supervisor_number: string | null;
  is_rehire: boolean;
  is_midcareer: boolean;
}

/**
 * Streams the roster in service on `asOf` in the import template's layout, so the file can be
 * edited and imported back. Rows are fetched in pages to keep memory flat for large employers.
 */
export async function writeRosterExport(
  dataSource: DataSource,
  organizationId: string,
  asOf: string,
  output: Writable,
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(SHEET_NAMES.roster, {
    pageSetup: { ...PRINT_PAGE_SETUP },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = ROSTER_COLUMNS.map((column) => ({
    header: column.ja,
    key: column.key,
    width: Math.max(12, column.ja.length * 2.6 + 4),
  }));
  for (const key of ['hireDate', 'separationDate'])
    sheet.getColumn(key).numFmt = 'yyyy-mm-dd';
  setupPrint(sheet, `職員名簿 ${asOf} 現在`);
  styleHeaderRow(sheet.getRow(1));
  sheet.getRow(1).commit();

  const pageSize = 5_000;
  let lastNumber = '';
  for (;;) {
    const rows: ExportRow[] = await dataSource.query(
      `SELECT e.employee_number, e.name, e.gender, u.code AS unit_code, s.name AS stage, c.code AS category,
              e.hire_date, e.separation_date, sup.employee_number AS supervisor_number, e.is_rehire, e.is_midcareer
         FROM employee e
         JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.id
                          AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to > $2)
         JOIN org_unit u ON u.organization_id = e.organization_id AND u.id = a.org_unit_id
         JOIN position_stage s ON s.organization_id = e.organization_id AND s.id = a.position_stage_id
         JOIN employment_category c ON c.organization_id = e.organization_id AND c.id = a.employment_category_id
         LEFT JOIN employee sup ON sup.organization_id = e.organization_id AND sup.id = e.supervisor_id
        WHERE e.organization_id = $1 AND e.hire_date <= $2 AND (e.separation_date IS NULL OR e.separation_date >= $2)
          AND e.employee_number > $3
        ORDER BY e.employee_number
        LIMIT $4`,
      [organizationId, asOf, lastNumber, pageSize],
    );
    for (const row of rows) {
      sheet
        .addRow({
          employeeNumber: neutralizeFormula(row.employee_number),
          name: neutralizeFormula(row.name),
          gender: GENDER_JA[row.gender],
          unitCode: neutralizeFormula(row.unit_code),
          stage: neutralizeFormula(row.stage),
          employment: EMPLOYMENT_CATEGORY_NAMES[row.category].ja,
          hireDate: excelDate(row.hire_date),
          separationDate: excelDate(row.separation_date),
          supervisorNumber:
            row.supervisor_number === null
              ? null
              : neutralizeFormula(row.supervisor_number),
          rehire: row.is_rehire ? 'はい' : 'いいえ',
          midcareer: row.is_midcareer ? 'はい' : 'いいえ',
        })
        .commit();
    }
    if (rows.length < pageSize) break;
    lastNumber = rows[rows.length - 1]!.employee_number;
  }
  sheet.commit();
  await workbook.commit();
}
