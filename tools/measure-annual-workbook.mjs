#!/usr/bin/env node
// Measures the committee's annual statistics workbook on the demo city: starts the built API in demo
// mode with a throwaway embedded PostgreSQL, prepares the FY review, runs the report job and
// reports its build time and the API process's peak RSS (in-process VmHWM after a reset, and an
// outside sampler of /proc/<pid>/status VmRSS). Usage: node tools/measure-annual-workbook.mjs [fy]
import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const fiscalYear = Number(process.argv[2] ?? 2025);
const freePort = () =>
  new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const rssMb = (pid, field) => {
  const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : 0;
};

const dataDir = mkdtempSync(join(tmpdir(), 'ikuboard-measure-'));
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
    LOG_LEVEL: 'log',
    DATABASE_URL: '',
  },
  stdio: ['ignore', 'inherit', 'inherit'],
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
    if (Date.now() - bootStarted > 900_000) throw new Error('no start within 15 min');
    await sleep(500);
  }
  let cookie = '';
  let csrf = '';
  const call = async (method, path, body) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    return response.headers.get('content-type')?.includes('json') ? response.json() : Buffer.from(await response.arrayBuffer());
  };
  csrf = (await call('POST', '/api/v1/auth/login', { username: 'hr', password: 'ikuboard-demo' })).csrfToken;
  const rssBefore = rssMb(child.pid, 'VmRSS');
  const prepareStarted = Date.now();
  const review = await call('POST', '/api/v1/committee/reviews', { fiscalYear });
  const prepareMs = Date.now() - prepareStarted;
  let sampled = rssMb(child.pid, 'VmRSS');
  let job = await call('POST', '/api/v1/reports/jobs', { kind: 'annual_statistics', reviewId: review.id });
  const jobStarted = Date.now();
  while (job.status === 'running') {
    for (let i = 0; i < 10; i++) {
      sampled = Math.max(sampled, rssMb(child.pid, 'VmRSS'));
      await sleep(10);
    }
    job = await call('GET', `/api/v1/reports/jobs/${job.id}`);
  }
  const wallMs = Date.now() - jobStarted;
  const file = await call('GET', `/api/v1/reports/jobs/${job.id}/file`);
  const result = {
    fiscalYear,
    snapshotFigures: review.snapshot.organization.length + review.snapshot.employerUnits.reduce((n, u) => n + u.values.length, 0),
    employerUnits: review.snapshot.employerUnits.length,
    prepareMs,
    job: { status: job.status, durationMs: job.durationMs, peakRssMb: job.peakRssMb },
    pollWallMs: wallMs,
    rssBeforeMb: Math.round(rssBefore),
    sampledPeakRssMb: Math.round(sampled),
    fileBytes: file.length,
  };
  console.log(JSON.stringify(result, null, 2));
} finally {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
  rmSync(dataDir, { recursive: true, force: true });
}
