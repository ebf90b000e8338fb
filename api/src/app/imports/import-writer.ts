import type { EmploymentCategory } from '@ikuboard/shared/contracts';
import type { EntityManager } from 'typeorm';

import type { Queryable } from '../../database/queryable';
import { normalizeText } from './cell-values';
import type {
  ExistingAssignment,
  ExistingEmployee,
  RosterContext,
  RosterPlan,
} from './roster-plan';
import type { ExistingUnit, UnitsPlan } from './units-plan';

/** Imports of one organization run one at a time; other organizations are not blocked. */
export async function lockOrganizationImports(
  manager: EntityManager,
  organizationId: string,
): Promise<void> {
  await manager.query(
    `SELECT pg_advisory_xact_lock(hashtextextended($1, 42))`,
    [organizationId],
  );
}

export async function loadExistingUnits(
  manager: EntityManager,
  organizationId: string,
): Promise<Map<string, ExistingUnit>> {
  const rows: ExistingUnit[] = await manager.query(
    `SELECT u.code, u.name, p.code AS "parentCode", u.is_employer_unit AS "isEmployerUnit"
       FROM org_unit u LEFT JOIN org_unit p ON p.organization_id = u.organization_id AND p.id = u.parent_id
      WHERE u.organization_id = $1`,
    [organizationId],
  );
  return new Map(rows.map((row) => [row.code, row]));
}

/** Rebuilds the (ancestor, descendant) pairs of the whole tree; a few thousand units at most. */
export async function rebuildUnitClosure(
  manager: Queryable,
  organizationId: string,
): Promise<void> {
  await manager.query(
    `DELETE FROM org_unit_closure WHERE organization_id = $1`,
    [organizationId],
  );
  await manager.query(
    `WITH RECURSIVE walk (ancestor_id, descendant_id, depth) AS (
         SELECT id, id, 0 FROM org_unit WHERE organization_id = $1
       UNION ALL
         SELECT w.ancestor_id, u.id, w.depth + 1
           FROM walk w JOIN org_unit u ON u.organization_id = $1 AND u.parent_id = w.descendant_id)
     INSERT INTO org_unit_closure (organization_id, ancestor_id, descendant_id, depth)
     SELECT $1, ancestor_id, descendant_id, depth FROM walk`,
    [organizationId],
  );
}

export async function applyUnitsPlan(
  manager: EntityManager,
  organizationId: string,
  plan: UnitsPlan,
): Promise<void> {
  const units = plan.upserts;
  await manager.query(
    `INSERT INTO org_unit (organization_id, code, name, is_employer_unit, sort_order)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::boolean[], $5::int[])
     ON CONFLICT ON CONSTRAINT uq_org_unit_code DO UPDATE
        SET name = excluded.name, is_employer_unit = excluded.is_employer_unit,
            sort_order = excluded.sort_order, updated_at = now()`,
    [
      organizationId,
      units.map((u) => u.code),
      units.map((u) => u.name),
      units.map((u) => u.isEmployerUnit),
      units.map((u) => u.sortOrder),
    ],
  );
  await manager.query(
    `UPDATE org_unit u SET parent_id = p.id
       FROM unnest($2::text[], $3::text[]) AS link (code, parent_code)
       LEFT JOIN org_unit p ON p.organization_id = $1 AND p.code = link.parent_code
      WHERE u.organization_id = $1 AND u.code = link.code AND u.parent_id IS DISTINCT FROM p.id`,
    [organizationId, units.map((u) => u.code), units.map((u) => u.parentCode)],
  );
  await rebuildUnitClosure(manager, organizationId);
}

/** One connection serves a transaction, so its queries run one after another anyway. */
async function sequentially<T extends unknown[]>(queries: {
  [K in keyof T]: () => Promise<T[K]>;
}): Promise<T> {
  const results: unknown[] = [];
  for (const query of queries as (() => Promise<unknown>)[])
    results.push(await query());
  return results as T;
}

