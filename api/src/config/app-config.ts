import { totalmem } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export type AppMode = 'demo' | 'production';

/** Everything the API reads from the environment, validated once at boot. */
export interface AppConfig {
  mode: AppMode;
  host: string;
  port: number;
  /** External PostgreSQL; when absent the API starts an embedded cluster in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  embeddedPostgresPort: number;
  /** shared_buffers of the embedded cluster, in MB. */
  embeddedPostgresSharedBuffersMb: number;
  webDistDir: string;
  cookieSecure: boolean;
  sessionTtlHours: number;
  maxUploadBytes: number;
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Connections in the PostgreSQL pool, and how long a query waits for one before a 503. */
  dbPoolMax: number;
  dbPoolWaitMs: number;
  /** Admission control (common/request-queue.ts): requests handled at once, and how long and
   * how many may wait for their turn. */
  requestConcurrency: number;
  requestQueueWaitMs: number;
  requestQueueMax: number;
}

export class ConfigError extends Error {}

function integer(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(
      `${name} must be an integer between ${min} and ${max}, got "${raw}"`,
    );
  }
  return value;
}

function oneOf<T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(
      `${name} must be one of ${allowed.join(', ')}, got "${raw}"`,
    );
  }
  return raw as T;
}

function absolute(path: string, base: string): string {
  return isAbsolute(path) ? path : resolve(base, path);
}

export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  cwd = process.cwd(),
): AppConfig {
  const databaseUrl = env['DATABASE_URL'] || null;
  if (databaseUrl !== null && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(
      'DATABASE_URL must start with postgres:// or postgresql://',
    );
  }
  const mode = oneOf<AppMode>(
    env,
    'IKUBOARD_MODE',
    ['demo', 'production'],
    'demo',
  );
  const dbPoolMax = integer(env, 'DB_POOL_MAX', 10, 1, 1_000);
  return {
    mode,
    host: env['HOST'] || '127.0.0.1',
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    dataDir: absolute(env['IKUBOARD_DATA_DIR'] || '.data', cwd),
    embeddedPostgresPort: integer(env, 'EMBEDDED_PG_PORT', 54329, 1024, 65535),
    embeddedPostgresSharedBuffersMb: integer(
      env,
      'EMBEDDED_PG_SHARED_BUFFERS_MB',
      defaultSharedBuffersMb(),
      16,
      65536,
    ),
    webDistDir: absolute(
      env['IKUBOARD_WEB_DIST'] || join('dist', 'web', 'browser'),
      cwd,
    ),
    cookieSecure:
      oneOf(
        env,
        'COOKIE_SECURE',
        ['true', 'false'],
        mode === 'production' ? 'true' : 'false',
      ) === 'true',
    sessionTtlHours: integer(env, 'SESSION_TTL_HOURS', 12, 1, 24 * 30),
    maxUploadBytes: integer(env, 'MAX_UPLOAD_MB', 50, 1, 1024) * 1024 * 1024,
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['error', 'warn', 'log', 'debug'] as const,
      'log',
    ),
    dbPoolMax,
    dbPoolWaitMs: integer(env, 'DB_POOL_WAIT_MS', 10_000, 100, 600_000),
    requestConcurrency: integer(env, 'API_CONCURRENCY', dbPoolMax, 1, 10_000),
    requestQueueWaitMs: integer(env, 'API_QUEUE_WAIT_MS', 60_000, 100, 600_000),
    requestQueueMax: integer(env, 'API_QUEUE_MAX', 2_000, 0, 1_000_000),
  };
}

/** Injection token for the validated configuration. */
export const APP_CONFIG = Symbol('APP_CONFIG');

/**
 * PostgreSQL's own default (128 MB) keeps little of a large organization's derived tables in its
 * cache; a quarter of the machine's memory, between 128 MB and 1 GB, is the usual starting point
 * for a dedicated server. Pages are only taken as they are used.
 */
function defaultSharedBuffersMb(): number {
  const quarter = Math.floor(totalmem() / 1024 / 1024 / 4);
  return Math.max(128, Math.min(1024, quarter));
}
