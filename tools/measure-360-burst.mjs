#!/usr/bin/env node
// Measures 360 submissions over HTTP on loopback (issue 8: ≥ 300 submissions/s sustained for 60 s,
// p99 ≤ 200 ms, zero lost or duplicated). Starts the built API (dist/api/main.js) in production
// mode with a throwaway embedded PostgreSQL, loads an organization of --managers managers with ten
// staff each (every staff member has an account and a live session), creates, generates and
// launches a cycle through the API, then lets autocannon send one answer per assignment, each
// assignment at most once, for --duration seconds. Afterwards it counts what was stored: the
// participation rows, the response rows and the audit entries must equal the acknowledged (204)
// answers. Prints one JSON line with the figures and the machine's load.
//
// Usage: node tools/measure-360-burst.mjs [--duration 60] [--connections 50] [--managers 4000]
//        [--warmup 5]
// Does not build: run `nx run api:build` first.
import { spawn } from 'node:child_process';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const autocannon = require('autocannon');
const pg = require('pg');

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '60' },
    connections: { type: 'string', default: '50' },
    managers: { type: 'string', default: '4000' },
    warmup: { type: 'string', default: '5' },
  },
});
const duration = Number(values.duration);
const connections = Number(values.connections);
const managers = Number(values.managers);
const warmup = Number(values.warmup);
const PER_MANAGER = 10;
const log = (line) => console.error(`[360-burst] ${line}`);

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

if (!existsSync(join(root, 'dist/api/main.js')))
  throw new Error('dist/api/main.js is missing: build the API first');

const dataDir = mkdtempSync(join(os.tmpdir(), 'ikuboard-360-burst-'));
chmodSync(dataDir, 0o755);
const [port, pgPort] = [await freePort(), await freePort()];
const baseUrl = `http://127.0.0.1:${port}`;
// API_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the API while it is measured.
const nodeArgs = (process.env.API_NODE_ARGS ?? '').split(' ').filter(Boolean);
const child = spawn(
  process.execPath,
  [...nodeArgs, join(root, 'dist/api/main.js')],
  {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      EMBEDDED_PG_PORT: String(pgPort),
      IKUBOARD_DATA_DIR: dataDir,
      IKUBOARD_MODE: 'production',
      COOKIE_SECURE: 'false',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    // The API's own output goes to stderr, so stdout carries only the JSON line.
    stdio: ['ignore', 2, 'inherit'],
  },
);
const db = new pg.Client({
  connectionString: `postgres://postgres:ikuboard-local@127.0.0.1:${pgPort}/ikuboard`,
});

