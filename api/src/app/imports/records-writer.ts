import type { LeaveType } from '@ikuboard/shared/contracts';
import type { EntityManager } from 'typeorm';

import {
  cellToText,
  parseDate,
  parseLeaveType,
  type RawCell,
} from './cell-values';
import type {
  ChildRef,
  EmployeeRef,
  ExistingLeave,
  LeaveRecord,
  NewChild,
  OvertimeRecord,
  PayRecord,
  RecordsContext,
} from './records-plan';

const CHUNK = 20_000;

async function chunked<T>(
  rows: readonly T[],
  write: (chunk: readonly T[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK)
    await write(rows.slice(start, start + CHUNK));
}

/** The employee ids a file names, to load only their stored records. */
export function employeeIdsIn(
  rows: readonly { cells: { employeeNumber: RawCell } }[],
  context: RecordsContext,
): string[] {
  const ids = new Set<string>();
  for (const row of rows) {
    const employee = context.employees.get(
      cellToText(row.cells.employeeNumber),
    );
    if (employee) ids.add(employee.id);
  }
  return [...ids];
}

/**
 * The distinct (employee, leave type) pairs of a leave file's rows whose employee and type resolve,
 * as two parallel arrays: the plan checks a row only against stored leave of its own employee and
 * type, so only that leave needs loading.
 */
export function leaveKeysIn(
  rows: readonly { cells: { employeeNumber: RawCell; leaveType: RawCell } }[],
  context: RecordsContext,
): { employeeIds: string[]; types: LeaveType[] } {
  const keys = new Map<string, { employeeId: string; type: LeaveType }>();
  for (const row of rows) {
    const employee = context.employees.get(
      cellToText(row.cells.employeeNumber),
    );
    const type = parseLeaveType(row.cells.leaveType);
    if (employee && type.ok)
      keys.set(`${employee.id}|${type.value}`, {
        employeeId: employee.id,
        type: type.value,
      });
  }
  return {
    employeeIds: [...keys.values()].map((key) => key.employeeId),
    types: [...keys.values()].map((key) => key.type),
  };
}

/**
 * The employee numbers a file names (the text of their cells, which is what the plan resolves),
 * so that validating a file reads those employees only, not the whole organization.
 */
export function employeeNumbersIn(
  rows: readonly { cells: { employeeNumber: RawCell } }[],
): string[] {
  const numbers = new Set<string>();
  for (const row of rows) {
    const number = cellToText(row.cells.employeeNumber);
    if (number !== '') numbers.add(number);
  }
  return [...numbers];
}

/**
 * The employees (and their children) records are checked against: those `employeeNumbers` names
 * when given (one indexed lookup for the numbers of a file), else every employee of the
 * organization.
 */
export async function loadRecordsContext(
  manager: EntityManager,
  organizationId: string,
  employeeNumbers?: readonly string[],
): Promise<RecordsContext> {
  const [organization] = (await manager.query(
    `SELECT hours_per_day FROM organization WHERE id = $1`,
    [organizationId],
  )) as {
    hours_per_day: string;
  }[];
  const named = employeeNumbers === undefined ? null : [...employeeNumbers];
  const employees = (await manager.query(
    `SELECT employee_number AS "number", id, hire_date AS "hireDate", separation_date AS "separationDate"
       FROM employee WHERE organization_id = $1${named === null ? '' : ' AND employee_number = ANY ($2::text[])'}`,
    named === null ? [organizationId] : [organizationId, named],
  )) as (EmployeeRef & { number: string })[];
  const children = (await manager.query(
    named === null
      ? `SELECT employee_id AS "employeeId", id, birth_date AS "birthDate", birth_order AS "birthOrder" FROM child WHERE organization_id = $1`
      : `SELECT employee_id AS "employeeId", id, birth_date AS "birthDate", birth_order AS "birthOrder" FROM child
          WHERE organization_id = $1 AND employee_id = ANY ($2::uuid[])`,
    named === null
      ? [organizationId]
      : [organizationId, employees.map((employee) => employee.id)],
  )) as (ChildRef & { employeeId: string })[];
  const childrenOf = new Map<string, ChildRef[]>();
  for (const { employeeId, ...child } of children)
    childrenOf.set(employeeId, [...(childrenOf.get(employeeId) ?? []), child]);
  return {
    hoursPerDay: Number(organization?.hours_per_day ?? 7.75),
    employees: new Map(
      employees.map(({ number, ...employee }) => [number, employee]),
    ),
    children: childrenOf,
  };
}

/**
 * The period from the earliest start to the latest end among a leave file's rows whose dates
 * parse (null when none do). A stored episode matters to the plan only when it overlaps a row of
 * the file or starts on the same day, so only episodes overlapping this period need loading.
 */
export function leavePeriodIn(
  rows: readonly { cells: { startDate: RawCell; endDate: RawCell } }[],
): { from: string; to: string } | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const row of rows) {
    const start = parseDate(row.cells.startDate);
    const end = parseDate(row.cells.endDate);
    if (!start.ok || !end.ok) continue;
    if (from === null || start.value < from) from = start.value;
    if (to === null || end.value > to) to = end.value;
  }
  return from === null || to === null ? null : { from, to };
}

