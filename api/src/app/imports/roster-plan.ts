import { randomUUID } from 'node:crypto';

import type {
  EmploymentCategory,
  Gender,
  ImportCellErrorDto,
  ImportSummaryDto,
} from '@ikuboard/shared/contracts';
import { addDays } from '@ikuboard/shared/kpi';

import {
  normalizeText,
  parseBoolean,
  parseCode,
  parseDate,
  parseEmployment,
  parseGender,
  parseText,
} from './cell-values';
import { CellErrors, rowReader } from './import-errors';
import { ROSTER_COLUMNS, type RosterColumnKey } from './import-columns';
import type { SheetRow } from './xlsx-reader';

export interface ExistingEmployee {
  id: string;
  employeeNumber: string;
  name: string;
  gender: Gender;
  hireDate: string;
  separationDate: string | null;
  isRehire: boolean;
  isMidcareer: boolean;
  supervisorId: string | null;
}

export interface ExistingAssignment {
  id: string;
  validFrom: string;
  validTo: string | null;
  orgUnitId: string;
  positionStageId: string;
  employmentCategoryId: string;
}

/** What the database holds that a roster import as of `asOf` needs to know. */
export interface RosterContext {
  asOf: string;
  partial: boolean;
  unitIds: ReadonlyMap<string, string>;
  /** Stage ids by code and by name, both normalized with normalizeText. */
  stageIds: ReadonlyMap<string, string>;
  categoryIds: ReadonlyMap<EmploymentCategory, string>;
  employees: ReadonlyMap<string, ExistingEmployee>;
  /** Per employee id: the assignment in force on asOf, and the start of the next one after it. */
  assignmentsAtAsOf: ReadonlyMap<
    string,
    { current: ExistingAssignment | null; nextFrom: string | null }
  >;
}

export interface EmployeeRecord {
  id: string;
  employeeNumber: string;
  name: string;
  gender: Gender;
  hireDate: string;
  separationDate: string | null;
  isRehire: boolean;
  isMidcareer: boolean;
}

export interface AssignmentValues {
  orgUnitId: string;
  positionStageId: string;
  employmentCategoryId: string;
}

export interface RosterPlan {
  errors: ImportCellErrorDto[];
  inserts: EmployeeRecord[];
  updates: EmployeeRecord[];
  supervisorChanges: { id: string; supervisorId: string | null }[];
  separations: { id: string; separationDate: string }[];
  assignmentUpdates: ({ id: string } & AssignmentValues)[];
  assignmentCloses: { id: string; validTo: string }[];
  assignmentInserts: ({
    employeeId: string;
    validFrom: string;
    validTo: string | null;
  } & AssignmentValues)[];
  /**
   * Every employee the plan writes anything for (new, changed, separated, supervisor or
   * assignments changed): the people whose derived KPI facts the import must refresh.
   */
  changedEmployeeIds: string[];
  summary: ImportSummaryDto;
}

interface ValidRow {
  rowNumber: number;
  employee: EmployeeRecord;
  assignment: AssignmentValues;
  supervisorNumber: string | null;
  isNew: boolean;
}

const HEADER = Object.fromEntries(
  ROSTER_COLUMNS.map((column) => [column.key, column.ja]),
) as Record<RosterColumnKey, string>;

function sameEmployee(a: ExistingEmployee, b: EmployeeRecord): boolean {
  return (
    a.name === b.name &&
    a.gender === b.gender &&
    a.hireDate === b.hireDate &&
    a.separationDate === b.separationDate &&
    a.isRehire === b.isRehire &&
    a.isMidcareer === b.isMidcareer
  );
}

function sameAssignment(a: ExistingAssignment, b: AssignmentValues): boolean {
  return (
    a.orgUnitId === b.orgUnitId &&
    a.positionStageId === b.positionStageId &&
    a.employmentCategoryId === b.employmentCategoryId
  );
}

