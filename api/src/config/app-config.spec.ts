import { totalmem } from 'node:os';

import { ConfigError, loadConfig } from './app-config';

describe('configuration', () => {
  it('defaults to demo mode on the embedded database at port 3000', () => {
    const config = loadConfig({}, '/srv/ikuboard');
    expect(config).toMatchObject({
      mode: 'demo',
      port: 3000,
      databaseUrl: null,
      dataDir: '/srv/ikuboard/.data',
      cookieSecure: false,
    });
  });

  it('production mode sends secure cookies unless told otherwise', () => {
    expect(loadConfig({ IKUBOARD_MODE: 'production' }).cookieSecure).toBe(true);
    expect(
      loadConfig({ IKUBOARD_MODE: 'production', COOKIE_SECURE: 'false' })
        .cookieSecure,
    ).toBe(false);
  });

  it('gives the embedded cluster a quarter of memory for its cache, between 128 MB and 1 GB', () => {
    const quarter = Math.floor(totalmem() / 1024 / 1024 / 4);
    const fallback = loadConfig({}).embeddedPostgresSharedBuffersMb;
    expect(fallback).toBe(
      quarter < 128 ? 128 : quarter > 1024 ? 1024 : quarter,
    );
    expect(
      loadConfig({ EMBEDDED_PG_SHARED_BUFFERS_MB: '256' })
        .embeddedPostgresSharedBuffersMb,
    ).toBe(256);
    expect(() => loadConfig({ EMBEDDED_PG_SHARED_BUFFERS_MB: '8' })).toThrow(
      /EMBEDDED_PG_SHARED_BUFFERS_MB/,
    );
  });

  it('refuses values it cannot use, naming the variable', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(
      /DATABASE_URL/,
    );
    expect(() => loadConfig({ IKUBOARD_MODE: 'staging' })).toThrow(
      /IKUBOARD_MODE/,
    );
  });

  it('sizes the database pool and the request queue, by default one request per connection', () => {
    expect(loadConfig({})).toMatchObject({
      dbPoolMax: 10,
      dbPoolWaitMs: 10_000,
      requestConcurrency: 10,
      requestQueueWaitMs: 60_000,
    });
    expect(loadConfig({ DB_POOL_MAX: '20' }).requestConcurrency).toBe(20);
    expect(
      loadConfig({ DB_POOL_MAX: '20', API_CONCURRENCY: '8' })
        .requestConcurrency,
    ).toBe(8);
    expect(() => loadConfig({ DB_POOL_MAX: '0' })).toThrow(/DB_POOL_MAX/);
  });
});
