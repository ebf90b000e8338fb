import { Pool, types } from 'pg';

import { serverState } from './server-state';

types.setTypeParser(types.builtins.DATE, (value: string) => value);
types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));

let pool: Pool | null = null;

/** Direct SQL on the test cluster, for fixtures and for checking what an import wrote. */
export function testDatabase(): Pool {
  pool ??= new Pool({ connectionString: serverState().databaseUrl, max: 4 });
  return pool;
}

export async function closeTestDatabase(): Promise<void> {
  await pool?.end();
  pool = null;
}

/** The Queryable shape the API's setup helpers take, over the test pool. */
export const queryable = {
  query: async (sql: string, parameters?: unknown[]) =>
    (await testDatabase().query(sql, parameters as unknown[])).rows,
};