export async function loadRosterContext(
  manager: EntityManager,
  organizationId: string,
  asOf: string,
  partial: boolean,
): Promise<RosterContext> {
  const [units, stages, categories, employees, current, next]: [
    { code: string; id: string }[],
    { code: string; name: string; id: string }[],
    { code: EmploymentCategory; id: string }[],
    ExistingEmployee[],
    (ExistingAssignment & { employeeId: string })[],
    { employeeId: string; validFrom: string }[],
  ] = await sequentially([
    () =>
      manager.query(
        `SELECT code, id FROM org_unit WHERE organization_id = $1`,
        [organizationId],
      ),
    () =>
      manager.query(
        `SELECT code, name, id FROM position_stage WHERE organization_id = $1`,
        [organizationId],
      ),
    () =>
      manager.query(
        `SELECT code, id FROM employment_category WHERE organization_id = $1`,
        [organizationId],
      ),
    () =>
      manager.query(
        `SELECT id, employee_number AS "employeeNumber", name, gender, hire_date AS "hireDate",
              separation_date AS "separationDate", is_rehire AS "isRehire", is_midcareer AS "isMidcareer",
              supervisor_id AS "supervisorId"
         FROM employee WHERE organization_id = $1`,
        [organizationId],
      ),
    () =>
      manager.query(
        `SELECT id, employee_id AS "employeeId", valid_from AS "validFrom", valid_to AS "validTo", org_unit_id AS "orgUnitId",
              position_stage_id AS "positionStageId", employment_category_id AS "employmentCategoryId"
         FROM assignment
        WHERE organization_id = $1 AND valid_from <= $2 AND (valid_to IS NULL OR valid_to > $2)`,
        [organizationId, asOf],
      ),
    () =>
      manager.query(
        `SELECT DISTINCT ON (employee_id) employee_id AS "employeeId", valid_from AS "validFrom"
         FROM assignment WHERE organization_id = $1 AND valid_from > $2
        ORDER BY employee_id, valid_from`,
        [organizationId, asOf],
      ),
  ]);
  const stageIds = new Map<string, string>();
  for (const stage of stages) {
    stageIds.set(normalizeText(stage.code), stage.id);
    stageIds.set(normalizeText(stage.name), stage.id);
  }
  const assignmentsAtAsOf = new Map<
    string,
    { current: ExistingAssignment | null; nextFrom: string | null }
  >();
  for (const { employeeId, ...assignment } of current)
    assignmentsAtAsOf.set(employeeId, { current: assignment, nextFrom: null });
  for (const { employeeId, validFrom } of next) {
    const entry = assignmentsAtAsOf.get(employeeId);
    if (entry) entry.nextFrom = validFrom;
    else
      assignmentsAtAsOf.set(employeeId, { current: null, nextFrom: validFrom });
  }
  return {
    asOf,
    partial,
    unitIds: new Map(units.map((unit) => [unit.code, unit.id])),
    stageIds,
    categoryIds: new Map(
      categories.map((category) => [category.code, category.id]),
    ),
    employees: new Map(
      employees.map((employee) => [employee.employeeNumber, employee]),
    ),
    assignmentsAtAsOf,
  };
}

function column<T, V>(rows: readonly T[], pick: (row: T) => V): V[] {
  return rows.map(pick);
}

