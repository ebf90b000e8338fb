import type { KpiCode, KpiValueDto } from '@ikuboard/shared/contracts';

import { percent } from './rounding';

/**
 * A bucket of the leave-duration distribution: total days up to `upTo` (inclusive or not), after
 * the previous bucket; `upTo: null` is the open-ended last bucket.
 */
export interface ChildcareDurationBucket {
  label: string;
  upTo: number | null;
  inclusive: boolean;
}

/**
 * 総務省 勤務条件等調査 buckets, a month counted as 30 days: 2週間未満, 2週間以上1月以下, 1月超3月以下,
 * 3月超6月以下, 6月超9月以下, 9月超12月以下, 12月超24月以下, 24月超.
 */
export const DEFAULT_CHILDCARE_DURATION_BUCKETS: readonly ChildcareDurationBucket[] =
  [
    { label: 'lt14', upTo: 14, inclusive: false },
    { label: '14-30', upTo: 30, inclusive: true },
    { label: '31-90', upTo: 90, inclusive: true },
    { label: '91-180', upTo: 180, inclusive: true },
    { label: '181-270', upTo: 270, inclusive: true },
    { label: '271-360', upTo: 360, inclusive: true },
    { label: '361-720', upTo: 720, inclusive: true },
    { label: 'gt720', upTo: null, inclusive: false },
  ];

/** The genders of the duration breakdown, in the order its rows are returned. */
export const CHILDCARE_DURATION_GENDERS = ['female', 'male'] as const;
export type ChildcareGender = (typeof CHILDCARE_DURATION_GENDERS)[number];

export function durationBucketIndex(
  totalDays: number,
  buckets: readonly ChildcareDurationBucket[] = DEFAULT_CHILDCARE_DURATION_BUCKETS,
): number {
  const index = buckets.findIndex(
    (bucket) =>
      bucket.upTo === null ||
      totalDays < bucket.upTo ||
      (bucket.inclusive && totalDays === bucket.upTo),
  );
  // A bucket list without an open-ended bucket still places every total somewhere: in the last.
  return index === -1 ? buckets.length - 1 : index;
}

/** Persons (not episodes) behind each childcare KPI of one fiscal year and scope. */
export interface ChildcareCounts {
  /** Men with a child born in the FY, in the population on the birth date. */
  maleEligible: number;
  /** Women whose postnatal leave (birth + 56 days) ends in the FY, in the population at birth. */
  femaleEligible: number;
  /** Men / women whose first childcare leave for some child started in the FY, in the population then. */
  maleStarted: number;
  femaleStarted: number;
  /**
   * 出生時育児休業取得者数 (内数): of those new takers, the ones whose episodes for that child
   * starting in the FY include a 出生時育児休業 (産後パパ育休).
   */
  maleStartedBirthChildcare: number;
  femaleStartedBirthChildcare: number;
  maleCohortStarted: number;
  maleStartedMin7Days: number;
  maleStartedMin14Days: number;
  /** (employee, child) pairs per duration bucket, by gender. */
  duration: Record<ChildcareGender, readonly number[]>;
  paternitySpouseBirth: number;
  paternityParticipation: number;
  paternityEither: number;
  paternityFiveDays: number;
}

function rate(
  code: KpiCode,
  fiscalYear: number,
  numerator: number,
  denominator: number,
  dimensions?: Readonly<Record<string, string>>,
): KpiValueDto {
  return {
    code,
    fiscalYear,
    measure: 'percent',
    numerator,
    denominator,
    value: percent(numerator, denominator),
    ...(dimensions ? { dimensions } : {}),
  };
}

/** The breakdown row of a childcare rate that counts the 出生時育児休業 takers among its numerator. */
export const BIRTH_CHILDCARE_DIMENSION = {
  leaveType: 'birth_childcare',
} as const;

