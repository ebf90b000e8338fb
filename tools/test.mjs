#!/usr/bin/env node
// `npm test`: lint, unit tests and builds through Nx, then the integration tests against a real
// embedded PostgreSQL, then the end-to-end tests in headless Chromium. Stops at the first failure.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { binPath } from './bin-path.mjs';
import { findChromium } from './chromium.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : null;
const env = {
  ...process.env,
  TZ: 'UTC',
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  NX_INTERACTIVE: 'false',
  // CI must run every test, never replay a result from the machine-wide Nx cache (~/.nx).
  ...(process.env.CI ? { NX_SKIP_NX_CACHE: 'true' } : {}),
};

function step(name, command, commandArgs, extraEnv = {}) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, commandArgs, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status !== 0) {
    console.error(`\n✖ ${name} failed after ${seconds} s`);
    process.exit(result.status ?? 1);
  }
  console.log(`✔ ${name} (${seconds} s)`);
}

const nx = binPath('nx');
const jest = binPath('jest');
const started = Date.now();

const chromePath = only === null || only === 'e2e' ? findChromium() : undefined;

if (only === null) {
  step('Lint, unit tests and production builds', process.execPath, [
    nx, 'run-many', '-t', 'lint', 'test', 'build', '--parallel=2', '--outputStyle=static',
  ]);
  step('Type-check the integration and end-to-end suites', process.execPath, [binPath('typescript', 'tsc'), '-p', 'test/tsconfig.json']);
  step('Benchmark harness unit tests (bench/test)', process.execPath, ['--test', 'bench/test/']);
}
if (only === null || only === 'integration') {
  if (only) step('Build the API', process.execPath, [nx, 'run', 'api:build', '--outputStyle=static']);
  step('Integration tests (real PostgreSQL, real migrations, the built API over HTTP)', process.execPath, [
    jest, '-c', 'test/integration/jest.config.cjs', '--runInBand',
  ]);
}
if (only === null || only === 'e2e') {
  if (only) step('Build the API and the dashboard', process.execPath, [nx, 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static']);
  step('End-to-end tests (headless Chromium)', process.execPath, [jest, '-c', 'test/e2e/jest.config.cjs', '--runInBand'], {
    CHROME_PATH: chromePath,
  });
}
console.log(`\nAll tests passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
