import type { Queryable } from '../../database/queryable';
import { compactIkubossKpiInputChanges } from '../declarations/ikuboss-kpi-memo';

export interface HousekeepingResult {
  /** Sessions past their expiry, deleted (a request with one is refused already). */
  expiredSessions: number;
  /** Rows of the Ikuboss/360 input-change log folded into their totals. */
  foldedInputChanges: number;
}

/**
 * The periodic clean-up of tables that only grow: expired sessions, and the input-change log
 * whose length every Ikuboss/360 KPI request would otherwise pay for. Each step is one statement,
 * safe to run at any time, from any number of API instances at once.
 */
export async function runHousekeeping(
  db: Queryable,
): Promise<HousekeepingResult> {
  const [sessions] = (await db.query(
    `WITH gone AS (DELETE FROM session WHERE expires_at <= now() RETURNING 1)
     SELECT count(*)::int AS n FROM gone`,
  )) as { n: number }[];
  const foldedInputChanges = await compactIkubossKpiInputChanges(db);
  return { expiredSessions: sessions?.n ?? 0, foldedInputChanges };
}