/** Applies a roster plan set-based: one statement per kind of change, whatever the file's size. */
export async function applyRosterPlan(
  manager: EntityManager,
  organizationId: string,
  asOf: string,
  plan: RosterPlan,
): Promise<void> {
  const employeeColumns = (rows: RosterPlan['inserts']) => [
    column(rows, (r) => r.id),
    column(rows, (r) => r.employeeNumber),
    column(rows, (r) => r.name),
    column(rows, (r) => r.gender),
    column(rows, (r) => r.hireDate),
    column(rows, (r) => r.separationDate),
    column(rows, (r) => r.isRehire),
    column(rows, (r) => r.isMidcareer),
  ];
  // New employees get their supervisor in the INSERT itself (the foreign key is checked at the end
  // of the statement, so a supervisor listed later in the file is fine): 50,000 new staff need no
  // second pass over their rows.
  const newIds = new Set(plan.inserts.map((r) => r.id));
  const supervisorOfNew = new Map(
    plan.supervisorChanges
      .filter((change) => newIds.has(change.id))
      .map((change) => [change.id, change.supervisorId]),
  );
  if (plan.inserts.length > 0) {
    await manager.query(
      `INSERT INTO employee (id, organization_id, employee_number, name, gender, hire_date, separation_date, is_rehire, is_midcareer, supervisor_id)
       SELECT u.id, $1, u.num, u.name, u.gender, u.hire, u.sep, u.rehire, u.mid, u.sup
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::boolean[], $9::boolean[], $10::uuid[])
           AS u (id, num, name, gender, hire, sep, rehire, mid, sup)`,
      [
        organizationId,
        ...employeeColumns(plan.inserts),
        column(plan.inserts, (r) => supervisorOfNew.get(r.id) ?? null),
      ],
    );
  }
  const supervisorChanges = plan.supervisorChanges.filter(
    (change) => !newIds.has(change.id),
  );
  if (plan.updates.length > 0) {
    await manager.query(
      `UPDATE employee e SET name = u.name, gender = u.gender, hire_date = u.hire, separation_date = u.sep,
              is_rehire = u.rehire, is_midcareer = u.mid, updated_at = now()
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::boolean[], $9::boolean[])
           AS u (id, num, name, gender, hire, sep, rehire, mid)
        WHERE e.organization_id = $1 AND e.id = u.id`,
      [organizationId, ...employeeColumns(plan.updates)],
    );
  }
  if (plan.separations.length > 0) {
    await manager.query(
      `UPDATE employee e SET separation_date = u.sep, updated_at = now()
         FROM unnest($2::uuid[], $3::date[]) AS u (id, sep) WHERE e.organization_id = $1 AND e.id = u.id`,
      [
        organizationId,
        column(plan.separations, (s) => s.id),
        column(plan.separations, (s) => s.separationDate),
      ],
    );
  }
  if (supervisorChanges.length > 0) {
    await manager.query(
      `UPDATE employee e SET supervisor_id = u.sup, updated_at = now()
         FROM unnest($2::uuid[], $3::uuid[]) AS u (id, sup) WHERE e.organization_id = $1 AND e.id = u.id`,
      [
        organizationId,
        column(supervisorChanges, (s) => s.id),
        column(supervisorChanges, (s) => s.supervisorId),
      ],
    );
  }
  if (plan.assignmentUpdates.length > 0) {
    const rows = plan.assignmentUpdates;
    await manager.query(
      `UPDATE assignment a SET org_unit_id = u.unit, position_stage_id = u.stage, employment_category_id = u.category
         FROM unnest($2::uuid[], $3::uuid[], $4::uuid[], $5::uuid[]) AS u (id, unit, stage, category)
        WHERE a.organization_id = $1 AND a.id = u.id`,
      [
        organizationId,
        column(rows, (r) => r.id),
        column(rows, (r) => r.orgUnitId),
        column(rows, (r) => r.positionStageId),
        column(rows, (r) => r.employmentCategoryId),
      ],
    );
  }
  if (plan.assignmentCloses.length > 0) {
    await manager.query(
      `UPDATE assignment a SET valid_to = u.valid_to
         FROM unnest($2::uuid[], $3::date[]) AS u (id, valid_to) WHERE a.organization_id = $1 AND a.id = u.id`,
      [
        organizationId,
        column(plan.assignmentCloses, (c) => c.id),
        column(plan.assignmentCloses, (c) => c.validTo),
      ],
    );
  }
  if (plan.assignmentInserts.length > 0) {
    const rows = plan.assignmentInserts;
    await manager.query(
      `INSERT INTO assignment (organization_id, employee_id, valid_from, valid_to, org_unit_id, position_stage_id, employment_category_id)
       SELECT $1, * FROM unnest($2::uuid[], $3::date[], $4::date[], $5::uuid[], $6::uuid[], $7::uuid[])`,
      [
        organizationId,
        column(rows, (r) => r.employeeId),
        column(rows, (r) => r.validFrom),
        column(rows, (r) => r.validTo),
        column(rows, (r) => r.orgUnitId),
        column(rows, (r) => r.positionStageId),
        column(rows, (r) => r.employmentCategoryId),
      ],
    );
  }
  await manager.query(
    `INSERT INTO roster_snapshot (organization_id, as_of) VALUES ($1, $2)
     ON CONFLICT ON CONSTRAINT pk_roster_snapshot DO UPDATE SET loaded_at = now()`,
    [organizationId, asOf],
  );
}
