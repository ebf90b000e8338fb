import { randomUUID } from 'node:crypto';

import {
  CHILD_LINKED_LEAVE_TYPES,
  type ImportCellErrorDto,
  type ImportSummaryDto,
  type LeaveType,
  type LocalizedText,
} from '@ikuboard/shared/contracts';
import {
  addDays,
  daysInclusive,
  daysInMonth,
  fiscalYearEnd,
  fiscalYearStart,
} from '@ikuboard/shared/kpi';

import {
  parseCode,
  parseDate,
  parseDays,
  parseFiscalYearCell,
  parseLeaveType,
  parseMonth,
  parseNumber,
  type Parsed,
  type RawCell,
} from './cell-values';
import {
  CHILD_COLUMNS,
  LEAVE_COLUMNS,
  OVERTIME_COLUMNS,
  PAY_COLUMNS,
  type ChildColumnKey,
  type LeaveColumnKey,
  type OvertimeColumnKey,
  type PayColumnKey,
} from './import-columns';
import { CellErrors, rowReader } from './import-errors';
import type { SheetRow } from './xlsx-reader';

/** An employee as the record imports need them: to resolve the number and check service dates. */
export interface EmployeeRef {
  id: string;
  hireDate: string;
  separationDate: string | null;
}

export interface ChildRef {
  id: string;
  birthDate: string;
  birthOrder: number;
}

export interface ExistingLeave {
  id: string;
  employeeId: string;
  type: LeaveType;
  startDate: string;
  endDate: string;
  days: number;
  childId: string | null;
}

export interface RecordsContext {
  hoursPerDay: number;
  employees: ReadonlyMap<string, EmployeeRef>;
  /** Children by employee id. */
  children: ReadonlyMap<string, readonly ChildRef[]>;
}

export interface NewChild {
  id: string;
  employeeId: string;
  birthDate: string;
  birthOrder: number;
}

export interface RecordsPlan<Insert, Update = Insert> {
  errors: ImportCellErrorDto[];
  newChildren: NewChild[];
  inserts: Insert[];
  updates: Update[];
  summary: ImportSummaryDto;
}

const headersOf = <K extends string>(
  columns: readonly { key: K; ja: string }[],
) =>
  Object.fromEntries(
    columns.map((column) => [column.key, column.ja]),
  ) as Record<K, string>;
const CHILD = headersOf(CHILD_COLUMNS);
const LEAVE = headersOf(LEAVE_COLUMNS);
const OVERTIME = headersOf(OVERTIME_COLUMNS);
const PAY = headersOf(PAY_COLUMNS);

const emptySummary = (rows: number): ImportSummaryDto => ({
  rows,
  created: 0,
  updated: 0,
  unchanged: 0,
  separated: 0,
  separatedEmployeeNumbers: [],
});

const inService = (employee: EmployeeRef, date: string) =>
  employee.hireDate <= date &&
  (employee.separationDate === null || date <= employee.separationDate);

function resolveEmployee(
  errors: CellErrors,
  row: number,
  header: string,
  number: string | undefined,
  context: RecordsContext,
  cell: RawCell,
) {
  if (number === undefined) return undefined;
  const employee = context.employees.get(number);
  if (!employee) {
    errors.add(row, header, cell, 'UNKNOWN_EMPLOYEE', {
      ja: `職員番号「${number}」の職員は登録されていません。先に職員名簿を取り込んでください。`,
      en: `No employee has the number "${number}"; import the roster first.`,
    });
  }
  return employee;
}

const employeeNumber = (cell: RawCell) => parseCode(cell, 20);

/**
 * Children: one row per child (twins are two rows). A child already registered with that birth
 * date is kept; rows beyond the registered count add children.
 */
