import { IKUBOSS_PROGRAMME_KPI_CODES } from '@ikuboard/shared/contracts';
import { ikubossProgrammeKpis } from '@ikuboard/shared/kpi';

import type { KpiGroup } from './kpi-group';

/**
 * Managers on April 1 (population, is_manager stage, unit subtree) and those of them with an
 * attendance at a training of the FY; local firms with a declaration in the FY (whole
 * organization only: firms belong to no unit). Same definition as the reference
 * `ikubossTrainingAttendance` in libs/shared/kpi.
 */
const IKUBOSS_PROGRAMME_SQL = `
WITH fiscal AS (SELECT DISTINCT unnest($2::int[]) AS y),
managers AS (
  SELECT f.y, e.id AS employee_id
    FROM fiscal f
    JOIN employee e ON e.organization_id = $1
                   AND e.hire_date <= make_date(f.y, 4, 1)
                   AND (e.separation_date IS NULL OR e.separation_date >= make_date(f.y, 4, 1))
    JOIN assignment a ON a.organization_id = $1 AND a.employee_id = e.id
                     AND a.valid_from <= make_date(f.y, 4, 1) AND (a.valid_to IS NULL OR a.valid_to > make_date(f.y, 4, 1))
    JOIN position_stage s ON s.organization_id = $1 AND s.id = a.position_stage_id AND s.is_manager
    JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id AND c.code = ANY ($3::text[])
   WHERE $4::uuid IS NULL OR a.org_unit_id IN
         (SELECT descendant_id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $4::uuid)
)
SELECT f.y,
       (SELECT count(*) FROM managers m WHERE m.y = f.y)::int AS managers,
       (SELECT count(*) FROM managers m
         WHERE m.y = f.y AND EXISTS (
           SELECT 1 FROM ikuboss_training_attendance ta
             JOIN ikuboss_training t ON t.organization_id = $1 AND t.id = ta.training_id
            WHERE ta.organization_id = $1 AND ta.employee_id = m.employee_id AND t.fiscal_year = f.y))::int AS trained,
       (SELECT count(DISTINCT d.firm_id) FROM local_firm_declaration d
         WHERE d.organization_id = $1 AND d.fiscal_year = f.y)::int AS firms
  FROM fiscal f
 ORDER BY f.y`;

export const IKUBOSS_PROGRAMME_GROUP: KpiGroup = {
  codes: IKUBOSS_PROGRAMME_KPI_CODES,
  async compute(db, scope, fiscalYears) {
    const rows = (await db.query(IKUBOSS_PROGRAMME_SQL, [
      scope.organizationId,
      fiscalYears,
      scope.categories,
      scope.unitId,
    ])) as { y: number; managers: number; trained: number; firms: number }[];
    return rows.flatMap((row) =>
      ikubossProgrammeKpis(row.y, {
        managers: row.managers,
        managersTrained: row.trained,
        firmsDeclared: scope.unitId === null ? row.firms : null,
      }),
    );
  },
};
