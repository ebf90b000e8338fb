import type { EmploymentCategory } from '@ikuboard/shared/contracts';
import type { StaffRatioCounts } from '@ikuboard/shared/kpi';

import type { Queryable } from '../../database/queryable';

const STAGES = [
  'director',
  'section_chief',
  'deputy_chief',
  'subsection_chief',
] as const;

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
): Promise<(StaffRatioCounts & { refDate: string })[]> {
  const stageColumns = STAGES.map(
    (
      stage,
    ) => `count(*) FILTER (WHERE s.official_stage = '${stage}' AND e.gender = 'female') AS "${stage}_f",
                count(*) FILTER (WHERE s.official_stage = '${stage}') AS "${stage}_n"`,
  ).join(',\n');
  const rows = (await db.query(
    `SELECT r.d::text AS ref_date,
            count(*) FILTER (WHERE e.gender = 'female') AS staff_f, count(*) AS staff_n,
            count(*) FILTER (WHERE s.is_manager AND e.gender = 'female') AS manager_f,
            count(*) FILTER (WHERE s.is_manager) AS manager_n,
            count(*) FILTER (WHERE s.is_supervisor AND e.gender = 'female') AS supervisor_f,
            count(*) FILTER (WHERE s.is_supervisor) AS supervisor_n,
            ${stageColumns}
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
  )) as Record<string, number | string>[];
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
