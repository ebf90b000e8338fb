import { parseArgs } from 'node:util';

import { DataSource } from 'typeorm';

import { passwordProblems } from './app/auth/password';
import {
  createAccount,
  createOrganization,
} from './app/setup/organization-setup';
import type { AppConfig } from './config/app-config';
import { openDatabase } from './database/database';
import { dataSourceOptions } from './database/data-source-options';

const USAGE = `Usage:
  node dist/api/main.js migrate
  node dist/api/main.js create-admin --org-code CODE --org-name NAME [--org-name-en NAME] --username USER
      (the password is read from IKUBOARD_ADMIN_PASSWORD)`;

async function readPassword(): Promise<string> {
  const fromEnv = process.env['IKUBOARD_ADMIN_PASSWORD'];
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) {
    let input = '';
    for await (const chunk of process.stdin) input += String(chunk);
    return input.split('\n')[0] ?? '';
  }
  throw new Error(
    'Set IKUBOARD_ADMIN_PASSWORD or pipe the password on standard input',
  );
}

/** Administrative commands that run without the HTTP server; returns the exit code. */
export async function runCli(
  config: AppConfig,
  argv: string[],
): Promise<number> {
  const [command, ...rest] = argv;
  if (command !== 'migrate' && command !== 'create-admin') {
    console.error(USAGE);
    return 2;
  }
  const database = await openDatabase(config, (line) => console.log(line));
  const dataSource = new DataSource(dataSourceOptions(database.url));
  try {
    await dataSource.initialize();
    const applied = await dataSource.runMigrations({ transaction: 'all' });
    console.log(`Migrations applied: ${applied.length}`);
    if (command === 'migrate') return 0;

    const { values } = parseArgs({
      args: rest,
      options: {
        'org-code': { type: 'string' },
        'org-name': { type: 'string' },
        'org-name-en': { type: 'string' },
        username: { type: 'string' },
      },
    });
    const orgCode = values['org-code'];
    const username = values.username;
    if (!orgCode || !username) {
      console.error(USAGE);
      return 2;
    }
    const password = await readPassword();
    const problems = passwordProblems(password, username);
    if (problems.length > 0) {
      for (const problem of problems)
        console.error(`${problem.ja} / ${problem.en}`);
      return 2;
    }
    await dataSource.transaction(async (manager) => {
      const existing: { id: string }[] = await manager.query(
        `SELECT id FROM organization WHERE code = $1`,
        [orgCode],
      );
      const organizationId =
        existing[0]?.id ??
        (await createOrganization(manager, {
          code: orgCode,
          name: values['org-name'] ?? orgCode,
          nameEn: values['org-name-en'] ?? null,
        }));
      await createAccount(manager, {
        organizationId,
        username,
        displayName: username,
        password,
        role: 'admin',
      });
    });
    console.log(`Created admin "${username}" for organization "${orgCode}"`);
    return 0;
  } catch (error) {
    console.error(
      `Failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}
