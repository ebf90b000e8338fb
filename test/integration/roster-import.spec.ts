import type {
  ApiErrorDto,
  ImportJobDto,
  KpiPeopleDto,
  KpiValueDto,
  OrgUnitDto,
} from '@ikuboard/shared/contracts';

import type { ApiClient } from '../support/api-client';
import { closeTestDatabase, testDatabase } from '../support/database';
import { createTenant, type Tenant } from '../support/tenant';
import {
  readRows,
  ROSTER_HEADER,
  UNIT_HEADER,
  workbook,
  type CellInput,
} from '../support/xlsx';

const UNITS: CellInput[][] = [
  ['100', '市長部局', null, 'はい'],
  ['110', '総務局', '100', 'いいえ'],
  ['111', '人事課', '110', null],
  ['112', '財政課', '110', null],
  ['200', '教育委員会', null, 'はい'],
  ['210', '学校教育課', '200', null],
];

// 2025-04-01: managers (課長級以上) are E001 (man, 部長級), E002 (woman, 課長級), E003 (man, 課長級):
// female_manager_ratio = 1 / 3. Staff: 8 permanent people, women E002, E005, E007 → 3 / 8.
// E008 is 会計年度任用 and outside the default population.
const ROSTER_2025: CellInput[][] = [
  [
    'E001',
    '山田 太郎',
    '男性',
    '110',
    '部長級',
    '任期の定めのない常勤',
    '1990-04-01',
    null,
    null,
    'いいえ',
    'いいえ',
  ],
  [
    'E002',
    '佐藤 花子',
    '女性',
    '111',
    '課長級',
    '任期の定めのない常勤',
    new Date(Date.UTC(1995, 3, 1)),
    null,
    'E001',
    null,
    null,
  ],
  [
    'E003',
    '鈴木 一郎',
    '男',
    '112',
    '課長級',
    '常勤',
    '1996-04-01',
    null,
    'E001',
    null,
    null,
  ],
  [
    'E004',
    '高橋 健',
    'M',
    '111',
    '係長級',
    '任期の定めのない常勤',
    '2005-04-01',
    null,
    'E002',
    null,
    null,
  ],
  [
    'E005',
    '田中 美咲',
    'F',
    '111',
    '一般',
    '任期の定めのない常勤',
    '2020-04-01',
    null,
    'E004',
    null,
    null,
  ],
  [
    'E006',
    '伊藤 翔',
    '男性',
    '112',
    '主任・主査級',
    '任期の定めのない常勤',
    '2012-04-01',
    null,
    'E003',
    null,
    'はい',
  ],
  [
    'E007',
    '渡辺 さくら',
    '女性',
    '210',
    '一般',
    '任期の定めのない常勤',
    '2024-04-01',
    null,
    null,
    null,
    null,
  ],
  [
    'E008',
    '中村 優',
    '未回答',
    '210',
    '一般',
    '会計年度任用(パートタイム)',
    '2023-04-01',
    null,
    null,
    null,
    null,
  ],
  [
    'E009',
    '小林 誠',
    '男性',
    '210',
    '課長補佐級',
    '任期の定めのない常勤',
    '2001-04-01',
    null,
    null,
    null,
    null,
  ],
];

async function count(
  table: 'employee' | 'assignment' | 'org_unit',
  organizationId: string,
): Promise<number> {
  const { rows } = await testDatabase().query(
    `SELECT count(*) AS n FROM ${table} WHERE organization_id = $1`,
    [organizationId],
  );
  return rows[0].n as number;
}

function kpi(values: KpiValueDto[], code: KpiValueDto['code']): KpiValueDto {
  const value = values.find((item) => item.code === code);
  if (!value) throw new Error(`no ${code}`);
  return value;
}

