import { IKUBOSS_PROGRAMME_KPI_CODES } from '@ikuboard/shared/contracts';
import { ikubossProgrammeKpis } from '@ikuboard/shared/kpi';

import { familyRows, kpiSource, type KpiSource } from './kpi-aggregates';
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

/**
 * The same figures from the derived tables (kpi-aggregates.ts) when they cover the years: the
 * managers are the April-1 population facts (one per assignment in force, as above) with a manager
 * stage, summed from the roll-ups; the trained ones are read from the facts of the few people with
 * an attendance in the FY.
 */
const DERIVED_IKUBOSS_PROGRAMME_SQL = (
  source: KpiSource,
  unitId: string | null,
) => `
WITH fiscal AS (SELECT DISTINCT unnest($2::int[]) AS y),
managers AS (
  SELECT r.fy AS y, sum(r.n)::int AS n
    FROM ${familyRows('pop', unitId, source)}
    JOIN position_stage s ON s.organization_id = $1 AND s.id = r.stage_id AND s.is_manager
   WHERE r.category = ANY ($4::text[])
   GROUP BY r.fy
), attended AS (
  SELECT DISTINCT ta.employee_id, t.fiscal_year AS y
    FROM ikuboss_training_attendance ta
    JOIN ikuboss_training t ON t.organization_id = $1 AND t.id = ta.training_id
   WHERE ta.organization_id = $1 AND t.fiscal_year = ANY ($2::int[])
), trained AS (
  SELECT at.y, count(*)::int AS n
    FROM attended at
    JOIN kpi_fact f ON f.organization_id = $1 AND f.employee_id = at.employee_id AND f.family = 'pop' AND f.fy = at.y
    JOIN position_stage s ON s.organization_id = $1 AND s.id = f.stage_id AND s.is_manager
   WHERE f.category = ANY ($4::text[])
     AND ($3::uuid IS NULL OR f.unit_id IN
           (SELECT descendant_id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $3::uuid))
   GROUP BY at.y
)
SELECT f.y,
       coalesce((SELECT m.n FROM managers m WHERE m.y = f.y), 0) AS managers,
       coalesce((SELECT t.n FROM trained t WHERE t.y = f.y), 0) AS trained,
       (SELECT count(DISTINCT d.firm_id) FROM local_firm_declaration d
         WHERE d.organization_id = $1 AND d.fiscal_year = f.y)::int AS firms
  FROM fiscal f
 ORDER BY f.y`;

export const IKUBOSS_PROGRAMME_GROUP: KpiGroup = {
  codes: IKUBOSS_PROGRAMME_KPI_CODES,
  async compute(db, scope, fiscalYears) {
    const source =
      scope.derived !== undefined
        ? scope.derived
        : await kpiSource(db, scope.organizationId, scope.unitId, fiscalYears);
    const rows = (
      source
        ? await db.query(DERIVED_IKUBOSS_PROGRAMME_SQL(source, scope.unitId), [
            scope.organizationId,
            fiscalYears,
            scope.unitId,
            scope.categories,
          ])
        : await db.query(IKUBOSS_PROGRAMME_SQL, [
            scope.organizationId,
            fiscalYears,
            scope.categories,
            scope.unitId,
          ])
    ) as { y: number; managers: number; trained: number; firms: number }[];
    return rows.flatMap((row) =>
      ikubossProgrammeKpis(row.y, {
        managers: row.managers,
        managersTrained: row.trained,
        firmsDeclared: scope.unitId === null ? row.firms : null,
      }),
    );
  },
};
