#!/usr/bin/env node
// `npm start`: builds the API and the dashboard (Nx cache makes later starts quick), then runs
// the API, which starts its embedded PostgreSQL, migrates, loads the demo city and serves the web.
import { spawn, spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { binPath } from './bin-path.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = {
  ...process.env,
  NX_NO_CLOUD: 'true',
  NX_DAEMON: 'false',
  NX_TUI: 'false',
  NX_INTERACTIVE: 'false',
  NX_SKIP_NX_CACHE: process.env.NX_SKIP_NX_CACHE ?? 'false',
};

const started = Date.now();
console.log('Building the API and the dashboard (the first time takes about a minute)…');
const build = spawnSync(
  process.execPath,
  [binPath('nx'), 'run-many', '-t', 'build', '-p', 'api', 'web', '--parallel=2', '--outputStyle=static'],
  { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' },
);
if (build.status !== 0) {
  process.stdout.write(build.stdout ?? '');
  process.stderr.write(build.stderr ?? '');
  console.error('\nThe build failed; see the output above.');
  process.exit(build.status ?? 1);
}
console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s. Starting Ikuboard…`);

const api = spawn(process.execPath, [join(root, 'dist/api/main.js'), ...process.argv.slice(2)], {
  cwd: root,
  env: { ...process.env, IKUBOARD_BOOT_STARTED: String(started) },
  stdio: 'inherit',
});
// The terminal's Ctrl-C reaches the API itself (same process group); pass on what arrives only here.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (api.exitCode === null) api.kill(signal);
  });
}
api.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
