import type { EmploymentCategory } from '@ikuboard/shared/contracts';

import type { KpiEmployee } from './dataset';
import { fiscalYearEnd, fiscalYearOf, fiscalYearStart } from './fiscal-year';
import type { PlacedEmployee, WorkforceContext } from './workforce-context';
import { placedOn, populationMembersOn } from './workforce-context';
import { fiscalYearMonths, tenureYears } from './workforce-values';

/**
 * The people behind each workforce KPI, one record per person (per person-month for overtime).
 * Both the figures and the HR drill-down are read off these records.
 */

const PERMANENT_ONLY: ReadonlySet<EmploymentCategory> = new Set(['permanent']);

/** Hires whose hire date is in FY Y, rehires excluded, placed by the assignment on the hire date. */
export function hiresOf(
  context: WorkforceContext,
  fiscalYear: number,
): PlacedEmployee[] {
  const hires: PlacedEmployee[] = [];
  for (const employee of context.dataset.employees) {
    if (employee.isRehire || fiscalYearOf(employee.hireDate) !== fiscalYear)
      continue;
    const placed = placedOn(context, employee, employee.hireDate);
    if (placed) hires.push(placed);
  }
  return hires;
}

export interface AnnualLeaveRecord extends PlacedEmployee {
  days: number;
}

/**
 * Calendar year Y: in service on every day of Y (hired on or before 1 January, not separated
 * before 31 December), placed on 1 January; days of annual-leave episodes started in Y.
 */
export function annualLeaveOf(
  context: WorkforceContext,
  calendarYear: number,
): AnnualLeaveRecord[] {
  const first = `${String(calendarYear).padStart(4, '0')}-01-01`;
  const last = `${String(calendarYear).padStart(4, '0')}-12-31`;
  const daysByEmployee = new Map<string, number>();
  for (const leave of context.dataset.leaves) {
    if (
      leave.type === 'annual' &&
      leave.startDate >= first &&
      leave.startDate <= last
    ) {
      daysByEmployee.set(
        leave.employeeId,
        (daysByEmployee.get(leave.employeeId) ?? 0) + leave.days,
      );
    }
  }
  const records: AnnualLeaveRecord[] = [];
  for (const employee of context.dataset.employees) {
    if (
      employee.hireDate > first ||
      (employee.separationDate !== null && employee.separationDate < last)
    )
      continue;
    const placed = placedOn(context, employee, first);
    if (placed)
      records.push({ ...placed, days: daysByEmployee.get(employee.id) ?? 0 });
  }
  return records;
}

export interface OvertimeMonthRecord extends PlacedEmployee {
  /** `YYYY-MM`. */
  month: string;
  hours: number;
}

export interface OvertimePersonRecord {
  employee: KpiEmployee;
  eligibleMonths: OvertimeMonthRecord[];
  /** Hours of every month of the fiscal year from April (a missing record is 0 h), eligible or not. */
  hoursByMonth: number[];
  yearTotal: number;
}

/**
 * For each month of FY Y, the population on its 1st with a non-manager stage (管理職 are not paid
 * overtime); a month without a record is 0 h.
 */
export function overtimeOf(
  context: WorkforceContext,
  fiscalYear: number,
): { months: OvertimeMonthRecord[][]; people: OvertimePersonRecord[] } {
  const monthKeys = fiscalYearMonths(fiscalYear);
  const hours = new Map<string, number>();
  for (const record of context.dataset.overtime) {
    hours.set(`${record.employeeId}|${record.month}`, record.hours);
  }
  const hoursOf = (employeeId: string, month: string): number =>
    hours.get(`${employeeId}|${month}`) ?? 0;
  const months = monthKeys.map((month) =>
    populationMembersOn(context, `${month}-01`)
      .filter((member) => !member.stage.isManager)
      .map((member) => ({
        ...member,
        month,
        hours: hoursOf(member.employee.id, month),
      })),
  );
  const byEmployee = new Map<string, OvertimePersonRecord>();
  for (const record of months.flat()) {
    let person = byEmployee.get(record.employee.id);
    if (!person) {
      const hoursByMonth = monthKeys.map((month) =>
        hoursOf(record.employee.id, month),
      );
      person = {
        employee: record.employee,
        eligibleMonths: [],
        hoursByMonth,
        yearTotal: hoursByMonth.reduce((sum, h) => sum + h, 0),
      };
      byEmployee.set(record.employee.id, person);
    }
    person.eligibleMonths.push(record);
  }
  return { months, people: [...byEmployee.values()] };
}

/**
 * 2–6-month average over 80 h: some run of 2 to 6 consecutive months within the fiscal year whose
 * hours exceed 80 h × its length (compared as a sum, so no division blurs the 80.00 h boundary).
 */
export function hasTwoToSixMonthAverageOver80h(
  hoursByMonth: readonly number[],
): boolean {
  for (let length = 2; length <= 6; length++) {
    for (let start = 0; start + length <= hoursByMonth.length; start++) {
      let sum = 0;
      for (let i = start; i < start + length; i++) sum += hoursByMonth[i] ?? 0;
      if (sum > 80 * length) return true;
    }
  }
  return false;
}

export type PayGroup = 'permanent' | 'other';

export interface PayRecord extends PlacedEmployee {
  amount: number;
  group: PayGroup;
  tenure: number;
}

/**
 * Pay records of FY Y (the record suffices, no in-service check), placed by the assignment on the
 * later of Y-04-01 and the hire date; the scope's categories do not apply, the code fixes them.
 */
export function payOf(
  context: WorkforceContext,
  fiscalYear: number,
): PayRecord[] {
  const start = fiscalYearStart(fiscalYear);
  const records: PayRecord[] = [];
  for (const pay of context.dataset.pay) {
    if (pay.fiscalYear !== fiscalYear) continue;
    const employee = context.employeesById.get(pay.employeeId);
    if (!employee) continue;
    const judged = employee.hireDate > start ? employee.hireDate : start;
    const placed = placedOn(context, employee, judged, null);
    if (!placed) continue;
    records.push({
      ...placed,
      amount: pay.amount,
      group: placed.assignment.category === 'permanent' ? 'permanent' : 'other',
      tenure: tenureYears(employee.hireDate, fiscalYear),
    });
  }
  return records;
}

export interface TenureRecord extends PlacedEmployee {
  tenure: number;
}

/** 任期の定めのない常勤 in service on Y-04-01 (permanent by definition, whatever the scope says). */
export function tenureOf(
  context: WorkforceContext,
  fiscalYear: number,
): TenureRecord[] {
  return populationMembersOn(
    context,
    fiscalYearStart(fiscalYear),
    PERMANENT_ONLY,
  ).map((member) => ({
    ...member,
    tenure: tenureYears(member.employee.hireDate, fiscalYear),
  }));
}

export interface SeparationRecord extends PlacedEmployee {
  separated: boolean;
}

/** The population on Y-04-01 and whether each one's last day of service falls within FY Y. */
export function separationsOf(
  context: WorkforceContext,
  fiscalYear: number,
): SeparationRecord[] {
  const end = fiscalYearEnd(fiscalYear);
  return populationMembersOn(context, fiscalYearStart(fiscalYear)).map(
    (member) => ({
      ...member,
      separated:
        member.employee.separationDate !== null &&
        member.employee.separationDate <= end,
    }),
  );
}
