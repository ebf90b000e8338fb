#!/usr/bin/env node
// `npm run restore -- FILE`: loads a backup made by `npm run backup` into an EMPTY database
// (DATABASE_URL, else the embedded cluster). It first brings the schema up with the app's own
// migrations (`node dist/api/main.js migrate`, so build first), refuses if the backup was taken at
// a different migration level or if any table already holds rows, loads everything in one
// transaction, then checks every table's row count and md5 against the backup's.
import { spawnSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import pg from 'pg';

import {
  listTables,
  openTarget,
  quoteIdent,
  readBackup,
  tableFingerprint,
} from './backup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BATCH = 1_000;

function migrate(url) {
  const result = spawnSync(
    process.execPath,
    [join(root, 'dist/api/main.js'), 'migrate'],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    },
  );
  if (result.status !== 0)
    throw new Error(
      `Migrating the target failed (is dist/api built?):\n${result.stdout}${result.stderr}`,
    );
}

export async function restore(url, file, log = console.log) {
  migrate(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let header = null;
  try {
    const tables = await listTables(client);
    const nonEmpty = [];
    for (const table of tables) {
      if (table === 'migrations') continue;
      const { rows } = await client.query(
        `SELECT EXISTS (SELECT 1 FROM ${quoteIdent(table)}) AS any`,
      );
      if (rows[0].any) nonEmpty.push(table);
    }
    if (nonEmpty.length > 0)
      throw new Error(
        `The target database is not empty (${nonEmpty.join(', ')}); restore into an empty database`,
      );
    const present = (
      await client.query('SELECT name FROM migrations ORDER BY id')
    ).rows.map((row) => row.name);

    await client.query('BEGIN');
    // Rows go in table by table, not in foreign-key order, and the audit log's append-only
    // trigger must not fire for rows that are being put back: replica mode skips both.
    await client.query('SET LOCAL session_replication_role = replica');
    let table = null;
    let columns = '';
    let batch = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await client.query(
        `INSERT INTO ${quoteIdent(table)} (${columns}) OVERRIDING SYSTEM VALUE
         SELECT ${columns} FROM json_populate_recordset(NULL::${quoteIdent(table)}, $1::json)`,
        [`[${batch.join(',')}]`],
      );
      batch = [];
    };
    for await (const item of readBackup(file)) {
      if (item.kind === 'header') {
        header = item.header;
        const missing = header.migrations.filter(
          (name) => !present.includes(name),
        );
        const extra = present.filter(
          (name) => !header.migrations.includes(name),
        );
        if (missing.length > 0 || extra.length > 0)
          throw new Error(
            `The backup was taken at another schema version (backup lacks: ${extra.join(', ') || '—'}; app lacks: ${missing.join(', ') || '—'}). Restore with the matching Ikuboard version.`,
          );
        continue;
      }
      if (item.kind === 'table') {
        await flush();
        table = item.table;
        if (table === 'migrations') continue;
        if (!tables.includes(table))
          throw new Error(`The backup has a table the schema lacks: ${table}`);
        const { rows } = await client.query(
          `SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) AS columns FROM pg_attribute
            WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = ''`,
          [quoteIdent(table)],
        );
        columns = rows[0].columns;
        continue;
      }
      if (table === 'migrations') continue;
      batch.push(item.row);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    // Identity and serial columns continue after the restored ids.
    const { rows: sequences } = await client.query(
      `SELECT c.relname AS table, a.attname AS column FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0
          AND pg_get_serial_sequence(quote_ident(c.relname), a.attname) IS NOT NULL`,
    );
    for (const { table: name, column } of sequences)
      await client.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), coalesce(max(${quoteIdent(column)}), 0) + 1, false) FROM ${quoteIdent(name)}`,
        [quoteIdent(name), column],
      );
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
    throw error;
  }
  const mismatches = [];
  for (const expected of header.tables) {
    const actual = await tableFingerprint(client, expected.table);
    if (
      expected.table !== 'migrations' &&
      (actual.rows !== expected.rows || actual.md5 !== expected.md5)
    )
      mismatches.push(
        `${expected.table}: expected ${expected.rows} rows (${expected.md5}), found ${actual.rows} (${actual.md5})`,
      );
  }
  await client.end();
  if (mismatches.length > 0)
    throw new Error(
      `The restored data differs from the backup:\n${mismatches.join('\n')}`,
    );
  const rows = header.tables.reduce(
    (sum, t) => sum + (t.table === 'migrations' ? 0 : t.rows),
    0,
  );
  log(
    `Restored ${header.tables.length} tables, ${rows} rows from ${file}; every table's row count and md5 match the backup.`,
  );
  return header.tables;
}

async function main() {
  const file = process.argv.slice(2).find((arg) => !arg.startsWith('-'));
  if (!file) {
    console.error(
      'Usage: npm run restore -- BACKUP_FILE   (into DATABASE_URL or the embedded cluster; the database must be empty)',
    );
    process.exit(2);
  }
  const target = await openTarget();
  try {
    await restore(target.url, resolve(process.cwd(), file));
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
      `Restore failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  });
}
