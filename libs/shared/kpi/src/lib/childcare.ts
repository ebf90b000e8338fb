import type {
  EmploymentCategory,
  KpiValueDto,
  LeaveType,
  LocalizedText,
} from '@ikuboard/shared/contracts';
import {
  CHILDCARE_KPI_CODES,
  LEAVE_TYPE_NAMES,
} from '@ikuboard/shared/contracts';

import type {
  ChildcareCounts,
  ChildcareDurationBucket,
  ChildcareGender,
} from './childcare-values';
import {
  CHILDCARE_DURATION_GENDERS,
  DEFAULT_CHILDCARE_DURATION_BUCKETS,
  childcareKpis,
  durationBucketIndex,
} from './childcare-values';
import type {
  IsoDate,
  KpiAssignment,
  KpiChild,
  KpiDataset,
  KpiEmployee,
  KpiLeave,
  KpiScope,
} from './dataset';
import { DEFAULT_KPI_CATEGORIES } from './dataset';
import type { KpiExplanation, KpiPersonEntry } from './explanation';
import {
  fiscalYearOf,
  formatFiscalYearEn,
  formatFiscalYearJa,
} from './fiscal-year';
import { addDays } from './iso-date';
import { isAssignmentActiveOn, isInService, unitSubtree } from './population';

// The count-to-value half is shared with the API's SQL path; one export line in index.ts for both.
export * from './childcare-values';

export type ChildcareKpiCode = (typeof CHILDCARE_KPI_CODES)[number];

export interface ChildcareKpiOptions {
  durationBuckets?: readonly ChildcareDurationBucket[];
}

/** 育児休業 and 出生時育児休業 (産後パパ育休) are both childcare leave (育介法). */
const CHILDCARE_LEAVE_TYPES: ReadonlySet<LeaveType> = new Set<LeaveType>([
  'childcare',
  'birth_childcare',
]);

/**
 * 産後休暇 lasts 8 weeks; a mother becomes eligible for childcare leave when it ends (人事院).
 * Choice: always birth + 56 days, never the recorded maternity_post end, so the year is stable.
 */
export const POSTNATAL_LEAVE_DAYS = 56;

const DEFAULT_SCOPE: KpiScope = {
  unitId: null,
  categories: DEFAULT_KPI_CATEGORIES,
};

/** A child whose birth makes its parent newly eligible in the fiscal year, within the scope. */
interface EligibleBirth {
  employeeId: string;
  gender: ChildcareGender;
  child: KpiChild;
  eligibleOn: IsoDate;
  leaves: readonly KpiLeave[];
}

/** The first childcare leave of a parent for a child, when it starts in the fiscal year. */
interface FirstLeave {
  employeeId: string;
  gender: ChildcareGender;
  childId: string;
  first: KpiLeave;
  /** Days of that parent's childcare episodes for the child starting in the fiscal year. */
  daysInYear: number;
  /** One of those episodes is a 出生時育児休業 (産後パパ育休): the table's 内数. */
  birthChildcare: boolean;
}

interface DurationPair {
  employeeId: string;
  gender: ChildcareGender;
  childId: string;
  firstInYear: KpiLeave;
  totalDays: number;
  bucket: number;
}

interface ChildcareFacts {
  eligible: EligibleBirth[];
  started: FirstLeave[];
  duration: DurationPair[];
  childrenById: Map<string, KpiChild>;
}

const pairKey = (employeeId: string, childId: string): string =>
  `${employeeId}\u0000${childId}`;

function genderOf(employee: KpiEmployee | undefined): ChildcareGender | null {
  // `unspecified` is left out: these KPIs are gender-specific by definition.
  return employee?.gender === 'female' || employee?.gender === 'male'
    ? employee.gender
    : null;
}

function byStart(a: KpiLeave, b: KpiLeave): number {
  return a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0;
}

