import { readFileSync } from 'node:fs';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';

import { configurePgTypes } from '../../api/src/database/pg-types';
import {
  ROSTER_COLUMNS,
  SHEET_NAMES,
} from '../../api/src/app/imports/import-columns';
import {
  applyRosterPlan,
  loadRosterContext,
  lockOrganizationImports,
} from '../../api/src/app/imports/import-writer';
import { planRosterImport } from '../../api/src/app/imports/roster-plan';
import { readSheet } from '../../api/src/app/imports/xlsx-reader';
import { refreshKpiAggregates } from '../../api/src/app/kpi/kpi-aggregates';

/**
 * The steps of a 50,000-row roster import (the service's order) in one transaction rolled back
 * (diagnosis only): read, plan, every statement's time and row count; with `explain` the plans of
 * the statements over `planAboveMs` (EXPLAIN ANALYZE runs them, so the writes still happen).
 */
export async function rosterProbe(
  url: string,
  file: string,
  asOf: string,
  { explain = false, planAboveMs = 500 } = {},
): Promise<void> {
  configurePgTypes();
  const client = new Client({ connectionString: url });
  await client.connect();
  const lines: string[] = [];
  const [{ pid }] = (await client.query('SELECT pg_backend_pid() AS pid')).rows;
  // The backend's CPU time (user + system, ms): steadier than wall time on a shared machine.
  const cpuMs = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8')
      .split(') ')[1]
      .split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  };
  const manager = {
    query: async (sql: string, p?: unknown[]) => {
      const text = sql.replace(/\s+/g, ' ').trim();
      const t = performance.now();
      if (explain && /^(INSERT|WITH|DELETE|UPDATE)/.test(text)) {
        const plan = (
          await client.query(
            `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
            p as unknown[],
          )
        ).rows.map((r) => r['QUERY PLAN'] as string);
        const ms = performance.now() - t;
        lines.push(`${ms.toFixed(0)} ms ${text.slice(0, 110)}`);
        if (ms > planAboveMs)
          lines.push(plan.map((l) => `    ${l}`).join('\n'));
        return [];
      }
      const c = cpuMs();
      const result = await client.query(sql, p as unknown[]);
      const ms = performance.now() - t;
      lines.push(
        `${ms.toFixed(0)} ms cpu=${(cpuMs() - c).toFixed(0)} rows=${result.rowCount} ${text.slice(0, 110)}`,
      );
      return result.rows;
    },
  } as unknown as EntityManager;
  const [{ id: org }] = (
    await client.query(`SELECT id FROM organization WHERE code = 'bench'`)
  ).rows;
  await client.query(
    `DELETE FROM employee WHERE organization_id = $1 AND employee_number LIKE 'N%'`,
    [org],
  );
  const cpu0 = process.cpuUsage();
  let t = performance.now();
  const content = await readSheet(
    readFileSync(file),
    [SHEET_NAMES.roster, 'roster'],
    ROSTER_COLUMNS,
    { maxRows: 300_000 },
  );
  console.log(
    `readSheet ${(performance.now() - t).toFixed(0)} ms, ${content.rows.length} rows`,
  );
  await client.query('BEGIN');
  await lockOrganizationImports(manager, org);
  t = performance.now();
  const context = await loadRosterContext(manager, org, asOf, true);
  console.log(`context ${(performance.now() - t).toFixed(0)} ms`);
  t = performance.now();
  const plan = planRosterImport(content.rows, content.sheet, context);
  console.log(
    `plan ${(performance.now() - t).toFixed(0)} ms, errors ${plan.errors.length}, inserts ${plan.inserts.length}`,
  );
  t = performance.now();
  const applyCpu = cpuMs();
  await applyRosterPlan(manager, org, asOf, plan);
  console.log(
    `apply ${(performance.now() - t).toFixed(0)} ms, PostgreSQL CPU ${(cpuMs() - applyCpu).toFixed(0)} ms`,
  );
  t = performance.now();
  const refreshCpu = cpuMs();
  await refreshKpiAggregates(manager, org, {
    employeeIds: plan.changedEmployeeIds,
  });
  console.log(
    `refresh ${(performance.now() - t).toFixed(0)} ms, PostgreSQL CPU ${(cpuMs() - refreshCpu).toFixed(0)} ms`,
  );
  const cpu = process.cpuUsage(cpu0);
  console.log(`probe CPU ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms`);
  console.log(lines.join('\n'));
  const counts = (
    await client.query(
      `SELECT 'fact' AS t, family, count(*)::int AS n, count(*) FILTER (WHERE employee_id IN (SELECT id FROM employee WHERE organization_id = $1 AND employee_number LIKE 'N%'))::int AS new_staff
         FROM kpi_fact WHERE organization_id = $1 GROUP BY family
       UNION ALL SELECT 'rollup', family, count(*)::int, 0 FROM kpi_rollup WHERE organization_id = $1 GROUP BY family
       UNION ALL SELECT 'childcare_fact', kind, count(*)::int, 0 FROM kpi_childcare_fact WHERE organization_id = $1 GROUP BY kind`,
      [org],
    )
  ).rows;
  console.log(
    counts
      .map((r) => `${r.t} ${r.family} ${r.n} (new staff ${r.new_staff})`)
      .join('\n'),
  );
  await client.query('ROLLBACK');
  await client.end();
}
