import type { IsoDate } from '@ikuboard/shared/kpi';

import type {
  DemoAssignment,
  DemoCity,
  DemoEmployee,
  DemoRoster,
  DemoStage,
  DemoUnit,
  RosterRow,
} from './demo-city.types';

interface Placed {
  employee: DemoEmployee;
  assignment: DemoAssignment;
}

/** The 職員 sheet as of `asOf`: everyone in service that day, with that day's assignment and boss. */
export function rosterAsOf(city: DemoCity, asOf: IsoDate): RosterRow[] {
  const assignmentByEmployee = new Map<string, DemoAssignment>();
  for (const assignment of city.assignments) {
    if (
      assignment.validFrom <= asOf &&
      (assignment.validTo === null || asOf < assignment.validTo)
    ) {
      assignmentByEmployee.set(assignment.employeeNumber, assignment);
    }
  }
  const placed: Placed[] = [];
  for (const employee of city.employees) {
    const assignment = assignmentByEmployee.get(employee.employeeNumber);
    if (
      assignment &&
      employee.hireDate <= asOf &&
      (employee.separationDate === null || asOf <= employee.separationDate)
    ) {
      placed.push({ employee, assignment });
    }
  }
  return rosterRows(city.units, city.stages, placed, asOf);
}

/**
 * The sample roster HR imports in the demo: the April 1 after the history, with that day's hires,
 * promotions and transfers, and without the staff who retired on March 31.
 */
export function nextYearRoster(city: DemoCity): DemoRoster {
  const { asOf } = city.nextFiscalYear;
  const nextAssignment = new Map(
    city.nextFiscalYear.assignments.map((assignment) => [
      assignment.employeeNumber,
      assignment,
    ]),
  );
  const openAssignment = new Map<string, DemoAssignment>();
  for (const assignment of city.assignments) {
    if (assignment.validTo === null) {
      openAssignment.set(assignment.employeeNumber, assignment);
    }
  }
  const placed: Placed[] = [];
  for (const employee of [
    ...city.employees,
    ...city.nextFiscalYear.employees,
  ]) {
    if (employee.separationDate !== null && employee.separationDate < asOf) {
      continue;
    }
    const assignment =
      nextAssignment.get(employee.employeeNumber) ??
      openAssignment.get(employee.employeeNumber);
    if (assignment) {
      placed.push({ employee, assignment });
    }
  }
  return { asOf, rows: rosterRows(city.units, city.stages, placed, asOf) };
}

function rosterRows(
  units: readonly DemoUnit[],
  stages: readonly DemoStage[],
  placed: readonly Placed[],
  asOf: IsoDate,
): RosterRow[] {
  const supervisors = supervisorsOf(units, stages, placed);
  return placed.map(({ employee, assignment }) => ({
    employeeNumber: employee.employeeNumber,
    name: employee.name,
    gender: employee.gender,
    unitCode: assignment.unitCode,
    stageCode: assignment.stageCode,
    category: assignment.category,
    hireDate: employee.hireDate,
    // A later separation is not known yet on `asOf`; only one ending that very day is on the sheet.
    separationDate:
      employee.separationDate !== null && employee.separationDate <= asOf
        ? employee.separationDate
        : null,
    supervisorNumber: supervisors.get(employee.employeeNumber) ?? null,
    isRehire: employee.isRehire,
    isMidcareer: employee.isMidcareer,
  }));
}

/**
 * The boss is the head of one's own unit when the head outranks one, otherwise the nearest head
 * of an enclosing unit of at least one's rank. Heads are 係長級 or above; rank strictly rises
 * inside a unit and the unit strictly rises otherwise, so the line can never cycle.
 */
export function supervisorsOf(
  units: readonly DemoUnit[],
  stages: readonly DemoStage[],
  placed: readonly { employee: DemoEmployee; assignment: DemoAssignment }[],
): Map<string, string | null> {
  const parentOf = new Map(units.map((unit) => [unit.code, unit.parentCode]));
  const stageByCode = new Map(stages.map((stage) => [stage.code, stage]));
  const rank = (assignment: DemoAssignment) =>
    stageByCode.get(assignment.stageCode)?.sortOrder ??
    Number.POSITIVE_INFINITY;
  const heads = new Map<string, { number: string; rank: number }>();
  for (const { employee, assignment } of placed) {
    if (!stageByCode.get(assignment.stageCode)?.isSupervisor) {
      continue;
    }
    const current = heads.get(assignment.unitCode);
    const candidate = {
      number: employee.employeeNumber,
      rank: rank(assignment),
    };
    if (
      !current ||
      candidate.rank < current.rank ||
      (candidate.rank === current.rank && candidate.number < current.number)
    ) {
      heads.set(assignment.unitCode, candidate);
    }
  }
  const supervisors = new Map<string, string | null>();
  for (const { employee, assignment } of placed) {
    const ownRank = rank(assignment);
    const ownHead = heads.get(assignment.unitCode);
    let supervisor: string | null =
      ownHead && ownHead.rank < ownRank ? ownHead.number : null;
    for (
      let unit = parentOf.get(assignment.unitCode) ?? null;
      supervisor === null && unit !== null;
      unit = parentOf.get(unit) ?? null
    ) {
      const head = heads.get(unit);
      if (
        head &&
        head.rank <= ownRank &&
        head.number !== employee.employeeNumber
      ) {
        supervisor = head.number;
      }
    }
    supervisors.set(employee.employeeNumber, supervisor);
  }
  return supervisors;
}
