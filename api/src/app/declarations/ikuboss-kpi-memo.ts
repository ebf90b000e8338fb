import type { Queryable } from '../../database/queryable';

/** The tables whose writes are logged (migration 1795530000000). */
export const IKUBOSS_KPI_INPUT_TABLES = [
  'employee',
  'assignment',
  'org_unit',
  'org_unit_closure',
  'position_stage',
  'review360_cycle',
  'ikuboss_campaign',
  'ikuboss_campaign_stage',
  'ikuboss_declaration',
  'ikuboss_declarer',
] as const;
export type IkubossKpiInputTable = (typeof IKUBOSS_KPI_INPUT_TABLES)[number];

/**
 * Which changes the inputs of the Ikuboss declaration and 360 KPIs of an organization have had
 * (migration 1795530000000: every statement writing employees, assignments, units, stages, 360
 * cycles, campaigns or declarations appends a row in its own transaction), counting the writes of
 * `tables` only, as "count:last id". The count includes the rows housekeeping has folded into
 * ikuboss_kpi_input_change_total (migration 1795580000000); one statement reads both, so it sees
 * a folded row either in the log or in the total, and a compaction leaves the version unchanged.
 * A figure computed after reading a version was computed from data at least as new; once a later
 * change commits, every reader sees a larger count, so a result kept under a version is never
 * served after it. The last id tells apart two views with the same count, e.g. that of a
 * transaction that wrote an input and was rolled back (its id is never handed out again).
 */
export async function ikubossKpiInputVersion(
  db: Queryable,
  organizationId: string,
  tables: readonly IkubossKpiInputTable[],
): Promise<string> {
  return ikubossKpiVersionOf(
    await ikubossKpiInputCounts(db, organizationId),
    tables,
  );
}

/** Per input table, how many writes it has had and the last one's id. */
export type IkubossKpiInputCounts = ReadonlyMap<
  string,
  { n: bigint; last: bigint }
>;

/**
 * The input-change counts of every table of an organization ($1), the log and the folded totals
 * read in one statement (so a compaction running meanwhile is seen either before or after, never
 * half): one row (source, n, last) per table, the numbers as text. A subquery of a caller's own
 * first statement (the overview's context) when it reads them with other things.
 */
export const IKUBOSS_KPI_INPUT_COUNTS_SQL = `
  SELECT source, sum(n)::text AS n, max(last)::text AS last
    FROM (SELECT source, count(*) AS n, max(id) AS last
            FROM ikuboss_kpi_input_change WHERE organization_id = $1 GROUP BY source
          UNION ALL
          SELECT source, changes, last_id
            FROM ikuboss_kpi_input_change_total WHERE organization_id = $1) x
   GROUP BY source`;

/** The counts of the rows IKUBOSS_KPI_INPUT_COUNTS_SQL returns. */
export function ikubossKpiInputCountsOf(
  rows: readonly { source: string; n: string; last: string }[],
): IkubossKpiInputCounts {
  return new Map(
    rows.map((row) => [
      row.source,
      { n: BigInt(row.n), last: BigInt(row.last) },
    ]),
  );
}

/** The input-change counts of every table of an organization, in a statement of their own. */
export async function ikubossKpiInputCounts(
  db: Queryable,
  organizationId: string,
): Promise<IkubossKpiInputCounts> {
  return ikubossKpiInputCountsOf(
    (await db.query(IKUBOSS_KPI_INPUT_COUNTS_SQL, [organizationId])) as {
      source: string;
      n: string;
      last: string;
    }[],
  );
}

/** The version of `tables` in counts read by ikubossKpiInputCounts: "count:last id" over them. */
export function ikubossKpiVersionOf(
  counts: IkubossKpiInputCounts,
  tables: readonly IkubossKpiInputTable[],
): string {
  let n = 0n;
  let last = 0n;
  for (const table of new Set(tables)) {
    const count = counts.get(table);
    if (!count) continue;
    n += count.n;
    if (count.last > last) last = count.last;
  }
  return `${n}:${last}`;
}

/** Gives the version of a set of input tables. */
export type IkubossKpiInputVersions = (
  tables: readonly IkubossKpiInputTable[],
) => Promise<string>;

/**
 * The versions for one request: the counts are read once, by the first family that asks, or were
 * read already by the caller's first statement (`known`, e.g. the overview's context), and every
 * family's version is computed from that one read. Each family reads its figures after the
 * counts, so a result it keeps under the version was computed from data at least as new.
 */
export function requestIkubossKpiInputVersions(
  db: Queryable,
  organizationId: string,
  known?: IkubossKpiInputCounts,
): IkubossKpiInputVersions {
  let counts: Promise<IkubossKpiInputCounts> | null =
    known === undefined ? null : Promise.resolve(known);
  const read = () => (counts ??= ikubossKpiInputCounts(db, organizationId));
  return async (tables: readonly IkubossKpiInputTable[]) =>
    ikubossKpiVersionOf(await read(), tables);
}

/**
 * Folds the committed rows of the input-change log into the per-organization totals, in one
 * statement: the rows it deletes are exactly the ones whose count and last id it adds, and a
 * writer's row committed later stays in the log. Concurrent compactions wait for each other's
 * rows and totals. Returns how many rows were folded.
 */
export async function compactIkubossKpiInputChanges(
  db: Queryable,
): Promise<number> {
  const [row] = (await db.query(
    `WITH gone AS (
       DELETE FROM ikuboss_kpi_input_change RETURNING organization_id, source, id
     ), folded AS (
       INSERT INTO ikuboss_kpi_input_change_total AS t (organization_id, source, changes, last_id)
       SELECT organization_id, source, count(*), max(id) FROM gone GROUP BY organization_id, source
       ON CONFLICT (organization_id, source) DO UPDATE
         SET changes = t.changes + excluded.changes, last_id = greatest(t.last_id, excluded.last_id)
     )
     SELECT count(*)::int AS n FROM gone`,
  )) as { n: number }[];
  return row?.n ?? 0;
}

/**
 * A small per-process map of results keyed by what they were computed from (organization, input
 * version and the request); the oldest entry goes first.
 */
export class KpiMemo<T> {
  private readonly entries = new Map<string, T>();

  constructor(private readonly size = 256) {}

  get(key: string): T | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: T): void {
    this.entries.set(key, value);
    if (this.entries.size > this.size)
      this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