export function planChildrenImport(
  rows: readonly SheetRow<ChildColumnKey>[],
  sheet: string,
  context: RecordsContext,
): RecordsPlan<never> {
  const errors = new CellErrors(sheet);
  const wanted = new Map<
    string,
    { employeeId: string; birthDate: string; count: number }
  >();
  for (const row of rows) {
    const read = rowReader(errors, row, CHILD);
    const number = read.required('employeeNumber', employeeNumber);
    const employee = resolveEmployee(
      errors,
      row.rowNumber,
      CHILD.employeeNumber,
      number,
      context,
      row.cells.employeeNumber,
    );
    const birthDate = read.required('birthDate', parseDate);
    if (!employee || birthDate === undefined) continue;
    const key = `${employee.id}|${birthDate}`;
    const entry = wanted.get(key) ?? {
      employeeId: employee.id,
      birthDate,
      count: 0,
    };
    entry.count++;
    wanted.set(key, entry);
  }
  const plan: RecordsPlan<never> = {
    errors: errors.list,
    newChildren: [],
    inserts: [],
    updates: [],
    summary: emptySummary(rows.length),
  };
  if (errors.count > 0) return plan;
  for (const { employeeId, birthDate, count } of wanted.values()) {
    const known = (context.children.get(employeeId) ?? []).filter(
      (child) => child.birthDate === birthDate,
    );
    plan.summary.unchanged += Math.min(count, known.length);
    const maxOrder = Math.max(0, ...known.map((child) => child.birthOrder));
    for (let extra = 0; extra < count - known.length; extra++) {
      plan.newChildren.push({
        id: randomUUID(),
        employeeId,
        birthDate,
        birthOrder: maxOrder + extra + 1,
      });
      plan.summary.created++;
    }
  }
  return plan;
}

export interface LeaveRecord {
  employeeId: string;
  type: LeaveType;
  startDate: string;
  endDate: string;
  days: number;
  childId: string | null;
}

const isChildLinked = (type: LeaveType) =>
  (CHILD_LINKED_LEAVE_TYPES as readonly string[]).includes(type);

/** A leave row read and checked on its own, before the checks across rows. */
export type ParsedLeave = LeaveRecord & {
  row: number;
  childBirthDate: string | null;
};

/**
 * Reads one leave row and records each bad cell; null when the row cannot be used. The checks that
 * need other rows (overlaps) come after.
 */
export function readLeaveRow(
  row: SheetRow<LeaveColumnKey>,
  context: RecordsContext,
  errors: CellErrors,
): ParsedLeave | null {
  const read = rowReader(errors, row, LEAVE);
  const before = errors.count;
  const r = row.rowNumber;
  const employee = resolveEmployee(
    errors,
    r,
    LEAVE.employeeNumber,
    read.required('employeeNumber', employeeNumber),
    context,
    row.cells.employeeNumber,
  );
  const type = read.required('leaveType', parseLeaveType);
  const startDate = read.required('startDate', parseDate);
  const endDate = read.required('endDate', parseDate);
  const givenDays = read.optional('days', (cell) =>
    parseDays(cell, context.hoursPerDay),
  );
  const childBirthDate = read.optional('childBirthDate', parseDate);
  if (startDate !== undefined && endDate !== undefined && endDate < startDate) {
    errors.add(r, LEAVE.endDate, row.cells.endDate, 'END_BEFORE_START', {
      ja: `終了日が開始日(${startDate})より前です。`,
      en: `The end date is before the start date (${startDate}).`,
    });
  }
  if (type !== undefined && isChildLinked(type) && childBirthDate === null) {
    errors.add(
      r,
      LEAVE.childBirthDate,
      row.cells.childBirthDate,
      'CHILD_REQUIRED',
      {
        ja: 'この休暇種別では子の生年月日が必要です。',
        en: "This leave type needs the child's birth date.",
      },
    );
  }
  if (employee && startDate !== undefined && !inService(employee, startDate)) {
    errors.add(r, LEAVE.startDate, row.cells.startDate, 'NOT_IN_SERVICE', {
      ja: `開始日にこの職員は在職していません(採用日 ${employee.hireDate}${employee.separationDate ? `、退職日 ${employee.separationDate}` : ''})。`,
      en: `The employee is not in service on the start date (hired ${employee.hireDate}${employee.separationDate ? `, left ${employee.separationDate}` : ''}).`,
    });
  }
  if (
    childBirthDate &&
    startDate !== undefined &&
    type !== undefined &&
    isChildLinked(type) &&
    startDate < addDays(childBirthDate, -56)
  ) {
    errors.add(
      r,
      LEAVE.childBirthDate,
      row.cells.childBirthDate,
      'CHILD_NOT_BORN',
      {
        ja: '休暇の開始日が子の出生より大幅に前です。生年月日を確認してください。',
        en: "The leave starts long before the child's birth; check the birth date.",
      },
    );
  }
  if (
    errors.count > before ||
    !employee ||
    type === undefined ||
    startDate === undefined ||
    endDate === undefined ||
    givenDays === undefined
  )
    return null;
  const calendarDays = daysInclusive(startDate, endDate);
  if (givenDays !== null && givenDays > calendarDays) {
    errors.add(r, LEAVE.days, row.cells.days, 'DAYS_EXCEED_PERIOD', {
      ja: `日数(${givenDays})が期間の暦日数(${calendarDays}日)を超えています。`,
      en: `${givenDays} days do not fit in the ${calendarDays} calendar days of the period.`,
    });
    return null;
  }
  return {
    row: r,
    employeeId: employee.id,
    type,
    startDate,
    endDate,
    days: givenDays ?? calendarDays,
    childId: null,
    childBirthDate: isChildLinked(type) ? (childBirthDate ?? null) : null,
  };
}

