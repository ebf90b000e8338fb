import { Client } from 'pg';
import {
  ANNUAL_LEAVE_FACTS,
  contributionSql,
} from '../../api/src/app/kpi/kpi-aggregates';

export async function probe(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const [{ id }] = (
    await client.query(`SELECT id FROM organization WHERE code = 'bench'`)
  ).rows;
  const ids = (
    await client.query(
      `SELECT id FROM employee WHERE organization_id = $1 ORDER BY employee_number LIMIT 1000`,
      [id],
    )
  ).rows.map((r) => r.id);
  await client.query('BEGIN');
  for (const sql of [
    ANNUAL_LEAVE_FACTS,
    `SELECT count(*) FROM (${contributionSql(['al'])[0]}) x`,
  ]) {
    const r = await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, [
      id,
      2019,
      2027,
      ids,
    ]);
    console.log(
      r.rows
        .map((x) => x['QUERY PLAN'])
        .filter((l) => /actual time|Trigger|Execution/.test(l))
        .map((l) => l.slice(0, 170))
        .join('\n'),
    );
  }
  await client.query('ROLLBACK');
  await client.end();
}
