import type {
  ApiErrorDto,
  ImportJobDto,
  KpiValueDto,
  OrgUnitDto,
  Role,
} from '@ikuboard/shared/contracts';

import { ApiClient } from '../support/api-client';
import { closeTestDatabase } from '../support/database';
import { createTenant, type Tenant } from '../support/tenant';
import { UNIT_HEADER, workbook } from '../support/xlsx';

async function expectError(
  response: { status: number; body: unknown },
  status: number,
  code: string,
): Promise<void> {
  expect(response.status).toBe(status);
  const body = response.body as ApiErrorDto;
  expect(body.code).toBe(code);
  expect(body.message.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
  expect(body.message.en).toMatch(/[A-Za-z]/);
}

describe('access control and tenant isolation', () => {
  let cityA: Tenant;
  let cityB: Tenant;
  let unitsFile: Buffer;

  beforeAll(async () => {
    [cityA, cityB] = await Promise.all([createTenant('a'), createTenant('b')]);
    unitsFile = await workbook('所属', UNIT_HEADER, [
      ['A1', '本庁', null, 'はい'],
      ['A2', '子育て支援課', 'A1', null],
    ]);
    const hrB = await cityB.login('hr');
    const fileB = await workbook('所属', UNIT_HEADER, [
      ['B-SECRET', '秘密の課', null, 'はい'],
    ]);
    expect(
      ((await hrB.import('units', fileB)).body as ImportJobDto).status,
    ).toBe('succeeded');
  });
  afterAll(closeTestDatabase);

  it('an anonymous caller gets 401 with a message in Japanese and English', async () => {
    const anonymous = new ApiClient();
    await expectError(
      await anonymous.get('/api/v1/kpis?fy=2025'),
      401,
      'UNAUTHENTICATED',
    );
    await expectError(
      await anonymous.get('/api/v1/org-units'),
      401,
      'UNAUTHENTICATED',
    );
  });

  it.each<Role>(['staff', 'committee', 'manager'])(
    'a %s account cannot import, download templates or export the roster',
    async (role) => {
      const client = await cityA.login(role);
      await expectError(
        await client.import('units', unitsFile),
        403,
        'FORBIDDEN',
      );
      await expectError(
        await client.get('/api/v1/imports/templates/roster'),
        403,
        'FORBIDDEN',
      );
      await expectError(
        await client.get('/api/v1/roster/export?asOf=2025-04-01'),
        403,
        'FORBIDDEN',
      );
      const figures = await client.get<KpiValueDto[]>('/api/v1/kpis?fy=2025');
      expect(figures.status).toBe(200);
    },
  );

  it('HR can import; a write without the CSRF header is refused', async () => {
    const hr = await cityA.login('hr');
    const token = hr.csrfToken;
    hr.csrfToken = null;
    await expectError(
      await hr.import('units', unitsFile),
      403,
      'CSRF_TOKEN_INVALID',
    );
    hr.csrfToken = 'forged';
    await expectError(
      await hr.import('units', unitsFile),
      403,
      'CSRF_TOKEN_INVALID',
    );
    hr.csrfToken = token;
    expect(
      ((await hr.import('units', unitsFile)).body as ImportJobDto).status,
    ).toBe('succeeded');
  });

  it("an account of one organization cannot see or reach another organization's data", async () => {
    const hrA = await cityA.login('hr');
    const units = (await hrA.get<OrgUnitDto[]>('/api/v1/org-units')).body;
    expect(units.map((unit) => unit.code)).not.toContain('B-SECRET');
    await expectError(
      await hrA.get('/api/v1/kpis?fy=2025&unit=B-SECRET'),
      404,
      'NOT_FOUND',
    );
    await expectError(
      await hrA.get('/api/v1/kpis/trend?code=female_staff_ratio&unit=B-SECRET'),
      404,
      'NOT_FOUND',
    );

    const hrB = await cityB.login('hr');
    const jobB = (
      await hrB.import(
        'units',
        await workbook('所属', UNIT_HEADER, [
          ['B2', '別の課', 'B-SECRET', null],
        ]),
        { dryRun: true },
      )
    ).body as ImportJobDto;
    await expectError(
      await hrA.get(`/api/v1/imports/${jobB.id}`),
      404,
      'NOT_FOUND',
    );
    expect((await hrB.get(`/api/v1/imports/${jobB.id}`)).status).toBe(200);
  });

  it('a wrong password is refused; five in a row lock the account', async () => {
    const client = new ApiClient();
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expectError(
        await client.post('/api/v1/auth/login', {
          username: cityA.usernames.committee,
          password: 'wrong',
        }),
        401,
        'INVALID_CREDENTIALS',
      );
    }
    await expectError(
      await client.post('/api/v1/auth/login', {
        username: cityA.usernames.committee,
        password: cityA.password,
      }),
      423,
      'ACCOUNT_LOCKED',
    );
    await expectError(
      await client.post('/api/v1/auth/login', {
        username: 'nobody-at-all',
        password: 'x',
      }),
      401,
      'INVALID_CREDENTIALS',
    );
  });

  it('the session cookie is http-only and SameSite; login rotates it and logout ends it', async () => {
    const client = new ApiClient();
    const first = await client.post('/api/v1/auth/login', {
      username: cityA.usernames.staff,
      password: cityA.password,
    });
    const cookie = first.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const firstToken = /ikb_session=([^;]+)/.exec(cookie)![1];

    await client.post('/api/v1/auth/login', {
      username: cityA.usernames.staff,
      password: cityA.password,
    });
    const stale = new ApiClient();
    (stale as unknown as { cookie: string }).cookie =
      `ikb_session=${firstToken}`;
    await expectError(
      await stale.get('/api/v1/auth/session'),
      401,
      'UNAUTHENTICATED',
    );

    expect((await client.get('/api/v1/auth/session')).status).toBe(200);
    expect((await client.post('/api/v1/auth/logout')).status).toBe(204);
    await expectError(
      await client.get('/api/v1/auth/session'),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('invalid query parameters get a bilingual validation error', async () => {
    const hr = await cityA.login('hr');
    await expectError(
      await hr.get('/api/v1/kpis?fy=abc'),
      400,
      'VALIDATION_FAILED',
    );
    await expectError(
      await hr.get('/api/v1/kpis?fy=2025&category=boss'),
      400,
      'VALIDATION_FAILED',
    );
    await expectError(
      await hr.get('/api/v1/kpis?fy=2025&drop=table'),
      400,
      'VALIDATION_FAILED',
    );
  });
});
