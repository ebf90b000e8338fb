import type { KpiValueDto } from '@ikuboard/shared/contracts';
import { WORKFORCE_KPI_CODES } from '@ikuboard/shared/contracts';

import type { KpiDataset, KpiScope } from './dataset';
import { DEFAULT_KPI_CATEGORIES } from './dataset';
import type { WorkforceContext } from './workforce-context';
import { workforceContext } from './workforce-context';
import {
  annualLeaveOf,
  hasTwoToSixMonthAverageOver80h,
  hiresOf,
  overtimeOf,
  payOf,
  separationsOf,
  tenureOf,
} from './workforce-people';
import type { WorkforceFigures } from './workforce-values';
import {
  addPay,
  annualLeaveBucketOf,
  emptyWorkforceFigures,
  tenureBandOf,
  workforceKpis,
} from './workforce-values';

export type WorkforceKpiCode = (typeof WORKFORCE_KPI_CODES)[number];

const WHOLE_ORGANIZATION: KpiScope = {
  unitId: null,
  categories: DEFAULT_KPI_CATEGORIES,
};

/** The sums and head counts of every workforce KPI of FY Y (calendar year Y for annual leave). */
export function computeWorkforceFigures(
  dataset: KpiDataset,
  fiscalYear: number,
  scope: KpiScope = WHOLE_ORGANIZATION,
): WorkforceFigures {
  return figuresOf(workforceContext(dataset, scope), fiscalYear);
}

/** Every workforce KPI in WORKFORCE_KPI_CODES order, each headline followed by its breakdown rows. */
export function computeWorkforceKpis(
  dataset: KpiDataset,
  fiscalYear: number,
  scope: KpiScope = WHOLE_ORGANIZATION,
): KpiValueDto[] {
  return workforceKpis(computeWorkforceFigures(dataset, fiscalYear, scope));
}

function figuresOf(
  context: WorkforceContext,
  fiscalYear: number,
): WorkforceFigures {
  const figures = emptyWorkforceFigures(fiscalYear);

  for (const { employee } of hiresOf(context, fiscalYear)) {
    figures.hires[employee.gender] += 1;
    if (employee.isMidcareer) figures.midcareerHires[employee.gender] += 1;
  }

  const leave = figures.annualLeave;
  for (const { days } of annualLeaveOf(context, fiscalYear)) {
    leave.headcount += 1;
    leave.days += days;
    if (days < 5) leave.under5Days += 1;
    leave.buckets[annualLeaveBucketOf(days)] += 1;
  }

  const overtime = overtimeOf(context, fiscalYear);
  figures.overtime.months = figures.overtime.months.map((month, index) => {
    const records = overtime.months[index] ?? [];
    return {
      month: month.month,
      eligible: records.length,
      hours: records.reduce((sum, record) => sum + record.hours, 0),
    };
  });
  for (const person of overtime.people) {
    const over45 = person.eligibleMonths.filter((m) => m.hours > 45).length;
    if (over45 > 0) figures.overtime.over45hMonth += 1;
    if (over45 > 6) figures.overtime.over45hSixMonths += 1;
    if (person.eligibleMonths.some((m) => m.hours >= 100))
      figures.overtime.over100hMonth += 1;
    if (person.yearTotal > 360) figures.overtime.over360hYear += 1;
    if (person.yearTotal > 720) figures.overtime.over720hYear += 1;
    if (hasTwoToSixMonthAverageOver80h(person.hoursByMonth))
      figures.overtime.avg80hTwoToSixMonths += 1;
  }

  for (const record of payOf(context, fiscalYear)) {
    const gender = record.employee.gender;
    addPay(figures.pay[record.group], gender, record.amount);
    if (record.group !== 'permanent') continue;
    addPay(
      figures.pay.permanentByStage[record.stage.officialStage],
      gender,
      record.amount,
    );
    const band = tenureBandOf(record.tenure);
    if (band)
      addPay(figures.pay.permanentByTenureBand[band], gender, record.amount);
  }

  for (const { employee, tenure } of tenureOf(context, fiscalYear)) {
    if (employee.gender === 'unspecified') continue;
    figures.tenure[employee.gender].total += tenure;
    figures.tenure[employee.gender].headcount += 1;
  }

  for (const { employee, separated } of separationsOf(context, fiscalYear)) {
    if (employee.gender === 'unspecified') continue;
    figures.separation[employee.gender].population += 1;
    if (separated) figures.separation[employee.gender].separated += 1;
  }
  return figures;
}
