import { generateDemoCity } from '@ikuboard/shared/demo-data';
import { Client } from 'pg';

import { loadDemoCity } from '../../api/src/app/setup/demo-seed';
import { createAccount } from '../../api/src/app/setup/organization-setup';
import { TIERS } from './tiers';
import { addTierExtras } from './tier-extras';

export const BENCH_ORG_CODE = 'bench';
export const BENCH_USER = 'bench-hr';
export const BENCH_PASSWORD = 'ikuboard-bench-password';

/**
 * The tables a tier fills with millions of rows and that no foreign key references. Their keys,
 * foreign keys and indexes are dropped for the bulk load and recreated afterwards from their own
 * definitions (pg_get_constraintdef / pg_get_indexdef), in the same transaction: one index build
 * and one set-based validation per constraint instead of a B-tree insert per index and a trigger
 * per foreign key for every row. The schema after the load is exactly the migrations' schema.
 */
const BULK_TABLES = [
  'leave_episode',
  'overtime_month',
  'annual_pay',
  'kpi_fact',
  'kpi_childcare_fact',
  'kpi_rollup',
];

interface SchemaObject {
  table: string;
  name: string;
  definition: string;
  kind: 'index' | 'key' | 'foreign';
}

async function bulkSchemaObjects(client: Client): Promise<SchemaObject[]> {
  const constraints = (
    await client.query(
      `SELECT c.conrelid::regclass::text AS table, c.conname AS name, pg_get_constraintdef(c.oid) AS definition,
              CASE WHEN c.contype = 'f' THEN 'foreign' ELSE 'key' END AS kind
         FROM pg_constraint c
        WHERE c.conrelid = ANY ($1::regclass[]) AND c.contype IN ('p', 'u', 'f', 'x')
        ORDER BY c.conrelid::regclass::text, c.conname`,
      [BULK_TABLES],
    )
  ).rows as SchemaObject[];
  const indexes = (
    await client.query(
      `SELECT i.indrelid::regclass::text AS table, i.indexrelid::regclass::text AS name,
              pg_get_indexdef(i.indexrelid) AS definition, 'index' AS kind
         FROM pg_index i
        WHERE i.indrelid = ANY ($1::regclass[])
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid)
        ORDER BY 1, 2`,
      [BULK_TABLES],
    )
  ).rows as SchemaObject[];
  return [...constraints, ...indexes];
}

/**
 * Generates a tier and writes it as organization `bench` with an HR account, in one transaction
 * (loadDemoCity refreshes the derived KPI tables at its end, as the demo seed does: the full
 * rebuild, set-based).
 */
export async function loadTier(
  databaseUrl: string,
  tier: string,
  log: (line: string) => void,
): Promise<{
  organizationId: string;
  counts: Record<string, number>;
  phases: Record<string, number>;
}> {
  const options = TIERS[tier];
  if (!options) throw new Error(`unknown tier ${tier}`);
  const phases: Record<string, number> = {};
  let started = Date.now();
  const phase = (name: string) => {
    phases[name] = Math.round((Date.now() - started) / 100) / 10;
    log(`${name}: ${phases[name]} s`);
    started = Date.now();
  };
  const city = generateDemoCity(options);
  log(
    `generated tier ${tier}: ` +
      `${city.employees.length} employees, ${city.assignments.length} assignments, ` +
      `${city.leaves.length} leave rows, ${city.overtime.length} overtime rows, ${city.pay.length} pay rows`,
  );
  phase('generate');
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  // Statements of the load that take long, named in the log (where the time goes).
  const db = {
    query: async (sql: string, parameters?: unknown[]) => {
      const t = Date.now();
      const rows = (await client.query(sql, parameters as unknown[])).rows;
      if (Date.now() - t > 5_000)
        log(
          `  ${((Date.now() - t) / 1000).toFixed(1)} s: ${sql.replace(/\s+/g, ' ').trim().slice(0, 90)}`,
        );
      return rows;
    },
  };
  try {
    await db.query('BEGIN');
    await db.query(`SET LOCAL maintenance_work_mem = '1GB'`);
    // The full refresh groups every fact under each of its subtree roots in one statement: at tier XL
    // with the default 4 MB its sort spilled more than 9 GB to pgsql_tmp (the roll-up insert alone ran
    // over 20 minutes). A larger sort/hash memory for the load's own transaction only.
    await db.query(`SET LOCAL work_mem = '256MB'`);
    await db.query(`SET LOCAL synchronous_commit = off`);
    const [old] = await db.query(
      `SELECT id FROM organization WHERE code = $1`,
      [BENCH_ORG_CODE],
    );
    if (old) {
      // A rebuild: the large tables first, set-based, then the cascade for the rest.
      for (const table of BULK_TABLES)
        await db.query(`DELETE FROM ${table} WHERE organization_id = $1`, [
          old.id,
        ]);
      await db.query(`DELETE FROM organization WHERE id = $1`, [old.id]);
      phase('delete previous');
    }
    const objects = await bulkSchemaObjects(client);
    for (const kind of ['foreign', 'key', 'index'] as const)
      for (const o of objects.filter((x) => x.kind === kind))
        await db.query(
          kind === 'index'
            ? `DROP INDEX ${o.name}`
            : `ALTER TABLE ${o.table} DROP CONSTRAINT ${o.name}`,
        );
    const organizationId = await loadDemoCity(db, city, {
      code: BENCH_ORG_CODE,
    });
    await createAccount(db, {
      organizationId,
      username: BENCH_USER,
      displayName: 'Benchmark HR',
      password: BENCH_PASSWORD,
      role: 'hr',
      employeeId: null,
      isDemo: false,
    });
    await addTierExtras(db, organizationId, options, log);
    phase('load rows and refresh the KPI tables');
    for (const kind of ['index', 'key', 'foreign'] as const)
      for (const o of objects.filter((x) => x.kind === kind))
        await db.query(
          kind === 'index'
            ? o.definition
            : `ALTER TABLE ${o.table} ADD CONSTRAINT ${o.name} ${o.definition}`,
        );
    phase(`recreate ${objects.length} keys, foreign keys and indexes`);
    await db.query('COMMIT');
    phase('commit');
    await client.query('VACUUM ANALYZE');
    phase('vacuum analyze');
    const counts: Record<string, number> = {};
    for (const table of [
      'employee',
      'assignment',
      'child',
      'leave_episode',
      'overtime_month',
      'annual_pay',
      'kpi_fact',
      'kpi_rollup',
      'kpi_childcare_fact',
    ]) {
      const [row] = await db.query(
        `SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`,
        [organizationId],
      );
      counts[table] = (row as { n: number }).n;
    }
    return { organizationId, counts, phases };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
