#!/usr/bin/env node
// Measures the streamed roster export (GET /api/v1/roster/export) at scale: starts the built
// API in demo mode (みどり市, 3,000 staff) with a throwaway embedded PostgreSQL, adds synthetic staff
// by SQL until `--staff` are in service on the as-of date (copies of existing assignments' unit,
// stage and category; hire 2015-04-01), then downloads the export as HR and reports the time to the
// last byte, the file size, the rows read back with exceljs' streaming reader, and the API process's
// peak RSS during the download (VmHWM after resetting it through /proc/<pid>/clear_refs, and an
// outside VmRSS sampler). Usage: node tools/measure-roster-export.mjs [--staff 50000]
import { spawn } from 'node:child_process';
import {
  chmodSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import ExcelJS from 'exceljs';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    staff: { type: 'string', default: '50000' },
    'as-of': { type: 'string', default: '2025-04-01' },
  },
});
const staff = Number(values.staff);
const asOf = values['as-of'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const procMb = (pid, field) => {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(
    readFileSync(`/proc/${pid}/status`, 'utf8'),
  );
  return match ? Math.round(Number(match[1]) / 1024) : null;
};

const dataDir = mkdtempSync(join(tmpdir(), 'ikuboard-roster-measure-'));
chmodSync(dataDir, 0o755);
const [port, pgPort] = [await freePort(), await freePort()];
const baseUrl = `http://127.0.0.1:${port}`;
const child = spawn(process.execPath, [join(root, 'dist/api/main.js')], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    EMBEDDED_PG_PORT: String(pgPort),
    IKUBOARD_DATA_DIR: dataDir,
    IKUBOARD_MODE: 'demo',
    COOKIE_SECURE: 'false',
    LOG_LEVEL: 'warn',
    DATABASE_URL: '',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
});
const db = new pg.Client({
  connectionString: `postgres://postgres:ikuboard-local@127.0.0.1:${pgPort}/ikuboard`,
});
try {
  const bootStarted = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error('the API exited');
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).status === 200) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - bootStarted > 900_000) throw new Error('no start');
    await sleep(500);
  }
  await db.connect();
  const [{ id: org }] = (
    await db.query(`SELECT id FROM organization WHERE code = 'midori'`)
  ).rows;
  const inService = async () =>
    Number(
      (
        await db.query(
          `SELECT count(*) FROM employee e
            WHERE e.organization_id = $1 AND e.hire_date <= $2 AND (e.separation_date IS NULL OR e.separation_date >= $2)
              AND EXISTS (SELECT 1 FROM assignment a WHERE a.organization_id = $1 AND a.employee_id = e.id
                            AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to > $2))`,
          [org, asOf],
        )
      ).rows[0].count,
    );
  const seeded = await inService();
  const extra = Math.max(0, staff - seeded);
  const insertStarted = Date.now();
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO employee (organization_id, employee_number, name, gender, hire_date)
     SELECT $1, 'S' || lpad(g::text, 7, '0'), '合成 職員' || g,
            CASE WHEN g % 2 = 0 THEN 'female' ELSE 'male' END, DATE '2015-04-01'
       FROM generate_series(1, $2::int) g`,
    [org, extra],
  );
  // Unit, stage and category copied round-robin from the assignments in force on the as-of date.
  await db.query(
    `WITH source AS (
       SELECT a.org_unit_id, a.position_stage_id, a.employment_category_id,
              row_number() OVER (ORDER BY a.id) - 1 AS i, count(*) OVER () AS n
         FROM assignment a
        WHERE a.organization_id = $1 AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to > $2)),
     added AS (
       SELECT e.id, row_number() OVER (ORDER BY e.employee_number) - 1 AS i
         FROM employee e WHERE e.organization_id = $1 AND e.employee_number LIKE 'S%')
     INSERT INTO assignment (organization_id, employee_id, valid_from, org_unit_id, position_stage_id, employment_category_id)
     SELECT $1, added.id, DATE '2015-04-01', s.org_unit_id, s.position_stage_id, s.employment_category_id
       FROM added JOIN source s ON s.i = added.i % s.n`,
    [org, asOf],
  );
  await db.query('COMMIT');
  const insertMs = Date.now() - insertStarted;
  const rows = await inService();

  let cookie = '';
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'hr', password: 'ikuboard-demo' }),
  });
  cookie =
    /ikb_session=[^;]*/.exec(login.headers.get('set-cookie') ?? '')?.[0] ?? '';
  await sleep(2000);
  const rssBefore = procMb(child.pid, 'VmRSS');
  writeFileSync(`/proc/${child.pid}/clear_refs`, '5');
  let sampled = rssBefore;
  let done = false;
  const sampler = (async () => {
    while (!done) {
      sampled = Math.max(sampled, procMb(child.pid, 'VmRSS'));
      await sleep(10);
    }
  })();
  const started = Date.now();
  const response = await fetch(
    `${baseUrl}/api/v1/roster/export?asOf=${asOf}`,
    { headers: { cookie } },
  );
  const file = Buffer.from(await response.arrayBuffer());
  const durationMs = Date.now() - started;
  if (response.status !== 200)
    throw new Error(
      `export: ${response.status} ${file.toString('utf8').slice(0, 300)}`,
    );
  done = true;
  await sampler;
  const peakHwm = procMb(child.pid, 'VmHWM');
  const path = join(dataDir, 'roster.xlsx');
  writeFileSync(path, file);
  let rowsRead = 0;
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {});
  for await (const sheet of reader) for await (const _row of sheet) rowsRead++;
  console.log(
    JSON.stringify(
      {
        status: response.status,
        asOf,
        staffInService: rows,
        syntheticStaffAdded: extra,
        insertMs,
        export: {
          durationMs,
          fileBytes: file.length,
          rowsReadBack: rowsRead,
          apiRssBeforeMb: rssBefore,
          apiPeakRssMbVmHwmAfterReset: peakHwm,
          apiPeakRssMbSampled: sampled,
        },
      },
      null,
      2,
    ),
  );
} finally {
  await db.end().catch(() => undefined);
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
