// Starts the built API (dist/api/main.js) on a benchmark data directory: its embedded PostgreSQL
// is kept between runs (bench:data builds it once), or DATABASE_URL points at another server.
import { spawn } from 'node:child_process';
import { mkdirSync, chmodSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { get } from 'node:http';
import { join } from 'node:path';

import { root } from './bundle.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function status(url) {
  return new Promise((resolve, reject) => {
    const request = get(url, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode);
    });
    request.on('error', reject);
  });
}

export function dataDirOf(tier) {
  return join(root, 'tmp', 'bench', tier);
}

/** The API on the tier's data directory (nodeArgs: flags for its node, e.g. --cpu-prof); resolves when /health answers. */
export async function startApi({
  tier,
  dataDir = dataDirOf(tier),
  mode = 'production',
  env = {},
  nodeArgs = [],
}) {
  mkdirSync(dataDir, { recursive: true });
  chmodSync(dataDir, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const external = process.env.DATABASE_URL || '';
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
        IKUBOARD_MODE: mode,
        COOKIE_SECURE: 'false',
        LOG_LEVEL: 'warn',
        DATABASE_URL: external,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const kill = () => child.exitCode === null && child.kill('SIGKILL');
  process.on('exit', kill);
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the API exited during start-up:\n${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`the API did not start:\n${output}`);
    }
    try {
      if ((await status(`${baseUrl}/api/v1/health`)) === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    pid: child.pid,
    // the floors and probes connect the way the API does: through the cluster's Unix socket when
    // it has one (api/src/database/embedded-postgres.ts), else over TCP
    databaseUrl:
      external ||
      (existsSync(join(dataDir, 'pg', `.s.PGSQL.${pgPort}`))
        ? `postgres://postgres:ikuboard-local@localhost:${pgPort}/ikuboard?host=${encodeURIComponent(join(dataDir, 'pg'))}`
        : `postgres://postgres:ikuboard-local@127.0.0.1:${pgPort}/ikuboard`),
    startupMs: Date.now() - started,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // cleared once the child has exited, or it keeps this process alive for 30 s
      let timer;
      const timeout = new Promise((resolve) => {
        timer = setTimeout(resolve, 30_000, 'timeout');
      });
      const outcome = await Promise.race([exited, timeout]);
      clearTimeout(timer);
      if (outcome === 'timeout') child.kill('SIGKILL');
      process.off('exit', kill);
    },
  };
}

/** Builds what the harness needs when dist/ is missing (a fresh clone). */
export async function ensureBuilt(projects = ['api']) {
  const missing = projects.filter(
    (p) =>
      !existsSync(
        join(
          root,
          p === 'api' ? 'dist/api/main.js' : 'dist/web/browser/index.html',
        ),
      ),
  );
  if (missing.length === 0) return;
  const { spawnSync } = await import('node:child_process');
  console.log(`building ${missing.join(', ')} …`);
  const result = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/nx/dist/bin/nx.js'),
      'run-many',
      '-t',
      'build',
      '-p',
      ...missing,
      '--outputStyle=static',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        NX_NO_CLOUD: 'true',
        NX_DAEMON: 'false',
        NX_TUI: 'false',
        NX_INTERACTIVE: 'false',
      },
    },
  );
  if (result.status !== 0) throw new Error('the build failed');
}
