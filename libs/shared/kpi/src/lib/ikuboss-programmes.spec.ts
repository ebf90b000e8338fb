import type { KpiDataset } from './dataset';
import { DEFAULT_KPI_CATEGORIES } from './dataset';
import {
  ikubossProgrammeKpis,
  ikubossTrainingAttendance,
} from './ikuboss-programmes';

const dataset: KpiDataset = {
  units: [
    { id: 'root', parentId: null, isEmployerUnit: true },
    { id: 'a', parentId: 'root', isEmployerUnit: false },
    { id: 'b', parentId: 'root', isEmployerUnit: false },
  ],
  stages: [
    {
      id: 'chief',
      officialStage: 'section_chief',
      isManager: true,
      isSupervisor: true,
    },
    {
      id: 'staff',
      officialStage: 'staff',
      isManager: false,
      isSupervisor: false,
    },
  ],
  employees: ['m1', 'm2', 'm3', 's1', 'late'].map((id) => ({
    id,
    gender: 'male' as const,
    hireDate: id === 'late' ? '2025-05-01' : '2010-04-01',
    separationDate: null,
    isRehire: false,
    isMidcareer: false,
  })),
  assignments: [
    ['m1', 'a', 'chief'],
    ['m2', 'a', 'chief'],
    ['m3', 'b', 'chief'],
    ['s1', 'a', 'staff'],
    ['late', 'b', 'chief'],
  ].map(([employeeId, orgUnitId, stageId]) => ({
    employeeId: employeeId!,
    validFrom: employeeId === 'late' ? '2025-05-01' : '2010-04-01',
    validTo: null,
    orgUnitId: orgUnitId!,
    stageId: stageId!,
    category: 'permanent' as const,
  })),
  children: [],
  leaves: [],
  overtime: [],
  pay: [],
};

describe('ikuboss_training_attendance_rate', () => {
  const attendance = [
    { employeeId: 'm1', fiscalYear: 2025 },
    { employeeId: 'm1', fiscalYear: 2025 },
    { employeeId: 'm3', fiscalYear: 2024 },
    { employeeId: 's1', fiscalYear: 2025 },
    { employeeId: 'late', fiscalYear: 2025 },
  ];

  it('counts managers on April 1 who attended a training of the year, each once', () => {
    // m1, m2, m3 are managers on 2025-04-01; "late" joined after; s1 is not a manager.
    expect(
      ikubossTrainingAttendance(dataset, attendance, 2025, {
        unitId: null,
        categories: DEFAULT_KPI_CATEGORIES,
      }),
    ).toEqual({ managers: 3, managersTrained: 1 });
  });

  it('limits both counts to a unit subtree', () => {
    expect(
      ikubossTrainingAttendance(dataset, attendance, 2024, {
        unitId: 'b',
        categories: DEFAULT_KPI_CATEGORIES,
      }),
    ).toEqual({ managers: 1, managersTrained: 1 });
  });

  it('has no value without managers and leaves out the firm count when not reported', () => {
    expect(
      ikubossProgrammeKpis(2025, {
        managers: 0,
        managersTrained: 0,
        firmsDeclared: null,
      }),
    ).toEqual([
      {
        code: 'ikuboss_training_attendance_rate',
        fiscalYear: 2025,
        measure: 'percent',
        numerator: 0,
        denominator: 0,
        value: null,
      },
    ]);
  });
});