/** Answers "in the population on D?" for any employee and date, in the scope. */
function populationCheck(dataset: KpiDataset, scope: KpiScope) {
  const unitIds = unitSubtree(dataset.units, scope.unitId);
  const categories = new Set<EmploymentCategory>(scope.categories);
  const employees = new Map(dataset.employees.map((e) => [e.id, e]));
  const assignments = new Map<string, KpiAssignment[]>();
  for (const assignment of dataset.assignments) {
    const list = assignments.get(assignment.employeeId) ?? [];
    list.push(assignment);
    assignments.set(assignment.employeeId, list);
  }
  return (employeeId: string, date: IsoDate): boolean => {
    const employee = employees.get(employeeId);
    return (
      employee !== undefined &&
      isInService(employee, date) &&
      (assignments.get(employeeId) ?? []).some(
        (assignment) =>
          isAssignmentActiveOn(assignment, date) &&
          categories.has(assignment.category) &&
          unitIds.has(assignment.orgUnitId),
      )
    );
  };
}

function collectFacts(
  dataset: KpiDataset,
  fiscalYear: number,
  scope: KpiScope,
  buckets: readonly ChildcareDurationBucket[],
): ChildcareFacts {
  const inPopulation = populationCheck(dataset, scope);
  const employees = new Map(dataset.employees.map((e) => [e.id, e]));
  const childrenById = new Map(dataset.children.map((c) => [c.id, c]));
  // Leaves are matched to a child through the parent who took them: (employee, child) pairs.
  const leavesByPair = new Map<string, KpiLeave[]>();
  for (const leave of dataset.leaves) {
    if (leave.childId === null) continue;
    const key = pairKey(leave.employeeId, leave.childId);
    const list = leavesByPair.get(key) ?? [];
    list.push(leave);
    leavesByPair.set(key, list);
  }

  const eligible: EligibleBirth[] = [];
  for (const child of dataset.children) {
    const gender = genderOf(employees.get(child.employeeId));
    if (gender === null) continue;
    const eligibleOn =
      gender === 'female'
        ? addDays(child.birthDate, POSTNATAL_LEAVE_DAYS)
        : child.birthDate;
    if (
      fiscalYearOf(eligibleOn) === fiscalYear &&
      inPopulation(child.employeeId, child.birthDate)
    ) {
      eligible.push({
        employeeId: child.employeeId,
        gender,
        child,
        eligibleOn,
        leaves: leavesByPair.get(pairKey(child.employeeId, child.id)) ?? [],
      });
    }
  }

  const started: FirstLeave[] = [];
  const duration: DurationPair[] = [];
  for (const leaves of leavesByPair.values()) {
    const childcare = leaves
      .filter((leave) => CHILDCARE_LEAVE_TYPES.has(leave.type))
      .sort(byStart);
    const first = childcare[0];
    if (first === undefined) continue;
    const gender = genderOf(employees.get(first.employeeId));
    if (gender === null) continue;
    const childId = first.childId as string;
    const inYear = childcare.filter(
      (leave) => fiscalYearOf(leave.startDate) === fiscalYear,
    );
    // Choice: minimum length sums this child's episodes only (twins are not added together).
    const daysInYear = inYear.reduce((sum, leave) => sum + leave.days, 0);
    // 再度: only the very first episode for the child can make its parent a new taker.
    if (
      fiscalYearOf(first.startDate) === fiscalYear &&
      inPopulation(first.employeeId, first.startDate)
    ) {
      started.push({
        employeeId: first.employeeId,
        gender,
        childId,
        first,
        daysInYear,
        birthChildcare: inYear.some(
          (leave) => leave.type === 'birth_childcare',
        ),
      });
    }
    const firstInYear = inYear[0];
    // Choice: the duration counts every pair with episodes started in the FY (再度 included),
    // judged in the population on the first of them.
    if (
      firstInYear !== undefined &&
      inPopulation(firstInYear.employeeId, firstInYear.startDate)
    ) {
      duration.push({
        employeeId: firstInYear.employeeId,
        gender,
        childId,
        firstInYear,
        totalDays: daysInYear,
        bucket: durationBucketIndex(daysInYear, buckets),
      });
    }
  }
  return { eligible, started, duration, childrenById };
}