describe('units and roster import', () => {
  let tenant: Tenant;
  let hr: ApiClient;

  beforeAll(async () => {
    tenant = await createTenant('imp');
    hr = await tenant.login('hr');
  });
  afterAll(closeTestDatabase);

  it('a dry run of a good units file reports what it would do and writes nothing', async () => {
    const response = await hr.import(
      'units',
      await workbook('所属', UNIT_HEADER, UNITS),
      { dryRun: true },
    );
    const job = response.body as ImportJobDto;
    expect(job).toMatchObject({
      status: 'succeeded',
      dryRun: true,
      errorCount: 0,
      summary: { rows: 6, created: 6, updated: 0 },
    });
    expect(await count('org_unit', tenant.organizationId)).toBe(0);
  });

  it('a real units import writes the tree', async () => {
    const job = (
      await hr.import('units', await workbook('所属', UNIT_HEADER, UNITS))
    ).body as ImportJobDto;
    expect(job.status).toBe('succeeded');
    const units = (await hr.get<OrgUnitDto[]>('/api/v1/org-units')).body;
    expect(units.map((unit) => unit.code).sort()).toEqual([
      '100',
      '110',
      '111',
      '112',
      '200',
      '210',
    ]);
    const byCode = new Map(units.map((unit) => [unit.code, unit]));
    expect(byCode.get('111')!.parentId).toBe(byCode.get('110')!.id);
    expect(byCode.get('100')!.isEmployerUnit).toBe(true);
  });

  it('a dry run of a good roster writes nothing; the real run writes it and the KPIs follow', async () => {
    const file = await workbook('職員', ROSTER_HEADER, ROSTER_2025);
    const dry = (
      await hr.import('roster', file, { asOf: '2025-04-01', dryRun: true })
    ).body as ImportJobDto;
    expect(dry).toMatchObject({
      status: 'succeeded',
      errorCount: 0,
      summary: { rows: 9, created: 9, updated: 0, unchanged: 0, separated: 0 },
    });
    expect(await count('employee', tenant.organizationId)).toBe(0);

    const real = (await hr.import('roster', file, { asOf: '2025-04-01' }))
      .body as ImportJobDto;
    expect(real).toMatchObject({
      status: 'succeeded',
      summary: { created: 9 },
    });
    expect(await count('employee', tenant.organizationId)).toBe(9);

    const values = (await hr.get<KpiValueDto[]>('/api/v1/kpis?fy=2025')).body;
    expect(kpi(values, 'female_manager_ratio')).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    expect(kpi(values, 'female_manager_ratio').value).toBeCloseTo(33.333333, 5);
    expect(kpi(values, 'female_staff_ratio')).toMatchObject({
      numerator: 3,
      denominator: 8,
      value: 37.5,
    });
    // 監督職 (係長級以上): E001, E002, E003, E004, E009 → women 1 of 5
    expect(kpi(values, 'female_supervisor_ratio')).toMatchObject({
      numerator: 1,
      denominator: 5,
      value: 20,
    });
    const school = (
      await hr.get<KpiValueDto[]>('/api/v1/kpis?fy=2025&unit=200')
    ).body;
    expect(kpi(school, 'female_staff_ratio')).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
    const { rows } = await testDatabase().query(
      `SELECT s.employee_number AS boss FROM employee e JOIN employee s ON s.id = e.supervisor_id
        WHERE e.organization_id = $1 AND e.employee_number = 'E005'`,
      [tenant.organizationId],
    );
    expect(rows[0].boss).toBe('E004');
  });

  it('a full re-import a year later updates, adds, and separates those absent on the day before', async () => {
    const next = ROSTER_2025.filter((row) => row[0] !== 'E003').map((row) => [
      ...row,
    ]);
    next.find((row) => row[0] === 'E004')![4] = '課長級'; // promoted
    next.find((row) => row[0] === 'E004')![3] = '112';
    next.find((row) => row[0] === 'E005')![1] = '田中 美咲(旧姓 森)'; // renamed
    next.find((row) => row[0] === 'E006')![8] = 'E004'; // new boss
    next.push([
      'E010',
      '加藤 陽菜',
      '女性',
      '111',
      '一般',
      '任期の定めのない常勤',
      '2026-04-01',
      null,
      'E002',
      null,
      null,
    ]);
    const dry = (
      await hr.import('roster', await workbook('職員', ROSTER_HEADER, next), {
        asOf: '2026-04-01',
        dryRun: true,
      })
    ).body as ImportJobDto;
    expect(dry.summary).toEqual({
      rows: 9,
      created: 1,
      updated: 3,
      unchanged: 5,
      separated: 1,
      separatedEmployeeNumbers: ['E003'],
    });

    const job = (
      await hr.import('roster', await workbook('職員', ROSTER_HEADER, next), {
        asOf: '2026-04-01',
      })
    ).body as ImportJobDto;
    expect(job.status).toBe('succeeded');
    const { rows } = await testDatabase().query(
      `SELECT employee_number, separation_date FROM employee WHERE organization_id = $1 AND employee_number = 'E003'`,
      [tenant.organizationId],
    );
    expect(rows[0].separation_date).toBe('2026-03-31');
    const assignments = await testDatabase().query(
      `SELECT a.valid_from, a.valid_to, s.name FROM assignment a JOIN employee e ON e.id = a.employee_id
         JOIN position_stage s ON s.id = a.position_stage_id
        WHERE e.organization_id = $1 AND e.employee_number = 'E004' ORDER BY a.valid_from`,
      [tenant.organizationId],
    );
    expect(assignments.rows).toEqual([
      { valid_from: '2005-04-01', valid_to: '2026-04-01', name: '係長級' },
      { valid_from: '2026-04-01', valid_to: null, name: '課長級' },
    ]);
    // FY2025 is unchanged; FY2026: managers E001 (m), E002 (f), E004 (m) → 1 / 3; staff women E002, E005, E007, E010 of 8.
    const fy2025 = (await hr.get<KpiValueDto[]>('/api/v1/kpis?fy=2025')).body;
    expect(kpi(fy2025, 'female_manager_ratio')).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    const fy2026 = (await hr.get<KpiValueDto[]>('/api/v1/kpis?fy=2026')).body;
    expect(kpi(fy2026, 'female_manager_ratio')).toMatchObject({
      numerator: 1,
      denominator: 3,
    });
    expect(kpi(fy2026, 'female_staff_ratio')).toMatchObject({
      numerator: 4,
      denominator: 8,
      value: 50,
    });
    expect(
      (await hr.get<{ fiscalYears: number[] }>('/api/v1/fiscal-years')).body
        .fiscalYears,
    ).toEqual([2025, 2026]);
  });

  it('a file with many kinds of bad cells reports each one and writes nothing', async () => {
    const before = {
      employee: await count('employee', tenant.organizationId),
      assignment: await count('assignment', tenant.organizationId),
    };
    const bad: CellInput[][] = [
      [
        null,
        '番号なし',
        '女性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        null,
        null,
        null,
      ], // REQUIRED 職員番号
      [
        'B002',
        '性別不正',
        'X',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        null,
        null,
        null,
      ], // INVALID_GENDER
      [
        'B003',
        '所属不明',
        '女性',
        '999',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        null,
        null,
        null,
      ], // UNKNOWN_UNIT
      [
        'B004',
        '役職不明',
        '女性',
        '111',
        '社長',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        null,
        null,
        null,
      ], // UNKNOWN_STAGE
      [
        'B005',
        '区分不明',
        '男性',
        '111',
        '一般',
        'アルバイト',
        '2020-04-01',
        null,
        null,
        null,
        null,
      ], // UNKNOWN_EMPLOYMENT
      [
        'B006',
        '日付不正',
        '男性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-02-30',
        null,
        null,
        null,
        null,
      ], // INVALID_DATE
      [
        'B007',
        '退職が先',
        '男性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        '2019-03-31',
        null,
        null,
        null,
      ], // SEPARATION_BEFORE_HIRE
      [
        'B008',
        '上司不明',
        '男性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        'NOBODY',
        null,
        null,
      ], // UNKNOWN_SUPERVISOR
      [
        'B009',
        '自分が上司',
        '男性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        'B009',
        null,
        null,
      ], // SELF_SUPERVISOR
      [
        'B010',
        '真偽不正',
        '男性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        null,
        'たぶん',
        null,
      ], // INVALID_BOOLEAN
      [
        'B011',
        '数式',
        '男性',
        '111',
        '一般',
        '任期の定めのない常勤',
        { formula: 'DATE(2020,4,1)' },
        null,
        null,
        null,
        null,
      ], // FORMULA_NOT_ALLOWED
      [
        'B012',
        '未来の採用',
        '男性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2030-04-01',
        null,
        null,
        null,
        null,
      ], // HIRE_AFTER_AS_OF
      [
        'B013',
        '重複その1',
        '女性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        null,
        null,
        null,
      ],
      [
        'B013',
        '重複その2',
        '女性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        null,
        null,
        null,
      ], // DUPLICATE_NUMBER
      [
        'B015',
        'あ'.repeat(101),
        '女性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        null,
        null,
        null,
      ], // TOO_LONG
      [
        'B 016',
        '番号に空白',
        '女性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        null,
        null,
        null,
      ], // INVALID_CODE
    ];
    const job = (
      await hr.import('roster', await workbook('職員', ROSTER_HEADER, bad), {
        asOf: '2026-04-01',
        partial: true,
      })
    ).body as ImportJobDto;
    expect(job.status).toBe('failed');
    expect(job.summary).toBeNull();
    const found = job.errors.map(
      (error) => `${error.row}:${error.column}:${error.code}`,
    );
    expect(found).toEqual(
      expect.arrayContaining([
        '2:職員番号:REQUIRED',
        '3:性別:INVALID_GENDER',
        '4:所属コード:UNKNOWN_UNIT',
        '5:役職段階:UNKNOWN_STAGE',
        '6:職員区分:UNKNOWN_EMPLOYMENT',
        '7:採用日:INVALID_DATE',
        '8:退職日:SEPARATION_BEFORE_HIRE',
        '9:上司職員番号:UNKNOWN_SUPERVISOR',
        '10:上司職員番号:SELF_SUPERVISOR',
        '11:再採用:INVALID_BOOLEAN',
        '12:採用日:FORMULA_NOT_ALLOWED',
        '13:採用日:HIRE_AFTER_AS_OF',
        '15:職員番号:DUPLICATE_NUMBER',
        '16:氏名:TOO_LONG',
        '17:職員番号:INVALID_CODE',
      ]),
    );
    expect(
      new Set(job.errors.map((error) => error.code)).size,
    ).toBeGreaterThanOrEqual(15);
    for (const error of job.errors) {
      expect(error.sheet).toBe('職員');
      expect(error.message.ja.length).toBeGreaterThan(0);
      expect(error.message.en.length).toBeGreaterThan(0);
    }
    expect(await count('employee', tenant.organizationId)).toBe(
      before.employee,
    );
    expect(await count('assignment', tenant.organizationId)).toBe(
      before.assignment,
    );
  });

  it('a supervisor line that loops is refused', async () => {
    const rows: CellInput[][] = [
      [
        'C001',
        '循環 一',
        '男性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        'C002',
        null,
        null,
      ],
      [
        'C002',
        '循環 二',
        '男性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        'C003',
        null,
        null,
      ],
      [
        'C003',
        '循環 三',
        '男性',
        '111',
        '一般',
        '任期の定めのない常勤',
        '2020-04-01',
        null,
        'C001',
        null,
        null,
      ],
    ];
    const job = (
      await hr.import('roster', await workbook('職員', ROSTER_HEADER, rows), {
        asOf: '2026-04-01',
        partial: true,
      })
    ).body as ImportJobDto;
    expect(job.status).toBe('failed');
    expect(job.errors.map((error) => error.code)).toEqual(['SUPERVISOR_CYCLE']);
    expect(job.errors[0]!.message.ja).toContain('C001');
  });

  it('a units file whose parents loop or do not exist is refused', async () => {
    const rows: CellInput[][] = [
      ['900', '循環A', '901', null],
      ['901', '循環B', '900', null],
      ['902', '親なし', 'NOPE', null],
    ];
    const job = (
      await hr.import('units', await workbook('所属', UNIT_HEADER, rows))
    ).body as ImportJobDto;
    expect(job.status).toBe('failed');
    expect(job.errors.map((error) => error.code).sort()).toEqual([
      'PARENT_CYCLE',
      'UNKNOWN_PARENT',
    ]);
    expect(await count('org_unit', tenant.organizationId)).toBe(6);
  });

  it('files that are not .xlsx workbooks, empty files and missing columns are rejected with a clear message', async () => {
    const csv = await hr.import(
      'roster',
      Buffer.from('職員番号,氏名\nE001,山田\n'),
      { fileName: 'roster.csv', asOf: '2026-04-01' },
    );
    expect(csv.status).toBe(415);
    expect((csv.body as ApiErrorDto).code).toBe('IMPORT_NOT_XLSX');
    const renamed = await hr.import(
      'roster',
      Buffer.from('this is text, not a workbook'),
      { fileName: 'roster.xlsx', asOf: '2026-04-01' },
    );
    expect(renamed.status).toBe(415);
    const legacy = await hr.import(
      'roster',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      { fileName: 'macro.xlsx', asOf: '2026-04-01' },
    );
    expect(legacy.status).toBe(415);
    expect((legacy.body as ApiErrorDto).code).toBe('IMPORT_LEGACY_XLS');
    const empty = await hr.import('roster', Buffer.alloc(0), {
      fileName: 'empty.xlsx',
      asOf: '2026-04-01',
    });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({
      code: 'IMPORT_EMPTY_FILE',
      message: {
        ja: expect.stringContaining('空'),
        en: expect.stringContaining('empty'),
      },
    });
    const noAsOf = await hr.import(
      'roster',
      await workbook('職員', ROSTER_HEADER, ROSTER_2025),
    );
    expect(noAsOf.status).toBe(400);
    expect((noAsOf.body as ApiErrorDto).code).toBe('IMPORT_AS_OF_REQUIRED');

    const oversized = await hr.import(
      'roster',
      Buffer.concat([
        Buffer.from([0x50, 0x4b, 0x03, 0x04]),
        Buffer.alloc(3 * 1024 * 1024),
      ]),
      {
        asOf: '2026-04-01',
      },
    );
    expect(oversized.status).toBe(413);
    expect(oversized.body).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: { ja: expect.stringContaining('大きすぎ') },
    });

    const corruptZip = Buffer.concat([
      Buffer.from([0x50, 0x4b, 0x03, 0x04]),
      Buffer.alloc(200, 7),
    ]);
    const corrupt = (
      await hr.import('roster', corruptZip, { asOf: '2026-04-01' })
    ).body as ImportJobDto;
    expect(corrupt).toMatchObject({
      status: 'failed',
      failure: { code: 'IMPORT_UNREADABLE' },
    });
    const missing = (
      await hr.import(
        'roster',
        await workbook('職員', ['職員番号', '氏名'], [['E001', '山田']]),
        { asOf: '2026-04-01' },
      )
    ).body as ImportJobDto;
    expect(missing).toMatchObject({
      status: 'failed',
      failure: { code: 'IMPORT_MISSING_COLUMNS' },
    });
    expect(missing.failure!.message.ja).toContain('性別');
    const headerOnly = (
      await hr.import('roster', await workbook('職員', ROSTER_HEADER, []), {
        asOf: '2026-04-01',
      })
    ).body as ImportJobDto;
    expect(headerOnly).toMatchObject({
      status: 'failed',
      failure: { code: 'IMPORT_NO_ROWS' },
    });
  });

  it('the roster export is in the import layout and imports back unchanged', async () => {
    const response = await hr.get<Buffer>(
      '/api/v1/roster/export?asOf=2026-04-01',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const rows = await readRows(response.body);
    expect(rows[0]).toEqual(ROSTER_HEADER);
    expect(rows.slice(1).map((row) => row[0])).toEqual([
      'E001',
      'E002',
      'E004',
      'E005',
      'E006',
      'E007',
      'E008',
      'E009',
      'E010',
    ]);
    const again = (
      await hr.import('roster', response.body, { asOf: '2026-04-01' })
    ).body as ImportJobDto;
    expect(again).toMatchObject({
      status: 'succeeded',
      summary: { created: 0, updated: 0, unchanged: 9, separated: 0 },
    });
  });

  it('the templates download as workbooks with the documented headers', async () => {
    for (const [kind, header] of [
      ['units', UNIT_HEADER],
      ['roster', ROSTER_HEADER],
    ] as const) {
      const response = await hr.get<Buffer>(
        `/api/v1/imports/templates/${kind}`,
      );
      expect(response.status).toBe(200);
      expect((await readRows(response.body))[0]).toEqual(header);
    }
  });

  it('HR drills down to the people behind a figure, with the reason each is counted; the committee cannot', async () => {
    const people = (
      await hr.get<KpiPeopleDto>(
        '/api/v1/kpis/female_manager_ratio/people?fy=2025',
      )
    ).body;
    expect(people.numerator.map((person) => person.employeeNumber)).toEqual([
      'E002',
    ]);
    expect(people.denominator.map((person) => person.employeeNumber)).toEqual([
      'E001',
      'E002',
      'E003',
    ]);
    expect(people.numerator[0]).toMatchObject({
      name: '佐藤 花子',
      unitName: '人事課',
    });
    expect(people.numerator[0]!.reason.ja).toContain('2025-04-01');
    const committee = await tenant.login('committee');
    expect(
      (await committee.get('/api/v1/kpis/female_manager_ratio/people?fy=2025'))
        .status,
    ).toBe(403);
  });
});
