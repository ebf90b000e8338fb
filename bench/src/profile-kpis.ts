import { DEFAULT_KPI_CATEGORIES } from '@ikuboard/shared/kpi';
import { Pool } from 'pg';

import { kpiSource } from '../../api/src/app/kpi/kpi-aggregates';
import { KPI_GROUPS } from '../../api/src/app/kpi/kpi-groups';
import { configurePgTypes } from '../../api/src/database/pg-types';

/** Times every statement of the KPI families for one request (diagnosis only, not a scenario). */
export async function profile(
  url: string,
  years: number[],
  unitCode: string | null,
): Promise<void> {
  configurePgTypes();
  const pool = new Pool({ connectionString: url, max: 8 });
  const log: string[] = [];
  const db = {
    query: async (sql: string, parameters?: unknown[]) => {
      const t = performance.now();
      const r = await pool.query(sql, parameters as unknown[]);
      log.push(
        `${(performance.now() - t).toFixed(1).padStart(7)} ms ${String(r.rows.length).padStart(5)} rows  ${sql.replace(/\s+/g, ' ').trim().slice(0, 110)}`,
      );
      return r.rows;
    },
  };
  const [{ id }] = await db.query(
    `SELECT id FROM organization WHERE code = 'bench'`,
  );
  const unitId = unitCode
    ? (
        await db.query(
          `SELECT id FROM org_unit WHERE organization_id = $1 AND code = $2`,
          [id, unitCode],
        )
      )[0].id
    : null;
  for (let round = 0; round < 3; round++) {
    log.length = 0;
    const derived = await kpiSource(db, id, unitId, years);
    const scope = {
      organizationId: id,
      unitId,
      categories: DEFAULT_KPI_CATEGORIES,
      derived,
    };
    for (const group of KPI_GROUPS) {
      const t = performance.now();
      const values = await group.compute(db, scope, years);
      log.push(
        `== ${group.codes[0]}: ${(performance.now() - t).toFixed(1)} ms, ${values.length} values, ${JSON.stringify(values).length} bytes`,
      );
    }
  }
  console.log(log.join('\n'));
  await pool.end();
}