function daysOf(leaves: readonly KpiLeave[], type: LeaveType): number {
  return leaves
    .filter((leave) => leave.type === type)
    .reduce((sum, leave) => sum + leave.days, 0);
}

function uses(leaves: readonly KpiLeave[], type: LeaveType): boolean {
  return leaves.some((leave) => leave.type === type);
}

/**
 * Which (eligible father, child) pairs put the father in each cohort / paternity numerator. Choice:
 * only the children that qualified him (born in the FY while in scope), leave at any date.
 */
const MALE_BIRTH_TESTS = {
  childcare_leave_rate_male_cohort: (birth: EligibleBirth) =>
    birth.leaves.some((leave) => CHILDCARE_LEAVE_TYPES.has(leave.type)),
  paternity_leave_rate_spouse_birth: (birth: EligibleBirth) =>
    uses(birth.leaves, 'spouse_birth'),
  paternity_leave_rate_participation: (birth: EligibleBirth) =>
    uses(birth.leaves, 'childcare_participation'),
  paternity_leave_rate_either: (birth: EligibleBirth) =>
    uses(birth.leaves, 'spouse_birth') ||
    uses(birth.leaves, 'childcare_participation'),
  // 男の産休 "合計5日以上": the two types added together, per child (one alone may reach 5).
  paternity_leave_rate_five_days: (birth: EligibleBirth) =>
    daysOf(birth.leaves, 'spouse_birth') +
      daysOf(birth.leaves, 'childcare_participation') >=
    5,
} as const satisfies Partial<
  Record<ChildcareKpiCode, (birth: EligibleBirth) => boolean>
>;

type MaleBirthCode = keyof typeof MALE_BIRTH_TESTS;

const MIN_DAYS = {
  childcare_leave_rate_male_min_7d: 7,
  childcare_leave_rate_male_min_14d: 14,
} as const satisfies Partial<Record<ChildcareKpiCode, number>>;

function distinctEmployees<T extends { employeeId: string }>(
  items: readonly T[],
): number {
  return new Set(items.map((item) => item.employeeId)).size;
}

function countsOf(
  facts: ChildcareFacts,
  buckets: readonly ChildcareDurationBucket[],
): ChildcareCounts {
  const maleBirths = facts.eligible.filter((birth) => birth.gender === 'male');
  const maleTakers = facts.started.filter((leave) => leave.gender === 'male');
  const paternity = (code: MaleBirthCode) =>
    distinctEmployees(maleBirths.filter(MALE_BIRTH_TESTS[code]));
  const duration = Object.fromEntries(
    CHILDCARE_DURATION_GENDERS.map((gender) => {
      const perBucket = buckets.map(() => 0);
      for (const pair of facts.duration) {
        if (pair.gender === gender) perBucket[pair.bucket] += 1;
      }
      return [gender, perBucket];
    }),
  ) as Record<ChildcareGender, number[]>;
  return {
    maleEligible: distinctEmployees(maleBirths),
    femaleEligible: distinctEmployees(
      facts.eligible.filter((birth) => birth.gender === 'female'),
    ),
    maleStarted: distinctEmployees(maleTakers),
    femaleStarted: distinctEmployees(
      facts.started.filter((leave) => leave.gender === 'female'),
    ),
    maleStartedBirthChildcare: distinctEmployees(
      maleTakers.filter((leave) => leave.birthChildcare),
    ),
    femaleStartedBirthChildcare: distinctEmployees(
      facts.started.filter(
        (leave) => leave.gender === 'female' && leave.birthChildcare,
      ),
    ),
    maleCohortStarted: paternity('childcare_leave_rate_male_cohort'),
    maleStartedMin7Days: distinctEmployees(
      maleTakers.filter(
        (leave) =>
          leave.daysInYear >= MIN_DAYS.childcare_leave_rate_male_min_7d,
      ),
    ),
    maleStartedMin14Days: distinctEmployees(
      maleTakers.filter(
        (leave) =>
          leave.daysInYear >= MIN_DAYS.childcare_leave_rate_male_min_14d,
      ),
    ),
    duration,
    paternitySpouseBirth: paternity('paternity_leave_rate_spouse_birth'),
    paternityParticipation: paternity('paternity_leave_rate_participation'),
    paternityEither: paternity('paternity_leave_rate_either'),
    paternityFiveDays: paternity('paternity_leave_rate_five_days'),
  };
}

