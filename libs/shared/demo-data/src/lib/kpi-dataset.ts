import type { KpiAssignment, KpiDataset } from '@ikuboard/shared/kpi';

import type { DemoAssignment, DemoCity, DemoEmployee } from './demo-city.types';

export interface ToKpiDatasetOptions {
  /** Also apply the April 1 after the history, as importing `nextYearRoster` would. */
  includeNextFiscalYear?: boolean;
}

/** The city as the kpi reference functions see it; ids are unit/stage codes and 職員番号. */
export function toKpiDataset(
  city: DemoCity,
  options: ToKpiDatasetOptions = {},
): KpiDataset {
  let employees: DemoEmployee[] = city.employees;
  let assignments: DemoAssignment[] = city.assignments;
  if (options.includeNextFiscalYear) {
    const { asOf } = city.nextFiscalYear;
    const changed = new Set(
      city.nextFiscalYear.assignments.map(
        (assignment) => assignment.employeeNumber,
      ),
    );
    employees = [...city.employees, ...city.nextFiscalYear.employees];
    assignments = [
      ...city.assignments.map((assignment) =>
        assignment.validTo === null && changed.has(assignment.employeeNumber)
          ? { ...assignment, validTo: asOf }
          : assignment,
      ),
      ...city.nextFiscalYear.assignments,
    ];
  }
  return {
    units: city.units.map((unit) => ({
      id: unit.code,
      parentId: unit.parentCode,
      isEmployerUnit: unit.isEmployerUnit,
    })),
    stages: city.stages.map((stage) => ({
      id: stage.code,
      officialStage: stage.officialStage,
      isManager: stage.isManager,
      isSupervisor: stage.isSupervisor,
    })),
    employees: employees.map((employee) => ({
      id: employee.employeeNumber,
      gender: employee.gender,
      hireDate: employee.hireDate,
      separationDate: employee.separationDate,
      isRehire: employee.isRehire,
      isMidcareer: employee.isMidcareer,
    })),
    assignments: assignments.map(
      (assignment): KpiAssignment => ({
        employeeId: assignment.employeeNumber,
        validFrom: assignment.validFrom,
        validTo: assignment.validTo,
        orgUnitId: assignment.unitCode,
        stageId: assignment.stageCode,
        category: assignment.category,
      }),
    ),
    children: city.children.map((child) => ({
      id: child.id,
      employeeId: child.employeeNumber,
      birthDate: child.birthDate,
    })),
    leaves: city.leaves.map((leave) => ({
      employeeId: leave.employeeNumber,
      type: leave.type,
      startDate: leave.startDate,
      endDate: leave.endDate,
      days: leave.days,
      childId: leave.childId,
    })),
    overtime: city.overtime.map((row) => ({
      employeeId: row.employeeNumber,
      month: row.month,
      hours: row.hours,
    })),
    pay: city.pay.map((row) => ({
      employeeId: row.employeeNumber,
      fiscalYear: row.fiscalYear,
      amount: row.amount,
    })),
  };
}
