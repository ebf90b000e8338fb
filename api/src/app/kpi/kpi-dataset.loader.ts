import type { KpiDataset } from '@ikuboard/shared/kpi';

import type { Queryable } from '../../database/queryable';

/**
 * One organization's person-level data as a reference dataset (ids are the database's), for the
 * drill-down: the reference functions list the people and why they count.
 */
export async function loadKpiDataset(
  db: Queryable,
  organizationId: string,
): Promise<KpiDataset> {
  const q = async <T>(sql: string) =>
    (await db.query(sql, [organizationId])) as T[];
  const [
    units,
    stages,
    employees,
    assignments,
    children,
    leaves,
    overtime,
    pay,
  ] = [
    await q<KpiDataset['units'][number]>(
      `SELECT id, parent_id AS "parentId", is_employer_unit AS "isEmployerUnit" FROM org_unit WHERE organization_id = $1`,
    ),
    await q<KpiDataset['stages'][number]>(
      `SELECT id, official_stage AS "officialStage", is_manager AS "isManager", is_supervisor AS "isSupervisor"
         FROM position_stage WHERE organization_id = $1`,
    ),
    await q<KpiDataset['employees'][number]>(
      `SELECT id, gender, hire_date AS "hireDate", separation_date AS "separationDate", is_rehire AS "isRehire",
              is_midcareer AS "isMidcareer" FROM employee WHERE organization_id = $1`,
    ),
    await q<KpiDataset['assignments'][number]>(
      `SELECT a.employee_id AS "employeeId", a.valid_from AS "validFrom", a.valid_to AS "validTo", a.org_unit_id AS "orgUnitId",
              a.position_stage_id AS "stageId", c.code AS category
         FROM assignment a JOIN employment_category c ON c.organization_id = a.organization_id AND c.id = a.employment_category_id
        WHERE a.organization_id = $1`,
    ),
    await q<KpiDataset['children'][number]>(
      `SELECT id, employee_id AS "employeeId", birth_date AS "birthDate" FROM child WHERE organization_id = $1`,
    ),
    await q<KpiDataset['leaves'][number] & { days: string }>(
      `SELECT employee_id AS "employeeId", leave_type AS type, start_date AS "startDate", end_date AS "endDate", days, child_id AS "childId"
         FROM leave_episode WHERE organization_id = $1`,
    ),
    await q<KpiDataset['overtime'][number] & { hours: string }>(
      `SELECT employee_id AS "employeeId", to_char(month, 'YYYY-MM') AS month, hours FROM overtime_month WHERE organization_id = $1`,
    ),
    await q<KpiDataset['pay'][number] & { amount: string }>(
      `SELECT employee_id AS "employeeId", fiscal_year AS "fiscalYear", amount FROM annual_pay WHERE organization_id = $1`,
    ),
  ];
  return {
    units,
    stages,
    employees,
    assignments,
    children,
    leaves: leaves.map((leave) => ({ ...leave, days: Number(leave.days) })),
    overtime: overtime.map((row) => ({ ...row, hours: Number(row.hours) })),
    pay: pay.map((row) => ({ ...row, amount: Number(row.amount) })),
  };
}
