/**
 * The audit log: every write, every read of person-level data and every refusal is recorded with
 * who, when, what and from where, never with the request body; PostgreSQL itself refuses to
 * change or remove an entry; admins (only) list and export it.
 */
import { randomBytes } from 'node:crypto';

import type {
  AuditPageDto,
  ImportJobDto,
  PlanDto,
} from '@ikuboard/shared/contracts';

import ExcelJS from 'exceljs';

import { ApiClient } from '../support/api-client';
import { closeTestDatabase, testDatabase } from '../support/database';
import { createTenant, type Tenant } from '../support/tenant';
import { ROSTER_HEADER, UNIT_HEADER, workbook } from '../support/xlsx';

interface AuditRow {
  id: string;
  occurred_at: Date;
  organization_id: string | null;
  account_id: string | null;
  role: string | null;
  action: string;
  method: string;
  route: string;
  resource_ids: Record<string, string>;
  status: number;
  ip: string | null;
  user_agent: string | null;
}

async function entriesAfter(
  id: string,
  organizationId: string | null,
): Promise<AuditRow[]> {
  const { rows } = await testDatabase().query<AuditRow>(
    `SELECT * FROM audit_log WHERE id > $1 AND organization_id IS NOT DISTINCT FROM $2 ORDER BY id`,
    [id, organizationId],
  );
  return rows;
}

async function lastId(): Promise<string> {
  const { rows } = await testDatabase().query<{ id: string }>(
    `SELECT coalesce(max(id), 0)::text AS id FROM audit_log`,
  );
  return rows[0]!.id;
}

async function accountId(tenant: Tenant, role: string): Promise<string> {
  const { rows } = await testDatabase().query<{ id: string }>(
    `SELECT id FROM account WHERE username = $1`,
    [tenant.usernames[role as 'hr']],
  );
  return rows[0]!.id;
}

async function logContains(text: string): Promise<boolean> {
  const { rows } = await testDatabase().query<{ n: number }>(
    `SELECT count(*) AS n FROM audit_log l WHERE l::text LIKE '%' || $1 || '%'`,
    [text],
  );
  return rows[0]!.n > 0;
}

