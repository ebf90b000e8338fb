import {
  DEFAULT_CHILDCARE_DURATION_BUCKETS,
  DEFAULT_KPI_CATEGORIES,
} from '@ikuboard/shared/kpi';
import { Client } from 'pg';

/** EXPLAIN ANALYZE of one statement captured from the KPI path (diagnosis only). */
export async function explain(
  url: string,
  sql: string,
  params: (ids: { org: string }) => unknown[],
): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const [{ id }] = (
    await client.query(`SELECT id FROM organization WHERE code = 'bench'`)
  ).rows;
  const times: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t = performance.now();
    await client.query(sql, params({ org: id }) as unknown[]);
    times.push(performance.now() - t);
  }
  console.log(times.map((t) => t.toFixed(1)).join(' '));
  if (process.env.PLAN) {
    const r = await client.query(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`,
      params({ org: id }) as unknown[],
    );
    console.log(r.rows.map((x) => x['QUERY PLAN']).join('\n'));
  }
  await client.end();
}
export const BUCKETS = DEFAULT_CHILDCARE_DURATION_BUCKETS;
export const CATS = DEFAULT_KPI_CATEGORIES;
export { CHILDCARE_FACT_COUNTS_SQL } from '../../api/src/app/kpi/childcare.sql';
