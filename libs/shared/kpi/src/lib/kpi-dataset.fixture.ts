import type { EmploymentCategory, Gender } from '@ikuboard/shared/contracts';

import type {
  IsoDate,
  KpiAssignment,
  KpiDataset,
  KpiEmployee,
  KpiOrgUnit,
  KpiPositionStage,
} from './dataset';

/**
 * A tiny city for hand-computed specs:
 *   mayor (employer) ─┬ general
 *                     └ welfare
 *   board (employer)
 */
export const FIXTURE_UNITS: KpiOrgUnit[] = [
  { id: 'mayor', parentId: null, isEmployerUnit: true },
  { id: 'general', parentId: 'mayor', isEmployerUnit: false },
  { id: 'welfare', parentId: 'mayor', isEmployerUnit: false },
  { id: 'board', parentId: null, isEmployerUnit: true },
];

export const FIXTURE_STAGES: KpiPositionStage[] = [
  {
    id: 'bucho',
    officialStage: 'director',
    isManager: true,
    isSupervisor: true,
  },
  {
    id: 'kacho',
    officialStage: 'section_chief',
    isManager: true,
    isSupervisor: true,
  },
  {
    id: 'hosa',
    officialStage: 'deputy_chief',
    isManager: false,
    isSupervisor: true,
  },
  {
    id: 'kakaricho',
    officialStage: 'subsection_chief',
    isManager: false,
    isSupervisor: true,
  },
  {
    id: 'ippan',
    officialStage: 'staff',
    isManager: false,
    isSupervisor: false,
  },
];

export interface FixturePerson {
  id: string;
  gender: Gender;
  unit: string;
  stage: string;
  category?: EmploymentCategory;
  hireDate?: IsoDate;
  separationDate?: IsoDate | null;
}

export function fixtureDataset(
  people: readonly FixturePerson[],
  extraAssignments: KpiAssignment[] = [],
): KpiDataset {
  const employees: KpiEmployee[] = people.map((person) => ({
    id: person.id,
    gender: person.gender,
    hireDate: person.hireDate ?? '2010-04-01',
    separationDate: person.separationDate ?? null,
    isRehire: false,
    isMidcareer: false,
  }));
  const assignments: KpiAssignment[] = people.map((person) => ({
    employeeId: person.id,
    validFrom: person.hireDate ?? '2010-04-01',
    validTo: null,
    orgUnitId: person.unit,
    stageId: person.stage,
    category: person.category ?? 'permanent',
  }));
  return {
    units: FIXTURE_UNITS,
    stages: FIXTURE_STAGES,
    employees,
    assignments: [...assignments, ...extraAssignments],
    children: [],
    leaves: [],
    overtime: [],
    pay: [],
  };
}
