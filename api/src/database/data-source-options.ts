import { MIGRATIONS } from '@ikuboard/migrations';
import type { DataSourceOptions } from 'typeorm';

import { ENTITIES } from './entities';

export interface PoolOptions {
  /** Connections in the pool. */
  max: number;
  /** How long a query waits for a connection (and a new connection for PostgreSQL's answer)
   * before it fails, which the API answers 503 DATABASE_UNAVAILABLE. */
  waitMs: number;
}

/** Schema changes only through migrations, run explicitly at start-up (never `synchronize`). */
export function dataSourceOptions(
  url: string,
  pool: PoolOptions = { max: 10, waitMs: 10_000 },
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    synchronize: false,
    extra: { max: pool.max, connectionTimeoutMillis: pool.waitMs },
  };
}
