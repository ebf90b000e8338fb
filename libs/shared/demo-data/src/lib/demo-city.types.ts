import type {
  EmploymentCategory,
  Gender,
  LeaveType,
  OfficialStage,
} from '@ikuboard/shared/contracts';
import type { IsoDate } from '@ikuboard/shared/kpi';

export interface DemoCityOptions {
  /** Headcount (all categories) on every April 1 of the history. */
  staff?: number;
  firstFiscalYear?: number;
  lastFiscalYear?: number;
  seed?: number;
  /**
   * `episodes`: one annual-leave row per use (1 day, half a day, now and then 2–3 days in a row).
   * `yearly`: one row per person and calendar year with the year's total, for the largest tier.
   * Both give the same totals.
   */
  annualLeave?: AnnualLeaveMode;
}

export type AnnualLeaveMode = 'episodes' | 'yearly';

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

/** A staff member's child; twins are two children of the same employee with the same birth date. */
export interface DemoChild {
  /** `C` and seven digits, in the order the children were generated. */
  id: string;
  employeeNumber: string;
  birthDate: IsoDate;
}

/**
 * One leave episode, inside the employee's service. `days` are calendar days for maternity,
 * childcare and 出生時育児休業, working days (halves allowed) for the other types. `childId` is set
 * exactly for the child-linked types (CHILD_LINKED_LEAVE_TYPES).
 */
export interface DemoLeave {
  employeeNumber: string;
  type: LeaveType;
  startDate: IsoDate;
  endDate: IsoDate;
  days: number;
  childId: string | null;
}

/** Overtime of one employee in one month (`YYYY-MM`); months without overtime have no row. */
export interface DemoOvertime {
  employeeNumber: string;
  month: string;
  hours: number;
}

/** Annual pay in yen (overtime pay included) for the days in service of one fiscal year. */
export interface DemoPay {
  employeeNumber: string;
  fiscalYear: number;
  amount: number;
}

export interface DemoCity {
  options: Required<DemoCityOptions>;
  organization: DemoOrganization;
  units: DemoUnit[];
  stages: DemoStage[];
  employees: DemoEmployee[];
  assignments: DemoAssignment[];
  /**
   * Births, leave, overtime and pay of the history (firstFiscalYear-04-01 to the March 31 after
   * lastFiscalYear). A leave that began in the history keeps its planned end, which may be later;
   * a child born shortly before the history is listed when one of its leaves begins inside it.
   */
  children: DemoChild[];
  leaves: DemoLeave[];
  overtime: DemoOvertime[];
  pay: DemoPay[];
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
