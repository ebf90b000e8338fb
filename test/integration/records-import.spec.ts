import type { ImportJobDto } from '@ikuboard/shared/contracts';

import type { ApiClient } from '../support/api-client';
import { closeTestDatabase, testDatabase } from '../support/database';
import { createTenant, type Tenant } from '../support/tenant';
import {
  LEAVE_HEADER,
  ROSTER_HEADER,
  UNIT_HEADER,
  workbook,
  type CellInput,
} from '../support/xlsx';

async function rows(
  sql: string,
  organizationId: string,
): Promise<Record<string, unknown>[]> {
  return (await testDatabase().query(sql, [organizationId])).rows;
}

describe('children, leave, overtime and pay imports', () => {
  let tenant: Tenant;
  let hr: ApiClient;

  beforeAll(async () => {
    tenant = await createTenant('rec');
    hr = await tenant.login('hr');
    const units = await workbook('所属', UNIT_HEADER, [
      ['100', '市長部局', null, 'はい'],
    ]);
    expect(
      ((await hr.import('units', units)).body as ImportJobDto).status,
    ).toBe('succeeded');
    const roster: CellInput[][] = [
      [
        'M1',
        '父 一郎',
        '男性',
        '100',
        '一般',
        '任期の定めのない常勤',
        '2015-04-01',
        null,
        null,
        null,
        null,
      ],
      [
        'F1',
        '母 花子',
        '女性',
        '100',
        '一般',
        '任期の定めのない常勤',
        '2016-04-01',
        null,
        null,
        null,
        null,
      ],
      [
        'G1',
        '退職 次郎',
        '男性',
        '100',
        '一般',
        '任期の定めのない常勤',
        '2010-04-01',
        '2024-06-30',
        null,
        null,
        null,
      ],
    ];
    const job = (
      await hr.import('roster', await workbook('職員', ROSTER_HEADER, roster), {
        asOf: '2024-04-01',
      })
    ).body as ImportJobDto;
    expect(job.status).toBe('succeeded');
  });
  afterAll(closeTestDatabase);

  it('children: twins are two rows; a re-import adds nothing', async () => {
    const file = await workbook(
      '子',
      ['職員番号', '子の生年月日'],
      [
        ['M1', '2024-05-03'],
        ['F1', '2024-08-10'],
        ['F1', '2024-08-10'],
      ],
    );
    const first = (await hr.import('children', file)).body as ImportJobDto;
    expect(first).toMatchObject({
      status: 'succeeded',
      summary: { created: 3, unchanged: 0 },
    });
    const again = (await hr.import('children', file)).body as ImportJobDto;
    expect(again).toMatchObject({
      status: 'succeeded',
      summary: { created: 0, unchanged: 3 },
    });
    const children = await rows(
      `SELECT birth_date, birth_order FROM child WHERE organization_id = $1 ORDER BY birth_date, birth_order`,
      tenant.organizationId,
    );
    expect(children).toEqual([
      { birth_date: '2024-05-03', birth_order: 1 },
      { birth_date: '2024-08-10', birth_order: 1 },
      { birth_date: '2024-08-10', birth_order: 2 },
    ]);
  });

  it('leave: good rows are written, days default to calendar days, hours convert, an unknown child is registered', async () => {
    const file = await workbook('休暇', LEAVE_HEADER, [
      ['M1', '育児休業', '2024-06-01', '2024-06-30', null, '2024-05-03'],
      ['M1', '配偶者出産休暇', '2024-05-03', '2024-05-04', 2, '2024-05-03'],
      ['M1', '年次休暇', '2024-07-01', '2024-07-01', '3.875時間', null],
      [
        'F1',
        '出生時育児休業(産後パパ育休)',
        '2024-08-20',
        '2024-08-25',
        null,
        '2024-08-10',
      ],
      [
        'M1',
        'childcare_participation',
        '2024-09-02',
        '2024-09-04',
        3,
        '2024-10-15',
      ],
    ]);
    const job = (await hr.import('leave', file)).body as ImportJobDto;
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'succeeded', summary: { created: 5 } });
    const leaves = await rows(
      `SELECT e.employee_number, l.leave_type, l.days::float AS days, c.birth_date AS child
         FROM leave_episode l JOIN employee e ON e.id = l.employee_id LEFT JOIN child c ON c.id = l.child_id
        WHERE l.organization_id = $1 ORDER BY l.start_date`,
      tenant.organizationId,
    );
    expect(leaves).toEqual([
      {
        employee_number: 'M1',
        leave_type: 'spouse_birth',
        days: 2,
        child: '2024-05-03',
      },
      {
        employee_number: 'M1',
        leave_type: 'childcare',
        days: 30,
        child: '2024-05-03',
      },
      { employee_number: 'M1', leave_type: 'annual', days: 0.5, child: null }, // 3.875 h ÷ 7.75 h per day
      {
        employee_number: 'F1',
        leave_type: 'birth_childcare',
        days: 6,
        child: '2024-08-10',
      },
      {
        employee_number: 'M1',
        leave_type: 'childcare_participation',
        days: 3,
        child: '2024-10-15',
      },
    ]);
    const unknownChild = await rows(
      `SELECT count(*)::int AS n FROM child WHERE organization_id = $1 AND birth_date = '2024-10-15'`,
      tenant.organizationId,
    );
    expect(unknownChild[0]!['n']).toBe(1);
  });

  it('leave: the same episode re-imported with a new end date updates it', async () => {
    const file = await workbook('休暇', LEAVE_HEADER, [
      ['M1', '育児休業', '2024-06-01', '2024-07-31', null, '2024-05-03'],
    ]);
    const job = (await hr.import('leave', file)).body as ImportJobDto;
    expect(job).toMatchObject({
      status: 'succeeded',
      summary: { created: 0, updated: 1 },
    });
    const leave = await rows(
      `SELECT end_date, days::float AS days FROM leave_episode WHERE organization_id = $1 AND leave_type = 'childcare'`,
      tenant.organizationId,
    );
    expect(leave).toEqual([{ end_date: '2024-07-31', days: 61 }]);
  });

  it('leave: every bad row is reported with its reason and nothing is written', async () => {
    const before = await rows(
      `SELECT count(*)::int AS n FROM leave_episode WHERE organization_id = $1`,
      tenant.organizationId,
    );
    const file = await workbook('休暇', LEAVE_HEADER, [
      ['M1', '年次休暇', '2024-10-10', '2024-10-09', 1, null], // END_BEFORE_START
      ['M1', '育児休業', '2024-11-01', '2024-11-30', null, null], // CHILD_REQUIRED
      ['G1', '年次休暇', '2024-08-01', '2024-08-01', 1, null], // NOT_IN_SERVICE (left 2024-06-30)
      ['M1', '年次休暇', '2024-10-01', '2024-10-02', 5, null], // DAYS_EXCEED_PERIOD
      ['NOBODY', '年次休暇', '2024-10-01', '2024-10-01', 1, null], // UNKNOWN_EMPLOYEE
      ['M1', '慶弔休暇もどき', '2024-10-01', '2024-10-01', 1, null], // UNKNOWN_LEAVE_TYPE
      ['M1', '年次休暇', '2024-10-03', '2024-10-03', 0.3, null], // INVALID_DAYS
      ['M1', '育児休業', '2024-07-15', '2024-08-15', null, '2024-05-03'], // OVERLAPPING_LEAVE with the stored 06-01..07-31
      ['F1', '年次休暇', '2024-12-01', '2024-12-05', 3, null],
      ['F1', '年次休暇', '2024-12-04', '2024-12-04', 1, null], // OVERLAPPING_LEAVE within the file
    ]);
    const job = (await hr.import('leave', file)).body as ImportJobDto;
    expect(job.status).toBe('failed');
    expect(job.errors.map((error) => `${error.row}:${error.code}`)).toEqual(
      expect.arrayContaining([
        '2:END_BEFORE_START',
        '3:CHILD_REQUIRED',
        '4:NOT_IN_SERVICE',
        '5:DAYS_EXCEED_PERIOD',
        '6:UNKNOWN_EMPLOYEE',
        '7:UNKNOWN_LEAVE_TYPE',
        '8:INVALID_DAYS',
        '9:OVERLAPPING_LEAVE',
        '11:OVERLAPPING_LEAVE',
      ]),
    );
    expect(
      await rows(
        `SELECT count(*)::int AS n FROM leave_episode WHERE organization_id = $1`,
        tenant.organizationId,
      ),
    ).toEqual(before);
  });

  it('overtime: upserts by month, refuses months out of service, duplicates and impossible hours', async () => {
    const good = await workbook(
      '超過勤務',
      ['職員番号', '年月', '時間'],
      [
        ['M1', '2024-04', 12.5],
        ['M1', '2024/05', '46'],
        ['F1', new Date(Date.UTC(2024, 3, 1)), 0],
      ],
    );
    expect((await hr.import('overtime', good)).body).toMatchObject({
      status: 'succeeded',
      summary: { created: 3 },
    });
    const again = await workbook(
      '超過勤務',
      ['職員番号', '年月', '時間'],
      [['M1', '2024-05', 50]],
    );
    expect((await hr.import('overtime', again)).body).toMatchObject({
      status: 'succeeded',
      summary: { updated: 1 },
    });
    const bad = await workbook(
      '超過勤務',
      ['職員番号', '年月', '時間'],
      [
        ['G1', '2024-08', 5], // NOT_IN_SERVICE
        ['M1', '2024-13', 5], // INVALID_MONTH
        ['M1', '2024-06', -1], // INVALID_HOURS
        ['M1', '2024-07', 5],
        ['M1', '2024-07', 6], // DUPLICATE_ROW
      ],
    );
    const job = (await hr.import('overtime', bad)).body as ImportJobDto;
    expect(job.errors.map((error) => `${error.row}:${error.code}`)).toEqual([
      '2:NOT_IN_SERVICE',
      '3:INVALID_MONTH',
      '4:INVALID_HOURS',
      '6:DUPLICATE_ROW',
    ]);
    const hours = await rows(
      `SELECT to_char(month, 'YYYY-MM') AS month, hours::float AS hours FROM overtime_month WHERE organization_id = $1 ORDER BY month, hours`,
      tenant.organizationId,
    );
    expect(hours).toEqual([
      { month: '2024-04', hours: 0 },
      { month: '2024-04', hours: 12.5 },
      { month: '2024-05', hours: 50 },
    ]);
  });

  it('pay: fiscal years in 令和 or western form, amounts with commas and yen; bad rows refused', async () => {
    const good = await workbook(
      '給与',
      ['職員番号', '年度', '年間給与額'],
      [
        ['M1', '令和6年度', '4,520,000円'],
        ['F1', 2024, 4380000],
        ['G1', 'R6', 1200000],
      ],
    );
    expect((await hr.import('pay', good)).body).toMatchObject({
      status: 'succeeded',
      summary: { created: 3 },
    });
    const bad = await workbook(
      '給与',
      ['職員番号', '年度', '年間給与額'],
      [
        ['M1', '来年度', 1], // INVALID_FISCAL_YEAR
        ['F1', 2024, 'たくさん'], // INVALID_AMOUNT
        ['G1', 2025, 100], // NOT_IN_SERVICE (left in FY2024)
      ],
    );
    const job = (await hr.import('pay', bad)).body as ImportJobDto;
    expect(job.errors.map((error) => `${error.row}:${error.code}`)).toEqual([
      '2:INVALID_FISCAL_YEAR',
      '3:INVALID_AMOUNT',
      '4:NOT_IN_SERVICE',
    ]);
    const pay = await rows(
      `SELECT fiscal_year, amount::int AS amount FROM annual_pay WHERE organization_id = $1 ORDER BY amount`,
      tenant.organizationId,
    );
    expect(pay.map((row) => row['amount'])).toEqual([
      1200000, 4380000, 4520000,
    ]);
  });

  it('templates exist for every record import', async () => {
    for (const kind of ['children', 'leave', 'overtime', 'pay']) {
      const response = await hr.get<Buffer>(
        `/api/v1/imports/templates/${kind}`,
      );
      expect(response.status).toBe(200);
    }
  });
});
