import type { ImportCellErrorDto } from './api.dto';
import type { KpiCode, KpiValueDto } from './kpi-codes';

/**
 * Ikuboss programmes (DOMAIN.md §5, second half): nudges for new fathers and the boss's
 * イクボス面談, trainings and attendance, practice goals, nominations and awards, local firms.
 */

// ---- Nudges (イクボス面談) ----------------------------------------------------------------

export interface IkubossInterviewDto {
  interviewDate: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  noPlanReason: string | null;
  recordedAt: string;
}

/** A father whose child was born in the fiscal year and who has not started childcare leave for it. */
export interface NudgeFatherDto {
  employeeNumber: string;
  name: string;
  unitName: string | null;
  supervisorName: string | null;
  childId: string;
  birthDate: string;
  daysSinceBirth: number;
  interview: IkubossInterviewDto | null;
}

export interface NudgeListDto {
  fiscalYear: number;
  /** The day `daysSinceBirth` is counted to (the server's today). */
  asOf: string;
  fathers: NudgeFatherDto[];
}

export interface IkubossInterviewInputDto {
  childId: string;
  interviewDate: string;
  plannedStart?: string | null;
  plannedEnd?: string | null;
  /** Required when no leave is planned. */
  noPlanReason?: string | null;
}

/** Persons: a father counts once however many children born in the year make him eligible. */
export interface NudgeCountsDto {
  unitCode: string | null;
  unitName: string | null;
  eligibleFathers: number;
  interviewed: number;
  /** interviewed ÷ eligibleFathers × 100; null when nobody is eligible. */
  interviewedShare: number | null;
  onLeave: number;
  /** Roll-up view only: the row counts the unit's whole subtree, and it has sub-units to open. */
  hasChildren?: boolean;
}

export interface NudgeSummaryDto {
  fiscalYear: number;
  units: NudgeCountsDto[];
  total: NudgeCountsDto;
  /**
   * Roll-up view (`rollup=true`): the unit whose direct children are listed (each counting its
   * subtree; the unit itself gets a row for fathers assigned to it directly); null = the whole
   * organization, whose top-level units are listed. Absent in the per-assigned-unit view.
   */
  viewRootUnitCode?: string | null;
  viewRootUnitName?: string | null;
}

// ---- Trainings ----------------------------------------------------------------------------

export const IKUBOSS_TRAINING_KINDS = [
  'ikuboss',
  'follow_up',
  'papa_switch',
  'custom',
] as const;
export type IkubossTrainingKind = (typeof IKUBOSS_TRAINING_KINDS)[number];

export const IKUBOSS_TRAINING_KIND_NAMES: Readonly<
  Record<IkubossTrainingKind, { ja: string; en: string }>
> = {
  ikuboss: { ja: 'イクボス研修', en: 'Ikuboss training' },
  follow_up: { ja: 'フォローアップ研修', en: 'Follow-up training' },
  papa_switch: { ja: 'パパスイッチ研修', en: 'Papa-switch training' },
  custom: { ja: 'その他の研修', en: 'Other training' },
};

export interface TrainingInputDto {
  kind: IkubossTrainingKind;
  /** Required for `custom`; defaults to the kind's Japanese name otherwise. */
  name?: string | null;
  heldOn: string;
}

export interface TrainingDto {
  id: string;
  kind: IkubossTrainingKind;
  name: string;
  heldOn: string;
  fiscalYear: number;
  attendeeCount: number;
  managerAttendeeCount: number;
}

export interface TrainingAttendeeDto {
  employeeNumber: string;
  name: string;
  unitName: string | null;
  isManager: boolean;
}

export interface TrainingDetailDto extends TrainingDto {
  attendees: TrainingAttendeeDto[];
}

export interface TrainingAttendanceInputDto {
  employeeNumbers: string[];
}

export interface TrainingAttendanceImportDto {
  dryRun: boolean;
  rows: number;
  /** Attendees new to the session (already recorded ones are kept, not duplicated). */
  added: number;
  errors: ImportCellErrorDto[];
}

/** For pickers: employees in service today matching a number or a name. */
export interface EmployeeOptionDto {
  employeeNumber: string;
  name: string;
  unitName: string | null;
  isManager: boolean;
}

