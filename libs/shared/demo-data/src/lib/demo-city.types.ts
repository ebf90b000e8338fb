import type {
  EmploymentCategory,
  Gender,
  OfficialStage,
} from '@ikuboard/shared/contracts';
import type { IsoDate } from '@ikuboard/shared/kpi';

export interface DemoCityOptions {
  /** Headcount (all categories) on every April 1 of the history. */
  staff?: number;
  firstFiscalYear?: number;
  lastFiscalYear?: number;
  seed?: number;
}

export interface DemoOrganization {
  code: string;
  name: string;
  nameEn: string;
}

export interface DemoUnit {
  code: string;
  name: string;
  nameEn: string;
  parentCode: string | null;
  isEmployerUnit: boolean;
}

export interface DemoStage {
  code: string;
  name: string;
  nameEn: string;
  sortOrder: number;
  officialStage: OfficialStage;
  isManager: boolean;
  isSupervisor: boolean;
}

export interface DemoEmployee {
  employeeNumber: string;
  name: string;
  gender: Gender;
  /** Not a roster column; kept so later generators (children, leave) can stay plausible. */
  birthDate: IsoDate;
  hireDate: IsoDate;
  /** Last day of service; null while in service at the end of the history. */
  separationDate: IsoDate | null;
  isRehire: boolean;
  isMidcareer: boolean;
  /** The boss on the last April 1 of the history the employee was in service; null at the top. */
  supervisorNumber: string | null;
}

/** Effective from `validFrom` (inclusive) to `validTo` (exclusive; null = open). */
export interface DemoAssignment {
  employeeNumber: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  unitCode: string;
  stageCode: string;
  category: EmploymentCategory;
}

/** What happens on the April 1 after the history: kept apart so the demo can import it as a roster. */
export interface DemoNextFiscalYear {
  asOf: IsoDate;
  /** New hires and 再任用 of that April 1. */
  employees: DemoEmployee[];
  /** Assignments that start on `asOf` (everyone promoted, transferred or hired). */
  assignments: DemoAssignment[];
}

export interface DemoCity {
  options: Required<DemoCityOptions>;
  organization: DemoOrganization;
  units: DemoUnit[];
  stages: DemoStage[];
  employees: DemoEmployee[];
  assignments: DemoAssignment[];
  nextFiscalYear: DemoNextFiscalYear;
}

/** One row of the 職員 roster sheet (DOMAIN.md §7), English column keys. */
export interface RosterRow {
  employeeNumber: string;
  name: string;
  gender: Gender;
  unitCode: string;
  stageCode: string;
  category: EmploymentCategory;
  hireDate: IsoDate;
  separationDate: IsoDate | null;
  supervisorNumber: string | null;
  isRehire: boolean;
  isMidcareer: boolean;
}

export interface DemoRoster {
  asOf: IsoDate;
  rows: RosterRow[];
}
