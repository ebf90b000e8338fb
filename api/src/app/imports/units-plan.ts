import type {
  ImportCellErrorDto,
  ImportSummaryDto,
} from '@ikuboard/shared/contracts';

import { parseBoolean, parseCode, parseText } from './cell-values';
import { CellErrors, rowReader } from './import-errors';
import { UNIT_COLUMNS, type UnitColumnKey } from './import-columns';
import type { SheetRow } from './xlsx-reader';

export interface ExistingUnit {
  code: string;
  name: string;
  parentCode: string | null;
  isEmployerUnit: boolean;
}

export interface UnitRecord extends ExistingUnit {
  sortOrder: number;
}

export interface UnitsPlan {
  errors: ImportCellErrorDto[];
  upserts: UnitRecord[];
  summary: ImportSummaryDto;
}

const HEADER = Object.fromEntries(
  UNIT_COLUMNS.map((column) => [column.key, column.ja]),
) as Record<UnitColumnKey, string>;

/** Validates a units sheet against the units already registered; upserts by 所属コード. */
export function planUnitsImport(
  rows: readonly SheetRow<UnitColumnKey>[],
  sheet: string,
  existing: ReadonlyMap<string, ExistingUnit>,
): UnitsPlan {
  const errors = new CellErrors(sheet);
  const records: (UnitRecord & { rowNumber: number })[] = [];
  const firstRowOf = new Map<string, number>();
  rows.forEach((row, index) => {
    const r = row.rowNumber;
    const before = errors.count;
    const read = rowReader(errors, row, HEADER);
    const code = read.required('unitCode', (cell) => parseCode(cell, 20));
    const name = read.required('unitName', (cell) => parseText(cell, 100));
    const parentCode = read.optional('parentCode', (cell) =>
      parseCode(cell, 20),
    );
    const isEmployerUnit = read.required('employerUnit', parseBoolean);
    if (code !== undefined) {
      const first = firstRowOf.get(code);
      if (first !== undefined) {
        errors.add(r, HEADER.unitCode, code, 'DUPLICATE_CODE', {
          ja: `所属コード「${code}」が ${first} 行目と重複しています。`,
          en: `Unit code "${code}" duplicates row ${first}.`,
        });
      } else firstRowOf.set(code, r);
      if (parentCode === code) {
        errors.add(r, HEADER.parentCode, parentCode, 'PARENT_IS_SELF', {
          ja: '自分自身を上位所属に指定することはできません。',
          en: 'A unit cannot be its own parent.',
        });
      }
    }
    if (errors.count === before) {
      records.push({
        rowNumber: r,
        code: code!,
        name: name!,
        parentCode: parentCode ?? null,
        isEmployerUnit: isEmployerUnit!,
        sortOrder: index + 1,
      });
    }
  });

  const parentOf = new Map<string, string | null>();
  for (const unit of existing.values())
    parentOf.set(unit.code, unit.parentCode);
  for (const record of records) parentOf.set(record.code, record.parentCode);
  for (const record of records) {
    if (record.parentCode !== null && !parentOf.has(record.parentCode)) {
      errors.add(
        record.rowNumber,
        HEADER.parentCode,
        record.parentCode,
        'UNKNOWN_PARENT',
        {
          ja: `上位所属コード「${record.parentCode}」はファイルにも登録済みの所属にもありません。`,
          en: `Parent unit "${record.parentCode}" is neither in the file nor registered.`,
        },
      );
    }
  }
  const reported = new Set<string>();
  for (const record of records) {
    const path: string[] = [];
    let current: string | null | undefined = record.code;
    while (current && !path.includes(current)) {
      path.push(current);
      current = parentOf.get(current);
    }
    if (current && path[0] === current) {
      const key = path.slice().sort().join();
      if (!reported.has(key)) {
        reported.add(key);
        errors.add(
          record.rowNumber,
          HEADER.parentCode,
          record.parentCode,
          'PARENT_CYCLE',
          {
            ja: `上位所属の指定が循環しています: ${path.join(' → ')} → ${current}`,
            en: `The parent links loop: ${path.join(' → ')} → ${current}`,
          },
        );
      }
    }
  }

  const summary: ImportSummaryDto = {
    rows: rows.length,
    created: 0,
    updated: 0,
    unchanged: 0,
    separated: 0,
    separatedEmployeeNumbers: [],
  };
  if (errors.count > 0) return { errors: errors.list, upserts: [], summary };
  for (const record of records) {
    const before = existing.get(record.code);
    if (!before) summary.created++;
    else if (
      before.name !== record.name ||
      before.parentCode !== record.parentCode ||
      before.isEmployerUnit !== record.isEmployerUnit
    ) {
      summary.updated++;
    } else summary.unchanged++;
  }
  return {
    errors: [],
    upserts: records.map(({ rowNumber: _rowNumber, ...record }) => record),
    summary,
  };
}
