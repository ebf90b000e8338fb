import type { KpiValueDto } from '@ikuboard/shared/contracts';

import type { KpiDataset, KpiScope } from './dataset';
import { fiscalYearStart } from './fiscal-year';
import { populationOn } from './population';
import { percent } from './rounding';

/** One employee's attendance at a training held in a fiscal year. */
export interface TrainingAttendanceRecord {
  employeeId: string;
  fiscalYear: number;
}

export interface IkubossProgrammeCounts {
  /** Managers (is_manager stage) in the population on April 1. */
  managers: number;
  /** Of those managers, the ones who attended at least one training held in the fiscal year. */
  managersTrained: number;
  /** Local firms with a declaration dated in the fiscal year; null when not reported for the scope. */
  firmsDeclared: number | null;
}

/**
 * ikuboss_training_attendance_rate: managers on April 1 of FY Y (population, is_manager stage)
 * who attended at least one training held in FY Y, over all those managers.
 */
export function ikubossTrainingAttendance(
  dataset: KpiDataset,
  attendance: readonly TrainingAttendanceRecord[],
  fiscalYear: number,
  scope: KpiScope,
): { managers: number; managersTrained: number } {
  const managers = populationOn(
    dataset,
    fiscalYearStart(fiscalYear),
    scope,
  ).filter((member) => member.stage.isManager);
  const trained = new Set(
    attendance
      .filter((record) => record.fiscalYear === fiscalYear)
      .map((record) => record.employeeId),
  );
  return {
    managers: managers.length,
    managersTrained: managers.filter((member) =>
      trained.has(member.employee.id),
    ).length,
  };
}

/** The values of the Ikuboss programme KPIs from their counts (shared by the reference and the SQL). */
export function ikubossProgrammeKpis(
  fiscalYear: number,
  counts: IkubossProgrammeCounts,
): KpiValueDto[] {
  const values: KpiValueDto[] = [
    {
      code: 'ikuboss_training_attendance_rate',
      fiscalYear,
      measure: 'percent',
      numerator: counts.managersTrained,
      denominator: counts.managers,
      value: percent(counts.managersTrained, counts.managers),
    },
  ];
  if (counts.firmsDeclared !== null) {
    values.push({
      code: 'local_firms_declared',
      fiscalYear,
      measure: 'count',
      numerator: counts.firmsDeclared,
      denominator: null,
      value: counts.firmsDeclared,
    });
  }
  return values;
}
