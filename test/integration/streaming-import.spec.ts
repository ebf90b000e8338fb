/**
 * The streaming leave import (large files). The test server streams sheets from 300 kB of XML in
 * chunks of 700 rows (global-setup.cjs), so these 5,000-row files take that path across 8 chunks.
 */
import type { ImportJobDto } from '@ikuboard/shared/contracts';

import { largestSheetBytes } from '../../api/src/common/xlsx-guard';
import type { ApiClient } from '../support/api-client';
import { closeTestDatabase, testDatabase } from '../support/database';
import { importSucceeded } from '../support/imports';
import { createTenant, type Tenant } from '../support/tenant';
import {
  LEAVE_HEADER,
  ROSTER_HEADER,
  UNIT_HEADER,
  workbook,
  type CellInput,
} from '../support/xlsx';

const STREAM_FROM_BYTES = 300_000; // IKUBOARD_IMPORT_STREAM_MIN_BYTES in global-setup.cjs
const STAFF = 40;
const PER_PERSON = 125; // 40 × 125 = 5,000 rows

const number = (k: number) => `E${String(k + 1).padStart(2, '0')}`;
const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000)
    .toISOString()
    .slice(0, 10);

/**
 * Employee k takes annual leave every week from January 2023 (weekday k mod 5), a half day every
 * fourth time; the first rows of E01 and E02 are childcare leave for a child born 2020-05-01.
 */
function goodRows(): CellInput[][] {
  const rows: CellInput[][] = [];
  for (let k = 0; k < STAFF; k++)
    for (let j = 0; j < PER_PERSON; j++) {
      if (k < 2 && j === 0) {
        rows.push([
          number(k),
          '育児休業',
          '2020-06-01',
          '2020-06-30',
          null,
          '2020-05-01',
        ]);
        continue;
      }
      const day = addDays('2023-01-02', 7 * j + (k % 5));
      rows.push([
        number(k),
        '年次休暇',
        day,
        day,
        j % 4 === 0 ? 0.5 : null,
        null,
      ]);
    }
  return rows;
}

async function count(sql: string, organizationId: string): Promise<number> {
  return Number(
    (await testDatabase().query(sql, [organizationId])).rows[0]!['n'],
  );
}

/** E01's annual leave days of 2023 in file rows (a blank days cell is the one calendar day). */
const e01AnnualDays2023 = (rows: CellInput[][]) =>
  rows
    .filter(
      (r) =>
        r[0] === 'E01' &&
        r[1] === '年次休暇' &&
        String(r[2]).startsWith('2023'),
    )
    .reduce((sum, r) => sum + (r[4] === null ? 1 : Number(r[4])), 0);

