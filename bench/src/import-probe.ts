import ExcelJS from 'exceljs';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';

import { analyzeGrownTables } from '../../api/src/database/analyze';
import { configurePgTypes } from '../../api/src/database/pg-types';
import {
  LEAVE_COLUMNS,
  SHEET_NAMES,
} from '../../api/src/app/imports/import-columns';
import { lockOrganizationImports } from '../../api/src/app/imports/import-writer';
import { planLeaveImport } from '../../api/src/app/imports/records-plan';
import {
  applyLeaves,
  employeeIdsIn,
  employeeNumbersIn,
  leavePeriodIn,
  loadLeaves,
  loadRecordsContext,
} from '../../api/src/app/imports/records-writer';
import { readSheet } from '../../api/src/app/imports/xlsx-reader';
import { refreshKpiAggregates } from '../../api/src/app/kpi/kpi-aggregates';

/** The stages of a 1,000-row leave import, timed one by one and rolled back (diagnosis only). */
export async function probeImport(url: string, fy: number): Promise<void> {
  configurePgTypes();
  const client = new Client({ connectionString: url });
  await client.connect();
  const slow: string[] = [];
  const manager = {
    query: async (sql: string, p?: unknown[]) => {
      const t = performance.now();
      const rows = (await client.query(sql, p as unknown[])).rows;
      const ms = performance.now() - t;
      if (ms > 15)
        slow.push(
          `${ms.toFixed(0)} ms ${sql.replace(/\s+/g, ' ').trim().slice(0, 70)}`,
        );
      return rows;
    },
  } as unknown as EntityManager;
  const [{ id: org }] = await manager.query(
    `SELECT id FROM organization WHERE code = 'bench'`,
  );
  const date = `${fy}-07-19`;
  const people = (await manager.query(
    `SELECT employee_number FROM employee WHERE organization_id = $1 AND hire_date <= make_date($2, 4, 1)
       AND (separation_date IS NULL OR separation_date >= make_date($2 + 1, 3, 31))
       AND NOT EXISTS (SELECT 1 FROM leave_episode l WHERE l.organization_id = $1 AND l.employee_id = employee.id
                          AND l.leave_type = 'annual' AND l.start_date <= $3::date AND l.end_date >= $3::date)
     ORDER BY employee_number LIMIT 1000`,
    [org, fy, `${fy}-07-19`],
  )) as { employee_number: string }[];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('休暇');
  sheet.addRow(LEAVE_COLUMNS.map((column) => column.ja));
  for (const p of people)
    sheet.addRow([p.employee_number, 'annual', date, date, 0.5, null]);
  const file = Buffer.from(await book.xlsx.writeBuffer());
  for (let round = 0; round < 3; round++) {
    const times: string[] = [];
    let t = performance.now();
    const lap = (name: string) => {
      times.push(`${name} ${(performance.now() - t).toFixed(1)}`);
      t = performance.now();
    };
    const content = await readSheet(
      file,
      [SHEET_NAMES.leave, 'leave'],
      LEAVE_COLUMNS,
      { maxRows: 300_000 },
    );
    lap('read');
    await client.query('BEGIN');
    await lockOrganizationImports(manager, org);
    lap('lock');
    const context = await loadRecordsContext(
      manager,
      org,
      employeeNumbersIn(content.rows),
    );
    lap('context');
    const existing = await loadLeaves(
      manager,
      org,
      employeeIdsIn(content.rows, context),
      leavePeriodIn(content.rows),
    );
    lap(`existing(${existing.length})`);
    const plan = planLeaveImport(
      content.rows,
      content.sheet,
      context,
      existing,
    );
    lap(
      `plan(${plan.inserts.length}+${plan.updates.length}, ${plan.errors.length} errors)`,
    );
    await applyLeaves(manager, org, plan.inserts, plan.updates);
    lap('write');
    await refreshKpiAggregates(manager, org, {
      employeeIds: plan.inserts.map((l) => l.employeeId),
      families: ['al'],
      years: [fy],
      childcare: false,
    });
    lap('refresh');
    await analyzeGrownTables(manager, ['leave_episode', 'child'], 1000);
    lap('analyze?');
    await client.query('ROLLBACK');
    lap('rollback');
    console.log(times.join(' | '));
    console.log(slow.splice(0).join('\n'));
  }
  await client.end();
}
