import ExcelJS from 'exceljs';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';

import { configurePgTypes } from '../../api/src/database/pg-types';
import {
  LEAVE_COLUMNS,
  SHEET_NAMES,
} from '../../api/src/app/imports/import-columns';
import { lockOrganizationImports } from '../../api/src/app/imports/import-writer';
import { planLeaveImport } from '../../api/src/app/imports/records-plan';
import {
  applyLeaves,
  employeeNumbersIn,
  leaveKeysIn,
  leavePeriodIn,
  loadLeaves,
  loadRecordsContext,
} from '../../api/src/app/imports/records-writer';
import { readSheet } from '../../api/src/app/imports/xlsx-reader';
import { refreshKpiAggregates } from '../../api/src/app/kpi/kpi-aggregates';

/**
 * The statements of a 1,000-row leave import (the service's order), each run under
 * EXPLAIN (ANALYZE, BUFFERS) in one transaction rolled back (diagnosis only): prints every
 * statement's execution time and the plans of those over `planAboveMs`.
 */
export async function explainImport(
  url: string,
  { rounds = 2, planAboveMs = 8 } = {},
): Promise<void> {
  configurePgTypes();
  const client = new Client({ connectionString: url });
  await client.connect();
  const lines: string[] = [];
  const manager = {
    query: async (sql: string, p?: unknown[]) => {
      const parameters = p as unknown[];
      const text = sql.replace(/\s+/g, ' ').trim();
      if (/^SET /.test(text) || /pg_advisory/.test(text))
        return (await client.query(sql, parameters)).rows;
      const writes = /\b(INSERT|UPDATE|DELETE)\b/.test(text);
      const t = performance.now();
      const plan = (
        await client.query(
          `EXPLAIN (ANALYZE, BUFFERS, FORMAT TEXT) ${sql}`,
          parameters,
        )
      ).rows.map((r) => r['QUERY PLAN'] as string);
      const ms = performance.now() - t;
      const exec = plan.find((l) => l.startsWith('Execution Time')) ?? '';
      const planning = plan.find((l) => l.startsWith('Planning Time')) ?? '';
      lines.push(
        `${ms.toFixed(1)} ms (${exec.replace('Execution Time: ', 'exec ')}, ${planning.replace('Planning Time: ', 'plan ')}) ${text.slice(0, 90)}`,
      );
      if (ms > planAboveMs) lines.push(plan.map((l) => `    ${l}`).join('\n'));
      return writes ? [] : (await client.query(sql, parameters)).rows;
    },
  } as unknown as EntityManager;
  const [{ id: org }] = await manager.query(
    `SELECT id FROM organization WHERE code = 'bench'`,
  );
  lines.length = 0;
  const [{ fy }] = (
    await client.query(
      `SELECT max(extract(year FROM as_of))::int AS fy FROM roster_snapshot WHERE organization_id = $1`,
      [org],
    )
  ).rows;
  const first = new Date(Date.UTC(fy, 6, 15));
  while (first.getUTCDay() !== 6) first.setUTCDate(first.getUTCDate() + 1);
  const date = first.toISOString().slice(0, 10);
  const people = (
    await client.query(
      `SELECT employee_number FROM employee WHERE organization_id = $1 AND hire_date <= make_date($2, 4, 1)
         AND (separation_date IS NULL OR separation_date >= make_date($2 + 1, 3, 31))
         AND NOT EXISTS (SELECT 1 FROM leave_episode l WHERE l.organization_id = $1 AND l.employee_id = employee.id
                            AND l.leave_type = 'annual' AND l.start_date <= $3::date AND l.end_date >= $3::date)
       ORDER BY employee_number LIMIT 1000`,
      [org, fy, date],
    )
  ).rows as { employee_number: string }[];
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('休暇');
  sheet.addRow(LEAVE_COLUMNS.map((column) => column.ja));
  for (const p of people)
    sheet.addRow([p.employee_number, 'annual', date, date, 0.5, null]);
  const file = Buffer.from(await book.xlsx.writeBuffer());
  for (let round = 0; round < rounds; round++) {
    const content = await readSheet(
      file,
      [SHEET_NAMES.leave, 'leave'],
      LEAVE_COLUMNS,
      {
        maxRows: 300_000,
      },
    );
    await client.query('BEGIN');
    const started = performance.now();
    await lockOrganizationImports(manager, org);
    const context = await loadRecordsContext(
      manager,
      org,
      employeeNumbersIn(content.rows),
    );
    const keys = leaveKeysIn(content.rows, context);
    const existing = await loadLeaves(
      manager,
      org,
      keys.employeeIds,
      leavePeriodIn(content.rows),
      keys.types,
    );
    const plan = planLeaveImport(
      content.rows,
      content.sheet,
      context,
      existing,
    );
    await applyLeaves(manager, org, plan.inserts, plan.updates);
    const leaves = [...plan.inserts, ...plan.updates];
    await refreshKpiAggregates(manager, org, {
      employeeIds: leaves.map((l) => l.employeeId),
      families: ['al'],
      years: leaves
        .filter((l) => l.type === 'annual')
        .map((l) => Number(l.startDate.slice(0, 4))),
      childcare: leaves.some((l) => l.childId !== null),
      recordYears: leaves.map((l) => Number(l.startDate.slice(0, 4))),
    });
    const total = performance.now() - started;
    await client.query('ROLLBACK');
    console.log(
      `round ${round}: ${plan.inserts.length} inserts, ${existing.length} stored rows read, ${total.toFixed(0)} ms with EXPLAIN`,
    );
    console.log(lines.splice(0).join('\n'));
  }
  await client.end();
}