// ---- Practice goals (イクボス実践目標) -------------------------------------------------------

/** Indicators a manager may choose; computed with the KPI code over the team's unit subtree. */
export const PRACTICE_GOAL_INDICATORS = [
  'childcare_leave_rate_male',
  'paternity_leave_rate_five_days',
  'overtime_monthly_avg',
  'annual_leave_avg_days',
  'annual_leave_under_5_days_ratio',
] as const satisfies readonly KpiCode[];
export type PracticeGoalIndicator = (typeof PRACTICE_GOAL_INDICATORS)[number];

export const PRACTICE_GOAL_RATINGS = ['S', 'A', 'B', 'C'] as const;
export type PracticeGoalRating = (typeof PRACTICE_GOAL_RATINGS)[number];

export interface PracticeGoalIndicatorValueDto {
  code: PracticeGoalIndicator;
  value: KpiValueDto | null;
}

export interface PracticeGoalDto {
  id: string | null;
  fiscalYear: number;
  employeeNumber: string;
  managerName: string;
  /** The team: the manager's unit subtree. */
  unitCode: string | null;
  unitName: string | null;
  goalText: string;
  indicators: PracticeGoalIndicatorValueDto[];
  selfAssessment: string | null;
  hrRating: PracticeGoalRating | null;
  hrComment: string | null;
  updatedAt: string | null;
}

export interface PracticeGoalInputDto {
  fiscalYear: number;
  goalText: string;
  indicators: PracticeGoalIndicator[];
  selfAssessment?: string | null;
}

export interface PracticeGoalRatingInputDto {
  rating: PracticeGoalRating;
  comment?: string | null;
}

// ---- Nominations and awards (イクボス表彰) ------------------------------------------------

export type NominationStatus = 'submitted' | 'awarded';

export interface AwardDto {
  id: string;
  awardName: string;
  fiscalYear: number;
  grantedAt: string;
}

export interface NominationDto {
  id: string;
  fiscalYear: number;
  nominatorName: string;
  nomineeEmployeeNumber: string;
  nomineeName: string;
  nomineeUnitName: string | null;
  reason: string;
  status: NominationStatus;
  nominatorConsent: boolean;
  nomineeConsent: boolean;
  createdAt: string;
  award: AwardDto | null;
  /** What the caller may change. */
  canSetNominatorConsent: boolean;
  canSetNomineeConsent: boolean;
}

export interface NominationInputDto {
  fiscalYear: number;
  nomineeEmployeeNumber: string;
  reason: string;
  /** The nominator agrees to be named publicly with the nominee if an award is granted. */
  nominatorConsent?: boolean;
}

export interface AwardInputDto {
  awardName: string;
  fiscalYear: number;
}

export interface ConsentInputDto {
  consent: boolean;
}

/** GET /api/v1/public/organizations/:code/awards: only awards both people agreed to publish. */
export interface PublicAwardDto {
  fiscalYear: number;
  awardName: string;
  nominee: { name: string; unitName: string | null };
  nominator: { name: string };
}

// ---- Local firms (イクボス宣言事業所) ----------------------------------------------------

export const LOCAL_FIRM_SIZE_BANDS = [
  '1-29',
  '30-99',
  '100-299',
  '300+',
] as const;
export type LocalFirmSizeBand = (typeof LOCAL_FIRM_SIZE_BANDS)[number];

export interface LocalFirmInputDto {
  name: string;
  industry: string;
  sizeBand: LocalFirmSizeBand;
}

export interface LocalFirmDeclarationDto {
  id: string;
  declaredOn: string;
  fiscalYear: number;
}

export interface LocalFirmSeminarDto {
  id: string;
  seminarName: string;
  attendedOn: string;
  fiscalYear: number;
}

export interface LocalFirmDto extends LocalFirmInputDto {
  id: string;
  declarations: LocalFirmDeclarationDto[];
  seminars: LocalFirmSeminarDto[];
}

export interface LocalFirmDeclarationInputDto {
  declaredOn: string;
}

export interface LocalFirmSeminarInputDto {
  seminarName: string;
  attendedOn: string;
}