/**
 * DOMAIN.md §3 childcare and paternity KPIs of fiscal year `fiscalYear` for a scope, in
 * CHILDCARE_KPI_CODES order; the duration distribution's rows follow its headline count.
 */
export function computeChildcareKpis(
  dataset: KpiDataset,
  fiscalYear: number,
  scope: KpiScope = DEFAULT_SCOPE,
  options: ChildcareKpiOptions = {},
): KpiValueDto[] {
  const buckets = options.durationBuckets ?? DEFAULT_CHILDCARE_DURATION_BUCKETS;
  const facts = collectFacts(dataset, fiscalYear, scope, buckets);
  return childcareKpis(fiscalYear, countsOf(facts, buckets), buckets);
}

// ── Drill-down ─────────────────────────────────────────────────────────────────────────────────

function text(ja: string, en: string): LocalizedText {
  return { ja, en };
}

function bornText(child: KpiChild | undefined): LocalizedText {
  return child
    ? text(`子 ${child.birthDate} 生まれ`, `child born ${child.birthDate}`)
    : text('子（生年月日不明）', 'child (birth date unknown)');
}

function join(...parts: LocalizedText[]): LocalizedText {
  return text(
    parts.map((part) => part.ja).join('。'),
    parts.map((part) => part.en).join('; '),
  );
}

function leaveName(type: LeaveType): LocalizedText {
  const name = LEAVE_TYPE_NAMES[type];
  return text(name.ja, name.en.toLowerCase());
}

function eligibleReason(birth: EligibleBirth): LocalizedText {
  const born = bornText(birth.child);
  return birth.gender === 'female'
    ? join(
        born,
        text(
          `産後休暇終了 ${birth.eligibleOn}`,
          `postnatal leave ends ${birth.eligibleOn}`,
        ),
      )
    : born;
}

function firstLeaveReason(
  leave: FirstLeave,
  children: Map<string, KpiChild>,
  fiscalYear: number,
  withDays: boolean,
): LocalizedText {
  const name = leaveName(leave.first.type);
  const parts = [
    bornText(children.get(leave.childId)),
    text(
      `最初の${name.ja} ${leave.first.startDate} 開始`,
      `first ${name.en} started ${leave.first.startDate}`,
    ),
  ];
  if (withDays) {
    parts.push(
      text(
        `${formatFiscalYearJa(fiscalYear)}開始分 計 ${leave.daysInYear} 日`,
        `${leave.daysInYear} days started in ${formatFiscalYearEn(fiscalYear)}`,
      ),
    );
  }
  return join(...parts);
}

function maleBirthReason(
  code: MaleBirthCode,
  birth: EligibleBirth,
): LocalizedText {
  const born = bornText(birth.child);
  if (code === 'childcare_leave_rate_male_cohort') {
    const first = birth.leaves
      .filter((leave) => CHILDCARE_LEAVE_TYPES.has(leave.type))
      .sort(byStart)[0] as KpiLeave;
    const name = leaveName(first.type);
    return join(
      born,
      text(
        `${name.ja} ${first.startDate} 開始`,
        `${name.en} started ${first.startDate}`,
      ),
    );
  }
  const spouse = daysOf(birth.leaves, 'spouse_birth');
  const participation = daysOf(birth.leaves, 'childcare_participation');
  return join(
    born,
    text(
      `配偶者出産休暇 ${spouse} 日、育児参加のための休暇 ${participation} 日`,
      `spouse-birth leave ${spouse} days, childcare-participation leave ${participation} days`,
    ),
  );
}

