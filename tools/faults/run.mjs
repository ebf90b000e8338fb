#!/usr/bin/env node
// `npm run test:faults` (slow, not part of `npm test`; build the API first): injects faults into
// the built API and its PostgreSQL and checks that nothing acknowledged is lost.
//   1. kill -9 the API during a 50,000-row roster import (while reading, and during the INSERTs):
//      the database holds all of it or none of it; the restarted API marks the killed job
//      failed (IMPORT_INTERRUPTED); the import then succeeds.
//   2. stop and restart PostgreSQL under a write load: the API answers 503 with a bilingual
//      message while it is down, reconnects by itself, and every acknowledged write is there.
//   3. SIGTERM during a streaming 50,000-row export and a write: both complete, exit code 0.
//   4. 50 concurrent users each loading the overview page (10 requests at once) repeatedly, with
//      CPU hogs running alongside: no error.
// Prints a summary and writes tmp/faults-report.json (the figures of docs/security.md).
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import ExcelJS from 'exceljs';
import pg from 'pg';

import {
  createOrganization,
  login,
  root,
  sleep,
  started as apis,
  startApi,
  startCluster,
  withClient,
} from './harness.mjs';

const ROSTER_ROWS = Number(process.env.FAULTS_ROSTER_ROWS || 50_000);
const AS_OF = '2025-04-01';
const report = {
  faultsInjected: 0,
  faultsSurvived: 0,
  rowsLost: 0,
  acknowledgedWrites: 0,
  scenarios: [],
};
const log = (line) => console.log(`[faults] ${line}`);

function check(condition, message) {
  if (!condition) throw new Error(`FAILED: ${message}`);
}

async function xlsx(sheetName, header, rows) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet(sheetName);
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

function rosterRows(count) {
  const rows = [];
  for (let i = 1; i <= count; i++)
    rows.push([
      `F${String(i).padStart(6, '0')}`,
      `障害 試験${i}`,
      i % 2 ? '女性' : '男性',
      'U1',
      '一般',
      '任期の定めのない常勤',
      '2015-04-01',
      null,
      null,
      null,
      null,
    ]);
  return rows;
}

async function upload(session, kind, file, asOf) {
  const form = new FormData();
  form.append('file', new Blob([file]), `${kind}.xlsx`);
  form.append('dryRun', 'false');
  if (asOf) form.append('asOf', asOf);
  const response = await session.request(
    'POST',
    `/api/v1/imports/${kind}`,
    form,
  );
  check(response.status === 202, `upload ${kind} answered ${response.status}`);
  return response.body.id;
}

async function waitForJob(session, id) {
  let networkErrors = 0;
  for (;;) {
    let job;
    try {
      job = (await session.request('GET', `/api/v1/imports/${id}`)).body;
    } catch (error) {
      // A keep-alive socket the server closed while its event loop was busy planning 50,000
      // rows: the poll (a GET) is simply sent again.
      if (++networkErrors > 5) throw error;
      await sleep(500);
      continue;
    }
    if (job.status !== 'running') return job;
    await sleep(250);
  }
}