/**
 * Leave episodes, matched to what is stored by (employee, type, start date). Refused: end before
 * start, days beyond the calendar days, a child-linked type without the child's birth date, an
 * employee not in service on the start date, and episodes of one type that overlap (in the file
 * or with what is stored). An unknown child is registered.
 */
export function planLeaveImport(
  rows: readonly SheetRow<LeaveColumnKey>[],
  sheet: string,
  context: RecordsContext,
  existing: readonly ExistingLeave[],
): RecordsPlan<LeaveRecord, LeaveRecord & { id: string }> {
  const errors = new CellErrors(sheet);
  const parsed: ParsedLeave[] = [];
  for (const row of rows) {
    const leave = readLeaveRow(row, context, errors);
    if (leave) parsed.push(leave);
  }

  // Overlaps of one type for one person, in the file and against what is stored (the same start
  // date is the same episode, re-imported).
  const stored = new Map<string, ExistingLeave[]>();
  for (const leave of existing)
    stored.set(`${leave.employeeId}|${leave.type}`, [
      ...(stored.get(`${leave.employeeId}|${leave.type}`) ?? []),
      leave,
    ]);
  const inFile = new Map<string, typeof parsed>();
  for (const leave of parsed) {
    const key = `${leave.employeeId}|${leave.type}`;
    const clash =
      (inFile.get(key) ?? []).find(
        (other) =>
          other.startDate <= leave.endDate && leave.startDate <= other.endDate,
      ) ??
      (stored.get(key) ?? []).find(
        (other) =>
          other.startDate !== leave.startDate &&
          other.startDate <= leave.endDate &&
          leave.startDate <= other.endDate,
      );
    if (clash) {
      errors.add(
        leave.row,
        LEAVE.startDate,
        leave.startDate,
        'OVERLAPPING_LEAVE',
        {
          ja: `同じ種別の休暇(${clash.startDate}〜${clash.endDate})と期間が重なっています。`,
          en: `Overlaps another leave of the same type (${clash.startDate} to ${clash.endDate}).`,
        },
      );
    }
    inFile.set(key, [...(inFile.get(key) ?? []), leave]);
  }

  const plan: RecordsPlan<LeaveRecord, LeaveRecord & { id: string }> = {
    errors: errors.list,
    newChildren: [],
    inserts: [],
    updates: [],
    summary: emptySummary(rows.length),
  };
  if (errors.count > 0) return plan;

  const newChildOf = new Map<string, NewChild>();
  const childIdFor = (employeeId: string, birthDate: string): string => {
    const known = (context.children.get(employeeId) ?? []).filter(
      (child) => child.birthDate === birthDate,
    );
    if (known.length > 0)
      return known.sort((a, b) => a.birthOrder - b.birthOrder)[0]!.id;
    const key = `${employeeId}|${birthDate}`;
    let child = newChildOf.get(key);
    if (!child) {
      child = { id: randomUUID(), employeeId, birthDate, birthOrder: 1 };
      newChildOf.set(key, child);
      plan.newChildren.push(child);
    }
    return child.id;
  };
  const storedByStart = new Map(
    existing.map((leave) => [
      `${leave.employeeId}|${leave.type}|${leave.startDate}`,
      leave,
    ]),
  );
  for (const { row: _row, childBirthDate, ...leave } of parsed) {
    const record: LeaveRecord = {
      ...leave,
      childId: childBirthDate
        ? childIdFor(leave.employeeId, childBirthDate)
        : null,
    };
    const before = storedByStart.get(
      `${record.employeeId}|${record.type}|${record.startDate}`,
    );
    if (!before) {
      plan.inserts.push(record);
      plan.summary.created++;
    } else if (
      before.endDate !== record.endDate ||
      before.days !== record.days ||
      before.childId !== record.childId
    ) {
      plan.updates.push({ ...record, id: before.id });
      plan.summary.updated++;
    } else plan.summary.unchanged++;
  }
  return plan;
}