/** An organization, its staff with sessions, and an HR session, written directly (set-based). */
async function loadOrganization() {
  const code = `burst-${randomBytes(3).toString('hex')}`;
  const [{ id: org }] = (
    await db.query(
      `INSERT INTO organization (code, name, name_en, kind) VALUES ($1, $2, $3, 'municipality') RETURNING id`,
      [code, `負荷試験市 ${code}`, `Load City ${code}`],
    )
  ).rows;
  const stageIds = {};
  for (const [stage, sort, official, isManager] of [
    ['kacho', 3, 'section_chief', true],
    ['ippan', 7, 'staff', false],
  ]) {
    stageIds[stage] = (
      await db.query(
        `INSERT INTO position_stage (organization_id, code, name, name_en, sort_order, official_stage, is_manager, is_supervisor)
         VALUES ($1, $2, $2, $2, $3, $4, $5, $5) RETURNING id`,
        [org, stage, sort, official, isManager],
      )
    ).rows[0].id;
  }
  const [{ id: category }] = (
    await db.query(
      `INSERT INTO employment_category (organization_id, code, name, name_en, sort_order)
       VALUES ($1, 'permanent', '正規', 'Permanent', 1) RETURNING id`,
      [org],
    )
  ).rows;
  const [{ id: unit }] = (
    await db.query(
      `INSERT INTO org_unit (organization_id, code, name) VALUES ($1, 'U', '総務課') RETURNING id`,
      [org],
    )
  ).rows;
  await db.query(
    `INSERT INTO org_unit_closure (organization_id, ancestor_id, descendant_id, depth) VALUES ($1, $2, $2, 0)`,
    [org, unit],
  );
  const ids = [];
  const bosses = [];
  const stages = [];
  const numbers = [];
  for (let m = 0; m < managers; m++) {
    const manager = randomUUID();
    ids.push(manager);
    bosses.push(null);
    stages.push(stageIds.kacho);
    numbers.push(`M${m}`);
    for (let s = 0; s < PER_MANAGER; s++) {
      ids.push(randomUUID());
      bosses.push(manager);
      stages.push(stageIds.ippan);
      numbers.push(`S${m}-${s}`);
    }
  }
  await db.query(
    `INSERT INTO employee (id, organization_id, employee_number, name, gender, hire_date)
     SELECT id, $1, n, n, 'female', '2015-04-01' FROM unnest($2::uuid[], $3::text[]) AS t (id, n)`,
    [org, ids, numbers],
  );
  await db.query(
    `UPDATE employee e SET supervisor_id = t.b FROM unnest($2::uuid[], $3::uuid[]) AS t (id, b)
      WHERE e.organization_id = $1 AND e.id = t.id AND t.b IS NOT NULL`,
    [org, ids, bosses],
  );
  await db.query(
    `INSERT INTO assignment (organization_id, employee_id, valid_from, org_unit_id, position_stage_id, employment_category_id)
     SELECT $1, id, '2015-04-01', $2, st, $3 FROM unnest($4::uuid[], $5::uuid[]) AS t (id, st)`,
    [org, unit, category, ids, stages],
  );
  const raters = ids.filter((_, i) => bosses[i] !== null);
  const accountIds = raters.map(() => randomUUID());
  await db.query(
    `INSERT INTO account (id, organization_id, username, display_name, password_hash, role, employee_id)
     SELECT a, $1, $2 || '-' || a::text, 'x', 'not-a-login', 'staff', e FROM unnest($3::uuid[], $4::uuid[]) AS t (a, e)`,
    [org, code, accountIds, raters],
  );
  const session = () => ({
    token: randomBytes(32).toString('base64url'),
    csrf: randomBytes(24).toString('base64url'),
  });
  const sessions = raters.map(session);
  await db.query(
    `INSERT INTO session (token_hash, account_id, organization_id, csrf_token, expires_at)
     SELECT h, a, $1, c, now() + interval '4 hours' FROM unnest($2::text[], $3::uuid[], $4::text[]) AS t (h, a, c)`,
    [
      org,
      sessions.map((s) => createHash('sha256').update(s.token).digest('hex')),
      accountIds,
      sessions.map((s) => s.csrf),
    ],
  );
  const hrAccount = randomUUID();
  const hr = session();
  await db.query(
    `INSERT INTO account (id, organization_id, username, display_name, password_hash, role)
     VALUES ($1, $2, $3, 'HR', 'not-a-login', 'hr')`,
    [hrAccount, org, `${code}-hr`],
  );
  await db.query(
    `INSERT INTO session (token_hash, account_id, organization_id, csrf_token, expires_at)
     VALUES ($1, $2, $3, $4, now() + interval '4 hours')`,
    [
      createHash('sha256').update(hr.token).digest('hex'),
      hrAccount,
      org,
      hr.csrf,
    ],
  );
  return { org, raters, sessions, hr };
}

async function call(session, method, path, body) {
  const response = await fetch(baseUrl + path, {
    method,
    headers: {
      cookie: `ikb_session=${session.token}`,
      'x-csrf-token': session.csrf,
      'content-type': 'application/json',
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300)
    throw new Error(
      `${method} ${path}: ${response.status} ${await response.text()}`,
    );
  return response.status === 204 ? null : response.json();
}

function run(options) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve(result),
    );
    autocannon.track(instance, {
      renderProgressBar: false,
      renderResultsTable: false,
    });
  });
}

