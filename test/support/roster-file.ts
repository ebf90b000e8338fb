import type { RosterRow } from '@ikuboard/shared/demo-data';

import { ROSTER_HEADER, workbook } from './xlsx';

/** A roster sheet as an HR officer would fill it in: Japanese headers, codes and ISO dates. */
export function rosterWorkbook(rows: readonly RosterRow[]): Promise<Buffer> {
  return workbook(
    '職員',
    ROSTER_HEADER,
    rows.map((row) => [
      row.employeeNumber,
      row.name,
      { female: '女性', male: '男性', unspecified: '未回答' }[row.gender],
      row.unitCode,
      row.stageCode,
      row.category,
      row.hireDate,
      row.separationDate,
      row.supervisorNumber,
      row.isRehire ? 'はい' : 'いいえ',
      row.isMidcareer ? 'はい' : 'いいえ',
    ]),
  );
}
