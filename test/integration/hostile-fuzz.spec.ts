/**
 * Property-based fuzzing (fast-check) of the import validators: every cell parser and the roster
 * and units planners, fed arbitrary and hostile cell values. Properties: nothing throws, a refusal
 * always carries a code and a message in Japanese and English, what is accepted is well-formed, a
 * formula is never accepted, and a file with no errors accounts for every row. The number of
 * inputs tried is printed (and is the "bad inputs tried" figure of docs/security.md).
 */
import { isValidIsoDate } from '@ikuboard/shared/kpi';
import fc from 'fast-check';

import {
  parseBoolean,
  parseCode,
  parseDate,
  parseDays,
  parseEmployment,
  parseFiscalYearCell,
  parseGender,
  parseLeaveType,
  parseMonth,
  parseNumber,
  parseText,
  type Parsed,
  type RawCell,
} from '../../api/src/app/imports/cell-values';
import type {
  RosterColumnKey,
  UnitColumnKey,
} from '../../api/src/app/imports/import-columns';
import {
  planRosterImport,
  type RosterContext,
} from '../../api/src/app/imports/roster-plan';
import { planUnitsImport } from '../../api/src/app/imports/units-plan';
import type { SheetRow } from '../../api/src/app/imports/xlsx-reader';

const HOSTILE_TEXT = [
  '=1+1',
  '=HYPERLINK("http://evil.example","x")',
  '+cmd|" /C calc"!A0',
  '-2+3',
  '@SUM(A1:A2)',
  '\t=1',
  '\r=1',
  '2025-02-30',
  '2025-13-01',
  '0000-00-00',
  '令和7年4月1日',
  'R7.4.1',
  '平成31年5月1日',
  '昭和64年1月8日',
  '女',
  'Ｍ',
  '男性 ',
  '０１２３',
  '\u0000',
  '\u202eevil',
  '𠮷野家',
  '🙂',
  "'; DROP TABLE employee; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'a'.repeat(5000),
  '1e308',
  '-0',
  'NaN',
  'Infinity',
  '  ',
  '\u3000',
  'はい',
  'いいえ',
  'TRUE',
  '2958466',
];

const hostileText = fc.oneof(
  fc.constantFrom(...HOSTILE_TEXT),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
);

