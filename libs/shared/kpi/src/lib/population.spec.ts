import type { KpiAssignment } from './dataset';
import { FIXTURE_UNITS, fixtureDataset } from './kpi-dataset.fixture';
import {
  assignmentOn,
  isInService,
  populationOn,
  unitSubtree,
} from './population';

const PERMANENT_WHOLE_CITY = {
  unitId: null,
  categories: ['permanent'],
} as const;

describe('isInService', () => {
  const employee = { hireDate: '2025-04-01', separationDate: '2026-03-31' };

  it('counts an employee hired on the reference date', () => {
    expect(isInService(employee, '2025-04-01')).toBe(true);
  });

  it('does not count an employee before the hire date', () => {
    expect(isInService(employee, '2025-03-31')).toBe(false);
  });

  it('counts the separation date as the last day of service', () => {
    expect(isInService(employee, '2026-03-31')).toBe(true);
    expect(isInService(employee, '2026-04-01')).toBe(false);
  });
});

describe('assignmentOn', () => {
  const assignments: KpiAssignment[] = [
    {
      employeeId: 'e1',
      validFrom: '2020-04-01',
      validTo: '2025-04-01',
      orgUnitId: 'general',
      stageId: 'ippan',
      category: 'permanent',
    },
    {
      employeeId: 'e1',
      validFrom: '2025-04-01',
      validTo: null,
      orgUnitId: 'welfare',
      stageId: 'kakaricho',
      category: 'permanent',
    },
  ];

  it('takes the new assignment when it changes on the reference date (validTo is exclusive)', () => {
    expect(assignmentOn(assignments, 'e1', '2025-04-01')?.orgUnitId).toBe(
      'welfare',
    );
  });

  it('keeps the old assignment on the day before the change', () => {
    expect(assignmentOn(assignments, 'e1', '2025-03-31')?.orgUnitId).toBe(
      'general',
    );
  });

  it('has none before the first assignment or for an unknown employee', () => {
    expect(assignmentOn(assignments, 'e1', '2020-03-31')).toBeNull();
    expect(assignmentOn(assignments, 'e2', '2025-04-01')).toBeNull();
  });
});

describe('unitSubtree', () => {
  it('holds the unit and its descendants but not a sibling', () => {
    expect([...unitSubtree(FIXTURE_UNITS, 'mayor')].sort()).toEqual([
      'general',
      'mayor',
      'welfare',
    ]);
    expect([...unitSubtree(FIXTURE_UNITS, 'general')]).toEqual(['general']);
  });

  it('means the whole organization for null', () => {
    expect(unitSubtree(FIXTURE_UNITS, null).size).toBe(4);
  });

  it('is empty for an unknown unit', () => {
    expect(unitSubtree(FIXTURE_UNITS, 'nowhere').size).toBe(0);
  });
});

describe('populationOn', () => {
  it('counts whoever is in service and in scope on the date, with the stage of that day', () => {
    const dataset = fixtureDataset([
      {
        id: 'hired-today',
        gender: 'female',
        unit: 'general',
        stage: 'ippan',
        hireDate: '2025-04-01',
      },
      {
        id: 'left-yesterday',
        gender: 'male',
        unit: 'general',
        stage: 'ippan',
        separationDate: '2025-03-31',
      },
      {
        id: 'leaves-today',
        gender: 'male',
        unit: 'general',
        stage: 'ippan',
        separationDate: '2025-04-01',
      },
      {
        id: 'hired-tomorrow',
        gender: 'female',
        unit: 'general',
        stage: 'ippan',
        hireDate: '2025-04-02',
      },
      {
        id: 'annual',
        gender: 'female',
        unit: 'general',
        stage: 'ippan',
        category: 'annual_part',
      },
      { id: 'board-staff', gender: 'female', unit: 'board', stage: 'ippan' },
    ]);
    const ids = populationOn(dataset, '2025-04-01', PERMANENT_WHOLE_CITY).map(
      (member) => member.employee.id,
    );
    expect(ids.sort()).toEqual(['board-staff', 'hired-today', 'leaves-today']);
  });

  it('filters by the category of the assignment on the date', () => {
    const dataset = fixtureDataset([
      { id: 'permanent', gender: 'female', unit: 'general', stage: 'ippan' },
      {
        id: 'annual',
        gender: 'female',
        unit: 'general',
        stage: 'ippan',
        category: 'annual_part',
      },
      {
        id: 'reappointed',
        gender: 'male',
        unit: 'general',
        stage: 'ippan',
        category: 'reappointed',
      },
    ]);
    const ids = populationOn(dataset, '2025-04-01', {
      unitId: null,
      categories: ['annual_part', 'reappointed'],
    }).map((member) => member.employee.id);
    expect(ids.sort()).toEqual(['annual', 'reappointed']);
  });
});
