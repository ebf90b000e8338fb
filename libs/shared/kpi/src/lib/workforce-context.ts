import type { EmploymentCategory } from '@ikuboard/shared/contracts';

import type {
  IsoDate,
  KpiAssignment,
  KpiDataset,
  KpiEmployee,
  KpiPositionStage,
  KpiScope,
} from './dataset';
import { isAssignmentActiveOn, isInService, unitSubtree } from './population';

/** Indexes of a dataset for one scope, built once so that twelve monthly snapshots stay linear. */
export interface WorkforceContext {
  dataset: KpiDataset;
  unitIds: ReadonlySet<string>;
  categories: ReadonlySet<EmploymentCategory>;
  stagesById: ReadonlyMap<string, KpiPositionStage>;
  employeesById: ReadonlyMap<string, KpiEmployee>;
  assignmentsByEmployee: ReadonlyMap<string, KpiAssignment[]>;
}

export interface PlacedEmployee {
  employee: KpiEmployee;
  assignment: KpiAssignment;
  stage: KpiPositionStage;
}

export function workforceContext(
  dataset: KpiDataset,
  scope: KpiScope,
): WorkforceContext {
  const assignmentsByEmployee = new Map<string, KpiAssignment[]>();
  for (const assignment of dataset.assignments) {
    const list = assignmentsByEmployee.get(assignment.employeeId) ?? [];
    list.push(assignment);
    assignmentsByEmployee.set(assignment.employeeId, list);
  }
  return {
    dataset,
    unitIds: unitSubtree(dataset.units, scope.unitId),
    categories: new Set(scope.categories),
    stagesById: new Map(dataset.stages.map((stage) => [stage.id, stage])),
    employeesById: new Map(dataset.employees.map((e) => [e.id, e])),
    assignmentsByEmployee,
  };
}

/**
 * The employee's assignment on `date`, in the scope's unit subtree and in `categories`; null when
 * there is none. No in-service check: callers decide whether service matters.
 */
export function placedOn(
  context: WorkforceContext,
  employee: KpiEmployee,
  date: IsoDate,
  categories: ReadonlySet<EmploymentCategory> | null = context.categories,
): PlacedEmployee | null {
  const assignment = (
    context.assignmentsByEmployee.get(employee.id) ?? []
  ).find((candidate) => isAssignmentActiveOn(candidate, date));
  if (
    !assignment ||
    !context.unitIds.has(assignment.orgUnitId) ||
    (categories !== null && !categories.has(assignment.category))
  ) {
    return null;
  }
  const stage = context.stagesById.get(assignment.stageId);
  return stage ? { employee, assignment, stage } : null;
}

/** DOMAIN.md "population on D", with the categories overridable for KPIs that fix their own. */
export function populationMembersOn(
  context: WorkforceContext,
  date: IsoDate,
  categories: ReadonlySet<EmploymentCategory> = context.categories,
): PlacedEmployee[] {
  const members: PlacedEmployee[] = [];
  for (const employee of context.dataset.employees) {
    if (!isInService(employee, date)) continue;
    const placed = placedOn(context, employee, date, categories);
    if (placed) members.push(placed);
  }
  return members;
}