/**
 * One number per (employee, period), upserted: the shape shared by monthly overtime and annual
 * pay. Each row names an employee who served in the period, and a period appears once per person.
 */
interface KeyedValueSpec<K extends string, P extends string | number> {
  headers: Record<K | 'employeeNumber', string>;
  periodColumn: K;
  parsePeriod: (cell: RawCell) => Parsed<P>;
  valueColumn: K;
  parseValue: (cell: RawCell) => Parsed<number>;
  servedIn: (employee: EmployeeRef, period: P) => boolean;
  notInService: LocalizedText;
  duplicate: (row: number) => LocalizedText;
}

function planKeyedValues<K extends string, P extends string | number>(
  rows: readonly SheetRow<K | 'employeeNumber'>[],
  sheet: string,
  context: RecordsContext,
  existing: ReadonlyMap<string, number>,
  spec: KeyedValueSpec<K, P>,
): RecordsPlan<{ employeeId: string; period: P; value: number }> {
  const errors = new CellErrors(sheet);
  const records = new Map<
    string,
    { row: number; employeeId: string; period: P; value: number }
  >();
  for (const row of rows) {
    const read = rowReader(errors, row, spec.headers);
    const r = row.rowNumber;
    const employee = resolveEmployee(
      errors,
      r,
      spec.headers.employeeNumber,
      read.required('employeeNumber', employeeNumber),
      context,
      row.cells.employeeNumber,
    );
    const period = read.required(spec.periodColumn, spec.parsePeriod);
    const value = read.required(spec.valueColumn, spec.parseValue);
    if (!employee || period === undefined || value === undefined) continue;
    const periodCell = row.cells[spec.periodColumn];
    if (!spec.servedIn(employee, period)) {
      errors.add(
        r,
        spec.headers[spec.periodColumn],
        periodCell,
        'NOT_IN_SERVICE',
        spec.notInService,
      );
      continue;
    }
    const key = `${employee.id}|${period}`;
    const duplicate = records.get(key);
    if (duplicate) {
      errors.add(
        r,
        spec.headers[spec.periodColumn],
        periodCell,
        'DUPLICATE_ROW',
        spec.duplicate(duplicate.row),
      );
      continue;
    }
    records.set(key, { row: r, employeeId: employee.id, period, value });
  }
  const plan: RecordsPlan<{ employeeId: string; period: P; value: number }> = {
    errors: errors.list,
    newChildren: [],
    inserts: [],
    updates: [],
    summary: emptySummary(rows.length),
  };
  if (errors.count > 0) return plan;
  for (const { row: _row, ...record } of records.values()) {
    const before = existing.get(`${record.employeeId}|${record.period}`);
    if (before === undefined) {
      plan.inserts.push(record);
      plan.summary.created++;
    } else if (before !== record.value) {
      plan.updates.push(record);
      plan.summary.updated++;
    } else plan.summary.unchanged++;
  }
  return plan;
}

