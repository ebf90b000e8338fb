import type {
  EmploymentCategory,
  Gender,
  LeaveType,
  OfficialStage,
} from '@ikuboard/shared/contracts';

/**
 * The person-level data a KPI is defined over, as plain values. The API's SQL computes the same
 * figures set-based; the randomized tests load one of these into PostgreSQL and compare.
 * Dates are ISO `YYYY-MM-DD` strings, so they compare correctly as strings and carry no time zone.
 */
export type IsoDate = string;

export interface KpiOrgUnit {
  id: string;
  parentId: string | null;
  isEmployerUnit: boolean;
}

export interface KpiPositionStage {
  id: string;
  officialStage: OfficialStage;
  isManager: boolean;
  isSupervisor: boolean;
}

export interface KpiEmployee {
  id: string;
  gender: Gender;
  hireDate: IsoDate;
  /** Last day of service, or null while in service. */
  separationDate: IsoDate | null;
  isRehire: boolean;
  isMidcareer: boolean;
}

/** Effective from `validFrom` (inclusive) until `validTo` (exclusive; null = open). */
export interface KpiAssignment {
  employeeId: string;
  validFrom: IsoDate;
  validTo: IsoDate | null;
  orgUnitId: string;
  stageId: string;
  category: EmploymentCategory;
}

/** A child of an employee; twins are two children with the same birth date. */
export interface KpiChild {
  id: string;
  employeeId: string;
  birthDate: IsoDate;
}

/** One leave episode; `childId` is set exactly for the child-linked types. */
export interface KpiLeave {
  employeeId: string;
  type: LeaveType;
  startDate: IsoDate;
  endDate: IsoDate;
  /** Working days, halves allowed (hours are converted on import). */
  days: number;
  childId: string | null;
}

/** Overtime hours of one employee in one month (`YYYY-MM`); a missing month is 0 h. */
export interface KpiOvertime {
  employeeId: string;
  month: string;
  hours: number;
}

/** Annual pay (yen) of one employee in one fiscal year. */
export interface KpiPay {
  employeeId: string;
  fiscalYear: number;
  amount: number;
}

export interface KpiDataset {
  units: KpiOrgUnit[];
  stages: KpiPositionStage[];
  employees: KpiEmployee[];
  assignments: KpiAssignment[];
  children: KpiChild[];
  leaves: KpiLeave[];
  overtime: KpiOvertime[];
  pay: KpiPay[];
}

/** Which people a KPI looks at: a unit subtree (null = whole organization) and categories. */
export interface KpiScope {
  unitId: string | null;
  categories: readonly EmploymentCategory[];
}

export const DEFAULT_KPI_CATEGORIES: readonly EmploymentCategory[] = [
  'permanent',
];
