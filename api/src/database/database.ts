import type { AppConfig } from '../config/app-config';
import { startEmbeddedPostgres } from './embedded-postgres';
import { configurePgTypes } from './pg-types';

export interface Database {
  url: string;
  description: string;
  stop(): Promise<void>;
}

/** DATABASE_URL when given; otherwise the embedded cluster in the data directory, started here. */
export async function openDatabase(
  config: AppConfig,
  log: (line: string) => void,
): Promise<Database> {
  configurePgTypes();
  if (config.databaseUrl) {
    const safe = config.databaseUrl.replace(
      /:\/\/([^:@/]+):[^@/]*@/,
      '://$1:***@',
    );
    return {
      url: config.databaseUrl,
      description: `external PostgreSQL ${safe}`,
      stop: async () => undefined,
    };
  }
  const cluster = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    port: config.embeddedPostgresPort,
    sharedBuffersMb: config.embeddedPostgresSharedBuffersMb,
    database: 'ikuboard',
    persistent: true,
    log,
  });
  return {
    url: cluster.url,
    description: `embedded PostgreSQL 18 in ${config.dataDir} (port ${config.embeddedPostgresPort})`,
    stop: () => cluster.stop(),
  };
}
