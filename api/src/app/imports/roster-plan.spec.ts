import type { RawCell } from './cell-values';
import type { RosterColumnKey } from './import-columns';
import {
  planRosterImport,
  type ExistingAssignment,
  type ExistingEmployee,
  type RosterContext,
} from './roster-plan';
import type { SheetRow } from './xlsx-reader';

const AS_OF = '2026-04-01';

function row(
  rowNumber: number,
  cells: Partial<Record<RosterColumnKey, RawCell>>,
): SheetRow<RosterColumnKey> {
  return {
    rowNumber,
    cells: {
      employeeNumber: null,
      name: null,
      gender: null,
      unitCode: null,
      stage: null,
      employment: '任期の定めのない常勤',
      hireDate: null,
      separationDate: null,
      supervisorNumber: null,
      rehire: null,
      midcareer: null,
      ...cells,
    },
  };
}

function employee(
  number: string,
  overrides: Partial<ExistingEmployee> = {},
): ExistingEmployee {
  return {
    id: `id-${number}`,
    employeeNumber: number,
    name: `職員 ${number}`,
    gender: 'female',
    hireDate: '2010-04-01',
    separationDate: null,
    isRehire: false,
    isMidcareer: false,
    supervisorId: null,
    ...overrides,
  };
}

function context(
  employees: ExistingEmployee[],
  assignments: Record<string, ExistingAssignment> = {},
  partial = false,
): RosterContext {
  return {
    asOf: AS_OF,
    partial,
    unitIds: new Map([
      ['U1', 'unit-1'],
      ['U2', 'unit-2'],
    ]),
    stageIds: new Map([
      ['課長級', 'stage-kacho'],
      ['kacho', 'stage-kacho'],
      ['一般', 'stage-ippan'],
      ['ippan', 'stage-ippan'],
    ]),
    categoryIds: new Map([['permanent', 'cat-permanent']]),
    employees: new Map(employees.map((e) => [e.employeeNumber, e])),
    assignmentsAtAsOf: new Map(
      Object.entries(assignments).map(([id, current]) => [
        id,
        { current, nextFrom: null },
      ]),
    ),
  };
}

const sameCells = (e: ExistingEmployee, unit: string, stage: string) =>
  row(2, {
    employeeNumber: e.employeeNumber,
    name: e.name,
    gender: '女性',
    unitCode: unit,
    stage,
    hireDate: e.hireDate,
  });

describe('planning a roster import as of a date', () => {
  it('an unchanged employee is counted as unchanged and nothing is written', () => {
    const existing = employee('E1');
    const plan = planRosterImport(
      [sameCells(existing, 'U1', '一般')],
      '職員',
      context([existing], {
        'id-E1': {
          id: 'a1',
          validFrom: '2010-04-01',
          validTo: null,
          orgUnitId: 'unit-1',
          positionStageId: 'stage-ippan',
          employmentCategoryId: 'cat-permanent',
        },
      }),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.summary).toMatchObject({
      unchanged: 1,
      updated: 0,
      created: 0,
    });
    expect([
      ...plan.inserts,
      ...plan.updates,
      ...plan.assignmentInserts,
      ...plan.assignmentCloses,
    ]).toEqual([]);
  });

  it('a promotion closes the current assignment on the as-of date and starts a new one there', () => {
    const existing = employee('E1');
    const plan = planRosterImport(
      [sameCells(existing, 'U2', '課長級')],
      '職員',
      context([existing], {
        'id-E1': {
          id: 'a1',
          validFrom: '2010-04-01',
          validTo: null,
          orgUnitId: 'unit-1',
          positionStageId: 'stage-ippan',
          employmentCategoryId: 'cat-permanent',
        },
      }),
    );
    expect(plan.assignmentCloses).toEqual([{ id: 'a1', validTo: AS_OF }]);
    expect(plan.assignmentInserts).toEqual([
      {
        employeeId: 'id-E1',
        validFrom: AS_OF,
        validTo: null,
        orgUnitId: 'unit-2',
        positionStageId: 'stage-kacho',
        employmentCategoryId: 'cat-permanent',
      },
    ]);
    expect(plan.summary.updated).toBe(1);
  });

  it('an assignment that already starts on the as-of date is corrected in place', () => {
    const existing = employee('E1');
    const plan = planRosterImport(
      [sameCells(existing, 'U2', '一般')],
      '職員',
      context([existing], {
        'id-E1': {
          id: 'a1',
          validFrom: AS_OF,
          validTo: null,
          orgUnitId: 'unit-1',
          positionStageId: 'stage-ippan',
          employmentCategoryId: 'cat-permanent',
        },
      }),
    );
    expect(plan.assignmentUpdates).toEqual([
      {
        id: 'a1',
        orgUnitId: 'unit-2',
        positionStageId: 'stage-ippan',
        employmentCategoryId: 'cat-permanent',
      },
    ]);
    expect(plan.assignmentInserts).toEqual([]);
  });

  it('a full roster separates on the day before those in service and absent; a partial one does not', () => {
    const present = employee('E1');
    const absent = employee('E2');
    const alreadyGone = employee('E3', { separationDate: '2020-03-31' });
    const startsToday = employee('E4', { hireDate: AS_OF });
    const all = [present, absent, alreadyGone, startsToday];
    const full = planRosterImport(
      [sameCells(present, 'U1', '一般')],
      '職員',
      context(all),
    );
    expect(full.separations).toEqual([
      { id: 'id-E2', separationDate: '2026-03-31' },
    ]);
    expect(full.summary.separatedEmployeeNumbers).toEqual(['E2']);
    const partial = planRosterImport(
      [sameCells(present, 'U1', '一般')],
      '職員',
      context(all, {}, true),
    );
    expect(partial.separations).toEqual([]);
  });

  it('a new employee starts at the hire date, and a supervisor may be someone new in the same file', () => {
    const plan = planRosterImport(
      [
        row(2, {
          employeeNumber: 'N1',
          name: '新 一',
          gender: '男性',
          unitCode: 'U1',
          stage: 'kacho',
          hireDate: '2026-04-01',
        }),
        row(3, {
          employeeNumber: 'N2',
          name: '新 二',
          gender: '女性',
          unitCode: 'U1',
          stage: 'ippan',
          hireDate: '2026-04-01',
          supervisorNumber: 'N1',
        }),
      ],
      '職員',
      context([]),
    );
    expect(plan.errors).toEqual([]);
    expect(plan.inserts.map((e) => e.employeeNumber)).toEqual(['N1', 'N2']);
    const n1 = plan.inserts[0]!.id;
    expect(plan.supervisorChanges).toEqual([
      { id: plan.inserts[1]!.id, supervisorId: n1 },
    ]);
    expect(plan.assignmentInserts.map((a) => a.validFrom)).toEqual([
      '2026-04-01',
      '2026-04-01',
    ]);
  });

  it('a file that creates a loop through an existing supervisor line is refused', () => {
    const boss = employee('B1', { supervisorId: 'id-W1' });
    const worker = employee('W1');
    const plan = planRosterImport(
      [
        row(2, {
          employeeNumber: 'W1',
          name: worker.name,
          gender: '女性',
          unitCode: 'U1',
          stage: '一般',
          hireDate: worker.hireDate,
          supervisorNumber: 'B1',
        }),
      ],
      '職員',
      context([boss, worker], {}, true),
    );
    expect(plan.errors.map((e) => e.code)).toEqual(['SUPERVISOR_CYCLE']);
  });
});