describe('streaming leave import (large files)', () => {
  let tenant: Tenant;
  let hr: ApiClient;
  const leaveCount = () =>
    count(
      `SELECT count(*)::int AS n FROM leave_episode WHERE organization_id = $1`,
      tenant.organizationId,
    );
  const childCount = () =>
    count(
      `SELECT count(*)::int AS n FROM child WHERE organization_id = $1`,
      tenant.organizationId,
    );
  /** E01's annual-leave fact of 2023 as the derived KPI tables hold it. */
  const e01AnnualFact2023 = async () =>
    (
      await testDatabase().query(
        `SELECT f.s1::float AS days FROM kpi_fact f JOIN employee e ON e.id = f.employee_id
          WHERE f.organization_id = $1 AND f.family = 'al' AND f.fy = 2023 AND e.employee_number = 'E01'`,
        [tenant.organizationId],
      )
    ).rows;

  beforeAll(async () => {
    tenant = await createTenant('stream');
    hr = await tenant.login('hr');
    const units = await workbook('所属', UNIT_HEADER, [
      ['100', '市長部局', null, 'はい'],
    ]);
    expect(
      ((await hr.import('units', units)).body as ImportJobDto).status,
    ).toBe('succeeded');
    const roster: CellInput[][] = Array.from({ length: STAFF }, (_v, k) => [
      number(k),
      `職員 ${k + 1}`,
      k % 2 === 0 ? '男性' : '女性',
      '100',
      '一般',
      '任期の定めのない常勤',
      '2015-04-01',
      null,
      null,
      null,
      null,
    ]);
    const job = (
      await hr.import('roster', await workbook('職員', ROSTER_HEADER, roster), {
        asOf: '2024-04-01',
      })
    ).body as ImportJobDto;
    expect(job.status).toBe('succeeded');
    // Stored before the large files (a small file, the ordinary path): E03's first week changes
    // (1 day → the file's half day), E04's second week is the same, E05's sick leave is another
    // type, E06's leave in 2030 is where the bad file overlaps.
    const stored = (
      await hr.import(
        'leave',
        await workbook('休暇', LEAVE_HEADER, [
          ['E03', '年次休暇', '2023-01-04', '2023-01-04', 1, null],
          ['E04', '年次休暇', '2023-01-12', '2023-01-12', null, null],
          ['E05', '病気休暇', '2023-01-01', '2023-12-31', null, null],
          ['E06', '年次休暇', '2030-01-01', '2030-01-10', null, null],
        ]),
      )
    ).body as ImportJobDto;
    expect(stored).toMatchObject({
      status: 'succeeded',
      summary: { created: 4 },
    });
  });
  afterAll(closeTestDatabase);

  it('takes the streaming path for these files', async () => {
    const file = await workbook('休暇', LEAVE_HEADER, goodRows());
    expect(largestSheetBytes(file)).toBeGreaterThanOrEqual(STREAM_FROM_BYTES);
  });

  it('refuses a file with bad cells in several chunks entirely, listing every error', async () => {
    const rows = goodRows();
    const row = (index: number) => rows[index]!; // sheet row = index + 2
    row(7)[0] = 'ZZZ'; // row 9
    row(1_999)[2] = 'あいう'; // row 2001
    row(3_000).splice(0, 4, 'E06', '年次休暇', '2030-01-05', '2030-01-06'); // row 3002
    row(3_500).splice(2, 2, '2014-01-06', '2014-01-06'); // row 3502: before the hire date
    const previous = row(100); // row 102: E01's 101st week
    row(4_500).splice(0, 4, 'E01', '年次休暇', previous[2]!, previous[3]!); // row 4502
    row(4_989)[3] = addDays(String(row(4_989)[2]), -1); // row 4991
    const before = [await leaveCount(), await childCount()];

    const job = (
      await hr.import('leave', await workbook('休暇', LEAVE_HEADER, rows))
    ).body as ImportJobDto;

    expect(job.status).toBe('failed');
    expect(job.summary).toBeNull();
    expect(job.errorCount).toBe(6);
    expect(
      job.errors.map((e) => [e.sheet, e.row, e.column, e.code, e.value]),
    ).toEqual([
      ['休暇', 9, '職員番号', 'UNKNOWN_EMPLOYEE', 'ZZZ'],
      ['休暇', 2001, '開始日', 'INVALID_DATE', 'あいう'],
      ['休暇', 3502, '開始日', 'NOT_IN_SERVICE', '2014-01-06'],
      ['休暇', 4991, '終了日', 'END_BEFORE_START', String(row(4_989)[3])],
      ['休暇', 3002, '開始日', 'OVERLAPPING_LEAVE', '2030-01-05'],
      ['休暇', 4502, '開始日', 'OVERLAPPING_LEAVE', previous[2]],
    ]);
    for (const error of job.errors) {
      expect(error.message.ja.length).toBeGreaterThan(0);
      expect(error.message.en.length).toBeGreaterThan(0);
    }
    expect(job.errors[4]!.message.en).toBe(
      'Overlaps another leave of the same type (2030-01-01 to 2030-01-10).',
    );
    expect(job.errors[5]!.message.en).toBe(
      `Overlaps another leave of the same type (${previous[2]} to ${previous[3]}).`,
    );
    expect([await leaveCount(), await childCount()]).toEqual(before);
  });

  it('refuses a file whose only bad cell is in its last chunk: the chunks written while it streamed are rolled back', async () => {
    const rows = goodRows();
    const row = (index: number) => rows[index]!; // sheet row = index + 2
    // Chunks of 700 rows: indexes 0-4,899 are inserted as the file streams, the bad cell is in the
    // last chunk (row 4992).
    row(3_000).splice(0, 4, 'E06', '年次休暇', '2030-01-05', '2030-01-06'); // row 3002: stored clash
    const previous = row(100); // row 102: E01's 101st week, one day
    const dayBefore = addDays(String(previous[2]), -1);
    // row 4502: from the day before to that day; both rows are new episodes written while the file
    // streams, and only the later one is reported (the earlier one clashes with no stored leave)
    row(4_500).splice(0, 4, 'E01', '年次休暇', dayBefore, previous[3]!);
    row(4_990)[0] = 'ZZZ'; // row 4992
    const before = [await leaveCount(), await childCount()];

    const job = (
      await hr.import('leave', await workbook('休暇', LEAVE_HEADER, rows))
    ).body as ImportJobDto;

    expect(job.status).toBe('failed');
    expect(job.summary).toBeNull();
    expect(job.errorCount).toBe(3);
    expect(
      job.errors.map((e) => [e.row, e.column, e.code, e.value, e.message.en]),
    ).toEqual([
      [4992, '職員番号', 'UNKNOWN_EMPLOYEE', 'ZZZ', expect.any(String)],
      [
        3002,
        '開始日',
        'OVERLAPPING_LEAVE',
        '2030-01-05',
        'Overlaps another leave of the same type (2030-01-01 to 2030-01-10).',
      ],
      [
        4502,
        '開始日',
        'OVERLAPPING_LEAVE',
        dayBefore,
        `Overlaps another leave of the same type (${previous[2]} to ${previous[3]}).`,
      ],
    ]);
    expect([await leaveCount(), await childCount()]).toEqual(before);
  });

  it('refuses a file whose only error is a clash with stored leave on its last row, writing nothing', async () => {
    const rows = goodRows();
    rows[4_999]!.splice(0, 4, 'E06', '年次休暇', '2030-01-09', '2030-01-12'); // row 5001
    const before = [await leaveCount(), await childCount()];
    const facts = await count(
      `SELECT count(*)::int AS n FROM kpi_fact WHERE organization_id = $1`,
      tenant.organizationId,
    );

    const job = (
      await hr.import('leave', await workbook('休暇', LEAVE_HEADER, rows))
    ).body as ImportJobDto;

    expect([job.status, job.summary, job.errorCount]).toEqual([
      'failed',
      null,
      1,
    ]);
    expect(
      job.errors.map((e) => [e.row, e.code, e.value, e.message.en]),
    ).toEqual([
      [
        5001,
        'OVERLAPPING_LEAVE',
        '2030-01-09',
        'Overlaps another leave of the same type (2030-01-01 to 2030-01-10).',
      ],
    ]);
    expect([await leaveCount(), await childCount()]).toEqual(before);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM kpi_fact WHERE organization_id = $1`,
        tenant.organizationId,
      ),
    ).toBe(facts);
  });

  it('a dry run of a good file reports what it would do and writes nothing', async () => {
    const before = [await leaveCount(), await childCount()];
    const job = await importSucceeded(
      hr,
      'leave',
      '休暇',
      LEAVE_HEADER,
      goodRows(),
      { dryRun: true },
    );
    expect(job.dryRun).toBe(true);
    expect(job.summary).toMatchObject({
      rows: 5_000,
      created: 4_998,
      updated: 1,
      unchanged: 1,
    });
    expect([await leaveCount(), await childCount()]).toEqual(before);
  });

  it('writes a good multi-chunk file completely', async () => {
    const rows = goodRows();
    const before = await leaveCount();
    const job = await importSucceeded(hr, 'leave', '休暇', LEAVE_HEADER, rows);
    expect(job.summary).toMatchObject({
      rows: 5_000,
      created: 4_998,
      updated: 1,
      unchanged: 1,
    });
    expect(await leaveCount()).toBe(before + 4_998);
    // every annual row of the file, with its days (a blank cell is the one calendar day)
    const expected = rows
      .filter((r) => r[1] === '年次休暇')
      .map((r) => `${r[0]}|${r[2]}|${r[4] === null ? 1 : r[4]}`)
      .sort();
    const stored = (
      await testDatabase().query(
        `SELECT e.employee_number || '|' || to_char(l.start_date, 'YYYY-MM-DD') || '|' || (l.days::float)::text AS k
           FROM leave_episode l JOIN employee e ON e.id = l.employee_id
          WHERE l.organization_id = $1 AND l.leave_type = 'annual' AND l.start_date < '2030-01-01'
          ORDER BY 1`,
        [tenant.organizationId],
      )
    ).rows.map((r) => r['k'] as string);
    expect(stored.sort()).toEqual(expected);
    // the childcare rows registered one child each for E01 and E02 and point to it
    const childcare = (
      await testDatabase().query(
        `SELECT e.employee_number, to_char(c.birth_date, 'YYYY-MM-DD') AS birth, l.days::float AS days
           FROM leave_episode l JOIN employee e ON e.id = l.employee_id JOIN child c ON c.id = l.child_id
          WHERE l.organization_id = $1 AND l.leave_type = 'childcare' ORDER BY 1`,
        [tenant.organizationId],
      )
    ).rows;
    expect(childcare).toEqual([
      { employee_number: 'E01', birth: '2020-05-01', days: 30 },
      { employee_number: 'E02', birth: '2020-05-01', days: 30 },
    ]);
    expect(await childCount()).toBe(2);
    // the derived KPI tables were refreshed: E01's annual leave of 2023 as the facts hold it
    expect(await e01AnnualFact2023()).toEqual([
      { days: e01AnnualDays2023(rows) },
    ]);
  });
  it('writes a file of new episodes only (none matches a stored one) and refreshes the facts of their years', async () => {
    // Each person's annual leave a weekday after the one of goodRows (stored by the test above), in
    // the same weeks: every row is a new episode.
    const rows: CellInput[][] = [];
    for (let k = 0; k < STAFF; k++)
      for (let j = 0; j < PER_PERSON; j++) {
        const day = addDays('2023-01-02', 7 * j + ((k + 1) % 5));
        rows.push([
          number(k),
          '年次休暇',
          day,
          day,
          j % 3 === 0 ? 0.5 : null,
          null,
        ]);
      }
    const before = await leaveCount();
    const job = await importSucceeded(hr, 'leave', '休暇', LEAVE_HEADER, rows);
    expect(job.summary).toMatchObject({
      rows: 5_000,
      created: 5_000,
      updated: 0,
      unchanged: 0,
    });
    expect(await leaveCount()).toBe(before + 5_000);
    // E01's annual leave of 2023: goodRows' (the first row is childcare leave) and this file's
    expect(await e01AnnualFact2023()).toEqual([
      { days: e01AnnualDays2023(goodRows()) + e01AnnualDays2023(rows) },
    ]);
  });

  it('refuses a file that names an episode twice for a person with no stored leave of its type, writing nothing', async () => {
    const rows: CellInput[][] = [];
    for (let k = 0; k < STAFF; k++)
      for (let j = 0; j < PER_PERSON; j++) {
        const day = addDays('2028-01-03', 7 * j + (k % 5));
        rows.push([number(k), 'その他', day, day, null, null]);
      }
    const first = rows[10]!; // row 12: E01's 11th week
    rows[4_999] = [...first]; // row 5001, the same episode again
    const before = [await leaveCount(), await childCount()];
    const job = (
      await hr.import('leave', await workbook('休暇', LEAVE_HEADER, rows))
    ).body as ImportJobDto;
    expect([job.status, job.summary, job.errorCount]).toEqual([
      'failed',
      null,
      1,
    ]);
    expect(
      job.errors.map((e) => [e.row, e.code, e.value, e.message.en]),
    ).toEqual([
      [
        5001,
        'OVERLAPPING_LEAVE',
        first[2],
        `Overlaps another leave of the same type (${first[2]} to ${first[3]}).`,
      ],
    ]);
    expect([await leaveCount(), await childCount()]).toEqual(before);
  });
});