function count(
  fiscalYear: number,
  numerator: number,
  dimensions?: Readonly<Record<string, string>>,
): KpiValueDto {
  return {
    code: 'childcare_leave_duration',
    fiscalYear,
    measure: 'count',
    numerator,
    denominator: null,
    value: numerator,
    ...(dimensions ? { dimensions } : {}),
  };
}

/**
 * The childcare KPI values in CHILDCARE_KPI_CODES order from their person counts; the duration
 * distribution is a headline count of pairs followed by one row per gender × bucket, and each
 * gender's rate is followed by its 出生時育児休業 (内数) row (`leaveType: birth_childcare`).
 */
export function childcareKpis(
  fiscalYear: number,
  counts: ChildcareCounts,
  buckets: readonly ChildcareDurationBucket[] = DEFAULT_CHILDCARE_DURATION_BUCKETS,
): KpiValueDto[] {
  const men = counts.maleEligible;
  const pairs = CHILDCARE_DURATION_GENDERS.reduce(
    (sum, gender) =>
      sum + counts.duration[gender].reduce((total, n) => total + n, 0),
    0,
  );
  return [
    rate('childcare_leave_rate_male', fiscalYear, counts.maleStarted, men),
    rate(
      'childcare_leave_rate_male',
      fiscalYear,
      counts.maleStartedBirthChildcare,
      men,
      BIRTH_CHILDCARE_DIMENSION,
    ),
    rate(
      'childcare_leave_rate_female',
      fiscalYear,
      counts.femaleStarted,
      counts.femaleEligible,
    ),
    rate(
      'childcare_leave_rate_female',
      fiscalYear,
      counts.femaleStartedBirthChildcare,
      counts.femaleEligible,
      BIRTH_CHILDCARE_DIMENSION,
    ),
    rate(
      'childcare_leave_rate_male_cohort',
      fiscalYear,
      counts.maleCohortStarted,
      men,
    ),
    rate(
      'childcare_leave_rate_male_min_7d',
      fiscalYear,
      counts.maleStartedMin7Days,
      men,
    ),
    rate(
      'childcare_leave_rate_male_min_14d',
      fiscalYear,
      counts.maleStartedMin14Days,
      men,
    ),
    count(fiscalYear, pairs),
    ...CHILDCARE_DURATION_GENDERS.flatMap((gender) =>
      buckets.map((bucket, index) =>
        count(fiscalYear, counts.duration[gender][index] ?? 0, {
          gender,
          bucket: bucket.label,
        }),
      ),
    ),
    rate(
      'paternity_leave_rate_spouse_birth',
      fiscalYear,
      counts.paternitySpouseBirth,
      men,
    ),
    rate(
      'paternity_leave_rate_participation',
      fiscalYear,
      counts.paternityParticipation,
      men,
    ),
    rate(
      'paternity_leave_rate_either',
      fiscalYear,
      counts.paternityEither,
      men,
    ),
    rate(
      'paternity_leave_rate_five_days',
      fiscalYear,
      counts.paternityFiveDays,
      men,
    ),
  ];
}

/**
 * Buckets from ascending day boundaries b1 < b2 < … < bn: under b1, b1 to b2 − 1, …, bn and over.
 * Lets an organization report with its own bands (for example 5 days, 2 weeks, 1 month).
 */
export function durationBucketsFromBounds(
  bounds: readonly number[],
): ChildcareDurationBucket[] {
  if (
    bounds.length === 0 ||
    bounds.some(
      (bound, index) =>
        !Number.isInteger(bound) ||
        bound < 1 ||
        (index > 0 && bound <= bounds[index - 1]!),
    )
  ) {
    throw new RangeError(
      'duration bounds must be ascending whole days of at least 1',
    );
  }
  return [
    ...bounds.map((bound, index) => ({
      label: index === 0 ? `lt${bound}` : `${bounds[index - 1]}-${bound - 1}`,
      upTo: bound,
      inclusive: false,
    })),
    { label: `ge${bounds[bounds.length - 1]}`, upTo: null, inclusive: false },
  ];
}
