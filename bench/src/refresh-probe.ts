import { Client } from 'pg';
import { contributionSql } from '../../api/src/app/kpi/kpi-aggregates';

export async function probe(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const [{ id }] = (
    await client.query(`SELECT id FROM organization WHERE code = 'bench'`)
  ).rows;
  await client.query(`SET work_mem = '256MB'`);
  for (const part of contributionSql(['pop', 'hire', 'al', 'pay', 'ot'])) {
    const t = Date.now();
    const r = await client.query(
      `EXPLAIN (ANALYZE, COSTS OFF) SELECT count(*) FROM (${part}) x WHERE $2::int IS NOT NULL AND $3::int IS NOT NULL`,
      [id, 2019, 2027, null],
    );
    console.log(
      Date.now() - t,
      'ms\n',
      r.rows.map((x) => x['QUERY PLAN']).join('\n'),
    );
  }
  await client.end();
}
