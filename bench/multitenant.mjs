#!/usr/bin/env node
// The multi-tenant run behind docs/scaling.md (`npm run bench -- --only multitenant`, or
// `node bench/multitenant.mjs`): 200 organizations in ONE database, and the dashboard of one of
// them measured alone and among the 200.
//
// 1. A fresh embedded PostgreSQL in tmp/bench/MT; organization t000 (the demo generator, 2,000
//    staff, FY2023–2025, annual leave as yearly totals: see TENANT) is loaded and its dashboard
//    measured over HTTP while it is the only organization.
// 2. 199 copies of it are written in SQL, one INSERT … SELECT per table: every uuid (ids, foreign
//    keys, organization_id) is mapped to md5(uuid || '/' || copy_n)::uuid, so each copy is a separate
//    organization with its own ids and the same figures. Copies instead of 200 generator runs
//    keep the build within minutes; identical tenants also make per-tenant latencies comparable.
// 3. The dashboard of t000 again (now 1 of 200), of four other tenants, and where the API's
//    queries went: the indexes they used (pg_stat_user_indexes, with their leading column), the
//    tables read sequentially, and EXPLAIN (ANALYZE, BUFFERS) of the roll-up read alone vs among 200.
// 4. The schema's fit for a distributed PostgreSQL (Citus, organization_id as the distribution
//    column), read from the catalog: tables without organization_id, keys and foreign keys that
//    do not include it.
// The data directory is deleted at the end (--keep keeps it).
import { spawnSync } from 'node:child_process';
import { rmSync, existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

import pg from 'pg';

import { loadTs, root } from './lib/bundle.mjs';
import { Client } from './lib/http.mjs';
import { ensureBuilt, startApi } from './lib/server.mjs';
import { measure } from './lib/stats.mjs';
import { dashboard, TREND_CODES } from './scenarios.mjs';

export const TENANT = {
  staff: 2_000,
  firstFiscalYear: 2023,
  lastFiscalYear: 2025,
  seed: 20250401,
  annualLeave: 'yearly',
};
export const TENANTS = 200;
const PASSWORD = 'ikuboard-bench-password';
const code = (n) => `t${String(n).padStart(3, '0')}`;
const medianOf = (xs) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? sorted[mid]
    : Math.round(((sorted[mid - 1] + sorted[mid]) / 2) * 10) / 10;
};
const load1 = () => Math.round(loadavg()[0] * 10) / 10;

/** SQL of a tenant's code / username for copy n (copy_n is the generate_series column). */
const OVERRIDES = {
  organization: { code: `'t' || lpad(copy_n::text, 3, '0')` },
  account: { username: `'t' || lpad(copy_n::text, 3, '0') || '-hr'` },
};
/** Not copied: login sessions (the copies get their own when measured) and the audit trail. */
const NOT_COPIED = new Set(['session', 'audit_log', 'migrations']);

/**
 * INSERT … SELECT copying organization $1's rows of `table` into `copies` new organizations
 * (n = 1 … $2). Columns filled by a sequence are left to it; uuid columns are remapped.
 */
export function cloneStatement(table, columns) {
  const copied = columns.filter((c) => !c.generated);
  const expr = (c) => {
    const override = OVERRIDES[table]?.[c.name];
    if (override) return override;
    if (c.type === 'uuid')
      return `md5(t."${c.name}"::text || '/' || copy_n)::uuid`;
    if (c.type === '_uuid')
      return `ARRAY(SELECT md5(x::text || '/' || copy_n)::uuid FROM unnest(t."${c.name}") AS x)`;
    return `t."${c.name}"`;
  };
  const where =
    table === 'organization' ? 't.id = $1' : 't.organization_id = $1';
  return (
    `INSERT INTO "${table}" (${copied.map((c) => `"${c.name}"`).join(', ')}) ` +
    `SELECT ${copied.map(expr).join(', ')} FROM "${table}" t CROSS JOIN generate_series(1, $2::int) AS copy_n WHERE ${where}`
  );
}

