import { Client } from 'pg';
import {
  ANNUAL_LEAVE_FACTS,
  contributionSql,
} from '../../api/src/app/kpi/kpi-aggregates';

/** Plans and times of the incremental annual-leave refresh statements, rolled back (diagnosis only). */
export async function alProbe(url: string): Promise<void> {
  const c = new Client({ connectionString: url });
  await c.connect();
  const [{ id }] = (
    await c.query(`SELECT id FROM organization WHERE code = 'bench'`)
  ).rows;
  const ids = (
    await c.query(
      `SELECT id FROM employee WHERE organization_id = $1 AND hire_date <= make_date(2025, 1, 1) AND separation_date IS NULL ORDER BY employee_number LIMIT 1000`,
      [id],
    )
  ).rows.map((r) => r.id);
  await c.query('BEGIN');
  for (const sql of [
    ANNUAL_LEAVE_FACTS,
    `SELECT count(*) FROM (${contributionSql(['al'])[0]}) x`,
  ]) {
    const r = await c.query(`EXPLAIN (ANALYZE, COSTS OFF) ${sql}`, [
      id,
      2025,
      2025,
      ids,
    ]);
    console.log(
      r.rows
        .map((x) => x['QUERY PLAN'])
        .filter((l: string) => /Scan|Loop|Join|Execution|Aggregate/.test(l))
        .map((l: string) => l.slice(0, 150))
        .join('\n'),
    );
  }
  await c.query('ROLLBACK');
  await c.end();
}
