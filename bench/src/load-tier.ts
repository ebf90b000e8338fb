import { generateDemoCity } from '@ikuboard/shared/demo-data';
import { Client } from 'pg';

import { loadDemoCity } from '../../api/src/app/setup/demo-seed';
import { createAccount } from '../../api/src/app/setup/organization-setup';
import { TIERS } from './tiers';

export const BENCH_ORG_CODE = 'bench';
export const BENCH_USER = 'bench-hr';
export const BENCH_PASSWORD = 'ikuboard-bench-password';

/**
 * Generates a tier and writes it as organization `bench` with an HR account, in one transaction
 * (loadDemoCity refreshes the derived KPI tables at its end, as the demo seed does).
 */
export async function loadTier(
  databaseUrl: string,
  tier: string,
  log: (line: string) => void,
): Promise<{ organizationId: string; counts: Record<string, number> }> {
  const options = TIERS[tier];
  if (!options) throw new Error(`unknown tier ${tier}`);
  let started = Date.now();
  const city = generateDemoCity(options);
  log(
    `generated tier ${tier} in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${city.employees.length} employees, ${city.assignments.length} assignments, ` +
      `${city.leaves.length} leave rows, ${city.overtime.length} overtime rows, ${city.pay.length} pay rows`,
  );
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const db = {
    query: async (sql: string, parameters?: unknown[]) =>
      (await client.query(sql, parameters as unknown[])).rows,
  };
  try {
    started = Date.now();
    await db.query('BEGIN');
    await db.query(`DELETE FROM organization WHERE code = $1`, [
      BENCH_ORG_CODE,
    ]);
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
    await db.query('COMMIT');
    log(
      `loaded tier ${tier} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    await client.query('VACUUM ANALYZE');
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
    return { organizationId, counts };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
