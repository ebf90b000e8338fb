import type { Queryable } from '../../database/queryable';

/** The tables whose writes are logged (migration 1795530000000). */
export type IkubossKpiInputTable =
  | 'employee'
  | 'assignment'
  | 'org_unit'
  | 'org_unit_closure'
  | 'position_stage'
  | 'review360_cycle'
  | 'ikuboss_campaign'
  | 'ikuboss_campaign_stage'
  | 'ikuboss_declaration'
  | 'ikuboss_declarer';

/**
 * Which changes the inputs of the Ikuboss declaration and 360 KPIs of an organization have had
 * (migration 1795530000000: every statement writing employees, assignments, units, stages, 360
 * cycles, campaigns or declarations appends a row in its own transaction), counting the writes of
`tables` only, as "count:last id".
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
  const [row] = (await db.query(
    `SELECT count(*)::int AS n, coalesce(max(id), 0)::text AS last
       FROM ikuboss_kpi_input_change WHERE organization_id = $1 AND source = ANY ($2::text[])`,
    [organizationId, tables],
  )) as { n: number; last: string }[];
  return `${row?.n ?? 0}:${row?.last ?? 0}`;
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