/**
 * The named employees' stored leave, only what overlaps `period` when given, and only of the type
 * paired with each employee when `types` (parallel to `employeeIds`) is given.
 */
export async function loadLeaves(
  manager: EntityManager,
  organizationId: string,
  employeeIds: string[],
  period?: { from: string; to: string } | null,
  types?: readonly LeaveType[],
): Promise<ExistingLeave[]> {
  if (period === null) return [];
  const parameters: unknown[] = [organizationId, employeeIds];
  const typed = types !== undefined;
  if (typed) parameters.push(types);
  let overlap = '';
  if (period) {
    parameters.push(period.from, period.to);
    overlap = ` AND x.start_date <= $${parameters.length}::date AND x.end_date >= $${parameters.length - 1}::date`;
  }
  const columns = `x.id, x.employee_id AS "employeeId", x.leave_type AS "type", x.start_date AS "startDate",
            x.end_date AS "endDate", x.days, x.child_id AS "childId"`;
  const rows = (await manager.query(
    typed && period
      ? // Episodes of one type of one person never overlap (every import refuses an overlap), so
        // those overlapping the period are the ones that start in it and, at most, the last one
        // that starts before it: two short index ranges of (organization_id, employee_id,
        // leave_type, start_date) per employee and type, instead of every earlier episode of the
        // person (about 120 at tier L, each read from the heap for its end date).
        `SELECT l.* FROM unnest($2::uuid[], $3::text[]) AS named (id, type)
          CROSS JOIN LATERAL (
            (SELECT ${columns} FROM leave_episode x
              WHERE x.organization_id = $1 AND x.employee_id = named.id AND x.leave_type = named.type
                AND x.start_date >= $4::date AND x.start_date <= $5::date)
            UNION ALL
            (SELECT b.* FROM (SELECT ${columns} FROM leave_episode x
                               WHERE x.organization_id = $1 AND x.employee_id = named.id AND x.leave_type = named.type
                                 AND x.start_date < $4::date
                               ORDER BY x.start_date DESC LIMIT 1) b
              WHERE b."endDate" >= $4::date)) AS l`
      : // One index range per employee (and type) of (organization_id, employee_id, leave_type,
        // start_date); the planner would rather scan millions of rows for an overlap condition
        // over a thousand ids.
        `SELECT ${columns}
           FROM unnest($2::uuid[]${typed ? ', $3::text[]' : ''}) AS named (id${typed ? ', type' : ''})
           CROSS JOIN LATERAL (SELECT * FROM leave_episode x WHERE x.organization_id = $1 AND x.employee_id = named.id${
             typed ? ' AND x.leave_type = named.type' : ''
           }${overlap} OFFSET 0) AS x`,
    parameters,
  )) as (Omit<ExistingLeave, 'days'> & { days: string })[];
  return rows.map((row) => ({ ...row, days: Number(row.days) }));
}

export async function loadOvertime(
  manager: EntityManager,
  organizationId: string,
  employeeIds: string[],
): Promise<Map<string, number>> {
  const rows = (await manager.query(
    `SELECT employee_id, to_char(month, 'YYYY-MM') AS month, hours FROM overtime_month
      WHERE organization_id = $1 AND employee_id = ANY ($2::uuid[])`,
    [organizationId, employeeIds],
  )) as { employee_id: string; month: string; hours: string }[];
  return new Map(
    rows.map((row) => [`${row.employee_id}|${row.month}`, Number(row.hours)]),
  );
}

