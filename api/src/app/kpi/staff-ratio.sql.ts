import type { EmploymentCategory } from '@ikuboard/shared/contracts';
import type { StaffRatioCounts } from '@ikuboard/shared/kpi';

import type { Queryable } from '../../database/queryable';
import { familyRows, kpiSource, type KpiSource } from './kpi-aggregates';

const STAGES = [
  'director',
  'section_chief',
  'deputy_chief',
  'subsection_chief',
] as const;

/** The head counts of rows with stage `s` and gender column `gender`, each counting `n` people. */
const STAFF_RATIO_COLUMNS = (n: string, gender: string) => {
  const count = (condition: string) =>
    `coalesce(sum(${n}) FILTER (WHERE ${condition}), 0)`;
  const stageColumns = STAGES.map(
    (stage) =>
      `${count(`s.official_stage = '${stage}' AND ${gender} = 'female'`)} AS "${stage}_f",
       ${count(`s.official_stage = '${stage}'`)} AS "${stage}_n"`,
  ).join(',\n');
  return `${count(`${gender} = 'female'`)} AS staff_f, ${count('true')} AS staff_n,
          ${count(`s.is_manager AND ${gender} = 'female'`)} AS manager_f,
          ${count('s.is_manager')} AS manager_n,
          ${count(`s.is_supervisor AND ${gender} = 'female'`)} AS supervisor_f,
          ${count('s.is_supervisor')} AS supervisor_n,
          ${stageColumns}`;
};

/**
 * Head counts behind every staff-ratio KPI for several reference dates at once: the population in
 * service on each date whose assignment on that date is in the categories and the unit subtree.
 */
export async function staffRatioCounts(
  db: Queryable,
  organizationId: string,
  refDates: readonly string[],
  unitId: string | null,
  categories: readonly EmploymentCategory[],
  derived?: KpiSource | null,
): Promise<(StaffRatioCounts & { refDate: string })[]> {
  const aprilFirsts = refDates.every((date) => date.endsWith('-04-01'));
  const years = refDates.map((date) => Number(date.slice(0, 4)));
  const source = !aprilFirsts
    ? null
    : derived !== undefined
      ? derived
      : await kpiSource(db, organizationId, unitId, years);
  const rows = (
    source
      ? await db.query(
          // The population of each April 1 from the derived tables (kpi-aggregates.ts).
          `SELECT make_date(r.fy, 4, 1)::text AS ref_date,
                  ${STAFF_RATIO_COLUMNS('r.n', 'r.gender')}
             FROM ${familyRows('pop', unitId, source)}
             JOIN position_stage s ON s.organization_id = $1 AND s.id = r.stage_id
            WHERE r.category = ANY ($4::text[])
            GROUP BY r.fy`,
          [organizationId, years, unitId, categories],
        )
      : await db.query(
          `SELECT r.d::text AS ref_date,
            ${STAFF_RATIO_COLUMNS('1', 'e.gender')}
       FROM unnest($2::date[]) AS r (d)
       JOIN assignment a ON a.organization_id = $1 AND a.valid_from <= r.d AND (a.valid_to IS NULL OR a.valid_to > r.d)
       JOIN employee e ON e.organization_id = $1 AND e.id = a.employee_id
                      AND e.hire_date <= r.d AND (e.separation_date IS NULL OR e.separation_date >= r.d)
       JOIN position_stage s ON s.organization_id = $1 AND s.id = a.position_stage_id
       JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id
      WHERE c.code = ANY ($3::text[])
        AND ($4::uuid IS NULL OR a.org_unit_id IN
              (SELECT descendant_id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $4))
      GROUP BY r.d`,
          [organizationId, refDates, categories, unitId],
        )
  ) as Record<string, number | string>[];
  const byDate = new Map(rows.map((row) => [String(row['ref_date']), row]));
  return refDates.map((refDate) => {
    const row = byDate.get(refDate);
    const pair = (key: string): [number, number] => [
      Number(row?.[`${key}_f`] ?? 0),
      Number(row?.[`${key}_n`] ?? 0),
    ];
    return {
      refDate,
      staff: pair('staff'),
      manager: pair('manager'),
      supervisor: pair('supervisor'),
      stage: {
        director: pair('director'),
        section_chief: pair('section_chief'),
        deputy_chief: pair('deputy_chief'),
        subsection_chief: pair('subsection_chief'),
      },
    };
  });
}
