import { randomUUID } from 'node:crypto';

import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource, type QueryRunner } from 'typeorm';

import type { Queryable } from '../../database/queryable';

/** Seed of the advisory-lock keys of runners (lockOrganizationImports uses 42). */
const RUNNER_LOCK_SEED = 7;

export const IMPORT_INTERRUPTED = {
  code: 'IMPORT_INTERRUPTED',
  message: {
    ja: '取込の実行中にサーバーが停止したため、取込は中断されました。取込は一つのトランザクションで行われるため、途中までの書込みは残っていません。データを確認し、必要ならもう一度取り込んでください。',
    en: 'The import was interrupted because the server stopped while it ran. An import is one transaction, so nothing partial was kept; check the data and import the file again if needed.',
  },
};

/**
 * This API process's identity as an import runner. The process holds a session-level advisory
 * lock on a random id for as long as it lives (on one connection of the pool, kept aside); the
 * jobs it starts record that id (`import_job.runner`). At start-up, a job still `running` whose
 * runner no longer holds its lock belongs to a process that died without finishing it (kill -9,
 * out-of-memory abort, power loss): it is marked failed with IMPORT_INTERRUPTED. Jobs of other
 * live instances are left alone.
 */
@Injectable()
export class ImportRunnerLease
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  readonly id = randomUUID();
  private readonly logger = new Logger('ImportRunnerLease');
  private holder: QueryRunner | null = null;
  private stopping = false;

  constructor(private readonly dataSource: DataSource) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.acquire();
    const interrupted = await markInterruptedImports(this.holder!, this.id);
    if (interrupted.length > 0)
      this.logger.warn(
        `Marked ${interrupted.length} import job(s) left running by a stopped process as interrupted: ${interrupted.join(', ')}`,
      );
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    const holder = this.holder;
    this.holder = null;
    if (!holder) return;
    // The connection goes back to the pool: it must not keep the lock.
    await holder
      .query(`SELECT pg_advisory_unlock_all()`)
      .catch(() => undefined);
    await holder.release().catch(() => undefined);
  }

  /** Takes the lock on a connection set aside from the pool; on losing it, takes it again. */
  private async acquire(): Promise<void> {
    const holder = this.dataSource.createQueryRunner();
    const connection = (await holder.connect()) as {
      once(event: 'error', listener: (error: Error) => void): void;
    };
    // A connection checked out of the pool has no error listener: without this one, PostgreSQL
    // restarting would crash the process. The lock went with the connection; take it again.
    connection.once('error', (error) => {
      if (this.holder === holder) this.holder = null;
      void holder.release().catch(() => undefined);
      if (!this.stopping) void this.reacquire(error);
    });
    await holder.query(
      `SELECT pg_advisory_lock(hashtextextended($1, ${RUNNER_LOCK_SEED}))`,
      [this.id],
    );
    this.holder = holder;
  }

  private async reacquire(cause: Error): Promise<void> {
    this.logger.warn(
      `Lost the import runner lock (${cause.message}); taking it again`,
    );
    for (let attempt = 0; !this.stopping; attempt++) {
      try {
        await this.acquire();
        return;
      } catch {
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(5_000, 500 * (attempt + 1))).unref(),
        );
      }
    }
  }
}

/**
 * Marks failed (IMPORT_INTERRUPTED) every running job whose runner is dead, i.e. whose lock can
 * be taken; returns their ids. `self` is the caller's own runner id, never dead.
 */
export async function markInterruptedImports(
  db: Queryable,
  self: string,
): Promise<string[]> {
  const runners = (await db.query(
    `SELECT DISTINCT runner FROM import_job WHERE status = 'running' AND runner IS NOT NULL AND runner <> $1`,
    [self],
  )) as { runner: string }[];
  const dead: string[] = [];
  for (const { runner } of runners) {
    const [{ free }] = (await db.query(
      `SELECT pg_try_advisory_lock(hashtextextended($1, ${RUNNER_LOCK_SEED})) AS free`,
      [runner],
    )) as { free: boolean }[];
    if (!free) continue;
    await db.query(
      `SELECT pg_advisory_unlock(hashtextextended($1, ${RUNNER_LOCK_SEED}))`,
      [runner],
    );
    dead.push(runner);
  }
  // Runner ids are never reused, so a runner found dead stays dead.
  const rows = (await db.query(
    `WITH marked AS (
       UPDATE import_job SET status = 'failed', failure = $2::jsonb, finished_at = now()
        WHERE status = 'running' AND (runner IS NULL OR runner = ANY ($1::uuid[]))
        RETURNING id)
     SELECT id FROM marked`,
    [dead, JSON.stringify(IMPORT_INTERRUPTED)],
  )) as { id: string }[];
  return rows.map((row) => row.id);
}