async function counts(url, organizationId) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT (SELECT count(*) FROM employee WHERE organization_id = $1)::int AS employees,
              (SELECT count(*) FROM assignment WHERE organization_id = $1)::int AS assignments`,
      [organizationId],
    );
    return rows[0];
  });
}

/** Waits until no backend still runs the killed API's statements (its transaction is gone). */
async function waitForOrphanBackends(url) {
  await withClient(url, async (client) => {
    for (;;) {
      const { rows } = await client.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
      );
      if (rows[0].n === 0) return;
      await sleep(100);
    }
  });
}

/**
 * A stand-in for another live API instance: a running job whose runner id is locked the way
 * ImportRunnerLease locks it, by a connection that stays open until `end`.
 */
async function liveRunner(url, organizationId) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const runner = randomUUID();
  await client.query(`SELECT pg_advisory_lock(hashtextextended($1, 7))`, [
    runner,
  ]);
  const { rows } = await client.query(
    `INSERT INTO import_job (organization_id, kind, file_name, dry_run, status, runner)
     VALUES ($1, 'roster', 'live.xlsx', false, 'running', $2) RETURNING id`,
    [organizationId, runner],
  );
  const id = rows[0].id;
  return {
    async status() {
      return (
        await client.query(`SELECT status FROM import_job WHERE id = $1`, [id])
      ).rows[0].status;
    },
    async end() {
      await client.query(`DELETE FROM import_job WHERE id = $1`, [id]);
      await client.end();
    },
  };
}

async function killDuringImport(cluster) {
  const org = createOrganization(cluster.url, 'faults-import');
  let api = await startApi(cluster.url);
  let session = await login(api.baseUrl, org.username, org.password);
  const units = await waitForJob(
    session,
    await upload(
      session,
      'units',
      await xlsx(
        '所属',
        ['所属コード', '所属名', '上位所属コード', '事業主単位'],
        [['U1', '本庁', null, 'はい']],
      ),
    ),
  );
  check(units.status === 'succeeded', 'units import');
  const header = [
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
  const roster = await xlsx('職員名簿', header, rosterRows(ROSTER_ROWS));
  log(
    `roster of ${ROSTER_ROWS} rows: ${(roster.length / 1024 / 1024).toFixed(1)} MB`,
  );

  for (const phase of ['reading the file', 'inserting rows']) {
    const jobId = await upload(session, 'roster', roster, AS_OF);
    const observed = await withClient(cluster.url, async (client) => {
      for (;;) {
        if (phase === 'reading the file') {
          const { rows } = await client.query(
            `SELECT status, processed_rows FROM import_job WHERE id = $1`,
            [jobId],
          );
          if (rows[0].status !== 'running') return null;
          if (rows[0].processed_rows > 0)
            return `job at row ${rows[0].processed_rows}`;
        } else {
          const { rows } = await client.query(
            `SELECT query FROM pg_stat_activity WHERE datname = current_database() AND state = 'active'
                AND (query ILIKE 'INSERT INTO employee%' OR query ILIKE 'INSERT INTO assignment%')`,
          );
          if (rows.length > 0)
            return rows[0].query.slice(0, 40).replace(/\s+/g, ' ');
          const job = await client.query(
            `SELECT status FROM import_job WHERE id = $1`,
            [jobId],
          );
          if (job.rows[0].status !== 'running') return null;
        }
        await sleep(10);
      }
    });
    check(
      observed !== null,
      `the import finished before the kill point (${phase}); nothing was injected`,
    );
    await api.kill9();
    report.faultsInjected++;
    await waitForOrphanBackends(cluster.url);
    const after = await counts(cluster.url, session.organizationId);
    log(
      `kill -9 while ${phase} (${observed}): ${after.employees} employees, ${after.assignments} assignments in the database`,
    );
    check(
      after.employees === 0 || after.employees === ROSTER_ROWS,
      `partial import: ${after.employees} employees`,
    );
    check(
      after.assignments === after.employees,
      `assignments (${after.assignments}) out of step with employees (${after.employees})`,
    );
    report.faultsSurvived++;
    report.scenarios.push({
      fault: `kill -9 during a ${ROSTER_ROWS}-row import, ${phase}`,
      result: `${after.employees === 0 ? 'none' : 'all'} of it in the database`,
    });
    // Another API instance that is alive (it holds its runner lock) keeps its running job.
    const liveInstance = await liveRunner(cluster.url, session.organizationId);
    api = await startApi(cluster.url);
    session = await login(api.baseUrl, org.username, org.password);
    const liveJob = await liveInstance.status();
    await liveInstance.end();
    log(`a running job of a live instance after the restart: ${liveJob}`);
    check(liveJob === 'running', `a live instance's job became ${liveJob}`);
    // The restarted API has marked the killed job as interrupted (it would otherwise stay
    // `running` for ever): failed, with a reason in Japanese and English.
    const killed = (await session.request('GET', `/api/v1/imports/${jobId}`))
      .body;
    log(
      `the killed job after the restart: ${killed.status} ${killed.failure?.code}`,
    );
    check(
      killed.status === 'failed' &&
        killed.failure?.code === 'IMPORT_INTERRUPTED' &&
        /中断/.test(killed.failure.message.ja) &&
        /interrupted/.test(killed.failure.message.en),
      `the killed job after a restart: ${JSON.stringify({ status: killed.status, failure: killed.failure })}`,
    );
    report.interruptedJobsMarked = (report.interruptedJobsMarked ?? 0) + 1;
  }
  const job = await waitForJob(
    session,
    await upload(session, 'roster', roster, AS_OF),
  );
  check(
    job.status === 'succeeded',
    `the import after the restarts: ${job.status} ${JSON.stringify(job.failure ?? job.errors?.slice(0, 2))}`,
  );
  const final = await counts(cluster.url, session.organizationId);
  check(
    final.employees === ROSTER_ROWS,
    `after the final import: ${final.employees}`,
  );
  report.rowsLost += ROSTER_ROWS - final.employees;
  log(`re-import after the restarts: ${final.employees} employees (0 lost)`);
  return { api, session, org };
}

