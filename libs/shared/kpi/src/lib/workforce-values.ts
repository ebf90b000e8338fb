import type {
  Gender,
  KpiCode,
  KpiMeasure,
  KpiValueDto,
  OfficialStage,
} from '@ikuboard/shared/contracts';
import { OFFICIAL_STAGES } from '@ikuboard/shared/contracts';

import type { IsoDate } from './dataset';
import { fiscalYearOf } from './fiscal-year';
import { percent } from './rounding';

/** Head-count buckets of the annual-leave histogram (days taken in the calendar year). */
export const ANNUAL_LEAVE_BUCKETS = [
  '0-4',
  '5-9',
  '10-14',
  '15-19',
  '20+',
] as const;
export type AnnualLeaveBucket = (typeof ANNUAL_LEAVE_BUCKETS)[number];

/** Half days fall in the lower bucket (4.5 days is "0-4"), the same cut as the < 5 days ratio. */
export function annualLeaveBucketOf(days: number): AnnualLeaveBucket {
  if (days < 5) return '0-4';
  if (days < 10) return '5-9';
  if (days < 15) return '10-14';
  if (days < 20) return '15-19';
  return '20+';
}

/** 勤続年数 bands of the official pay-gap table (the hire fiscal year is year 1). */
export const TENURE_BANDS = [
  '1-5',
  '6-10',
  '11-15',
  '16-20',
  '21-25',
  '26-30',
  '31-35',
  '36+',
] as const;
export type TenureBand = (typeof TENURE_BANDS)[number];

/** Tenure in years counted by fiscal year: hired in FY Y, it is year 1 throughout FY Y. */
export function tenureYears(hireDate: IsoDate, fiscalYear: number): number {
  return fiscalYear - fiscalYearOf(hireDate) + 1;
}

/** Null below year 1: someone paid for a year before their hire has no band to sit in. */
export function tenureBandOf(tenure: number): TenureBand | null {
  if (tenure < 1) return null;
  if (tenure >= 36) return '36+';
  const start = Math.floor((tenure - 1) / 5) * 5 + 1;
  return `${start}-${start + 4}` as TenureBand;
}

export type GenderCounts = Record<Gender, number>;

/** Pay totals and head counts of women and men in one group (unspecified gender is left out). */
export interface PaySums {
  womenTotal: number;
  womenCount: number;
  menTotal: number;
  menCount: number;
}

export interface OvertimeMonthFigure {
  /** `YYYY-MM`. */
  month: string;
  hours: number;
  eligible: number;
}

export interface AverageSums {
  total: number;
  headcount: number;
}

/**
 * The sums and head counts behind every workforce KPI of one fiscal year (the calendar year for
 * annual leave). The reference functions and the API's SQL both produce this, and
 * `workforceKpis` turns it into values, so the two paths share one definition of every ratio.
 */
export interface WorkforceFigures {
  fiscalYear: number;
  /** Hires in the fiscal year, rehires excluded, by gender. */
  hires: GenderCounts;
  midcareerHires: GenderCounts;
  annualLeave: {
    headcount: number;
    days: number;
    under5Days: number;
    buckets: Record<AnnualLeaveBucket, number>;
  };
  overtime: {
    /** April to March. */
    months: OvertimeMonthFigure[];
    over45hMonth: number;
    over360hYear: number;
    over100hMonth: number;
    over720hYear: number;
    over45hSixMonths: number;
    avg80hTwoToSixMonths: number;
  };
  pay: {
    permanent: PaySums;
    other: PaySums;
    permanentByStage: Record<OfficialStage, PaySums>;
    permanentByTenureBand: Record<TenureBand, PaySums>;
  };
  tenure: { male: AverageSums; female: AverageSums };
  separation: {
    male: { separated: number; population: number };
    female: { separated: number; population: number };
  };
}

export function emptyPaySums(): PaySums {
  return { womenTotal: 0, womenCount: 0, menTotal: 0, menCount: 0 };
}