function validateRow(
  row: SheetRow<RosterColumnKey>,
  context: RosterContext,
  errors: CellErrors,
): ValidRow | null {
  const { cells, rowNumber: r } = row;
  const before = errors.count;
  const read = rowReader(errors, row, HEADER);
  const employeeNumber = read.required('employeeNumber', (cell) =>
    parseCode(cell, 20),
  );
  const name = read.required('name', (cell) => parseText(cell, 100));
  const gender = read.required('gender', parseGender);
  const unitCode = read.required('unitCode', (cell) => parseCode(cell, 20));
  const orgUnitId =
    unitCode === undefined ? undefined : context.unitIds.get(unitCode);
  if (unitCode !== undefined && orgUnitId === undefined) {
    errors.add(r, HEADER.unitCode, cells.unitCode, 'UNKNOWN_UNIT', {
      ja: `所属コード「${unitCode}」は登録されていません。先に所属を取り込んでください。`,
      en: `Unit code "${unitCode}" is not registered; import the units first.`,
    });
  }
  const stageText = read.required('stage', (cell) => parseText(cell, 40));
  const positionStageId =
    stageText === undefined
      ? undefined
      : context.stageIds.get(normalizeText(stageText));
  if (stageText !== undefined && positionStageId === undefined) {
    errors.add(r, HEADER.stage, cells.stage, 'UNKNOWN_STAGE', {
      ja: `役職段階「${stageText}」は登録されていません。`,
      en: `Position stage "${stageText}" is not registered.`,
    });
  }
  const category = read.required('employment', parseEmployment);
  const hireDate = read.required('hireDate', parseDate);
  const separationDate = read.optional('separationDate', parseDate);
  const supervisorNumber = read.optional('supervisorNumber', (cell) =>
    parseCode(cell, 20),
  );
  const isRehire = read.required('rehire', parseBoolean);
  const isMidcareer = read.required('midcareer', parseBoolean);

  if (hireDate !== undefined && separationDate && separationDate < hireDate) {
    errors.add(
      r,
      HEADER.separationDate,
      cells.separationDate,
      'SEPARATION_BEFORE_HIRE',
      {
        ja: `退職日が採用日(${hireDate})より前です。`,
        en: `The separation date is before the hire date (${hireDate}).`,
      },
    );
  }
  if (hireDate !== undefined && hireDate > context.asOf) {
    errors.add(r, HEADER.hireDate, cells.hireDate, 'HIRE_AFTER_AS_OF', {
      ja: `採用日が基準日(${context.asOf})より後です。基準日時点の名簿に含めることはできません。`,
      en: `The hire date is after the as-of date (${context.asOf}); the person cannot be on that roster.`,
    });
  }
  if (
    supervisorNumber !== undefined &&
    supervisorNumber !== null &&
    supervisorNumber === employeeNumber
  ) {
    errors.add(
      r,
      HEADER.supervisorNumber,
      cells.supervisorNumber,
      'SELF_SUPERVISOR',
      {
        ja: '本人を上司に指定することはできません。',
        en: 'An employee cannot be their own supervisor.',
      },
    );
  }
  if (errors.count > before) return null;
  const existing = context.employees.get(employeeNumber!);
  const categoryId = context.categoryIds.get(category!);
  if (categoryId === undefined) {
    errors.add(r, HEADER.employment, cells.employment, 'UNKNOWN_EMPLOYMENT', {
      ja: 'この職員区分は組織に登録されていません。',
      en: 'This employment category is not set up for the organization.',
    });
    return null;
  }
  return {
    rowNumber: r,
    isNew: existing === undefined,
    supervisorNumber: supervisorNumber ?? null,
    employee: {
      id: existing?.id ?? randomUUID(),
      employeeNumber: employeeNumber!,
      name: name!,
      gender: gender!,
      hireDate: hireDate!,
      separationDate: separationDate ?? null,
      isRehire: isRehire!,
      isMidcareer: isMidcareer!,
    },
    assignment: {
      orgUnitId: orgUnitId!,
      positionStageId: positionStageId!,
      employmentCategoryId: categoryId,
    },
  };
}

/** Follows supervisor links from `start`; returns the cycle's employee numbers if it loops. */
function findCycle(
  start: string,
  supervisorOf: ReadonlyMap<string, string | null>,
  numberOf: ReadonlyMap<string, string>,
): string[] | null {
  const seen = new Map<string, number>();
  const path: string[] = [];
  let current: string | null | undefined = start;
  while (current) {
    if (seen.has(current))
      return path.slice(seen.get(current)).map((id) => numberOf.get(id) ?? id);
    seen.set(current, path.length);
    path.push(current);
    current = supervisorOf.get(current);
  }
  return null;
}

/**
 * Decides everything a roster import as of `asOf` would change, without touching the database, and
 * reports every bad cell. The writer applies the plan in one transaction only when there is none.
 */