/** CPU seconds (user + system) of a process tree, from /proc: the API and its PostgreSQL. */
function cpuSeconds(pid) {
  const ticks = 100; // USER_HZ on Linux
  const stats = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      stats.set(Number(entry), {
        ppid: Number(fields[1]),
        cpu: (Number(fields[11]) + Number(fields[12])) / ticks,
      });
    } catch {
      /* gone */
    }
  }
  const tree = (root) => {
    let api = stats.get(root)?.cpu ?? 0;
    let children = 0;
    const visit = (parent) => {
      for (const [id, s] of stats)
        if (s.ppid === parent) {
          children += s.cpu;
          visit(id);
        }
    };
    visit(root);
    return { api, postgres: children };
  };
  return tree(pid);
}

async function commits() {
  const [{ n }] = (
    await db.query(
      `SELECT xact_commit::bigint AS n FROM pg_stat_database WHERE datname = current_database()`,
    )
  ).rows;
  return Number(n);
}

/** Waits until the API has finished the requests still queued when the load stopped. */
async function drained(cycleId) {
  let last = -1;
  for (;;) {
    const [{ n }] = (
      await db.query(
        `SELECT count(*)::int AS n FROM review360_participation WHERE cycle_id = $1`,
        [cycleId],
      )
    ).rows;
    if (n === last) return n;
    last = n;
    await sleep(1_000);
  }
}