export function addPay(sums: PaySums, gender: Gender, amount: number): void {
  if (gender === 'female') {
    sums.womenTotal += amount;
    sums.womenCount += 1;
  } else if (gender === 'male') {
    sums.menTotal += amount;
    sums.menCount += 1;
  }
}

/** The twelve months of a fiscal year as `YYYY-MM`, April first. */
export function fiscalYearMonths(fiscalYear: number): string[] {
  return Array.from({ length: 12 }, (_, index) => {
    const month = ((index + 3) % 12) + 1;
    const year = index < 9 ? fiscalYear : fiscalYear + 1;
    return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  });
}

/** All-zero figures, which the SQL path fills in from its rows. */
export function emptyWorkforceFigures(fiscalYear: number): WorkforceFigures {
  const genderCounts = (): GenderCounts => ({
    female: 0,
    male: 0,
    unspecified: 0,
  });
  return {
    fiscalYear,
    hires: genderCounts(),
    midcareerHires: genderCounts(),
    annualLeave: {
      headcount: 0,
      days: 0,
      under5Days: 0,
      buckets: Object.fromEntries(
        ANNUAL_LEAVE_BUCKETS.map((bucket) => [bucket, 0]),
      ) as Record<AnnualLeaveBucket, number>,
    },
    overtime: {
      months: fiscalYearMonths(fiscalYear).map((month) => ({
        month,
        hours: 0,
        eligible: 0,
      })),
      over45hMonth: 0,
      over360hYear: 0,
      over100hMonth: 0,
      over720hYear: 0,
      over45hSixMonths: 0,
      avg80hTwoToSixMonths: 0,
    },
    pay: {
      permanent: emptyPaySums(),
      other: emptyPaySums(),
      permanentByStage: Object.fromEntries(
        OFFICIAL_STAGES.map((stage) => [stage, emptyPaySums()]),
      ) as Record<OfficialStage, PaySums>,
      permanentByTenureBand: Object.fromEntries(
        TENURE_BANDS.map((band) => [band, emptyPaySums()]),
      ) as Record<TenureBand, PaySums>,
    },
    tenure: {
      male: { total: 0, headcount: 0 },
      female: { total: 0, headcount: 0 },
    },
    separation: {
      male: { separated: 0, population: 0 },
      female: { separated: 0, population: 0 },
    },
  };
}

function average(
  code: KpiCode,
  fiscalYear: number,
  measure: KpiMeasure,
  total: number,
  headcount: number,
  dimensions?: Record<string, string>,
): KpiValueDto {
  return {
    code,
    fiscalYear,
    measure,
    numerator: total,
    denominator: headcount,
    value: headcount === 0 ? null : total / headcount,
    ...(dimensions ? { dimensions } : {}),
  };
}

function ratio(
  code: KpiCode,
  fiscalYear: number,
  numerator: number,
  denominator: number,
): KpiValueDto {
  return {
    code,
    fiscalYear,
    measure: 'percent',
    numerator,
    denominator,
    value: percent(numerator, denominator),
  };
}

function count(
  code: KpiCode,
  fiscalYear: number,
  value: number,
  dimensions?: Record<string, string>,
): KpiValueDto {
  return {
    code,
    fiscalYear,
    measure: 'count',
    numerator: value,
    denominator: null,
    value,
    ...(dimensions ? { dimensions } : {}),
  };
}

/**
 * Women's mean ÷ men's mean × 100. A side with nobody reports a mean of 0 and the value is null:
 * a gap against nobody is "—", never 0 % or 100 %.
 */
export function payGapValue(
  code: KpiCode,
  fiscalYear: number,
  sums: PaySums,
  dimensions?: Record<string, string>,
): KpiValueDto {
  const womenMean =
    sums.womenCount === 0 ? 0 : sums.womenTotal / sums.womenCount;
  const menMean = sums.menCount === 0 ? 0 : sums.menTotal / sums.menCount;
  return {
    code,
    fiscalYear,
    measure: 'percent',
    numerator: womenMean,
    denominator: menMean,
    value: sums.womenCount === 0 ? null : percent(womenMean, menMean),
    ...(dimensions ? { dimensions } : {}),
  };
}

