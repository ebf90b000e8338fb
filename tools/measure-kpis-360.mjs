#!/usr/bin/env node
// Measures GET /api/v1/kpis for a fiscal year with a released 360 cycle on the demo city (issue 8).
// Starts the built API (dist/api/main.js) in demo mode with a throwaway embedded PostgreSQL exactly
// as the integration tests do, logs in as hr, sends --requests sequential requests (after one
// warm-up request) and prints one JSON line with median, p95 and the machine's load average.
// With --hold it then keeps the server up (printing its database URL) until interrupted, for EXPLAIN.
//
// Usage: node tools/measure-kpis-360.mjs [--fy 2024] [--requests 20] [--hold]
// Does not build: run `nx run api:build` first.
import { createRequire } from 'node:module';
import os from 'node:os';
import { parseArgs } from 'node:util';

const require = createRequire(import.meta.url);
const {
  startApiServer,
  stopApiServer,
} = require('../test/support/api-server.cjs');

const { values } = parseArgs({
  options: {
    fy: { type: 'string', default: '2024' },
    requests: { type: 'string', default: '20' },
    hold: { type: 'boolean', default: false },
  },
});
const log = (line) => console.error(`[kpis-360] ${line}`);

const state = await startApiServer({ mode: 'demo' });
log(`started in ${state.startupMs} ms; database ${state.databaseUrl}`);
try {
  const login = await fetch(`${state.baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'hr', password: 'ikuboard-demo' }),
  });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookie = /ikb_session=[^;]*/.exec(login.headers.get('set-cookie'))[0];
  const get = async () => {
    const started = process.hrtime.bigint();
    const response = await fetch(
      `${state.baseUrl}/api/v1/kpis?fy=${values.fy}`,
      { headers: { cookie } },
    );
    const body = await response.json();
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    if (response.status !== 200)
      throw new Error(`GET /kpis: ${response.status} ${JSON.stringify(body)}`);
    return { ms, body };
  };
  const { body } = await get();
  const score = JSON.stringify(body).match(/"code":"ikuboss_360_score"[^}]*/);
  log(`warm-up: ${score ? score[0] : 'no ikuboss_360_score in the answer'}`);
  const times = [];
  for (let i = 0; i < Number(values.requests); i++)
    times.push((await get()).ms);
  times.sort((a, b) => a - b);
  const at = (q) =>
    times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  console.log(
    JSON.stringify({
      fiscalYear: Number(values.fy),
      requests: times.length,
      medianMs:
        Math.round(
          ((times[(times.length - 1) >> 1] + times[times.length >> 1]) / 2) *
            10,
        ) / 10,
      p95Ms: Math.round(at(0.95) * 10) / 10,
      maxMs: Math.round(times[times.length - 1] * 10) / 10,
      loadavg: os.loadavg().map((x) => Math.round(x * 100) / 100),
      cpus: os.cpus().length,
    }),
  );
  if (values.hold) {
    log(
      `holding; DATABASE_URL=${state.databaseUrl} BASE_URL=${state.baseUrl} (Ctrl-C to stop)`,
    );
    await new Promise((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
  }
} finally {
  await stopApiServer();
}
// Idle keep-alive sockets and the signal listeners must not keep the process alive.
process.exit(0);