describe('audit log', () => {
  let city: Tenant;
  let other: Tenant;
  let hr: ApiClient;

  beforeAll(async () => {
    [city, other] = [await createTenant('aud'), await createTenant('aud2')];
    hr = await city.login('hr');
    const units = await hr.import(
      'units',
      await workbook('所属', UNIT_HEADER, [['A1', '本庁', null, 'はい']]),
    );
    expect((units.body as ImportJobDto).status).toBe('succeeded');
    const roster = await hr.import(
      'roster',
      await workbook('職員', ROSTER_HEADER, [
        [
          'E1',
          '監査 花子',
          '女性',
          'A1',
          '一般',
          '任期の定めのない常勤',
          '2010-04-01',
          null,
          null,
          null,
          null,
        ],
      ]),
      { asOf: '2025-04-01' },
    );
    expect((roster.body as ImportJobDto).status).toBe('succeeded');
  });
  afterAll(closeTestDatabase);

  it('a write is recorded with who, when, what and from where, but not what was sent', async () => {
    const before = await lastId();
    const secret = `計画-${randomBytes(6).toString('hex')}`;
    const created = await hr.post<PlanDto>('/api/v1/plans', {
      name: secret,
      startFiscalYear: 2025,
      endFiscalYear: 2029,
      legalBasis: 'both',
    });
    expect(created.status).toBe(201);
    const entries = await entriesAfter(before, city.organizationId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      organization_id: city.organizationId,
      account_id: await accountId(city, 'hr'),
      role: 'hr',
      action: 'write',
      method: 'POST',
      route: '/api/v1/plans',
      status: 201,
      resource_ids: {},
    });
    expect(entries[0]!.ip).toMatch(/127\.0\.0\.1/);
    expect(entries[0]!.user_agent).toBeTruthy();
    expect(Date.now() - entries[0]!.occurred_at.getTime()).toBeLessThan(
      10 * 60_000,
    );
    expect(await logContains(secret)).toBe(false);
  });

  it('a read of person-level data is recorded with the resource ids; reading aggregates is not', async () => {
    const before = await lastId();
    expect(
      (await hr.get('/api/v1/kpis/female_staff_ratio/people?fy=2025')).status,
    ).toBe(200);
    expect((await hr.get('/api/v1/kpis?fy=2025')).status).toBe(200);
    expect((await hr.get('/api/v1/org-units')).status).toBe(200);
    const entries = await entriesAfter(before, city.organizationId);
    expect(entries.map((entry) => [entry.action, entry.route])).toEqual([
      ['read', '/api/v1/kpis/:code/people'],
    ]);
    expect(entries[0]!.resource_ids).toEqual({
      code: 'female_staff_ratio',
      fy: '2025',
    });
  });

  it('a refusal is recorded with who was refused; an anonymous read of public figures is not', async () => {
    const staff = await city.login('staff');
    const before = await lastId();
    expect(
      (await staff.get('/api/v1/roster/export?asOf=2025-04-01')).status,
    ).toBe(403);
    expect((await new ApiClient().get('/api/v1/kpis?fy=2025')).status).toBe(
      401,
    );
    const entries = await entriesAfter(before, city.organizationId);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      account_id: await accountId(city, 'staff'),
      role: 'staff',
      action: 'denied',
      method: 'GET',
      route: '/api/v1/roster/export',
      status: 403,
    });
  });

  it('a failed login is recorded (address, status) without the username or the password', async () => {
    const before = await lastId();
    const password = `Pw-${randomBytes(8).toString('hex')}`;
    const response = await new ApiClient().post('/api/v1/auth/login', {
      username: city.usernames.committee,
      password,
    });
    expect(response.status).toBe(401);
    const entries = await entriesAfter(before, null);
    expect(entries.map((entry) => [entry.route, entry.status])).toContainEqual([
      '/api/v1/auth/login',
      401,
    ]);
    expect(await logContains(password)).toBe(false);
    expect(await logContains(city.usernames.committee)).toBe(false);
    // The lockout counter is not the subject here; clear it with a good login.
    await city.login('committee');
  });

  it('uploads are recorded without the file', async () => {
    const before = await lastId();
    const marker = `秘密-${randomBytes(4).toString('hex')}`;
    const job = await hr.import(
      'units',
      await workbook('所属', UNIT_HEADER, [['A9', marker, null, 'はい']]),
      { dryRun: true },
    );
    expect((job.body as ImportJobDto).status).toBe('succeeded');
    const entries = await entriesAfter(before, city.organizationId);
    expect(entries[0]).toMatchObject({
      action: 'write',
      route: '/api/v1/imports/:kind',
      resource_ids: { kind: 'units' },
      status: 202,
    });
    expect(await logContains(marker)).toBe(false);
  });

  it('PostgreSQL refuses to update, delete or truncate the log', async () => {
    const db = testDatabase();
    await expect(db.query(`UPDATE audit_log SET status = 200`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`DELETE FROM audit_log`)).rejects.toThrow(
      /append-only/,
    );
    await expect(db.query(`TRUNCATE audit_log`)).rejects.toThrow(/append-only/);
    expect(Number(await lastId())).toBeGreaterThan(0);
  });

  it('an anonymous (360 submission) entry cannot carry an account, an address or a time of day', async () => {
    const db = testDatabase();
    const insert = (accountId: string | null, ip: string | null, at: string) =>
      db.query(
        `INSERT INTO audit_log (occurred_at, organization_id, account_id, action, method, route, status, ip)
         VALUES ($1, $2, $3, 'anonymous_submission', 'POST', '/api/v1/reviews360/:id/responses', 201, $4)`,
        [at, city.organizationId, accountId, ip],
      );
    const hrId = await accountId(city, 'hr');
    await expect(insert(hrId, null, '2026-01-05T00:00:00Z')).rejects.toThrow(
      /ck_audit_log_anonymous/,
    );
    await expect(
      insert(null, '10.0.0.1', '2026-01-05T00:00:00Z'),
    ).rejects.toThrow(/ck_audit_log_anonymous/);
    await expect(insert(null, null, '2026-01-05T09:41:00Z')).rejects.toThrow(
      /ck_audit_log_anonymous/,
    );
    await expect(
      insert(null, null, '2026-01-05T00:00:00Z'),
    ).resolves.toBeDefined();
  });

  it("admins page through their own organization's log; HR may not read it", async () => {
    const admin = await city.login('admin');
    const otherAdmin = await other.login('admin');
    await otherAdmin.get('/api/v1/kpis/female_staff_ratio/people?fy=2025');

    const first = await admin.get<AuditPageDto>('/api/v1/audit?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.entries).toHaveLength(2);
    expect(first.body.nextBefore).not.toBeNull();
    const second = await admin.get<AuditPageDto>(
      `/api/v1/audit?limit=2&before=${first.body.nextBefore}`,
    );
    expect(Number(second.body.entries[0]!.id)).toBeLessThan(
      Number(first.body.entries[1]!.id),
    );
    const all = await admin.get<AuditPageDto>('/api/v1/audit?limit=500');
    const ids = new Set(all.body.entries.map((entry) => entry.accountId));
    expect(ids.has(await accountId(other, 'admin'))).toBe(false);
    expect(ids.has(await accountId(city, 'hr'))).toBe(true);
    expect(
      all.body.entries.find((entry) => entry.role === 'hr')?.username,
    ).toBe(city.usernames.hr);

    expect((await hr.get('/api/v1/audit')).status).toBe(403);
    expect((await hr.get('/api/v1/audit/export?format=csv')).status).toBe(403);
  });

  it('the export is a CSV Excel opens as UTF-8, or an .xlsx', async () => {
    const admin = await city.login('admin');
    const csv = await admin.get<Buffer>('/api/v1/audit/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const text = csv.body.toString('utf8');
    expect(text.startsWith('\uFEFF番号,日時 (UTC),ユーザー名')).toBe(true);
    expect(text).toContain('/api/v1/kpis/:code/people');
    const xlsx = await admin.get<Buffer>('/api/v1/audit/export?format=xlsx');
    expect(xlsx.status).toBe(200);
    expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');
  });

  it('the .xlsx export is streamed page by page (5,000 rows a query): every entry of the period once, newest first, formulas neutralized', async () => {
    // 12,345 entries on one past day: three pages of 5,000 rows. The route of every 1,000th
    // starts with "=" to check the neutralisation on every page.
    const count = 12_345;
    await testDatabase().query(
      `INSERT INTO audit_log (occurred_at, organization_id, role, action, method, route, status)
       SELECT timestamptz '2020-01-15 09:00:00+00' + g * interval '1 second', $1, 'hr', 'read', 'GET',
              CASE WHEN g % 1000 = 0 THEN '=cmd|' || g ELSE '/api/v1/bulk/' || g END, 200
         FROM generate_series(1, $2::int) g`,
      [city.organizationId, count],
    );
    const admin = await city.login('admin');
    const response = await admin.get<Buffer>(
      '/api/v1/audit/export?format=xlsx&from=2020-01-15&to=2020-01-15',
    );
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('監査ログ')!;
    const routes: string[] = [];
    sheet.eachRow((row, number) => {
      if (number > 1) routes.push(String(row.getCell(8).value));
    });
    expect(routes).toHaveLength(count);
    const expected = Array.from({ length: count }, (_, index) => {
      const g = count - index;
      return g % 1000 === 0 ? `'=cmd|${g}` : `/api/v1/bulk/${g}`;
    });
    expect(routes).toEqual(expected);
    expect(sheet.getRow(1).getCell(8).value).toBe('ルート');
  });
});