/** One entry per person; a person qualified by several children gets every reason. */
function perPerson<T extends { employeeId: string }>(
  items: readonly T[],
  reasonOf: (item: T) => LocalizedText,
  amountOf?: (item: T) => number,
): KpiPersonEntry[] {
  const byEmployee = new Map<string, T[]>();
  for (const item of items) {
    const list = byEmployee.get(item.employeeId) ?? [];
    list.push(item);
    byEmployee.set(item.employeeId, list);
  }
  return [...byEmployee].map(([employeeId, list]) => {
    const reasons = list.map(reasonOf);
    return {
      employeeId,
      reason: text(
        reasons.map((reason) => reason.ja).join('／'),
        reasons.map((reason) => reason.en).join(' / '),
      ),
      ...(amountOf
        ? { amount: list.reduce((sum, item) => sum + amountOf(item), 0) }
        : {}),
    };
  });
}

/**
 * The people behind one childcare KPI of a fiscal year and scope, with why each is counted. The
 * duration distribution lists its (employee, child) pairs with their total days as the numerator.
 */
export function explainChildcareKpi(
  dataset: KpiDataset,
  code: ChildcareKpiCode,
  fiscalYear: number,
  scope: KpiScope = DEFAULT_SCOPE,
  options: ChildcareKpiOptions = {},
): KpiExplanation {
  const buckets = options.durationBuckets ?? DEFAULT_CHILDCARE_DURATION_BUCKETS;
  const facts = collectFacts(dataset, fiscalYear, scope, buckets);
  const children = facts.childrenById;
  const births = (gender: ChildcareGender) =>
    facts.eligible.filter((birth) => birth.gender === gender);
  const takers = (gender: ChildcareGender) =>
    facts.started.filter((leave) => leave.gender === gender);
  const maleDenominator = perPerson(births('male'), eligibleReason);
  const explanation = (
    numerator: KpiPersonEntry[],
    denominator: KpiPersonEntry[],
  ): KpiExplanation => ({ code, fiscalYear, numerator, denominator });

  switch (code) {
    case 'childcare_leave_rate_male':
    case 'childcare_leave_rate_female': {
      const gender = code === 'childcare_leave_rate_male' ? 'male' : 'female';
      return explanation(
        perPerson(takers(gender), (leave) =>
          firstLeaveReason(leave, children, fiscalYear, false),
        ),
        perPerson(births(gender), eligibleReason),
      );
    }
    case 'childcare_leave_rate_male_min_7d':
    case 'childcare_leave_rate_male_min_14d': {
      const minimum = MIN_DAYS[code];
      return explanation(
        perPerson(
          takers('male').filter((leave) => leave.daysInYear >= minimum),
          (leave) => firstLeaveReason(leave, children, fiscalYear, true),
          (leave) => leave.daysInYear,
        ),
        maleDenominator,
      );
    }
    case 'childcare_leave_duration':
      return explanation(
        facts.duration.map((pair) => {
          const label = buckets[pair.bucket]?.label ?? '';
          const fy = {
            ja: formatFiscalYearJa(fiscalYear),
            en: formatFiscalYearEn(fiscalYear),
          };
          return {
            employeeId: pair.employeeId,
            amount: pair.totalDays,
            reason: join(
              bornText(children.get(pair.childId)),
              text(
                `${fy.ja}に開始した育児休業 計 ${pair.totalDays} 日（${label}）`,
                `childcare leave started in ${fy.en} totals ${pair.totalDays} days (${label})`,
              ),
            ),
          };
        }),
        [],
      );
    default:
      return explanation(
        perPerson(births('male').filter(MALE_BIRTH_TESTS[code]), (birth) =>
          maleBirthReason(code, birth),
        ),
        maleDenominator,
      );
  }
}
