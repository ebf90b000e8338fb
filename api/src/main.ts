import 'reflect-metadata';

import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { Logger, ValidationPipe, type LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { DataSource } from 'typeorm';

import { AppModule } from './app/app.module';
import {
  DEMO_ACCOUNTS,
  DEMO_PASSWORD,
  seedDemoOrganization,
} from './app/setup/demo-seed';
import { runCli } from './cli';
import { Errors } from './common/app-error';
import { RequestQueue } from './common/request-queue';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config';
import { openDatabase, type Database } from './database/database';

const LISTEN_BACKLOG = 4096;

const LOG_LEVELS: Record<AppConfig['logLevel'], LogLevel[]> = {
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  log: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
};

function serveWeb(
  app: NestExpressApplication,
  webDistDir: string,
  logger: Logger,
): void {
  const index = join(webDistDir, 'index.html');
  if (!existsSync(index)) {
    logger.warn(
      `No web build in ${webDistDir}; run "npx nx build web" to serve the dashboard`,
    );
    return;
  }
  app.useStaticAssets(webDistDir, {
    index: false,
    maxAge: '1h',
    setHeaders: (res, path) => {
      if (path.endsWith('index.html'))
        res.setHeader('Cache-Control', 'no-cache');
    },
  });
  // Client-side routes (/login, /imports …) all load the single-page app.
  app.use((request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/api'))
      return next();
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(index);
  });
}

async function bootstrap(
  config: AppConfig,
  database: Database,
  logger: Logger,
): Promise<NestExpressApplication> {
  const started = Date.now();
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, database.url),
    {
      logger: LOG_LEVELS[config.logLevel],
    },
  );
  const dataSource = app.get(DataSource);
  const migrations = await dataSource.runMigrations({ transaction: 'all' });
  if (migrations.length > 0)
    logger.log(`Applied ${migrations.length} migration(s)`);
  if (config.mode === 'demo') {
    if (await seedDemoOrganization(dataSource))
      logger.log('Loaded the demo organization みどり市');
  } else {
    const removed: [unknown[], number] = await dataSource.query(
      `DELETE FROM account WHERE is_demo`,
    );
    if (removed[1] > 0)
      logger.warn(
        `Removed ${removed[1]} demo account(s): demo accounts exist only in demo mode`,
      );
  }

  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: config.cookieSecure ? [] : null,
        },
      },
      strictTransportSecurity: config.cookieSecure,
    }),
  );
  app.use(
    new RequestQueue({
      concurrency: config.requestConcurrency,
      maxWaitMs: config.requestQueueWaitMs,
      maxQueued: config.requestQueueMax,
    }).middleware,
  );
  app.use(cookieParser());
  app.setGlobalPrefix('api/v1');
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) =>
        Errors.validation(
          errors.flatMap((error) =>
            Object.values(error.constraints ?? {}).map((message) => ({
              ja: `「${error.property}」の値が正しくありません(${message})。`,
              en: `${error.property}: ${message}`,
            })),
          ),
        ),
    }),
  );
  const openApi = new DocumentBuilder()
    .setTitle('Ikuboard API')
    .setDescription(
      'Work–life balance and gender-equality KPIs for Japanese public employers',
    )
    .setVersion('1')
    .addCookieAuth('ikb_session')
    .build();
  SwaggerModule.setup('api/docs', app, () =>
    SwaggerModule.createDocument(app, openApi),
  );
  serveWeb(app, config.webDistDir, logger);
  // A deep accept queue: a burst of connections (a 360 deadline, a whole department opening the
  // dashboard) waits for the request queue instead of being reset by the kernel (Node's default
  // backlog is 511; Linux caps it at net.core.somaxconn). Nest passes extra arguments on to
  // http.Server.listen(port, host, backlog) but does not type them.
  await app.listen(
    config.port,
    config.host,
    ...([LISTEN_BACKLOG] as unknown as []),
  );
  logger.log(`Ready in ${Date.now() - started} ms`);
  return app;
}

async function main(): Promise<void> {
  const logger = new Logger('Ikuboard');
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  if (process.argv[2] && !process.argv[2].startsWith('-')) {
    process.exit(await runCli(config, process.argv.slice(2)));
  }

  const database = await openDatabase(config, (line) => logger.log(line));
  let app: NestExpressApplication | null = null;
  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    logger.log(`Shutting down (${reason})`);
    const force = setTimeout(() => process.exit(code || 1), 20_000);
    force.unref();
    try {
      await app?.close();
    } catch (error) {
      logger.error(`Error while closing the API: ${String(error)}`);
    }
    await database
      .stop()
      .catch((error: unknown) =>
        logger.error(`Error while stopping PostgreSQL: ${String(error)}`),
      );
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const)
    process.on(signal, () => void shutdown(signal, 0));
  process.on('uncaughtException', (error) => {
    logger.error(`Uncaught exception: ${error.stack ?? String(error)}`);
    void shutdown('uncaught exception', 1);
  });

  try {
    app = await bootstrap(config, database, logger);
  } catch (error) {
    logger.error(
      `Start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    await shutdown('start-up failure', 1);
    return;
  }
  const url = `http://${config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host}:${config.port}`;
  const lines = [
    '',
    `  Ikuboard イクボード is running: ${url}`,
    `  API: ${url}/api/v1   OpenAPI: ${url}/api/docs`,
    `  Database: ${database.description}`,
  ];
  if (config.mode === 'demo') {
    lines.push(`  Demo logins (password "${DEMO_PASSWORD}"):`);
    for (const account of DEMO_ACCOUNTS)
      lines.push(
        `    ${account.username.padEnd(10)} ${account.role.padEnd(10)} ${account.ja}`,
      );
  }
  lines.push('  Press Ctrl-C to stop.', '');
  process.stdout.write(lines.join('\n') + '\n');
}

void main();
