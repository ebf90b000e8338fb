import { randomUUID } from 'node:crypto';

import type { KpiDataset } from '@ikuboard/shared/kpi';

import { rebuildUnitClosure } from '../../api/src/app/imports/import-writer';
import { analyzePersonTables } from '../../api/src/database/analyze';
import { refreshKpiAggregates } from '../../api/src/app/kpi/kpi-aggregates';
import { createOrganization } from '../../api/src/app/setup/organization-setup';
import { queryable } from './database';

/**
 * Writes a reference dataset into a new organization so the API's SQL can be compared with the
 * reference functions on exactly the same people. Dataset ids become codes: unit ids are unit
 * codes, stage ids stage codes, employee ids employee numbers (so a KpiScope's unitId is the code
 * to pass as `unit=`).
 */
export async function insertKpiDataset(
  dataset: KpiDataset,
  code: string,
): Promise<string> {
  const organizationId = await createOrganization(queryable, {
    code,
    name: `検証用 ${code}`,
    nameEn: `Check ${code}`,
    stages: dataset.stages.map((stage, index) => ({
      code: stage.id,
      name: stage.id,
      nameEn: stage.id,
      sortOrder: index + 1,
      officialStage: stage.officialStage,
      isManager: stage.isManager,
      isSupervisor: stage.isSupervisor,
    })),
  });
  const q = queryable.query;
  const unitIds = new Map(dataset.units.map((unit) => [unit.id, randomUUID()]));
  await q(
    `INSERT INTO org_unit (id, organization_id, code, name, is_employer_unit)
     SELECT u.id, $1, u.code, u.code, u.employer FROM unnest($2::uuid[], $3::text[], $4::boolean[]) AS u (id, code, employer)`,
    [
      organizationId,
      dataset.units.map((u) => unitIds.get(u.id)),
      dataset.units.map((u) => u.id),
      dataset.units.map((u) => u.isEmployerUnit),
    ],
  );
  await q(
    `UPDATE org_unit u SET parent_id = l.parent FROM unnest($2::uuid[], $3::uuid[]) AS l (id, parent)
      WHERE u.organization_id = $1 AND u.id = l.id`,
    [
      organizationId,
      dataset.units.map((u) => unitIds.get(u.id)),
      dataset.units.map((u) => (u.parentId ? unitIds.get(u.parentId) : null)),
    ],
  );
  await rebuildUnitClosure(queryable, organizationId);

  const lookup = async (table: string) =>
    new Map(
      (
        (await q(`SELECT code, id FROM ${table} WHERE organization_id = $1`, [
          organizationId,
        ])) as { code: string; id: string }[]
      ).map((row) => [row.code, row.id]),
    );
  const stageIds = await lookup('position_stage');
  const categoryIds = await lookup('employment_category');
  const employeeIds = new Map(
    dataset.employees.map((e) => [e.id, randomUUID()]),
  );
  const e = dataset.employees;
  await q(
    `INSERT INTO employee (id, organization_id, employee_number, name, gender, hire_date, separation_date, is_rehire, is_midcareer)
     SELECT u.id, $1, u.num, 'E ' || u.num, u.gender, u.hire, u.sep, u.rehire, u.mid
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::date[], $6::date[], $7::boolean[], $8::boolean[])
         AS u (id, num, gender, hire, sep, rehire, mid)`,
    [
      organizationId,
      e.map((x) => employeeIds.get(x.id)),
      e.map((x) => x.id),
      e.map((x) => x.gender),
      e.map((x) => x.hireDate),
      e.map((x) => x.separationDate),
      e.map((x) => x.isRehire),
      e.map((x) => x.isMidcareer),
    ],
  );
  const a = dataset.assignments;
  await q(
    `INSERT INTO assignment (organization_id, employee_id, valid_from, valid_to, org_unit_id, position_stage_id, employment_category_id)
     SELECT $1, * FROM unnest($2::uuid[], $3::date[], $4::date[], $5::uuid[], $6::uuid[], $7::uuid[])`,
    [
      organizationId,
      a.map((x) => employeeIds.get(x.employeeId)),
      a.map((x) => x.validFrom),
      a.map((x) => x.validTo),
      a.map((x) => unitIds.get(x.orgUnitId)),
      a.map((x) => stageIds.get(x.stageId)),
      a.map((x) => categoryIds.get(x.category)),
    ],
  );
  const childIds = new Map(dataset.children.map((c) => [c.id, randomUUID()]));
  const order = new Map<string, number>();
  const birthOrder = dataset.children.map((c) => {
    const key = `${c.employeeId}|${c.birthDate}`;
    order.set(key, (order.get(key) ?? 0) + 1);
    return order.get(key)!;
  });
  const c = dataset.children;
  await q(
    `INSERT INTO child (id, organization_id, employee_id, birth_date, birth_order)
     SELECT u.id, $1, u.emp, u.birth, u.ord FROM unnest($2::uuid[], $3::uuid[], $4::date[], $5::smallint[]) AS u (id, emp, birth, ord)`,
    [
      organizationId,
      c.map((x) => childIds.get(x.id)),
      c.map((x) => employeeIds.get(x.employeeId)),
      c.map((x) => x.birthDate),
      birthOrder,
    ],
  );
  const l = dataset.leaves;
  await q(
    `INSERT INTO leave_episode (organization_id, employee_id, leave_type, start_date, end_date, days, child_id)
     SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[], $6::numeric[], $7::uuid[])`,
    [
      organizationId,
      l.map((x) => employeeIds.get(x.employeeId)),
      l.map((x) => x.type),
      l.map((x) => x.startDate),
      l.map((x) => x.endDate),
      l.map((x) => x.days),
      l.map((x) => (x.childId ? childIds.get(x.childId) : null)),
    ],
  );
  const o = dataset.overtime;
  await q(
    `INSERT INTO overtime_month (organization_id, employee_id, month, hours)
     SELECT $1, * FROM unnest($2::uuid[], $3::date[], $4::numeric[])`,
    [
      organizationId,
      o.map((x) => employeeIds.get(x.employeeId)),
      o.map((x) => `${x.month}-01`),
      o.map((x) => x.hours),
    ],
  );
  const p = dataset.pay;
  await q(
    `INSERT INTO annual_pay (organization_id, employee_id, fiscal_year, amount)
     SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::numeric[])`,
    [
      organizationId,
      p.map((x) => employeeIds.get(x.employeeId)),
      p.map((x) => x.fiscalYear),
      p.map((x) => x.amount),
    ],
  );
  const years = new Set<number>();
  for (const x of dataset.assignments)
    years.add(Number(x.validFrom.slice(0, 4)));
  await q(
    `INSERT INTO roster_snapshot (organization_id, as_of) SELECT $1, make_date(y, 4, 1) FROM unnest($2::int[]) AS y ON CONFLICT DO NOTHING`,
    [organizationId, [...years]],
  );
  await analyzePersonTables(queryable);
  // The same refresh the imports run, so the suites read the derived tables the API serves from.
  await refreshKpiAggregates(queryable, organizationId);
  return organizationId;
}