function mapRecords<A, B>(
  plan: RecordsPlan<A>,
  map: (record: A) => B,
): RecordsPlan<B> {
  return {
    ...plan,
    inserts: plan.inserts.map(map),
    updates: plan.updates.map(map),
  };
}

export interface OvertimeRecord {
  employeeId: string;
  month: string;
  hours: number;
}

const lastDayOfMonth = (month: string) =>
  `${month}-${String(daysInMonth(Number(month.slice(0, 4)), Number(month.slice(5)))).padStart(2, '0')}`;

/** Monthly overtime, upserted by (employee, month); the employee must be in service that month. */
export function planOvertimeImport(
  rows: readonly SheetRow<OvertimeColumnKey>[],
  sheet: string,
  context: RecordsContext,
  existing: ReadonlyMap<string, number>,
): RecordsPlan<OvertimeRecord> {
  const plan = planKeyedValues(rows, sheet, context, existing, {
    headers: OVERTIME,
    periodColumn: 'month',
    parsePeriod: parseMonth,
    valueColumn: 'hours',
    parseValue: (cell) =>
      parseNumber(cell, {
        min: 0,
        max: 744,
        decimals: 2,
        code: 'INVALID_HOURS',
        unitJa: '時間',
        unitEn: 'hours',
      }),
    servedIn: (employee, month) =>
      employee.hireDate <= lastDayOfMonth(month) &&
      (employee.separationDate === null ||
        employee.separationDate >= `${month}-01`),
    notInService: {
      ja: 'この月にこの職員は在職していません。',
      en: 'The employee is not in service in this month.',
    },
    duplicate: (row) => ({
      ja: `同じ職員・年月の行が ${row} 行目にもあります。`,
      en: `Row ${row} has the same employee and month.`,
    }),
  });
  return mapRecords(plan, ({ employeeId, period, value }) => ({
    employeeId,
    month: period,
    hours: value,
  }));
}

export interface PayRecord {
  employeeId: string;
  fiscalYear: number;
  amount: number;
}

/** Annual pay, upserted by (employee, fiscal year); the employee must have served in that year. */
export function planPayImport(
  rows: readonly SheetRow<PayColumnKey>[],
  sheet: string,
  context: RecordsContext,
  existing: ReadonlyMap<string, number>,
): RecordsPlan<PayRecord> {
  const plan = planKeyedValues(rows, sheet, context, existing, {
    headers: PAY,
    periodColumn: 'fiscalYear',
    parsePeriod: parseFiscalYearCell,
    valueColumn: 'annualPay',
    parseValue: (cell) =>
      parseNumber(cell, {
        min: 0,
        max: 100_000_000,
        decimals: 0,
        code: 'INVALID_AMOUNT',
        unitJa: '円',
        unitEn: 'yen',
      }),
    servedIn: (employee, fiscalYear) =>
      employee.hireDate <= fiscalYearEnd(fiscalYear) &&
      (employee.separationDate === null ||
        employee.separationDate >= fiscalYearStart(fiscalYear)),
    notInService: {
      ja: 'この年度にこの職員は在職していません。',
      en: 'The employee was not in service in this fiscal year.',
    },
    duplicate: (row) => ({
      ja: `同じ職員・年度の行が ${row} 行目にもあります。`,
      en: `Row ${row} has the same employee and fiscal year.`,
    }),
  });
  return mapRecords(plan, ({ employeeId, period, value }) => ({
    employeeId,
    fiscalYear: period,
    amount: value,
  }));
}