export async function loadPay(
  manager: EntityManager,
  organizationId: string,
  employeeIds: string[],
): Promise<Map<string, number>> {
  const rows = (await manager.query(
    `SELECT employee_id, fiscal_year, amount FROM annual_pay WHERE organization_id = $1 AND employee_id = ANY ($2::uuid[])`,
    [organizationId, employeeIds],
  )) as { employee_id: string; fiscal_year: number; amount: string }[];
  return new Map(
    rows.map((row) => [
      `${row.employee_id}|${row.fiscal_year}`,
      Number(row.amount),
    ]),
  );
}

export async function insertChildren(
  manager: EntityManager,
  organizationId: string,
  children: readonly NewChild[],
): Promise<void> {
  await chunked(children, (chunk) =>
    manager.query(
      `INSERT INTO child (id, organization_id, employee_id, birth_date, birth_order)
       SELECT u.id, $1, u.emp, u.birth, u.ord FROM unnest($2::uuid[], $3::uuid[], $4::date[], $5::smallint[]) AS u (id, emp, birth, ord)`,
      [
        organizationId,
        chunk.map((c) => c.id),
        chunk.map((c) => c.employeeId),
        chunk.map((c) => c.birthDate),
        chunk.map((c) => c.birthOrder),
      ],
    ),
  );
}

const leaveColumns = (chunk: readonly LeaveRecord[]) => [
  chunk.map((l) => l.employeeId),
  chunk.map((l): LeaveType => l.type),
  chunk.map((l) => l.startDate),
  chunk.map((l) => l.endDate),
  chunk.map((l) => l.days),
  chunk.map((l) => l.childId),
];

export async function applyLeaves(
  manager: EntityManager,
  organizationId: string,
  inserts: readonly LeaveRecord[],
  updates: readonly (LeaveRecord & { id: string })[],
): Promise<void> {
  await chunked(inserts, (chunk) =>
    manager.query(
      `INSERT INTO leave_episode (organization_id, employee_id, leave_type, start_date, end_date, days, child_id)
       SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[], $6::numeric[], $7::uuid[])`,
      [organizationId, ...leaveColumns(chunk)],
    ),
  );
  await chunked(updates, (chunk) =>
    manager.query(
      `UPDATE leave_episode l SET end_date = u.end_date, days = u.days, child_id = u.child_id
         FROM unnest($2::uuid[], $3::date[], $4::numeric[], $5::uuid[]) AS u (id, end_date, days, child_id)
        WHERE l.organization_id = $1 AND l.id = u.id`,
      [
        organizationId,
        chunk.map((l) => l.id),
        chunk.map((l) => l.endDate),
        chunk.map((l) => l.days),
        chunk.map((l) => l.childId),
      ],
    ),
  );
}

export async function upsertOvertime(
  manager: EntityManager,
  organizationId: string,
  rows: readonly OvertimeRecord[],
): Promise<void> {
  await chunked(rows, (chunk) =>
    manager.query(
      `INSERT INTO overtime_month (organization_id, employee_id, month, hours)
       SELECT $1, u.emp, (u.month || '-01')::date, u.hours FROM unnest($2::uuid[], $3::text[], $4::numeric[]) AS u (emp, month, hours)
       ON CONFLICT ON CONSTRAINT pk_overtime_month DO UPDATE SET hours = excluded.hours`,
      [
        organizationId,
        chunk.map((r) => r.employeeId),
        chunk.map((r) => r.month),
        chunk.map((r) => r.hours),
      ],
    ),
  );
}

export async function upsertPay(
  manager: EntityManager,
  organizationId: string,
  rows: readonly PayRecord[],
): Promise<void> {
  await chunked(rows, (chunk) =>
    manager.query(
      `INSERT INTO annual_pay (organization_id, employee_id, fiscal_year, amount)
       SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::numeric[])
       ON CONFLICT ON CONSTRAINT pk_annual_pay DO UPDATE SET amount = excluded.amount`,
      [
        organizationId,
        chunk.map((r) => r.employeeId),
        chunk.map((r) => r.fiscalYear),
        chunk.map((r) => r.amount),
      ],
    ),
  );
}
