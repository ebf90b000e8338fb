import { Pool } from 'pg';

import { KpiService } from '../../api/src/app/kpi/kpi.service';
import { OrgService } from '../../api/src/app/org/org.service';
import { configurePgTypes } from '../../api/src/database/pg-types';

/** Times every statement of one overview request in the service, by start and end (diagnosis only). */
export async function probe(
  url: string,
  trendCodes: string[],
  unitCode: string | null,
  rounds = 8,
  poolMax = 10,
): Promise<void> {
  configurePgTypes();
  const pool = new Pool({ connectionString: url, max: poolMax });
  let t0 = 0;
  const log: string[] = [];
  const captured: [string, unknown[] | undefined][] = [];
  const db = {
    query: async (sql: string, parameters?: unknown[]) => {
      captured.push([sql, parameters]);
      const s = performance.now();
      const r = await pool.query(sql, parameters as unknown[]);
      const e = performance.now();
      log.push(
        `${(s - t0).toFixed(1).padStart(6)} → ${(e - t0).toFixed(1).padStart(6)} (${(e - s).toFixed(1).padStart(5)} ms) ${String(r.rows.length).padStart(4)} rows  ${sql.replace(/\s+/g, ' ').trim().slice(0, 100)}`,
      );
      return r.rows;
    },
  };
  const [{ id }] = (await db.query(
    `SELECT id FROM organization WHERE code = 'bench'`,
  )) as { id: string }[];
  const [{ last }] = (await db.query(
    `SELECT max(extract(year FROM as_of))::int AS last FROM roster_snapshot WHERE organization_id = $1`,
    [id],
  )) as { last: number }[];
  const service = new KpiService(
    db as never,
    new OrgService(db as never, undefined as never),
  );
  const totals: number[] = [];
  for (let round = 0; round < rounds; round++) {
    log.length = 0;
    captured.length = 0;
    t0 = performance.now();
    const result = await service.overview(id, last, trendCodes as never, {
      unitCode: unitCode ?? undefined,
    });
    const computed = performance.now() - t0;
    const json = JSON.stringify(result);
    const total = performance.now() - t0;
    totals.push(total);
    log.push(
      `== round ${round}: computed ${computed.toFixed(1)} ms, +JSON ${total.toFixed(1)} ms, ${json.length} bytes`,
    );
    if (round >= rounds - 2) console.log(log.join('\n'));
  }
  if (process.env['EXPLAIN']) {
    for (const [sql, parameters] of captured) {
      const times: number[] = [];
      for (let i = 0; i < 5; i++) {
        const s = performance.now();
        await pool.query(sql, parameters as unknown[]);
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      console.log(
        `-- min ${times[0]!.toFixed(1)} ms  median ${times[2]!.toFixed(1)} ms: ${sql.replace(/\s+/g, ' ').trim().slice(0, 90)}`,
      );
      if (times[0]! > Number(process.env['EXPLAIN'])) {
        const plan = await pool.query(
          `EXPLAIN (ANALYZE, BUFFERS) ${sql}`,
          parameters as unknown[],
        );
        console.log(plan.rows.map((r) => r['QUERY PLAN']).join('\n'));
      }
    }
  }
  totals.sort((a, b) => a - b);
  console.log('median', totals[Math.floor(totals.length / 2)]!.toFixed(1));
  await pool.end();
}
