import { MIGRATIONS } from '@ikuboard/migrations';
import type { DataSourceOptions } from 'typeorm';

import { ENTITIES } from './entities';

/** Schema changes only through migrations, run explicitly at start-up (never `synchronize`). */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    migrationsTransactionMode: 'all',
    synchronize: false,
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}
