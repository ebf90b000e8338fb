import { CHILD_LINKED_LEAVE_TYPES } from '@ikuboard/shared/contracts';
import type { LeaveType } from '@ikuboard/shared/contracts';
import {
  computeChildcareKpis,
  computeWorkforceKpis,
  fiscalYearOf,
} from '@ikuboard/shared/kpi';

import type { DemoCity, DemoLeave } from './demo-city.types';
import { generateDemoCity } from './generate-demo-city';
import { toKpiDataset } from './kpi-dataset';

const OPTIONS = { staff: 600, firstFiscalYear: 2019, lastFiscalYear: 2025 };
const HISTORY_START = '2019-04-01';
const HISTORY_END = '2026-03-31';
const city = generateDemoCity(OPTIONS);
const SMALL = { staff: 300, firstFiscalYear: 2022, lastFiscalYear: 2024 };
const smallCity = generateDemoCity(SMALL);
const dataset = toKpiDataset(city);
const employeeOf = new Map(
  city.employees.map((employee) => [employee.employeeNumber, employee]),
);
const CHILD_LINKED: ReadonlySet<LeaveType> = new Set(CHILD_LINKED_LEAVE_TYPES);

function kpiValue(
  values: readonly {
    code: string;
    value: number | null;
    dimensions?: unknown;
  }[],
  code: string,
): number {
  const value = values.find(
    (entry) => entry.code === code && entry.dimensions === undefined,
  )?.value;
  if (value === null || value === undefined) {
    throw new Error(`no value for ${code}`);
  }
  return value;
}

const workforceByYear = new Map<
  number,
  ReturnType<typeof computeWorkforceKpis>
>();

/** The reference workforce KPIs of FY Y (calendar year Y for annual leave), computed once. */
function workforce(year: number): ReturnType<typeof computeWorkforceKpis> {
  let values = workforceByYear.get(year);
  if (values === undefined) {
    values = computeWorkforceKpis(dataset, year);
    workforceByYear.set(year, values);
  }
  return values;
}

function byEmployeeAndType(
  leaves: readonly DemoLeave[],
): Map<string, DemoLeave[]> {
  const groups = new Map<string, DemoLeave[]>();
  for (const leave of leaves) {
    const key = `${leave.employeeNumber}|${leave.type}`;
    const group = groups.get(key) ?? [];
    group.push(leave);
    groups.set(key, group);
  }
  return groups;
}

/** Per employee and calendar year, the annual-leave days (both modes must agree). */
function annualTotals(target: DemoCity): Map<string, number> {
  const totals = new Map<string, number>();
  for (const leave of target.leaves) {
    if (leave.type === 'annual') {
      const key = `${leave.employeeNumber}|${leave.startDate.slice(0, 4)}`;
      totals.set(key, (totals.get(key) ?? 0) + leave.days);
    }
  }
  return totals;
}