async function restartPostgresUnderLoad(cluster, api, session) {
  const acknowledged = [];
  const statuses = new Map();
  const unavailable = [];
  let running = true;
  const worker = async (n) => {
    for (let i = 0; running; i++) {
      let response;
      try {
        response = await session.request('POST', '/api/v1/plans', {
          name: `負荷 ${n}-${i}`,
          startFiscalYear: 2025,
          endFiscalYear: 2029,
          legalBasis: 'both',
        });
      } catch (error) {
        statuses.set('network error', (statuses.get('network error') ?? 0) + 1);
        await sleep(50);
        continue;
      }
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status === 201) acknowledged.push(response.body.id);
      if (response.status === 503) {
        unavailable.push(response.body);
        await sleep(50);
      }
    }
  };
  const workers = Array.from({ length: 8 }, (_v, n) => worker(n));
  await sleep(2_000);
  await cluster.stop();
  report.faultsInjected++;
  const stoppedAt = Date.now();
  log('PostgreSQL stopped under load');
  await sleep(3_000);
  await cluster.start();
  log(
    `PostgreSQL restarted after ${((Date.now() - stoppedAt) / 1000).toFixed(1)} s`,
  );
  const restartedAt = Date.now();
  let recovered = null;
  while (Date.now() - restartedAt < 60_000) {
    if ((await fetch(`${api.baseUrl}/api/v1/health`)).status === 200) {
      recovered = Date.now() - restartedAt;
      break;
    }
    await sleep(100);
  }
  await sleep(2_000);
  running = false;
  await Promise.all(workers);
  check(
    recovered !== null,
    'the API did not recover within 60 s of the restart',
  );
  const summary = Object.fromEntries(statuses);
  log(
    `statuses: ${JSON.stringify(summary)}; healthy again ${recovered} ms after the restart`,
  );
  check(unavailable.length > 0, 'no 503 was seen while PostgreSQL was down');
  for (const body of unavailable)
    check(
      body.code === 'DATABASE_UNAVAILABLE' &&
        /データベース/.test(body.message.ja) &&
        /database/i.test(body.message.en),
      `503 body: ${JSON.stringify(body)}`,
    );
  if (statuses.has(500))
    log(
      `API log around the 500s:\n${api
        .output()
        .split('\n')
        .filter((line) => /ERROR|Error|error/.test(line))
        .slice(0, 20)
        .join('\n')}`,
    );
  const unexpected = [...statuses.keys()].filter(
    (status) => ![201, 503].includes(status),
  );
  check(
    unexpected.length === 0,
    `unexpected answers: ${JSON.stringify(summary)}`,
  );
  const found = await withClient(cluster.url, async (client) => {
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM plan WHERE id = ANY($1::uuid[])`,
      [acknowledged],
    );
    return rows[0].n;
  });
  const lost = acknowledged.length - found;
  report.acknowledgedWrites += acknowledged.length;
  report.rowsLost += lost;
  log(
    `${acknowledged.length} acknowledged writes, ${found} in the database, ${lost} lost`,
  );
  check(lost === 0, `${lost} acknowledged writes lost`);
  report.faultsSurvived++;
  report.scenarios.push({
    fault: 'PostgreSQL stopped for 3 s and restarted under 8 writers',
    result: `${unavailable.length} × 503 DATABASE_UNAVAILABLE, healthy ${recovered} ms after restart, ${acknowledged.length} acknowledged writes, 0 lost`,
  });
}

async function sigtermInFlight(api, session) {
  const exportPromise = fetch(
    `${api.baseUrl}/api/v1/roster/export?asOf=${AS_OF}`,
    { headers: { cookie: session.cookie } },
  );
  const response = await exportPromise;
  check(response.status === 200, `export answered ${response.status}`);
  const write = session.request('POST', '/api/v1/plans', {
    name: '終了間際の書込み',
    startFiscalYear: 2025,
    endFiscalYear: 2029,
    legalBasis: 'both',
  });
  await sleep(20);
  const exited = api.term();
  report.faultsInjected++;
  const body = Buffer.from(await response.arrayBuffer());
  const written = await write;
  const { code } = await exited;
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body);
  const rows = book.worksheets[0].rowCount;
  log(
    `SIGTERM during a streaming export: ${rows - 1} rows delivered, in-flight write ${written.status}, exit code ${code}`,
  );
  check(rows - 1 === ROSTER_ROWS, `export cut short: ${rows - 1} rows`);
  check(written.status === 201, `in-flight write answered ${written.status}`);
  check(code === 0, `exit code ${code}`);
  report.acknowledgedWrites++;
  report.faultsSurvived++;
  report.scenarios.push({
    fault: 'SIGTERM during a streaming export and a write',
    result: `export complete (${rows - 1} rows), write acknowledged and kept, exit 0`,
  });
  return written.body.id;
}

/** The requests the overview page makes at once (as bench/scenarios.mjs): the page's lists, the FY's
 * KPIs, the previous FY's, and the five trend charts. */
const TREND_CODES = [
  'female_manager_ratio',
  'childcare_leave_rate_male',
  'annual_leave_avg_days',
  'overtime_over_360h_year_count',
  'pay_gap_all',
];

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  return Math.round(
    sorted[
      Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
    ],
  );
}

/** CPU hogs for the duration of the load ("while other work runs"): busy loops, ended by pid. */
function startBurners(count) {
  return Array.from({ length: count }, () =>
    spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
  );
}

async function dashboardLoad(cluster) {
  const users = Number(process.env.FAULTS_USERS || 50);
  const views = Number(process.env.FAULTS_VIEWS || 4);
  const burnerCount = Number(process.env.FAULTS_BURNERS ?? 2);
  await withClient(cluster.url, (client) =>
    client.query('CREATE DATABASE demo'),
  );
  const demoUrl = cluster.url.replace(/\/ikuboard$/, '/demo');
  log('starting a demo-mode API (loads the demo city)…');
  const api = await startApi(demoUrl, { mode: 'demo' });
  const password = /DEMO_PASSWORD = '([^']+)'/.exec(
    readFileSync(join(root, 'api/src/app/setup/demo-seed.ts'), 'utf8'),
  )[1];
  // One session per user, as 50 people logged in would have.
  const sessions = [];
  for (let i = 0; i < users; i++)
    sessions.push(await login(api.baseUrl, 'admin', password));
  const years = (await sessions[0].request('GET', '/api/v1/fiscal-years')).body
    .fiscalYears;
  const fy = years[years.length - 1];
  const paths = [
    '/api/v1/fiscal-years',
    '/api/v1/org-units',
    '/api/v1/targets',
    `/api/v1/kpis?fy=${fy}`,
    `/api/v1/kpis?fy=${fy - 1}`,
    ...TREND_CODES.map((code) => `/api/v1/kpis/trend?code=${code}`),
  ];
  const latencies = [];
  const pageLatencies = [];
  const statuses = new Map();
  const count = (key) => statuses.set(key, (statuses.get(key) ?? 0) + 1);
  const errorBodies = [];
  const get = async (session, path) => {
    const begun = performance.now();
    try {
      const response = await fetch(api.baseUrl + path, {
        headers: { cookie: session.cookie },
        signal: AbortSignal.timeout(120_000),
      });
      const text = await response.text();
      count(response.status);
      if (response.status !== 200 && errorBodies.length < 5)
        errorBodies.push(`${response.status} ${path} ${text.slice(0, 200)}`);
    } catch (error) {
      count(error.name === 'TimeoutError' ? 'timeout' : 'network error');
    }
    latencies.push(performance.now() - begun);
  };
  const burners = startBurners(burnerCount);
  log(
    `${users} users × ${views} overview views × ${paths.length} requests at once, ${burners.length} CPU burners running`,
  );
  const begun = performance.now();
  try {
    await Promise.all(
      sessions.map(async (session) => {
        for (let view = 0; view < views; view++) {
          const pageBegun = performance.now();
          await Promise.all(paths.map((path) => get(session, path)));
          pageLatencies.push(performance.now() - pageBegun);
        }
      }),
    );
  } finally {
    for (const burner of burners) burner.kill('SIGKILL');
  }
  const seconds = (performance.now() - begun) / 1000;
  await api.term();
  latencies.sort((a, b) => a - b);
  pageLatencies.sort((a, b) => a - b);
  const summary = Object.fromEntries(statuses);
  const ok = statuses.get(200) ?? 0;
  const errors = latencies.length - ok;
  const load = {
    users,
    viewsPerUser: views,
    requestsPerView: paths.length,
    cpuBurners: burners.length,
    statuses: summary,
    requests: latencies.length,
    errors,
    p50Ms: percentile(latencies, 50),
    p95Ms: percentile(latencies, 95),
    p99Ms: percentile(latencies, 99),
    maxMs: Math.round(latencies[latencies.length - 1]),
    pageP50Ms: percentile(pageLatencies, 50),
    pageP95Ms: percentile(pageLatencies, 95),
    requestsPerSecond: Math.round(latencies.length / seconds),
    seconds: Math.round(seconds),
  };
  log(`statuses ${JSON.stringify(summary)}`);
  for (const body of errorBodies) log(`  e.g. ${body}`);
  log(
    `overview under ${users} concurrent users: ${load.requests} requests, ${errors} errors; request p50 ${load.p50Ms} ms, p95 ${load.p95Ms} ms, p99 ${load.p99Ms} ms, max ${load.maxMs} ms; whole page p50 ${load.pageP50Ms} ms, p95 ${load.pageP95Ms} ms; ${load.requestsPerSecond} req/s`,
  );
  report.load = load;
  check(errors === 0, `${errors} errors under load`);
}

/**
 * The 360 submission burst: RATERS staff answer their boss at the same moment, each sending the
 * same answer FAULTS_360_COPIES times at once (a double click, a retry). Every rater must get
 * exactly one 204 and the rest 409, and the database must hold exactly one participation row and
 * one response row per acknowledged submission — per ratee too — and one comment per
 * acknowledged answer that had one: zero lost, zero duplicated.
 */
async function reviews360Burst(cluster, api) {
  const raterCount = Number(process.env.FAULTS_360_RATERS || 600);
  const copies = Number(process.env.FAULTS_360_COPIES || 3);
  const per = 10;
  const org = createOrganization(cluster.url, 'faults-360');
  const hr = await login(api.baseUrl, org.username, org.password);
  const orgId = hr.organizationId;
  const raters = [];
  await withClient(cluster.url, async (db) => {
    const one = async (sql, params) => (await db.query(sql, params)).rows[0];
    const unit = (
      await one(
        `INSERT INTO org_unit (organization_id, code, name) VALUES ($1, 'U360', '多面評価課') RETURNING id`,
        [orgId],
      )
    ).id;
    const stage = async (code) =>
      (
        await one(
          `SELECT id FROM position_stage WHERE organization_id = $1 AND code = $2`,
          [orgId, code],
        )
      ).id;
    const [kacho, ippan] = [await stage('kacho'), await stage('ippan')];
    const category = (
      await one(
        `SELECT id FROM employment_category WHERE organization_id = $1 AND code = 'permanent'`,
        [orgId],
      )
    ).id;
    const ids = [];
    const bosses = [];
    const stages = [];
    const numbers = [];
    for (let m = 0; m < raterCount / per; m++) {
      const manager = randomUUID();
      ids.push(manager);
      bosses.push(null);
      stages.push(kacho);
      numbers.push(`M${m}`);
      for (let s = 0; s < per; s++) {
        const id = randomUUID();
        ids.push(id);
        bosses.push(manager);
        stages.push(ippan);
        numbers.push(`S${m}-${s}`);
        raters.push({ employeeId: id, boss: manager });
      }
    }
    await db.query(
      `INSERT INTO employee (id, organization_id, employee_number, name, gender, hire_date, supervisor_id)
       SELECT id, $1, n, n, 'female', '2015-04-01', NULL FROM unnest($2::uuid[], $3::text[]) AS t (id, n)`,
      [orgId, ids, numbers],
    );
    await db.query(
      `UPDATE employee e SET supervisor_id = t.b FROM unnest($2::uuid[], $3::uuid[]) AS t (id, b)
        WHERE e.organization_id = $1 AND e.id = t.id`,
      [orgId, ids, bosses],
    );
    await db.query(
      `INSERT INTO assignment (organization_id, employee_id, valid_from, org_unit_id, position_stage_id, employment_category_id)
       SELECT $1, id, '2015-04-01', $2, st, $3 FROM unnest($4::uuid[], $5::uuid[]) AS t (id, st)`,
      [orgId, unit, category, ids, stages],
    );
    const hash = (
      await one(
        `SELECT password_hash FROM account WHERE organization_id = $1 LIMIT 1`,
        [orgId],
      )
    ).password_hash;
    for (const rater of raters) {
      rater.accountId = randomUUID();
      rater.token = randomBytes(24).toString('base64url');
      rater.csrf = randomBytes(24).toString('base64url');
    }
    await db.query(
      `INSERT INTO account (id, organization_id, username, display_name, password_hash, role, employee_id)
       SELECT a, $1, 'burst-' || a::text, '評価者', $2, 'staff', e FROM unnest($3::uuid[], $4::uuid[]) AS t (a, e)`,
      [
        orgId,
        hash,
        raters.map((r) => r.accountId),
        raters.map((r) => r.employeeId),
      ],
    );
    await db.query(
      `INSERT INTO session (token_hash, account_id, organization_id, csrf_token, expires_at)
       SELECT h, a, $1, c, now() + interval '1 hour' FROM unnest($2::text[], $3::uuid[], $4::text[]) AS t (h, a, c)`,
      [
        orgId,
        raters.map((r) => createHash('sha256').update(r.token).digest('hex')),
        raters.map((r) => r.accountId),
        raters.map((r) => r.csrf),
      ],
    );
  });
  const created = await hr.request('POST', '/api/v1/reviews360/cycles', {
    fiscalYear: 2025,
    name: '同時送信試験',
    referenceDate: '2025-10-01',
  });
  check(created.status === 201, `create cycle: ${created.status}`);
  const cycleId = created.body.id;
  for (const step of ['assignments/generate', 'launch']) {
    const response = await hr.request(
      'POST',
      `/api/v1/reviews360/cycles/${cycleId}/${step}`,
    );
    check(response.status < 300, `${step}: ${response.status}`);
  }
  const items = (
    await hr.request(
      'GET',
      `/api/v1/reviews360/cycles/${cycleId}/questionnaire`,
    )
  ).body.items;
  const rating = items.filter((i) => i.kind === 'rating').map((i) => i.id);
  const text = items.find((i) => i.kind === 'text').id;
  const assignmentOf = await withClient(cluster.url, async (db) => {
    const { rows } = await db.query(
      `SELECT rater_id, id FROM review360_assignment WHERE cycle_id = $1 AND relationship = 'subordinate'`,
      [cycleId],
    );
    return new Map(rows.map((row) => [row.rater_id, row.id]));
  });
  check(
    assignmentOf.size === raters.length,
    `${assignmentOf.size} subordinate assignments for ${raters.length} raters`,
  );
  const statuses = new Map();
  const networkErrors = [];
  const begun = performance.now();
  await Promise.all(
    raters.map(async (rater, i) => {
      const body = JSON.stringify({
        scores: Object.fromEntries(
          rating.map((id, j) => [id, 1 + ((i + j) % 5)]),
        ),
        comments: i % 3 === 0 ? { [text]: 'よい上司です' } : {},
      });
      rater.withComment = i % 3 === 0;
      const answers = await Promise.all(
        Array.from({ length: copies }, async () => {
          try {
            const response = await fetch(
              `${api.baseUrl}/api/v1/reviews360/cycles/${cycleId}/answers/${assignmentOf.get(rater.employeeId)}`,
              {
                method: 'POST',
                headers: {
                  cookie: `ikb_session=${rater.token}`,
                  'x-csrf-token': rater.csrf,
                  'content-type': 'application/json',
                },
                body,
                signal: AbortSignal.timeout(120_000),
              },
            );
            await response.arrayBuffer();
            return response.status;
          } catch (error) {
            if (networkErrors.length < 3)
              networkErrors.push(String(error.cause?.code ?? error.cause ?? error));
            return error.name === 'TimeoutError' ? 'timeout' : 'network error';
          }
        }),
      );
      for (const status of answers)
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      rater.acknowledged = answers.filter((status) => status === 204).length;
    }),
  );
  const seconds = (performance.now() - begun) / 1000;
  const acknowledged = raters.reduce((sum, r) => sum + r.acknowledged, 0);
  const stored = await withClient(cluster.url, async (db) => {
    const one = async (sql) => (await db.query(sql, [cycleId])).rows[0].n;
    return {
      participations: await one(
        `SELECT count(*)::int AS n FROM review360_participation WHERE cycle_id = $1`,
      ),
      responses: await one(
        `SELECT count(*)::int AS n FROM review360_response WHERE cycle_id = $1`,
      ),
      comments: await one(
        `SELECT count(*)::int AS n FROM review360_comment WHERE cycle_id = $1`,
      ),
      perRatee: new Map(
        (
          await db.query(
            `SELECT ratee_id, count(*)::int AS n FROM review360_response WHERE cycle_id = $1 GROUP BY ratee_id`,
            [cycleId],
          )
        ).rows.map((row) => [row.ratee_id, row.n]),
      ),
    };
  });
  const expectedPerRatee = new Map();
  for (const rater of raters)
    expectedPerRatee.set(
      rater.boss,
      (expectedPerRatee.get(rater.boss) ?? 0) + rater.acknowledged,
    );
  const rateeMismatches = [...expectedPerRatee].filter(
    ([ratee, n]) => (stored.perRatee.get(ratee) ?? 0) !== n,
  ).length;
  const acknowledgedComments = raters
    .filter((r) => r.withComment)
    .reduce((sum, r) => sum + r.acknowledged, 0);
  const summary = Object.fromEntries(statuses);
  for (const error of networkErrors) log(`  network error: ${error}`);
  log(
    `360 burst: ${raters.length} raters × ${copies} identical sends at once in ${seconds.toFixed(1)} s: statuses ${JSON.stringify(summary)}; acknowledged ${acknowledged}; stored ${stored.participations} participations, ${stored.responses} responses, ${stored.comments} comments (${acknowledgedComments} acknowledged with a comment)`,
  );
  const lost = Math.max(0, acknowledged - stored.responses);
  const duplicated = Math.max(0, stored.responses - acknowledged);
  report.burst360 = {
    raters: raters.length,
    copiesPerRater: copies,
    requests: raters.length * copies,
    statuses: summary,
    acknowledged,
    participations: stored.participations,
    responses: stored.responses,
    comments: stored.comments,
    acknowledgedWithComment: acknowledgedComments,
    lost,
    duplicated,
    seconds: Math.round(seconds),
  };
  report.rowsLost += lost;
  check(
    [...statuses.keys()].every((status) => status === 204 || status === 409),
    `answers other than 204/409: ${JSON.stringify(summary)}`,
  );
  check(
    raters.every((r) => r.acknowledged === 1),
    `raters acknowledged other than once: ${raters.filter((r) => r.acknowledged !== 1).length}`,
  );
  check(
    stored.participations === acknowledged &&
      stored.responses === acknowledged &&
      stored.comments === acknowledgedComments,
    `acknowledged ${acknowledged} vs stored ${JSON.stringify({ ...stored, perRatee: undefined })}`,
  );
  check(rateeMismatches === 0, `${rateeMismatches} ratees with a wrong count`);
  report.scenarios.push({
    fault: `360 burst: ${raters.length} raters, each answer sent ${copies} times at once`,
    result: `${acknowledged} acknowledged = ${stored.participations} participations = ${stored.responses} responses, ${stored.comments} comments; 0 lost, 0 duplicated`,
  });
}

async function main() {
  const started = Date.now();
  const cluster = await startCluster();
  let failed = null;
  try {
    // FAULTS_ONLY=load runs the load scenario alone.
    // FAULTS_ONLY=360 runs the 360 burst alone.
    if (process.env.FAULTS_ONLY === '360') {
      const api = await startApi(cluster.url);
      await reviews360Burst(cluster, api);
      await api.term();
    } else if (process.env.FAULTS_ONLY !== 'load') {
      const { api, session } = await killDuringImport(cluster);
      await restartPostgresUnderLoad(cluster, api, session);
      await reviews360Burst(cluster, api);
      const lateWrite = await sigtermInFlight(api, session);
      const kept = await withClient(
        cluster.url,
        async (client) =>
          (
            await client.query(
              `SELECT count(*)::int AS n FROM plan WHERE id = $1`,
              [lateWrite],
            )
          ).rows[0].n,
      );
      check(
        kept === 1,
        'the write acknowledged during shutdown is not in the database',
      );
    }
    if (process.env.FAULTS_ONLY !== '360') await dashboardLoad(cluster);
  } catch (error) {
    failed = error;
    console.error(error.stack);
    const last = apis[apis.length - 1];
    if (last)
      console.error(
        `--- output of the last API started ---\n${last.output().slice(-4000)}`,
      );
  } finally {
    await cluster.destroy();
  }
  report.seconds = Math.round((Date.now() - started) / 1000);
  mkdirSync(join(root, 'tmp'), { recursive: true });
  writeFileSync(
    join(root, 'tmp', 'faults-report.json'),
    JSON.stringify(report, null, 2),
  );
  console.log('\nFault injection summary');
  for (const scenario of report.scenarios)
    console.log(`  ✔ ${scenario.fault}: ${scenario.result}`);
  if (report.burst360)
    console.log(
      `  ✔ 360 burst: ${report.burst360.requests} sends, ${report.burst360.acknowledged} acknowledged, ${report.burst360.responses} stored, lost ${report.burst360.lost}, duplicated ${report.burst360.duplicated}`,
    );
  if (report.load)
    console.log(
      `  ✔ overview under ${report.load.users} concurrent users: ${report.load.requests} requests, ${report.load.errors} errors, p50 ${report.load.p50Ms} ms, p99 ${report.load.p99Ms} ms`,
    );
  console.log(
    `  faults injected ${report.faultsInjected}, survived ${report.faultsSurvived}, rows lost ${report.rowsLost} (${report.seconds} s)`,
  );
  if (failed) {
    console.error(`\n✖ ${failed.message}`);
    process.exit(1);
  }
}

await main();
