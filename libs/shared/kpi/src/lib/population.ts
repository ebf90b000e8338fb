import type { EmploymentCategory } from '@ikuboard/shared/contracts';

import type {
  IsoDate,
  KpiAssignment,
  KpiDataset,
  KpiEmployee,
  KpiOrgUnit,
  KpiPositionStage,
  KpiScope,
} from './dataset';

/** The separation date is the last day of service, so it is still "in service". */
export function isInService(
  employee: Pick<KpiEmployee, 'hireDate' | 'separationDate'>,
  date: IsoDate,
): boolean {
  return (
    employee.hireDate <= date &&
    (employee.separationDate === null || date <= employee.separationDate)
  );
}

export function isAssignmentActiveOn(
  assignment: Pick<KpiAssignment, 'validFrom' | 'validTo'>,
  date: IsoDate,
): boolean {
  return (
    assignment.validFrom <= date &&
    (assignment.validTo === null || date < assignment.validTo)
  );
}

/** The assignment in effect on `date`; on a change date the new one wins (validTo is exclusive). */
export function assignmentOn(
  assignments: readonly KpiAssignment[],
  employeeId: string,
  date: IsoDate,
): KpiAssignment | null {
  for (const assignment of assignments) {
    if (
      assignment.employeeId === employeeId &&
      isAssignmentActiveOn(assignment, date)
    ) {
      return assignment;
    }
  }
  return null;
}

/** The ids of `unitId` and all its descendants; null means the whole organization. */
export function unitSubtree(
  units: readonly KpiOrgUnit[],
  unitId: string | null,
): Set<string> {
  if (unitId === null) {
    return new Set(units.map((unit) => unit.id));
  }
  const childrenByParent = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.parentId !== null) {
      const siblings = childrenByParent.get(unit.parentId) ?? [];
      siblings.push(unit.id);
      childrenByParent.set(unit.parentId, siblings);
    }
  }
  const subtree = new Set<string>();
  const pending = units.some((unit) => unit.id === unitId) ? [unitId] : [];
  while (pending.length > 0) {
    const id = pending.pop() as string;
    if (subtree.has(id)) {
      continue; // a malformed parent cycle must not loop forever
    }
    subtree.add(id);
    pending.push(...(childrenByParent.get(id) ?? []));
  }
  return subtree;
}

export interface PopulationMember {
  employee: KpiEmployee;
  assignment: KpiAssignment;
  stage: KpiPositionStage;
}

/**
 * DOMAIN.md §3 "population": in service on `date`, with the assignment of that date in one of the
 * scope's categories and in the scope's unit subtree.
 */
export function populationOn(
  dataset: KpiDataset,
  date: IsoDate,
  scope: KpiScope,
): PopulationMember[] {
  const unitIds = unitSubtree(dataset.units, scope.unitId);
  const categories = new Set<EmploymentCategory>(scope.categories);
  const stagesById = new Map(dataset.stages.map((stage) => [stage.id, stage]));
  // One pass over the assignments instead of a lookup per employee keeps this linear at 200k staff.
  const activeAssignmentByEmployee = new Map<string, KpiAssignment>();
  for (const assignment of dataset.assignments) {
    if (isAssignmentActiveOn(assignment, date)) {
      activeAssignmentByEmployee.set(assignment.employeeId, assignment);
    }
  }
  const members: PopulationMember[] = [];
  for (const employee of dataset.employees) {
    if (!isInService(employee, date)) {
      continue;
    }
    const assignment = activeAssignmentByEmployee.get(employee.id);
    if (
      !assignment ||
      !categories.has(assignment.category) ||
      !unitIds.has(assignment.orgUnitId)
    ) {
      continue;
    }
    const stage = stagesById.get(assignment.stageId);
    if (!stage) {
      continue;
    }
    members.push({ employee, assignment, stage });
  }
  return members;
}