async function columnsOf(db) {
  const rows = (
    await db.query(
      `SELECT c.relname AS table, a.attname AS name, t.typname AS type,
              (a.attidentity <> '' OR coalesce(pg_get_expr(d.adbin, d.adrelid), '') LIKE 'nextval(%') AS generated,
              EXISTS (SELECT 1 FROM pg_attribute o WHERE o.attrelid = c.oid AND o.attname = 'organization_id' AND NOT o.attisdropped) AS tenant
         FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace AND s.nspname = 'public'
         JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
         JOIN pg_type t ON t.oid = a.atttypid
         LEFT JOIN pg_attrdef d ON d.adrelid = c.oid AND d.adnum = a.attnum
        WHERE c.relkind IN ('r', 'p') AND a.attgenerated = ''
        ORDER BY c.relname, a.attnum`,
    )
  ).rows;
  const tables = new Map();
  for (const r of rows) {
    if (!tables.has(r.table))
      tables.set(r.table, { tenant: r.tenant, columns: [] });
    tables.get(r.table).columns.push(r);
  }
  return tables;
}

/**
 * Keys and indexes of the tables a copy fills with millions of rows and no foreign key references:
 * dropped for the copy and recreated after it from their own definitions (as bench/src/load-tier.ts does).
 */
async function bulkObjects(db, tables) {
  const constraints = (
    await db.query(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition, 'key' AS kind
         FROM pg_constraint c
        WHERE c.conrelid = ANY ($1::regclass[]) AND c.contype IN ('p', 'u', 'x')
          AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = c.conrelid)`,
      [tables],
    )
  ).rows;
  const indexes = (
    await db.query(
      `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition, 'index' AS kind
         FROM pg_index i
        WHERE i.indrelid = ANY ($1::regclass[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint f WHERE f.contype = 'f' AND f.confrelid = i.indrelid)`,
      [tables],
    )
  ).rows;
  return [...constraints, ...indexes];
}

/** Tables, keys and foreign keys that do not fit organization_id as a distribution column. */
export async function distributionFit(db) {
  const q = async (sql) => (await db.query(sql)).rows;
  const withoutTenant = await q(
    `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace AND s.nspname = 'public'
      WHERE c.relkind IN ('r', 'p') AND NOT EXISTS (
            SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'organization_id' AND NOT a.attisdropped)
      ORDER BY 1`,
  );
  const hasOrg = `EXISTS (SELECT 1 FROM unnest(c.conkey) k JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k WHERE a.attname = 'organization_id')`;
  const keys = await q(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.contype AS kind, pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace AND s.nspname = 'public'
      WHERE c.contype IN ('p', 'u', 'x') AND NOT ${hasOrg}
        AND c.conrelid::regclass::text NOT IN ('organization', 'migrations')
      ORDER BY 1, 2`,
  );
  const foreignKeys = await q(
    `SELECT c.conrelid::regclass::text AS table, c.conname AS name, c.confrelid::regclass::text AS references,
            pg_get_constraintdef(c.oid) AS definition
       FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace AND s.nspname = 'public'
      WHERE c.contype = 'f' AND NOT ${hasOrg}
      ORDER BY 1, 2`,
  );
  const [{ composite, toOrganization }] = await q(
    `SELECT count(*) FILTER (WHERE ${hasOrg} AND c.confrelid <> 'organization'::regclass)::int AS composite,
            count(*) FILTER (WHERE c.confrelid = 'organization'::regclass)::int AS "toOrganization"
       FROM pg_constraint c JOIN pg_namespace s ON s.oid = c.connamespace AND s.nspname = 'public'
      WHERE c.contype = 'f'`,
  );
  const [{ tables }] = await q(
    `SELECT count(*)::int AS tables FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace AND s.nspname = 'public'
      WHERE c.relkind IN ('r', 'p')`,
  );
  return {
    tables,
    withoutTenant: withoutTenant.map((r) => r.table),
    keysWithoutTenant: keys,
    foreignKeysWithoutTenant: foreignKeys,
    compositeForeignKeys: composite,
    foreignKeysToOrganization: toOrganization,
  };
}

async function tenantContext(api, db, n, organizationId) {
  const client = await Client.login(api.baseUrl, `${code(n)}-hr`, PASSWORD);
  const years = [];
  for (let y = TENANT.firstFiscalYear; y <= TENANT.lastFiscalYear; y++)
    years.push(y);
  return {
    api,
    db,
    tier: 'MT',
    organizationId,
    client,
    lastFy: TENANT.lastFiscalYear,
    years,
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) of the dashboard's roll-up read (all years, whole organization). */
async function rollupPlan(db, organizationId) {
  const years = [];
  for (let y = TENANT.firstFiscalYear; y <= TENANT.lastFiscalYear; y++)
    years.push(y);
  const [row] = (
    await db.query(
      `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)
       SELECT family, fy, category, stage_id, gender, k, sum(n), sum(s1), sum(s2) FROM kpi_rollup
        WHERE organization_id = $1 AND unit_id IS NULL AND fy = ANY ($2::int[]) GROUP BY 1, 2, 3, 4, 5, 6`,
      [organizationId, years],
    )
  ).rows;
  const plan = row['QUERY PLAN'][0];
  const nodes = [];
  const walk = (node) => {
    nodes.push(node);
    for (const child of node.Plans ?? []) walk(child);
  };
  walk(plan.Plan);
  const scans = nodes
    .filter((n) => /Scan/.test(n['Node Type']))
    .map(
      (n) =>
        `${n['Node Type']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}${n['Relation Name'] ? ` on ${n['Relation Name']}` : ''}`,
    );
  return {
    ms: Math.round(plan['Execution Time'] * 100) / 100,
    sharedBuffers:
      (plan.Plan['Shared Hit Blocks'] ?? 0) +
      (plan.Plan['Shared Read Blocks'] ?? 0),
    rows: plan.Plan['Actual Rows'],
    scans,
  };
}

/**
 * Where the API's dashboard queries went: statistics reset, `rounds` × the dashboard's 7 requests,
 * then the indexes scanned (with their leading column) and the tables read sequentially.
 */
async function queryFootprint(api, db, client, rounds = 10) {
  const reset = await db.connect();
  try {
    await reset.query('SELECT pg_stat_reset()');
  } finally {
    reset.release();
  }
  for (let i = 0; i < rounds; i++)
    await Promise.all([
      client.get(`/api/v1/kpis?fy=${TENANT.lastFiscalYear}`),
      client.get(`/api/v1/kpis?fy=${TENANT.lastFiscalYear - 1}`),
      ...TREND_CODES.map((c) => client.get(`/api/v1/kpis/trend?code=${c}`)),
    ]);
  // backends publish their statistics at the latest after 10 s idle (PGSTAT_IDLE_INTERVAL)
  await new Promise((resolve) => setTimeout(resolve, 11_500));
  const indexes = (
    await db.query(
      `SELECT s.relname AS table, s.indexrelname AS index, s.idx_scan::int AS scans,
              (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = i.indrelid AND a.attnum = i.indkey[0]) AS leading
         FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid
        WHERE s.idx_scan > 0 ORDER BY s.idx_scan DESC, 1, 2`,
    )
  ).rows;
  const seqScans = (
    await db.query(
      `SELECT s.relname AS table, s.seq_scan::int AS scans, s.seq_tup_read::bigint::text AS "rowsRead",
              c.reltuples::bigint::text AS "tableRows"
         FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
        WHERE s.seq_scan > 0 ORDER BY s.seq_tup_read DESC`,
    )
  ).rows;
  return { rounds, indexes, seqScans };
}

export async function multitenant({
  log = console.log,
  runs = 20,
  tenants = TENANTS,
  keep = false,
} = {}) {
  await ensureBuilt(['api']);
  const dataDir = join(root, 'tmp', 'bench', 'MT');
  rmSync(dataDir, { recursive: true, force: true });
  const loadBefore = load1();
  const phases = {};
  let t = Date.now();
  const phase = (name) => {
    phases[name] = Math.round((Date.now() - t) / 100) / 10;
    log(`multitenant: ${name}: ${phases[name]} s`);
    t = Date.now();
  };
  const aloneDir = join(root, 'tmp', 'bench', 'MT-alone');
  rmSync(aloneDir, { recursive: true, force: true });
  let api = await startApi({ tier: 'MT', dataDir });
  let db = new pg.Pool({ connectionString: api.databaseUrl, max: 6 });
  db.on('error', () => undefined);
  let aloneApi = null;
  let aloneDb = null;
  try {
    phase('start the API on an empty database');
    const { loadTenant } = await loadTs('multitenant');
    const { organizationId } = await loadTenant(
      api.databaseUrl,
      TENANT,
      { code: code(0), username: `${code(0)}-hr`, password: PASSWORD },
      (line) => log(`multitenant: ${line}`),
    );
    phase(`load ${code(0)} (demo generator)`);

    const planAlone = await rollupPlan(db, organizationId);
    // A copy of the one-organization database for the comparison under the same load: its own API,
    // measured in turns with the 200-organization one once that is built.
    await db.end();
    await api.stop();
    // cp -a: PostgreSQL refuses a data directory whose permissions a plain copy loosened
    const copied = spawnSync('cp', ['-a', dataDir, aloneDir], {
      stdio: 'inherit',
    });
    if (copied.status !== 0)
      throw new Error(`cp -a ${dataDir} ${aloneDir} failed`);
    api = await startApi({ tier: 'MT', dataDir });
    db = new pg.Pool({ connectionString: api.databaseUrl, max: 6 });
    db.on('error', () => undefined);
    phase(`copy the database of ${code(0)} alone`);

    // the copies, in one transaction
    const copies = tenants - 1;
    const tables = await columnsOf(db);
    const connection = await db.connect();
    const rowsCopied = {};
    try {
      await connection.query('BEGIN');
      await connection.query(`SET LOCAL maintenance_work_mem = '512MB'`);
      await connection.query(`SET LOCAL synchronous_commit = off`);
      // the copies are consistent by construction: no per-row foreign-key triggers
      await connection.query(`SET LOCAL session_replication_role = replica`);
      const templateRows = {};
      for (const [table, info] of tables) {
        if (NOT_COPIED.has(table) || (!info.tenant && table !== 'organization'))
          continue;
        const [{ n }] = (
          await connection.query(
            `SELECT count(*)::int AS n FROM "${table}" WHERE ${table === 'organization' ? 'id' : 'organization_id'} = $1`,
            [organizationId],
          )
        ).rows;
        templateRows[table] = n;
      }
      const bulk = Object.entries(templateRows)
        .filter(([, n]) => n * copies >= 1_000_000)
        .map(([table]) => table);
      const objects = await bulkObjects(connection, bulk);
      for (const o of objects)
        await connection.query(
          o.kind === 'index'
            ? `DROP INDEX ${o.name}`
            : `ALTER TABLE ${o.table} DROP CONSTRAINT ${o.name}`,
        );
      // organization first (the copies' ids), then every tenant table
      const order = [
        'organization',
        ...Object.keys(templateRows).filter((x) => x !== 'organization'),
      ];
      for (const table of order) {
        if (templateRows[table] === 0) continue;
        const started = Date.now();
        const result = await connection.query(
          cloneStatement(table, tables.get(table).columns),
          [organizationId, copies],
        );
        rowsCopied[table] = result.rowCount;
        if (Date.now() - started > 5_000)
          log(
            `multitenant: copied ${result.rowCount} ${table} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`,
          );
      }
      phase(`copy ${code(0)} into ${copies} organizations`);
      for (const kind of ['index', 'key'])
        for (const o of objects.filter((x) => x.kind === kind))
          await connection.query(
            kind === 'index'
              ? o.definition
              : `ALTER TABLE ${o.table} ADD CONSTRAINT ${o.name} ${o.definition}`,
          );
      phase(
        `recreate ${objects.length} keys and indexes of ${bulk.join(', ')}`,
      );
      await connection.query('COMMIT');
      await connection.query('VACUUM ANALYZE');
      phase('vacuum analyze');
    } catch (error) {
      await connection.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }

    const counts = {};
    for (const table of [
      'organization',
      'employee',
      'assignment',
      'leave_episode',
      'overtime_month',
      'annual_pay',
      'kpi_fact',
      'kpi_rollup',
      'kpi_childcare_fact',
    ]) {
      const [{ n }] = (
        await db.query(`SELECT count(*)::int AS n FROM ${table}`)
      ).rows;
      counts[table] = n;
    }
    const [{ bytes }] = (
      await db.query(
        `SELECT pg_database_size(current_database())::bigint::text AS bytes`,
      )
    ).rows;
    log(
      `multitenant: ${JSON.stringify(counts)}, ${Math.round(Number(bytes) / 1024 ** 2)} MB`,
    );

    aloneApi = await startApi({ tier: 'MT', dataDir: aloneDir });
    aloneDb = new pg.Pool({ connectionString: aloneApi.databaseUrl, max: 6 });
    aloneDb.on('error', () => undefined);
    const first = await tenantContext(api, db, 0, organizationId);
    const single = await tenantContext(aloneApi, aloneDb, 0, organizationId);
    // in turns, so that both see the same load of the shared machine
    const turns = 4;
    const perTurn = Math.max(3, Math.round(runs / turns));
    const blocks = { alone: [], among: [] };
    for (let i = 0; i < turns; i++) {
      blocks.alone.push(await dashboard(single, { target: 30, runs: perTurn }));
      blocks.among.push(await dashboard(first, { target: 30, runs: perTurn }));
    }
    const pooled = (list, key) => ({
      runs: list.reduce((sum, r) => sum + r[key].runs, 0),
      median: medianOf(list.map((r) => r[key].median)),
      p95: Math.max(...list.map((r) => r[key].p95)),
      turnMedians: list.map((r) => r[key].median),
    });
    const alone = {
      http: pooled(blocks.alone, 'http'),
      floor: pooled(blocks.alone, 'floor'),
      responseBytes: blocks.alone[0].responseBytes,
    };
    const among = {
      http: pooled(blocks.among, 'http'),
      floor: pooled(blocks.among, 'floor'),
      responseBytes: blocks.among[0].responseBytes,
    };
    await single.client.agent.destroy();
    await aloneDb.end();
    aloneDb = null;
    await aloneApi.stop();
    aloneApi = null;
    const planAmong = await rollupPlan(db, organizationId);
    log(
      `multitenant: ${code(0)} alone: ${JSON.stringify(alone.http)}; among ${tenants}: ${JSON.stringify(among.http)}`,
    );
    phase(`dashboard of ${code(0)} alone and among ${tenants}, in turns`);
    const others = [];
    for (const n of [
      1,
      Math.round(tenants / 3),
      Math.round((2 * tenants) / 3),
      tenants - 1,
    ]) {
      const [{ id }] = (
        await db.query(`SELECT id FROM organization WHERE code = $1`, [code(n)])
      ).rows;
      const ctx = await tenantContext(api, db, n, id);
      const r = await dashboard(ctx, {
        target: 30,
        runs: Math.max(5, Math.round(runs / 2)),
      });
      others.push({ code: code(n), http: r.http, floor: r.floor });
      await ctx.client.agent.destroy();
    }
    phase('dashboards among 200');
    const footprint = await queryFootprint(api, db, first.client);
    const schema = await distributionFit(db);
    phase('query footprint and schema');
    await first.client.agent.destroy();
    const medians = [among.http.median, ...others.map((o) => o.http.median)];
    return {
      name: 'multitenant',
      tier: 'MT',
      tenants,
      tenant: TENANT,
      copiedRows: rowsCopied,
      rows: counts,
      databaseMb: Math.round(Number(bytes) / 1024 ** 2),
      phases,
      alone,
      among,
      others,
      ratio: Math.round((among.http.median / alone.http.median) * 100) / 100,
      floorRatio:
        Math.round((among.floor.median / alone.floor.median) * 100) / 100,
      spread: {
        minMedian: Math.min(...medians),
        maxMedian: Math.max(...medians),
      },
      rollupPlan: { alone: planAlone, among: planAmong },
      footprint,
      schema,
      targetMs: 30,
      met: among.http.p95 <= 30,
      loadAverage: [loadBefore, load1()],
      note: `${tenants} organizations of the demo generator (${TENANT.staff} staff, FY${TENANT.firstFiscalYear}–${TENANT.lastFiscalYear}, yearly annual leave): ${code(0)} loaded, the others SQL copies with remapped ids`,
    };
  } finally {
    await aloneDb?.end();
    await aloneApi?.stop();
    await db.end();
    await api.stop();
    if (!keep)
      for (const dir of [dataDir, aloneDir])
        if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      tenants: { type: 'string', default: String(TENANTS) },
      runs: { type: 'string', default: '20' },
      keep: { type: 'boolean', default: false },
    },
  });
  const r = await multitenant({
    tenants: Number(values.tenants),
    runs: Number(values.runs),
    keep: values.keep,
  });
  console.log(JSON.stringify(r, null, 2));
}