function sumPay(a: PaySums, b: PaySums): PaySums {
  return {
    womenTotal: a.womenTotal + b.womenTotal,
    womenCount: a.womenCount + b.womenCount,
    menTotal: a.menTotal + b.menTotal,
    menCount: a.menCount + b.menCount,
  };
}

/** Every workforce KPI in WORKFORCE_KPI_CODES order, each headline followed by its breakdown rows. */
export function workforceKpis(figures: WorkforceFigures): KpiValueDto[] {
  const fy = figures.fiscalYear;
  const { hires, midcareerHires, annualLeave, overtime, pay } = figures;
  const allHires = hires.female + hires.male + hires.unspecified;
  const allMidcareer =
    midcareerHires.female + midcareerHires.male + midcareerHires.unspecified;
  const overtimeHours = overtime.months.reduce((sum, m) => sum + m.hours, 0);
  const personMonths = overtime.months.reduce((sum, m) => sum + m.eligible, 0);
  return [
    ratio('female_hire_ratio', fy, hires.female, allHires),
    count('midcareer_hires', fy, allMidcareer),
    ...(['female', 'male', 'unspecified'] as const).map((gender) =>
      count('midcareer_hires', fy, midcareerHires[gender], { gender }),
    ),
    average(
      'annual_leave_avg_days',
      fy,
      'days',
      annualLeave.days,
      annualLeave.headcount,
    ),
    ...ANNUAL_LEAVE_BUCKETS.map((bucket) =>
      count('annual_leave_avg_days', fy, annualLeave.buckets[bucket], {
        bucket,
      }),
    ),
    ratio(
      'annual_leave_under_5_days_ratio',
      fy,
      annualLeave.under5Days,
      annualLeave.headcount,
    ),
    average('overtime_monthly_avg', fy, 'hours', overtimeHours, personMonths),
    ...overtime.months.map((m) =>
      average('overtime_monthly_avg', fy, 'hours', m.hours, m.eligible, {
        month: m.month,
      }),
    ),
    count('overtime_over_45h_count', fy, overtime.over45hMonth),
    count('overtime_over_360h_year_count', fy, overtime.over360hYear),
    count('overtime_over_100h_month_count', fy, overtime.over100hMonth),
    count('overtime_over_720h_year_count', fy, overtime.over720hYear),
    count('overtime_over_45h_6_months_count', fy, overtime.over45hSixMonths),
    count(
      'overtime_avg_80h_2_to_6_months_count',
      fy,
      overtime.avg80hTwoToSixMonths,
    ),
    payGapValue('pay_gap_permanent', fy, pay.permanent),
    ...OFFICIAL_STAGES.map((stage) =>
      payGapValue('pay_gap_permanent', fy, pay.permanentByStage[stage], {
        stage,
      }),
    ),
    ...TENURE_BANDS.map((tenureBand) =>
      payGapValue(
        'pay_gap_permanent',
        fy,
        pay.permanentByTenureBand[tenureBand],
        { tenureBand },
      ),
    ),
    payGapValue('pay_gap_other', fy, pay.other),
    payGapValue('pay_gap_all', fy, sumPay(pay.permanent, pay.other)),
    average(
      'tenure_avg_years_male',
      fy,
      'years',
      figures.tenure.male.total,
      figures.tenure.male.headcount,
    ),
    average(
      'tenure_avg_years_female',
      fy,
      'years',
      figures.tenure.female.total,
      figures.tenure.female.headcount,
    ),
    ratio(
      'separation_rate_male',
      fy,
      figures.separation.male.separated,
      figures.separation.male.population,
    ),
    ratio(
      'separation_rate_female',
      fy,
      figures.separation.female.separated,
      figures.separation.female.population,
    ),
  ];
}
