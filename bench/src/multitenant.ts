import { generateDemoCity } from '@ikuboard/shared/demo-data';
import type { DemoCityOptions } from '@ikuboard/shared/demo-data';
import { Client } from 'pg';

import { loadDemoCity } from '../../api/src/app/setup/demo-seed';
import { createAccount } from '../../api/src/app/setup/organization-setup';

/**
 * One organization of the multi-tenant run (bench/multitenant.mjs), written as the demo seed writes
 * it (loadDemoCity, which refreshes the derived KPI tables) with an HR account, in one transaction.
 * The other tenants are copies of it made in SQL.
 */
export async function loadTenant(
  databaseUrl: string,
  options: Required<DemoCityOptions>,
  account: { code: string; username: string; password: string },
  log: (line: string) => void,
): Promise<{ organizationId: string; seconds: number }> {
  const started = Date.now();
  const city = generateDemoCity(options);
  log(
    `generated ${city.employees.length} employees, ${city.leaves.length} leave rows, ${city.overtime.length} overtime rows`,
  );
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  const db = {
    query: async (sql: string, parameters?: unknown[]) =>
      (await client.query(sql, parameters as unknown[])).rows,
  };
  try {
    await db.query('BEGIN');
    const organizationId = await loadDemoCity(db, city, { code: account.code });
    await createAccount(db, {
      organizationId,
      username: account.username,
      displayName: 'Benchmark HR',
      password: account.password,
      role: 'hr',
      employeeId: null,
      isDemo: false,
    });
    await db.query('COMMIT');
    await client.query('VACUUM ANALYZE');
    return { organizationId, seconds: (Date.now() - started) / 1000 };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