describe('generateDemoCity: births, leave, overtime and pay (600 staff, FY2019–FY2025)', () => {
  it('is deterministic, and another seed gives other births and leave', () => {
    expect(generateDemoCity(SMALL)).toEqual(smallCity);
    expect(generateDemoCity({ ...SMALL, seed: 8 }).leaves).not.toEqual(
      smallCity.leaves,
    );
  });

  it('keeps every leave inside the history start and the service, and within the database checks', () => {
    const problems: string[] = [];
    const children = new Map(city.children.map((child) => [child.id, child]));
    for (const leave of city.leaves) {
      const employee = employeeOf.get(leave.employeeNumber);
      const label = `${leave.employeeNumber} ${leave.type} ${leave.startDate}`;
      if (!employee) {
        problems.push(`${label}: unknown employee`);
        continue;
      }
      if (leave.endDate < leave.startDate || !(leave.days > 0)) {
        problems.push(`${label}: empty period or days`);
      }
      if (leave.startDate < HISTORY_START || leave.startDate > HISTORY_END) {
        problems.push(`${label}: starts outside the history`);
      }
      if (
        leave.startDate < employee.hireDate ||
        (employee.separationDate !== null &&
          leave.endDate > employee.separationDate)
      ) {
        problems.push(`${label}: outside service`);
      }
      if (CHILD_LINKED.has(leave.type) !== (leave.childId !== null)) {
        problems.push(`${label}: child id set for the wrong type`);
      }
      if (
        leave.childId !== null &&
        children.get(leave.childId)?.employeeNumber !== leave.employeeNumber
      ) {
        problems.push(`${label}: child of someone else`);
      }
      if (
        leave.type === 'annual' &&
        !(leave.days === 0.5 || [1, 2, 3].includes(leave.days))
      ) {
        problems.push(`${label}: annual leave of ${leave.days} days`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has children with unique ids, born while the parent is in service', () => {
    const ids = city.children.map((child) => child.id);
    expect(new Set(ids).size).toBe(ids.length);
    const outside = city.children.filter((child) => {
      const employee = employeeOf.get(child.employeeNumber);
      return (
        !employee ||
        child.birthDate < employee.hireDate ||
        (employee.separationDate !== null &&
          child.birthDate > employee.separationDate)
      );
    });
    expect(outside).toEqual([]);
    expect(city.children.every((child) => child.birthDate <= HISTORY_END)).toBe(
      true,
    );
  });

  it('never overlaps two episodes of the same type for one person', () => {
    const overlaps: string[] = [];
    for (const [key, leaves] of byEmployeeAndType(city.leaves)) {
      leaves.sort((a, b) => a.startDate.localeCompare(b.startDate));
      for (let index = 1; index < leaves.length; index += 1) {
        if (leaves[index].startDate <= leaves[index - 1].endDate) {
          overlaps.push(`${key} ${leaves[index].startDate}`);
        }
      }
    }
    expect(overlaps).toEqual([]);
  });

  it('takes no annual leave on a day of maternity, childcare or other leave', () => {
    const away = new Set<string>();
    for (const leave of city.leaves) {
      if (leave.type === 'annual') {
        continue;
      }
      for (
        let day = Date.parse(leave.startDate);
        day <= Date.parse(leave.endDate);
        day += 86_400_000
      ) {
        away.add(
          `${leave.employeeNumber}|${new Date(day).toISOString().slice(0, 10)}`,
        );
      }
    }
    const clashes = city.leaves.filter(
      (leave) =>
        leave.type === 'annual' &&
        (away.has(`${leave.employeeNumber}|${leave.startDate}`) ||
          away.has(`${leave.employeeNumber}|${leave.endDate}`)),
    );
    expect(clashes).toEqual([]);
  });

  it('gives mothers 産前・産後 around each birth and most of them 育児休業 afterwards', () => {
    const mothers = city.children.filter(
      (child) =>
        employeeOf.get(child.employeeNumber)?.gender === 'female' &&
        child.birthDate >= '2019-06-01' &&
        child.birthDate <= '2025-12-31',
    );
    expect(mothers.length).toBeGreaterThan(20);
    const postnatal = new Set(
      city.leaves
        .filter((leave) => leave.type === 'maternity_post')
        .map((leave) => leave.employeeNumber),
    );
    const childcare = new Set(
      city.leaves
        .filter((leave) => leave.type === 'childcare')
        .map((leave) => leave.childId),
    );
    const withPostnatal = mothers.filter((child) =>
      postnatal.has(child.employeeNumber),
    ).length;
    expect(withPostnatal / mothers.length).toBeGreaterThan(0.95);
    const withChildcare = mothers.filter((child) =>
      childcare.has(child.id),
    ).length;
    expect(withChildcare / mothers.length).toBeGreaterThan(0.8);
  });

  it('raises the male childcare-leave rate (period method) from about 15 % to about 75 %', () => {
    const rate = (fiscalYear: number) =>
      kpiValue(
        computeChildcareKpis(dataset, fiscalYear),
        'childcare_leave_rate_male',
      );
    // 600 staff have some 20 fathers a year: compare pairs of years, not single ones.
    const early = (rate(2019) + rate(2020)) / 2;
    const late = (rate(2024) + rate(2025)) / 2;
    expect(early).toBeLessThan(35);
    expect(late).toBeGreaterThan(55);
    expect(late - early).toBeGreaterThan(25);
  });

  it('raises average annual leave from about 11 to about 14 days a calendar year, with some under 5', () => {
    const average = (year: number) =>
      kpiValue(workforce(year), 'annual_leave_avg_days');
    expect(average(2020)).toBeGreaterThan(9.5);
    expect(average(2020)).toBeLessThan(12.5);
    expect(average(2025)).toBeGreaterThan(12.5);
    expect(average(2025)).toBeLessThan(15.5);
    const underFive = kpiValue(
      workforce(2025),
      'annual_leave_under_5_days_ratio',
    );
    expect(underFive).toBeGreaterThan(1);
    expect(underFive).toBeLessThan(20);
    expect(city.leaves.some((leave) => leave.days === 0.5)).toBe(true);
  });

  it('records monthly overtime with a few long months and a March peak', () => {
    const figures = workforce(2024);
    const average = kpiValue(figures, 'overtime_monthly_avg');
    expect(average).toBeGreaterThan(6);
    expect(average).toBeLessThan(18);
    const over45 = kpiValue(figures, 'overtime_over_45h_count');
    expect(over45).toBeGreaterThan(0);
    expect(over45).toBeLessThan(600 * 0.08);
    const hoursIn = (month: string) =>
      city.overtime
        .filter((row) => row.month === month)
        .reduce((sum, row) => sum + row.hours, 0);
    expect(hoursIn('2025-03')).toBeGreaterThan(hoursIn('2024-08'));
    expect(city.overtime.every((row) => /^\d{4}-\d{2}$/.test(row.month))).toBe(
      true,
    );
  });

  it('pays for the days in service only, every fiscal year, women less on average', () => {
    const figures = workforce(2025);
    // A city of 600 has few managers; the 85–93 % figure is checked on the default city below.
    const permanent = kpiValue(figures, 'pay_gap_permanent');
    expect(permanent).toBeGreaterThan(80);
    expect(permanent).toBeLessThan(98);
    expect(kpiValue(figures, 'pay_gap_all')).toBeLessThan(permanent);
    const years = new Set(city.pay.map((row) => row.fiscalYear));
    expect([...years].sort()).toEqual([
      2019, 2020, 2021, 2022, 2023, 2024, 2025,
    ]);
    const paidOutsideService = city.pay.filter((row) => {
      const employee = employeeOf.get(row.employeeNumber);
      return (
        !employee ||
        fiscalYearOf(employee.hireDate) > row.fiscalYear ||
        (employee.separationDate !== null &&
          employee.separationDate < `${row.fiscalYear}-04-01`)
      );
    });
    expect(paidOutsideService).toEqual([]);
  });

  it('gives the same yearly annual-leave totals in the yearly mode, one row per person and year', () => {
    const yearly = generateDemoCity({ ...SMALL, annualLeave: 'yearly' });
    expect(annualTotals(yearly)).toEqual(annualTotals(smallCity));
    const rows = yearly.leaves.filter((leave) => leave.type === 'annual');
    expect(rows.length).toBe(annualTotals(yearly).size);
    expect(yearly.leaves.filter((leave) => leave.type !== 'annual')).toEqual(
      smallCity.leaves.filter((leave) => leave.type !== 'annual'),
    );
    expect(yearly.overtime).toEqual(smallCity.overtime);
    expect(yearly.pay).toEqual(smallCity.pay);
  });
});

describe('generateDemoCity: the default city of 3,000 staff (size check)', () => {
  const large = generateDemoCity();

  it('has a permanent-staff pay gap of 85–93 % and a wider one over all staff', () => {
    const figures = computeWorkforceKpis(toKpiDataset(large), 2025);
    const permanent = kpiValue(figures, 'pay_gap_permanent');
    expect(permanent).toBeGreaterThan(85);
    expect(permanent).toBeLessThan(93);
    expect(kpiValue(figures, 'pay_gap_all')).toBeLessThan(permanent - 3);
  });

  it('has about a dozen annual-leave rows per person-year and the birth-related edge cases', () => {
    const personYears = large.pay.length;
    const annual = large.leaves.filter((leave) => leave.type === 'annual');
    expect(annual.length / personYears).toBeGreaterThan(9);
    expect(annual.length / personYears).toBeLessThan(16);
    // Between 3 and 4 % of the staff have a child each year.
    const perYear = large.children.filter(
      (child) => fiscalYearOf(child.birthDate) === 2023,
    );
    const parents = new Set(perYear.map((child) => child.employeeNumber));
    expect(parents.size / 3000).toBeGreaterThan(0.025);
    expect(parents.size / 3000).toBeLessThan(0.045);
    const dates = new Map<string, number>();
    for (const child of large.children) {
      const key = `${child.employeeNumber}|${child.birthDate}`;
      dates.set(key, (dates.get(key) ?? 0) + 1);
    }
    expect([...dates.values()].some((count) => count === 2)).toBe(true);
    expect(
      large.children.some(
        (child) =>
          child.birthDate.endsWith('-03-31') ||
          child.birthDate.endsWith('-04-01'),
      ),
    ).toBe(true);
    const types = new Set(large.leaves.map((leave) => leave.type));
    expect([...types].sort()).toEqual([
      'annual',
      'birth_childcare',
      'childcare',
      'childcare_participation',
      'maternity_post',
      'maternity_pre',
      'spouse_birth',
    ]);
    // Some childcare leave for a child born in one FY begins in the next.
    expect(
      large.leaves.some((leave) => {
        if (leave.type !== 'childcare' || leave.childId === null) {
          return false;
        }
        const child = large.children.find(
          (entry) => entry.id === leave.childId,
        );
        return (
          child !== undefined &&
          fiscalYearOf(leave.startDate) > fiscalYearOf(child.birthDate)
        );
      }),
    ).toBe(true);
  });
});