let exitCode = 0;
try {
  const bootStarted = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error('the API exited');
    try {
      if ((await fetch(`${baseUrl}/api/v1/health`)).status === 200) break;
    } catch {
      /* not yet */
    }
    if (Date.now() - bootStarted > 600_000)
      throw new Error('no start within 10 min');
    await sleep(300);
  }
  await db.connect();
  log(
    `API ready in ${Date.now() - bootStarted} ms; loading ${managers} managers × ${PER_MANAGER} staff`,
  );
  const { org, raters, sessions, hr } = await loadOrganization();
  const cycle = await call(hr, 'POST', '/api/v1/reviews360/cycles', {
    fiscalYear: 2025,
    name: 'burst',
    referenceDate: '2025-10-01',
  });
  await call(
    hr,
    'POST',
    `/api/v1/reviews360/cycles/${cycle.id}/assignments/generate`,
    {},
  );
  await call(hr, 'POST', `/api/v1/reviews360/cycles/${cycle.id}/launch`);
  const questionnaire = await call(
    hr,
    'GET',
    `/api/v1/reviews360/cycles/${cycle.id}/questionnaire`,
  );
  const assignmentOf = new Map(
    (
      await db.query(
        `SELECT rater_id, id FROM review360_assignment WHERE cycle_id = $1 AND relationship = 'subordinate'`,
        [cycle.id],
      )
    ).rows.map((r) => [r.rater_id, r.id]),
  );
  const rating = questionnaire.items
    .filter((i) => i.kind === 'rating')
    .map((i) => i.id);
  const text = questionnaire.items.find((i) => i.kind === 'text').id;
  const requests = raters.map((rater, i) => ({
    method: 'POST',
    path: `/api/v1/reviews360/cycles/${cycle.id}/answers/${assignmentOf.get(rater)}`,
    headers: {
      cookie: `ikb_session=${sessions[i].token}`,
      'x-csrf-token': sessions[i].csrf,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      scores: Object.fromEntries(
        rating.map((id, j) => [
          id,
          j === 0 && i % 7 === 0 ? null : ((i + j) % 5) + 1,
        ]),
      ),
      comments: i % 3 === 0 ? { [text]: `コメント ${i % 50}` } : {},
    }),
  }));
  let next = 0;
  const acknowledged = new Set();
  const take = (request, context) => {
    const index = next++ % requests.length;
    const r = requests[index];
    context.assignment = assignmentOf.get(raters[index]);
    request.method = r.method;
    request.path = r.path;
    request.headers = r.headers;
    request.body = r.body;
    return request;
  };
  const answered = (status, _body, context) => {
    if (status === 204) acknowledged.add(context.assignment);
  };
  const loadBefore = os.loadavg();
  if (warmup > 0) {
    log(`warm-up ${warmup} s`);
    await run({
      url: baseUrl,
      connections,
      duration: warmup,
      requests: [{ method: 'POST', setupRequest: take, onResponse: answered }],
    });
  }
  const warmupSent = next;
  const storedBefore = await drained(cycle.id);
  log(`measuring ${duration} s with ${connections} connections`);
  const commitsBefore = await commits();
  const cpuBefore = cpuSeconds(child.pid);
  const result = await run({
    url: baseUrl,
    connections,
    duration,
    requests: [{ method: 'POST', setupRequest: take, onResponse: answered }],
  });
  const loadAfter = os.loadavg();
  const storedAfter = await drained(cycle.id);
  const written = storedAfter - storedBefore;
  const cpuAfter = cpuSeconds(child.pid);
  // pg_stat counters are sent by backends at the end of their transactions; wait for the report.
  await sleep(1_500);
  const commitsAfter = await commits();
  if (next > requests.length)
    log(
      `WARNING: ${next} requests for ${requests.length} assignments: some were repeats (409)`,
    );
  const stored = new Set(
    (
      await db.query(
        `SELECT assignment_id FROM review360_participation WHERE cycle_id = $1`,
        [cycle.id],
      )
    ).rows.map((r) => r.assignment_id),
  );
  const [counts] = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM review360_participation WHERE cycle_id = $1) AS participation,
              (SELECT count(*)::int FROM review360_response WHERE cycle_id = $1) AS responses,
              (SELECT count(*)::int FROM audit_log WHERE organization_id = $2 AND action = 'anonymous_submission' AND status = 204) AS audited`,
      [cycle.id, org],
    )
  ).rows;
  const status = (code) => result.statusCodeStats?.[code]?.count ?? 0;
  const measured204 = status('204');
  const lost = [...acknowledged].filter((id) => !stored.has(id)).length;
  const figures = {
    script: 'tools/measure-360-burst.mjs',
    at: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      loadAverageBefore: loadBefore.map((x) => Math.round(x * 10) / 10),
      loadAverageAfter: loadAfter.map((x) => Math.round(x * 10) / 10),
      node: process.version,
    },
    settings: {
      duration,
      connections,
      managers,
      staffPerManager: PER_MANAGER,
      warmup,
    },
    submissionsPerSecond: Math.round((measured204 / result.duration) * 10) / 10,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    measuredRequests: result.requests.total,
    // Cost per acknowledged answer of the measured run (all requests, including those queued at the stop).
    perSubmission: {
      written,
      commits:
        Math.round(((commitsAfter - commitsBefore - 1) / written) * 100) / 100,
      apiCpuMs:
        Math.round(((cpuAfter.api - cpuBefore.api) * 1e5) / written) / 100,
      postgresCpuMs:
        Math.round(((cpuAfter.postgres - cpuBefore.postgres) * 1e5) / written) /
        100,
    },
    measured204,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    // Over warm-up and measurement: every acknowledged answer must be stored once.
    acknowledged: acknowledged.size,
    storedParticipation: counts.participation,
    storedResponses: counts.responses,
    auditedSubmissions: counts.audited,
    lost,
    duplicated: counts.responses - counts.participation,
    // Sent when the clock stopped: stored, but the answer was not awaited.
    storedNotAwaited: counts.participation - (acknowledged.size - lost),
    repeatsSent: Math.max(0, next - requests.length),
  };
  console.log(JSON.stringify(figures));
  if (lost !== 0 || figures.duplicated !== 0) exitCode = 1;
} catch (error) {
  console.error(error);
  exitCode = 1;
} finally {
  await db.end().catch(() => undefined);
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(20_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
