// Starts the built API (dist/api/main.js) as a child process with its own throwaway embedded
// PostgreSQL cluster, exactly as `npm start` runs it, and waits until it answers.
const { spawn } = require('node:child_process');
const { mkdtempSync, rmSync, writeFileSync, mkdirSync } = require('node:fs');
const { createServer } = require('node:net');
const { tmpdir } = require('node:os');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const STATE_FILE = join(root, 'tmp', 'test-server.json');

function freePort() {
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

// node:http without keep-alive, so no idle socket outlives the suite.
function healthStatus(url) {
  return new Promise((resolve, reject) => {
    const request = require('node:http').get(
      url,
      { agent: false },
      (response) => {
        response.resume();
        resolve(response.statusCode);
      },
    );
    request.on('error', reject);
  });
}

async function waitUntilReady(baseUrl, child, deadlineMs) {
  const deadline = Date.now() + deadlineMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(
        `The API exited during start-up with code ${child.exitCode}`,
      );
    try {
      if ((await healthStatus(`${baseUrl}/api/v1/health`)) === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The API did not become ready within ${deadlineMs / 1000} s`);
}

async function startApiServer({ mode, env = {} }) {
  const dataDir = mkdtempSync(join(tmpdir(), `ikuboard-${mode}-`));
  // The embedded cluster runs as the postgres user, which must be able to enter the directory.
  require('node:fs').chmodSync(dataDir, 0o755);
  const [port, pgPort] = [await freePort(), await freePort()];
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = Date.now();
  const child = spawn(process.execPath, [join(root, 'dist/api/main.js')], {
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
      DATABASE_URL: '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => {
    output += chunk;
  });
  process.on('exit', () => child.exitCode === null && child.kill('SIGKILL'));
  try {
    // A readiness deadline, not a timing assertion: the demo seed takes ~30 s alone, minutes on a busy CI box.
    await waitUntilReady(baseUrl, child, 420_000);
  } catch (error) {
    process.stderr.write(output);
    child.kill('SIGTERM');
    throw error;
  }
  const state = {
    baseUrl,
    databaseUrl: `postgres://postgres:ikuboard-local@127.0.0.1:${pgPort}/ikuboard`,
    pid: child.pid,
    dataDir,
    startupMs: Date.now() - started,
  };
  mkdirSync(join(root, 'tmp'), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(state));
  globalThis.__IKUBOARD_API__ = { child, dataDir };
  return state;
}

async function stopApiServer() {
  const server = globalThis.__IKUBOARD_API__;
  if (!server) return;
  const { child, dataDir } = server;
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    // the timer is cleared once the child has exited: a pending one kept the test runner (and
    // the bench) alive for its whole length after the last test
    let timer;
    const timeout = new Promise((resolve) => {
      timer = setTimeout(resolve, 20_000, 'timeout');
    });
    const outcome = await Promise.race([exited, timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout') child.kill('SIGKILL');
  }
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(STATE_FILE, { force: true });
}

module.exports = { startApiServer, stopApiServer, STATE_FILE, freePort };