export function planRosterImport(
  rows: readonly SheetRow<RosterColumnKey>[],
  sheet: string,
  context: RosterContext,
): RosterPlan {
  const errors = new CellErrors(sheet);
  const valid: ValidRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (const row of rows) {
    const parsed = validateRow(row, context, errors);
    const number =
      parsed?.employee.employeeNumber ??
      (typeof row.cells.employeeNumber === 'string'
        ? normalizeText(row.cells.employeeNumber)
        : null);
    if (number) {
      const first = firstRowOf.get(number);
      if (first !== undefined) {
        errors.add(
          row.rowNumber,
          HEADER.employeeNumber,
          number,
          'DUPLICATE_NUMBER',
          {
            ja: `職員番号「${number}」が ${first} 行目と重複しています。`,
            en: `Employee number "${number}" duplicates row ${first}.`,
          },
        );
        continue;
      }
      firstRowOf.set(number, row.rowNumber);
    }
    if (parsed) valid.push(parsed);
  }

  // Supervisors: the file's links override the database's for the employees it lists.
  const idOfNumber = new Map<string, string>();
  const numberOf = new Map<string, string>();
  const supervisorOf = new Map<string, string | null>();
  for (const existing of context.employees.values()) {
    idOfNumber.set(existing.employeeNumber, existing.id);
    numberOf.set(existing.id, existing.employeeNumber);
    supervisorOf.set(existing.id, existing.supervisorId);
  }
  for (const row of valid) {
    idOfNumber.set(row.employee.employeeNumber, row.employee.id);
    numberOf.set(row.employee.id, row.employee.employeeNumber);
  }
  const supervisorIdOfRow = new Map<ValidRow, string | null>();
  for (const row of valid) {
    const supervisorId =
      row.supervisorNumber === null
        ? null
        : (idOfNumber.get(row.supervisorNumber) ?? undefined);
    if (supervisorId === undefined) {
      errors.add(
        row.rowNumber,
        HEADER.supervisorNumber,
        row.supervisorNumber,
        'UNKNOWN_SUPERVISOR',
        {
          ja: `上司職員番号「${row.supervisorNumber}」の職員が見つかりません。`,
          en: `No employee has the supervisor number "${row.supervisorNumber}".`,
        },
      );
      continue;
    }
    supervisorIdOfRow.set(row, supervisorId);
    supervisorOf.set(row.employee.id, supervisorId);
  }
  const reported = new Set<string>();
  for (const row of valid) {
    const cycle = findCycle(row.employee.id, supervisorOf, numberOf);
    if (cycle && !reported.has(cycle.slice().sort().join())) {
      reported.add(cycle.slice().sort().join());
      errors.add(
        row.rowNumber,
        HEADER.supervisorNumber,
        row.supervisorNumber,
        'SUPERVISOR_CYCLE',
        {
          ja: `上司の指定が循環しています: ${cycle.join(' → ')} → ${cycle[0]}`,
          en: `The supervisor line loops: ${cycle.join(' → ')} → ${cycle[0]}`,
        },
      );
    }
  }

  const plan: RosterPlan = {
    errors: errors.list,
    inserts: [],
    updates: [],
    supervisorChanges: [],
    separations: [],
    assignmentUpdates: [],
    assignmentCloses: [],
    assignmentInserts: [],
    changedEmployeeIds: [],
    summary: {
      rows: rows.length,
      created: 0,
      updated: 0,
      unchanged: 0,
      separated: 0,
      separatedEmployeeNumbers: [],
    },
  };
  if (errors.count > 0) return plan;

  const { asOf } = context;
  for (const row of valid) {
    const existing = context.employees.get(row.employee.employeeNumber);
    const supervisorId = supervisorIdOfRow.get(row) ?? null;
    let changed = false;
    if (!existing) {
      plan.inserts.push(row.employee);
      plan.assignmentInserts.push({
        employeeId: row.employee.id,
        validFrom: row.employee.hireDate,
        validTo: null,
        ...row.assignment,
      });
      if (supervisorId)
        plan.supervisorChanges.push({ id: row.employee.id, supervisorId });
      plan.changedEmployeeIds.push(row.employee.id);
      plan.summary.created++;
      continue;
    }
    if (!sameEmployee(existing, row.employee)) {
      plan.updates.push(row.employee);
      changed = true;
    }
    if (existing.supervisorId !== supervisorId) {
      plan.supervisorChanges.push({ id: existing.id, supervisorId });
      changed = true;
    }
    const inService =
      row.employee.separationDate === null ||
      row.employee.separationDate >= asOf;
    if (inService) {
      const { current, nextFrom } = context.assignmentsAtAsOf.get(
        existing.id,
      ) ?? { current: null, nextFrom: null };
      if (current && current.validFrom === asOf) {
        if (!sameAssignment(current, row.assignment)) {
          plan.assignmentUpdates.push({ id: current.id, ...row.assignment });
          changed = true;
        }
      } else if (!current || !sameAssignment(current, row.assignment)) {
        if (current)
          plan.assignmentCloses.push({ id: current.id, validTo: asOf });
        plan.assignmentInserts.push({
          employeeId: existing.id,
          validFrom: asOf,
          validTo: current ? current.validTo : nextFrom,
          ...row.assignment,
        });
        changed = true;
      }
    }
    if (changed) {
      plan.changedEmployeeIds.push(existing.id);
      plan.summary.updated++;
    } else plan.summary.unchanged++;
  }

  if (!context.partial) {
    const listed = new Set(valid.map((row) => row.employee.employeeNumber));
    const lastDay = addDays(asOf, -1);
    for (const existing of context.employees.values()) {
      const inServiceOnAsOf =
        existing.hireDate < asOf &&
        (existing.separationDate === null || existing.separationDate >= asOf);
      if (inServiceOnAsOf && !listed.has(existing.employeeNumber)) {
        plan.separations.push({ id: existing.id, separationDate: lastDay });
        plan.changedEmployeeIds.push(existing.id);
        plan.summary.separatedEmployeeNumbers.push(existing.employeeNumber);
      }
    }
    plan.summary.separated = plan.separations.length;
    plan.summary.separatedEmployeeNumbers.sort();
  }
  return plan;
}
