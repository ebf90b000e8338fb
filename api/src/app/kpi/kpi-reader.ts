import { createHash } from 'node:crypto';

import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';

import type { Queryable } from '../../database/queryable';

/** Statement texts prepared at most (per connection on the PostgreSQL side). */
const MAX_PREPARED = 500;

/**
 * The KPI read statements as named prepared statements on the DataSource's own pg pool (issue 8:
 * the dashboard at tier L). A KPI request sends a dozen statements whose texts come from a small
 * fixed set (they depend on the scope's shape, never on its values): prepared once per connection,
 * PostgreSQL parses and plans each of them once instead of on every request (the workforce
 * statement alone plans for a few milliseconds), and the query skips TypeORM's query runner.
 * Read-only statements outside transactions only; the figures are the same, the parameters bound
 * as before. Without the pg pool (another driver) it falls back to the DataSource.
 */
export function kpiReader(dataSource: DataSource): Queryable {
  const names = new Map<string, string>();
  return {
    async query(sql: string, parameters?: unknown[]): Promise<unknown> {
      const pool = (
        dataSource.driver as unknown as { master?: Pool } | undefined
      )?.master;
      if (!pool) return dataSource.query(sql, parameters);
      let name = names.get(sql);
      // (a bounded set of texts; past the bound a new text is sent unnamed, as before)
      if (name === undefined && names.size >= MAX_PREPARED) {
        const result = await pool.query(sql, parameters as unknown[]);
        return result.rows;
      }
      if (name === undefined) {
        name = `kpi_${createHash('sha1').update(sql).digest('hex').slice(0, 24)}`;
        names.set(sql, name);
      }
      const result = await pool.query({
        name,
        text: sql,
        values: parameters as unknown[],
      });
      return result.rows;
    },
  };
}
