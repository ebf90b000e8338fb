import { rebuildUnitClosure } from '../../api/src/app/imports/import-writer';
import { queryable } from './database';

/** A small hand-made organization for the Ikuboss programme tests, written with plain SQL. */
export interface PersonSpec {
  number: string;
  gender: 'male' | 'female' | 'unspecified';
  unit: string;
  stage: 'kacho' | 'ippan' | 'bucho';
  category?: 'permanent' | 'fixed_term';
  hire?: string;
  separation?: string | null;
  boss?: string | null;
}

export interface HandOrg {
  organizationId: string;
  employeeIds: Map<string, string>;
  unitIds: Map<string, string>;
  addChild(number: string, birthDate: string, order?: number): Promise<string>;
  addLeave(
    number: string,
    type: string,
    start: string,
    days: number,
    childId: string | null,
  ): Promise<void>;
  linkAccount(username: string, number: string): Promise<void>;
}

export async function buildHandOrg(
  organizationId: string,
  units: { code: string; parent: string | null }[],
  people: PersonSpec[],
): Promise<HandOrg> {
  const q = queryable.query;
  const unitIds = new Map<string, string>();
  for (const unit of units) {
    const [{ id }] = (await q(
      `INSERT INTO org_unit (organization_id, code, name, parent_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [
        organizationId,
        unit.code,
        `所属${unit.code}`,
        unit.parent ? unitIds.get(unit.parent) : null,
      ],
    )) as [{ id: string }];
    unitIds.set(unit.code, id);
  }
  await rebuildUnitClosure(queryable, organizationId);
  const lookup = async (table: string) =>
    new Map(
      (
        (await q(`SELECT code, id FROM ${table} WHERE organization_id = $1`, [
          organizationId,
        ])) as { code: string; id: string }[]
      ).map((row) => [row.code, row.id]),
    );
  const stages = await lookup('position_stage');
  const categories = await lookup('employment_category');
  const employeeIds = new Map<string, string>();
  for (const person of people) {
    const hire = person.hire ?? '2000-04-01';
    const [{ id }] = (await q(
      `INSERT INTO employee (organization_id, employee_number, name, gender, hire_date, separation_date)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        organizationId,
        person.number,
        `職員 ${person.number}`,
        person.gender,
        hire,
        person.separation ?? null,
      ],
    )) as [{ id: string }];
    employeeIds.set(person.number, id);
    await q(
      `INSERT INTO assignment (organization_id, employee_id, valid_from, org_unit_id, position_stage_id, employment_category_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        organizationId,
        id,
        hire,
        unitIds.get(person.unit),
        stages.get(person.stage),
        categories.get(person.category ?? 'permanent'),
      ],
    );
  }
  for (const person of people) {
    if (person.boss)
      await q(
        `UPDATE employee SET supervisor_id = $3 WHERE organization_id = $1 AND id = $2`,
        [
          organizationId,
          employeeIds.get(person.number),
          employeeIds.get(person.boss),
        ],
      );
  }
  return {
    organizationId,
    employeeIds,
    unitIds,
    async addChild(number, birthDate, order = 1) {
      const [{ id }] = (await q(
        `INSERT INTO child (organization_id, employee_id, birth_date, birth_order) VALUES ($1, $2, $3, $4) RETURNING id`,
        [organizationId, employeeIds.get(number), birthDate, order],
      )) as [{ id: string }];
      return id;
    },
    async addLeave(number, type, start, days, childId) {
      const end = new Date(
        Date.parse(`${start}T00:00:00Z`) + (Math.ceil(days) - 1) * 86_400_000,
      )
        .toISOString()
        .slice(0, 10);
      await q(
        `INSERT INTO leave_episode (organization_id, employee_id, leave_type, start_date, end_date, days, child_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          organizationId,
          employeeIds.get(number),
          type,
          start,
          end,
          days,
          childId,
        ],
      );
    },
    async linkAccount(username, number) {
      await q(
        `UPDATE account SET employee_id = $3 WHERE organization_id = $1 AND username = $2`,
        [organizationId, username, employeeIds.get(number)],
      );
    },
  };
}