const rawCell: fc.Arbitrary<RawCell> = fc.oneof(
  fc.constant(null),
  hostileText,
  fc.double(),
  fc.integer({ min: -3_000_000, max: 3_000_000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.record({ formula: fc.string({ maxLength: 30 }) }),
);

const formulaCell: fc.Arbitrary<RawCell> = fc.record({
  formula: fc.string({ maxLength: 30 }),
});

let tried = 0;
const RUNS = 3_000;

function wellFormedRefusal(result: Parsed<unknown>): boolean {
  if (result.ok) return true;
  return (
    typeof result.code === 'string' &&
    result.code.length > 0 &&
    result.message.ja.trim().length > 0 &&
    result.message.en.trim().length > 0
  );
}

const NUMBER_OPTIONS = {
  min: 0,
  max: 744,
  decimals: 2,
  code: 'HOURS',
  unitJa: '時間',
  unitEn: 'hours',
};

const PARSERS: [string, (cell: RawCell) => Parsed<unknown>][] = [
  ['parseText', (cell) => parseText(cell, 50)],
  ['parseCode', (cell) => parseCode(cell)],
  ['parseDate', parseDate],
  ['parseBoolean', parseBoolean],
  ['parseGender', parseGender],
  ['parseEmployment', parseEmployment],
  ['parseLeaveType', parseLeaveType],
  ['parseDays', (cell) => parseDays(cell, 7.75)],
  ['parseMonth', parseMonth],
  ['parseNumber', (cell) => parseNumber(cell, NUMBER_OPTIONS)],
  ['parseFiscalYearCell', parseFiscalYearCell],
];

function rosterRow(
  rowNumber: number,
  values: RawCell[],
): SheetRow<RosterColumnKey> {
  const keys: RosterColumnKey[] = [
    'employeeNumber',
    'name',
    'gender',
    'unitCode',
    'stage',
    'employment',
    'hireDate',
    'separationDate',
    'supervisorNumber',
    'rehire',
    'midcareer',
  ];
  const cells = {} as Record<RosterColumnKey, RawCell>;
  keys.forEach((key, index) => (cells[key] = values[index] ?? null));
  return { rowNumber, cells };
}

/** Plausible cells mixed with hostile ones, so that some rows pass and reach the planner's checks. */
const rosterCells = fc.tuple(
  fc.oneof(fc.constantFrom('E1', 'E2', 'E3', 'Ｅ１'), rawCell),
  fc.oneof(fc.constantFrom('山田 太郎', '佐藤 花子'), rawCell),
  fc.oneof(fc.constantFrom('女性', '男性', 'F', '未回答'), rawCell),
  fc.oneof(fc.constantFrom('U1', 'U2', 'U9'), rawCell),
  fc.oneof(fc.constantFrom('課長級', '一般'), rawCell),
  fc.oneof(fc.constantFrom('任期の定めのない常勤', '会計年度任用'), rawCell),
  fc.oneof(fc.constantFrom('2010-04-01', '2026-04-01', '2030-01-01'), rawCell),
  fc.oneof(fc.constant(null), fc.constantFrom('2027-03-31'), rawCell),
  fc.oneof(fc.constant(null), fc.constantFrom('E1', 'E2'), rawCell),
  fc.oneof(fc.constant(null), rawCell),
  fc.oneof(fc.constant(null), rawCell),
);

const CONTEXT: RosterContext = {
  asOf: '2026-04-01',
  partial: false,
  unitIds: new Map([
    ['U1', 'unit-1'],
    ['U2', 'unit-2'],
  ]),
  stageIds: new Map([
    ['課長級', 'stage-kacho'],
    ['一般', 'stage-ippan'],
  ]),
  categoryIds: new Map([
    ['permanent', 'cat-permanent'],
    ['annual_part', 'cat-annual-part'],
  ]),
  employees: new Map(),
  assignmentsAtAsOf: new Map(),
};

describe('fuzzing the import validators with fast-check', () => {
  afterAll(() => {
    console.log(`hostile-fuzz: ${tried} generated inputs tried`);
  });

  it.each(PARSERS)(
    '%s never throws and refuses with a bilingual reason',
    (name, parse) => {
      fc.assert(
        fc.property(rawCell, (cell) => {
          tried++;
          const result = parse(cell);
          expect(wellFormedRefusal(result)).toBe(true);
          if (result.ok && name === 'parseDate') {
            const iso = result.value as string;
            expect(isValidIsoDate(iso)).toBe(true);
            expect(iso >= '1900-01-01' && iso <= '2100-12-31').toBe(true);
          }
          if (result.ok && name === 'parseText')
            expect((result.value as string).length).toBeLessThanOrEqual(50);
          if (result.ok && name === 'parseCode')
            expect(result.value).toMatch(/^[0-9A-Za-z_.\-/]{1,20}$/);
          if (result.ok && name === 'parseNumber')
            expect(
              (result.value as number) >= 0 && (result.value as number) <= 744,
            ).toBe(true);
        }),
        { numRuns: RUNS },
      );
    },
  );

  it.each(PARSERS)('%s never accepts a formula', (_name, parse) => {
    fc.assert(
      fc.property(formulaCell, (cell) => {
        tried++;
        const result = parse(cell);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('the roster planner never throws; errors name real rows in two languages; a clean file accounts for every row', () => {
    fc.assert(
      fc.property(
        fc.array(rosterCells, { minLength: 1, maxLength: 12 }),
        (rows) => {
          tried += rows.length;
          const sheetRows = rows.map((values, index) =>
            rosterRow(index + 2, values),
          );
          const plan = planRosterImport(sheetRows, '職員名簿', CONTEXT);
          const rowNumbers = new Set(sheetRows.map((row) => row.rowNumber));
          for (const error of plan.errors) {
            expect(rowNumbers.has(error.row)).toBe(true);
            expect(
              error.message.ja.length * error.message.en.length,
            ).toBeGreaterThan(0);
          }
          for (const record of [...plan.inserts, ...plan.updates]) {
            expect(isValidIsoDate(record.hireDate)).toBe(true);
            expect(['female', 'male', 'unspecified']).toContain(record.gender);
            // eslint-disable-next-line no-control-regex
            expect(record.name).not.toMatch(/[\u0000-\u001f\u007f]/);
          }
          if (plan.errors.length === 0)
            expect(plan.inserts.length + plan.updates.length).toBe(rows.length);
        },
      ),
      { numRuns: 1_500 },
    );
  });

  it('the units planner never throws and refuses with bilingual reasons', () => {
    const unitCell = fc.oneof(
      fc.constantFrom('A1', 'A2', 'B', '所属', 'はい', null),
      rawCell,
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(unitCell, unitCell, unitCell, unitCell), {
          minLength: 1,
          maxLength: 12,
        }),
        (rows) => {
          tried += rows.length;
          const sheetRows: SheetRow<UnitColumnKey>[] = rows.map(
            ([code, name, parent, employer], index) => ({
              rowNumber: index + 2,
              cells: {
                unitCode: code,
                unitName: name,
                parentCode: parent,
                employerUnit: employer,
              },
            }),
          );
          const plan = planUnitsImport(sheetRows, '所属', new Map());
          for (const error of plan.errors)
            expect(
              error.message.ja.length * error.message.en.length,
            ).toBeGreaterThan(0);
        },
      ),
      { numRuns: 1_500 },
    );
  });
});
