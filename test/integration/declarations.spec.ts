import { createHash } from 'node:crypto';

import type {
  ApiErrorDto,
  IkubossCampaignDetailDto,
  IkubossCampaignDto,
  IkubossDeclarationDto,
  IkubossTemplateDto,
  ImportJobDto,
  KpiBreakdownDto,
  KpiPeopleDto,
  KpiValueDto,
  PublicIkubossDto,
  SessionDto,
} from '@ikuboard/shared/contracts';

import { createAccount } from '../../api/src/app/setup/organization-setup';
import { ApiClient } from '../support/api-client';
import {
  closeTestDatabase,
  queryable,
  testDatabase,
} from '../support/database';
import { createTenant, type Tenant } from '../support/tenant';
import { ROSTER_HEADER, UNIT_HEADER, workbook } from '../support/xlsx';

/*
 * A small city, counted by hand. Units: 本庁 HQ (employer) → 総務部 D1 → 人事課 S1, 財政課 S2;
 * HQ → 福祉部 D2 → 子育て支援課 S3; 教育委員会 EDU (employer) → 学校教育課 S4.
 * The FY2025 campaign requires 部長級・次長級・課長級 of HQ in service on 2025-04-01:
 * M01 (D1), M02 (S1), M03 (S2), M04 (D2), M05 (S3), M08 (S1, 再任用) = 6.
 * Not required: M06 (課長補佐級), M07 (EDU), M09 (一般), M10 (left on 2025-03-31).
 * The FY2024 campaign requires 課長級 of the whole city on 2024-04-01:
 * M02, M03, M05, M07, M08, M10 = 6.
 */
const PERMANENT = '任期の定めのない常勤';
const person = (
  number: string,
  name: string,
  unit: string,
  stage: string,
  category = PERMANENT,
  separation: string | null = null,
) => [
  number,
  name,
  '男性',
  unit,
  stage,
  category,
  '2000-04-01',
  separation,
  null,
  null,
  null,
];
const ROSTER = [
  person('M01', '部長 一郎', 'D1', '部長級'),
  person('M02', '課長 二郎', 'S1', '課長級'),
  person('M03', '課長 三郎', 'S2', '課長級'),
  person('M04', '部長 四郎', 'D2', '部長級'),
  person('M05', '課長 五郎', 'S3', '課長級'),
  person('M06', '補佐 六郎', 'S3', '課長補佐級'),
  person('M07', '課長 七郎', 'S4', '課長級'),
  person('M08', '課長 八郎', 'S1', '課長級', '再任用'),
  person('M09', '職員 九郎', 'S3', '一般'),
  person('M10', '課長 十郎', 'S2', '課長級', PERMANENT, '2025-03-31'),
];

const PLEDGES = [
  '部下のライフに理解を示します。',
  '両立支援制度の取得を促します。',
  '会議を短くします。',
];
const TITLE = 'テスト市イクボス宣言';
const PREAMBLE = '私は「イクボス」となることを宣言します。';

/** The documented canonical format (docs/ikuboss.md), written out independently of the API. */
function expectedText(
  declarers: { name: string; title: string; unit: string; actions: string[] }[],
  witness: string | null,
  date: string,
): string {
  const lines = [
    TITLE,
    '年度: 2025',
    '',
    PREAMBLE,
    '',
    '1. 部下のライフに理解を示します。',
    '2. 両立支援制度の取得を促します。',
    '3. 会議を短くします。',
    '',
  ];
  for (const d of declarers) {
    lines.push(`宣言者: ${d.name}(${d.title}・${d.unit})`);
    d.actions.forEach((a, i) => lines.push(`  アクション${i + 1}: ${a}`));
  }
  if (witness) lines.push(`立会人: ${witness}`);
  lines.push(`宣言日: ${date}`);
  return lines.join('\n');
}

const tokyoDate = (iso: string): string =>
  new Date(new Date(iso).getTime() + 9 * 3600_000).toISOString().slice(0, 10);

function expectCode(
  response: { status: number; body: unknown },
  status: number,
  code?: string,
): void {
  expect(response.status).toBe(status);
  const body = response.body as ApiErrorDto;
  if (code) expect(body.code).toBe(code);
  expect(body.message.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
  expect(body.message.en).toMatch(/[A-Za-z]/);
}

describe('Ikuboss declarations', () => {
  let city: Tenant;
  let other: Tenant;
  let hr: ApiClient;
  const as: Record<string, ApiClient> = {};
  let template: IkubossTemplateDto;
  let campaign2025: IkubossCampaignDto;
  const declarationOf: Record<string, IkubossDeclarationDto> = {};

  const post = <T>(who: ApiClient, path: string, body?: object) =>
    who.post<T>(`/api/v1/ikuboss${path}`, body);
  const put = <T>(who: ApiClient, path: string, body: object) =>
    who.request<T>('PUT', `/api/v1/ikuboss${path}`, body);
  const get = <T>(who: ApiClient, path: string) =>
    who.get<T>(`/api/v1/ikuboss${path}`);

  async function declare(
    who: string,
    actions: string[],
    extra: { isPublic?: boolean; witness?: string } = {},
  ): Promise<IkubossDeclarationDto> {
    const created = await post<IkubossDeclarationDto>(
      as[who]!,
      '/declarations',
      {
        fiscalYear: 2025,
      },
    );
    expect(created.status).toBe(201);
    const updated = await put<IkubossDeclarationDto>(
      as[who]!,
      `/declarations/${created.body.id}`,
      { actions, ...extra },
    );
    expect(updated.status).toBe(200);
    const signed = await post<IkubossDeclarationDto>(
      as[who]!,
      `/declarations/${created.body.id}/sign`,
      { confirm: true },
    );
    expect(signed.status).toBe(200);
    return signed.body;
  }

  beforeAll(async () => {
    [city, other] = await Promise.all([
      createTenant('iku'),
      createTenant('iku-other'),
    ]);
    hr = await city.login('hr');
    const units = (
      await hr.import(
        'units',
        await workbook('所属', UNIT_HEADER, [
          ['HQ', '本庁', null, 'はい'],
          ['D1', '総務部', 'HQ', null],
          ['S1', '人事課', 'D1', null],
          ['S2', '財政課', 'D1', null],
          ['D2', '福祉部', 'HQ', null],
          ['S3', '子育て支援課', 'D2', null],
          ['EDU', '教育委員会', null, 'はい'],
          ['S4', '学校教育課', 'EDU', null],
        ]),
      )
    ).body as ImportJobDto;
    expect(units.status).toBe('succeeded');
    const roster = (
      await hr.import('roster', await workbook('職員', ROSTER_HEADER, ROSTER), {
        asOf: '2025-04-01',
      })
    ).body as ImportJobDto;
    expect(roster.status).toBe('succeeded');
    const employees = (await queryable.query(
      `SELECT id, employee_number FROM employee WHERE organization_id = $1`,
      [city.organizationId],
    )) as { id: string; employee_number: string }[];
    for (const number of ['M01', 'M02', 'M03', 'M04', 'M05', 'M07', 'M09']) {
      const username = `${city.code}-${number}`.toLowerCase();
      await createAccount(queryable, {
        organizationId: city.organizationId,
        username,
        displayName: number,
        password: city.password,
        role: number === 'M09' ? 'staff' : 'manager',
        employeeId: employees.find((e) => e.employee_number === number)!.id,
      });
      as[number] = await ApiClient.login(username, city.password);
    }

    template = (
      await post<IkubossTemplateDto>(hr, '/templates', {
        name: '10か条',
        title: TITLE,
        preamble: PREAMBLE,
        pledges: PLEDGES,
      })
    ).body;
    const created2025 = await post<IkubossCampaignDto>(hr, '/campaigns', {
      name: '令和7年度 本庁 課長級以上',
      fiscalYear: 2025,
      scopeUnitCode: 'HQ',
      stageCodes: ['bucho', 'jicho', 'kacho'],
      templateId: template.id,
      deadline: '2025-06-30',
    });
    expect(created2025.status).toBe(201);
    campaign2025 = created2025.body;
    // A campaign for FY2024 as well.
    await post<IkubossCampaignDto>(hr, '/campaigns', {
      name: '令和6年度 課長級',
      fiscalYear: 2024,
      scopeUnitCode: null,
      stageCodes: ['kacho'],
      templateId: template.id,
      deadline: '2024-06-30',
    });

    declarationOf['M02'] = await declare('M02', ['定時退庁日を徹底します。'], {
      isPublic: true,
      witness: '立会 太郎',
    });
    declarationOf['M01'] = await declare('M01', ['会議は30分以内にします。'], {
      isPublic: true,
    });
    declarationOf['M07'] = await declare('M07', ['面談をします。'], {
      isPublic: true,
    });
  });
  afterAll(closeTestDatabase);

  it('signing stores the SHA-256 of the exact canonical text, with name, title and unit captured', () => {
    const signed = declarationOf['M02']!;
    expect(signed.status).toBe('signed');
    const text = expectedText(
      [
        {
          name: '課長 二郎',
          title: '課長級',
          unit: '人事課',
          actions: ['定時退庁日を徹底します。'],
        },
      ],
      '立会 太郎',
      tokyoDate(signed.signedAt!),
    );
    expect(signed.signedText).toBe(text);
    expect(signed.signedHash).toBe(
      createHash('sha256').update(text, 'utf8').digest('hex'),
    );
    expect(signed.signedDate).toBe(tokyoDate(signed.signedAt!));
    expect(signed.declarers[0]).toMatchObject({
      nameAtSigning: '課長 二郎',
      titleAtSigning: '課長級',
      unitAtSigning: '人事課',
    });
  });

  it('the session carries the linked employee’s 職員番号 (null for an account without one)', async () => {
    const session = (await as['M03']!.get<SessionDto>('/api/v1/auth/session'))
      .body;
    expect([session.employeeNumber, session.employeeId]).toEqual([
      'M03',
      expect.any(String),
    ]);
    const hrSession = (await hr.get<SessionDto>('/api/v1/auth/session')).body;
    expect([hrSession.employeeId, hrSession.employeeNumber]).toEqual([
      null,
      null,
    ]);
    // The login answer is the same session description.
    const login = await new ApiClient().post<SessionDto>('/api/v1/auth/login', {
      username: `${city.code}-M09`.toLowerCase(),
      password: city.password,
    });
    expect(login.body.employeeNumber).toBe('M09');
  });

  it('a joint declaration is signed when the last declarer signs, and covers every declarer', async () => {
    // The manager starts it as the page does: their own number from the session, then the co-declarer's.
    const own = (await as['M03']!.get<SessionDto>('/api/v1/auth/session')).body
      .employeeNumber!;
    const created = await post<IkubossDeclarationDto>(
      as['M03']!,
      '/declarations',
      {
        fiscalYear: 2025,
        declarerEmployeeNumbers: [own, 'M05'],
      },
    );
    expect(created.status).toBe(201);
    expect(created.body.kind).toBe('joint');
    const id = created.body.id;
    await put(as['M03']!, `/declarations/${id}`, {
      actions: ['三郎の行動1', '三郎の行動2'],
    });
    await put(as['M05']!, `/declarations/${id}`, { actions: ['五郎の行動'] });
    const first = await post<IkubossDeclarationDto>(
      as['M03']!,
      `/declarations/${id}/sign`,
      {
        confirm: true,
      },
    );
    expect(first.body.status).toBe('draft');
    expect(first.body.signedHash).toBeNull();
    // Once a co-declarer has signed, nobody may change the content they signed.
    expectCode(
      await put(as['M05']!, `/declarations/${id}`, { actions: ['書き換え'] }),
      409,
      'IKUBOSS_SIGNATURE_STARTED',
    );
    expectCode(
      await post(as['M03']!, `/declarations/${id}/sign`, { confirm: true }),
      409,
      'IKUBOSS_ALREADY_SIGNED_BY_YOU',
    );
    const last = await post<IkubossDeclarationDto>(
      as['M05']!,
      `/declarations/${id}/sign`,
      {
        confirm: true,
      },
    );
    expect(last.body.status).toBe('signed');
    const text = expectedText(
      [
        {
          name: '課長 三郎',
          title: '課長級',
          unit: '財政課',
          actions: ['三郎の行動1', '三郎の行動2'],
        },
        {
          name: '課長 五郎',
          title: '課長級',
          unit: '子育て支援課',
          actions: ['五郎の行動'],
        },
      ],
      null,
      tokyoDate(last.body.signedAt!),
    );
    expect(last.body.signedText).toBe(text);
    expect(last.body.signedHash).toBe(
      createHash('sha256').update(text).digest('hex'),
    );
    declarationOf['M03'] = last.body;
  });

  it('the database refuses to change or delete a signed declaration; only the revocation and the public consent may be set', async () => {
    const db = testDatabase();
    const id = declarationOf['M02']!.id;
    await expect(
      db.query(
        `UPDATE ikuboss_declaration SET title = 'すり替え' WHERE id = $1`,
        [id],
      ),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      db.query(
        `UPDATE ikuboss_declaration SET signed_hash = repeat('0', 64) WHERE id = $1`,
        [id],
      ),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      db.query(
        `UPDATE ikuboss_declaration SET pledges = '["別の誓い"]' WHERE id = $1`,
        [id],
      ),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      db.query(
        `UPDATE ikuboss_declarer SET action_1 = '改ざん' WHERE declaration_id = $1`,
        [id],
      ),
    ).rejects.toThrow(/cannot be changed/);
    await expect(
      db.query(`DELETE FROM ikuboss_declaration WHERE id = $1`, [id]),
    ).rejects.toThrow(/cannot be deleted/);
    await expect(
      db.query(`DELETE FROM ikuboss_declarer WHERE declaration_id = $1`, [id]),
    ).rejects.toThrow(/cannot be deleted/);
    await expect(
      db.query(
        `INSERT INTO ikuboss_declarer (organization_id, declaration_id, employee_id, position)
         SELECT organization_id, $1, id, 9 FROM employee WHERE organization_id = $2 AND employee_number = 'M06'`,
        [id, city.organizationId],
      ),
    ).rejects.toThrow(/no new declarer/);
    const [row] = (
      await db.query(
        `SELECT title, signed_hash FROM ikuboss_declaration WHERE id = $1`,
        [id],
      )
    ).rows;
    expect(row).toEqual({
      title: TITLE,
      signed_hash: declarationOf['M02']!.signedHash,
    });
    // Positive controls: the consent column of a signed row and any column of a draft may change.
    await db.query(
      `UPDATE ikuboss_declaration SET is_public = is_public WHERE id = $1`,
      [id],
    );
    const draft = await post<IkubossDeclarationDto>(
      as['M04']!,
      '/declarations',
      { fiscalYear: 2025 },
    );
    declarationOf['M04'] = draft.body;
    await db.query(
      `UPDATE ikuboss_declaration SET witness = '下書きは変更可' WHERE id = $1`,
      [draft.body.id],
    );
  });

  it('revoke needs a reason, happens once and only to a signed declaration; the revocation is then fixed', async () => {
    const id = declarationOf['M01']!.id;
    expectCode(
      await post(as['M01']!, `/declarations/${id}/revoke`, { reason: '' }),
      400,
    );
    const revoked = await post<IkubossDeclarationDto>(
      as['M01']!,
      `/declarations/${id}/revoke`,
      {
        reason: '異動のため',
      },
    );
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({
      status: 'revoked',
      revokedReason: '異動のため',
    });
    expect(revoked.body.signedHash).toBe(declarationOf['M01']!.signedHash);
    expectCode(
      await post(as['M01']!, `/declarations/${id}/revoke`, {
        reason: 'もう一度',
      }),
      409,
      'IKUBOSS_ALREADY_REVOKED',
    );
    expectCode(
      await post(
        as['M04']!,
        `/declarations/${declarationOf['M04']!.id}/revoke`,
        { reason: 'x' },
      ),
      409,
      'IKUBOSS_NOT_SIGNED',
    );
    await expect(
      testDatabase().query(
        `UPDATE ikuboss_declaration SET revoked_reason = '書き換え' WHERE id = $1`,
        [id],
      ),
    ).rejects.toThrow(/already recorded/);
  });

  it('renew makes a next-year draft pre-filled from the signed declaration, once', async () => {
    const source = declarationOf['M02']!;
    const renewed = await post<IkubossDeclarationDto>(
      as['M02']!,
      `/declarations/${source.id}/renew`,
    );
    expect(renewed.status).toBe(201);
    expect(renewed.body).toMatchObject({
      fiscalYear: 2026,
      status: 'draft',
      previousId: source.id,
      title: TITLE,
      pledges: PLEDGES,
      witness: '立会 太郎',
      isPublic: true,
      signedHash: null,
    });
    expect(
      renewed.body.declarers.map((d) => [d.employeeNumber, d.actions]),
    ).toEqual([['M02', ['定時退庁日を徹底します。']]]);
    const again = await post(as['M02']!, `/declarations/${source.id}/renew`);
    expectCode(again, 409, 'IKUBOSS_ALREADY_RENEWED');
    expectCode(
      await post(as['M04']!, `/declarations/${declarationOf['M04']!.id}/renew`),
      409,
      'IKUBOSS_NOT_SIGNED',
    );
    const mine = (
      await get<IkubossDeclarationDto[]>(as['M02']!, '/declarations/mine')
    ).body;
    expect(mine.map((d) => [d.fiscalYear, d.status])).toEqual([
      [2026, 'draft'],
      [2025, 'signed'],
    ]);
    expect(mine[1]!.renewedById).toBe(renewed.body.id);
  });

  it('signing needs the explicit confirmation and one or two actions of at most 100 characters', async () => {
    const id = declarationOf['M04']!.id;
    expectCode(
      await post(as['M04']!, `/declarations/${id}/sign`, { confirm: true }),
      400,
    );
    expectCode(
      await put(as['M04']!, `/declarations/${id}`, {
        actions: ['あ'.repeat(101)],
      }),
      400,
    );
    expectCode(
      await put(as['M04']!, `/declarations/${id}`, {
        actions: ['一', '二', '三'],
      }),
      400,
    );
    expect(
      (
        await put(as['M04']!, `/declarations/${id}`, {
          actions: ['あ'.repeat(100)],
        })
      ).status,
    ).toBe(200);
    expectCode(
      await post(as['M04']!, `/declarations/${id}/sign`, { confirm: false }),
      400,
    );
    expect(
      (await get<IkubossDeclarationDto>(as['M04']!, `/declarations/${id}`)).body
        .status,
    ).toBe('draft');
  });

  it('campaign completion per unit and the not-declared list match the hand count', async () => {
    const detail = (
      await get<IkubossCampaignDetailDto>(hr, `/campaigns/${campaign2025.id}`)
    ).body;
    // Declared: M02, and M03 + M05 jointly; M01 revoked, M04 only a draft, M08 nothing.
    expect([detail.required, detail.declared]).toEqual([6, 3]);
    expect(detail.viewRootUnitCode).toBe('HQ');
    expect(
      detail.units.map((u) => [u.unitCode, u.required, u.declared, u.percent]),
    ).toEqual([
      ['D1', 4, 2, 50],
      ['D2', 2, 1, 50],
    ]);
    expect(
      detail.notDeclared.map((p) => [
        p.employeeNumber,
        p.unitCode,
        p.draftDeclarationId,
      ]),
    ).toEqual([
      ['M01', 'D1', null],
      ['M04', 'D2', declarationOf['M04']!.id],
      ['M08', 'S1', null],
    ]);
    const drill = (
      await get<IkubossCampaignDetailDto>(
        hr,
        `/campaigns/${campaign2025.id}?unit=D1`,
      )
    ).body;
    expect(
      drill.units.map((u) => [u.unitCode, u.required, u.declared]),
    ).toEqual([
      ['D1', 1, 0],
      ['S1', 2, 1],
      ['S2', 1, 1],
    ]);
    const list = (await get<IkubossCampaignDto[]>(hr, '/campaigns')).body;
    expect(list.map((c) => [c.fiscalYear, c.required, c.declared])).toEqual([
      [2025, 6, 3],
      [2024, 6, 0],
    ]);
  });

  it('a department head sees only their own subtree; a section chief cannot look beyond theirs', async () => {
    const head = (
      await get<IkubossCampaignDetailDto>(
        as['M01']!,
        `/campaigns/${campaign2025.id}`,
      )
    ).body;
    expect(head.viewRootUnitCode).toBe('D1');
    expect([head.required, head.declared]).toEqual([4, 2]);
    expect(head.units.map((u) => [u.unitCode, u.required, u.declared])).toEqual(
      [
        ['D1', 1, 0],
        ['S1', 2, 1],
        ['S2', 1, 1],
      ],
    );
    expect(head.notDeclared.map((p) => p.employeeNumber)).toEqual([
      'M01',
      'M08',
    ]);
    const chief = (
      await get<IkubossCampaignDetailDto>(
        as['M02']!,
        `/campaigns/${campaign2025.id}`,
      )
    ).body;
    expect(chief.notDeclared.map((p) => p.employeeNumber)).toEqual(['M08']);
    expectCode(
      await get(as['M02']!, `/campaigns/${campaign2025.id}?unit=D2`),
      403,
      'IKUBOSS_OUTSIDE_SUBTREE',
    );
    const list = (await get<IkubossCampaignDto[]>(as['M01']!, '/campaigns'))
      .body;
    expect(list.map((c) => [c.fiscalYear, c.required, c.declared])).toEqual([
      [2025, 4, 2],
      [2024, 4, 0],
    ]);
  });

  it('the coverage KPI counts signed, unrevoked declarations of the FY over the FY campaign, per unit subtree', async () => {
    const coverage = async (query: string) =>
      (
        await hr.get<KpiValueDto[]>(
          `/api/v1/kpis?code=ikuboss_declaration_coverage&${query}`,
        )
      ).body.map((v) => [v.numerator, v.denominator, v.value]);
    expect(await coverage('fy=2025')).toEqual([[3, 6, 50]]);
    expect(await coverage('fy=2025&unit=D1')).toEqual([[2, 4, 50]]);
    expect(await coverage('fy=2025&unit=S3')).toEqual([[1, 1, 100]]);
    expect(await coverage('fy=2025&unit=EDU')).toEqual([[0, 0, null]]);
    // FY2024: 課長級 city-wide on 2024-04-01 (M02, M03, M05, M07, M08, M10); FY2025 declarations do not count.
    expect(await coverage('fy=2024')).toEqual([[0, 6, 0]]);
    expect(await coverage('fy=2023')).toEqual([[0, 0, null]]);
    const employers = (
      await hr.get<KpiBreakdownDto[]>(
        '/api/v1/kpis/breakdown?code=ikuboss_declaration_coverage&fy=2025&by=employer_unit',
      )
    ).body;
    expect(
      employers.map((u) => [
        u.unitCode,
        u.values[0]!.numerator,
        u.values[0]!.denominator,
      ]),
    ).toEqual([
      ['HQ', 3, 6],
      ['EDU', 0, 0],
    ]);
    // HR's drill-down lists the same people.
    const people = (
      await hr.get<KpiPeopleDto>(
        '/api/v1/kpis/ikuboss_declaration_coverage/people?fy=2025&unit=D1',
      )
    ).body;
    expect(people.numerator.map((p) => p.employeeNumber)).toEqual([
      'M02',
      'M03',
    ]);
    expect(people.denominator.map((p) => p.employeeNumber)).toEqual([
      'M01',
      'M02',
      'M03',
      'M08',
    ]);
    // One FY2024 declaration by M07 (教育委員会, required in FY2024 only) moves FY2024 and nothing else.
    const created = await post<IkubossDeclarationDto>(
      as['M07']!,
      '/declarations',
      { fiscalYear: 2024 },
    );
    await put(as['M07']!, `/declarations/${created.body.id}`, {
      actions: ['前年度の宣言'],
    });
    await post(as['M07']!, `/declarations/${created.body.id}/sign`, {
      confirm: true,
    });
    expect(await coverage('fy=2024')).toEqual([[1, 6, (1 / 6) * 100]]);
    expect(await coverage('fy=2025')).toEqual([[3, 6, 50]]);
  });

  it('staff cannot sign or manage; a manager cannot sign for someone else; HR cannot sign in a declarer’s place', async () => {
    const draftId = declarationOf['M04']!.id;
    expectCode(
      await post(as['M09']!, '/declarations', { fiscalYear: 2025 }),
      403,
      'FORBIDDEN',
    );
    expectCode(
      await post(as['M09']!, `/declarations/${draftId}/sign`, {
        confirm: true,
      }),
      403,
      'FORBIDDEN',
    );
    expectCode(await get(as['M09']!, '/campaigns'), 403, 'FORBIDDEN');
    expectCode(await get(as['M02']!, '/templates'), 403, 'FORBIDDEN');
    expectCode(
      await post(as['M02']!, '/campaigns', {
        ...campaign2025,
        stageCodes: ['kacho'],
      }),
      403,
      'FORBIDDEN',
    );
    // Someone else's declaration does not exist for a manager; HR sees it but cannot sign it.
    expectCode(
      await post(as['M02']!, `/declarations/${draftId}/sign`, {
        confirm: true,
      }),
      404,
    );
    expectCode(await get(as['M02']!, `/declarations/${draftId}`), 404);
    expectCode(
      await post(hr, `/declarations/${draftId}/sign`, { confirm: true }),
      403,
      'IKUBOSS_NOT_DECLARER',
    );
    // A manager may start a joint declaration only with themselves among the declarers.
    expectCode(
      await post(as['M02']!, '/declarations', {
        fiscalYear: 2027,
        declarerEmployeeNumbers: ['M08'],
      }),
      403,
      'IKUBOSS_NOT_DECLARER',
    );
    expect(
      (await get<IkubossDeclarationDto>(as['M04']!, `/declarations/${draftId}`))
        .body.status,
    ).toBe('draft');
  });

  it('another organization can neither read nor sign, and sees none of its campaigns', async () => {
    const otherHr = await other.login('hr');
    const otherManager = await other.login('manager');
    const id = declarationOf['M04']!.id;
    expectCode(await get(otherHr, `/declarations/${id}`), 404);
    expectCode(
      await post(otherHr, `/declarations/${id}/revoke`, { reason: 'x' }),
      404,
    );
    expectCode(
      await post(otherManager, `/declarations/${id}/sign`, { confirm: true }),
      404,
    );
    expectCode(await get(otherHr, `/campaigns/${campaign2025.id}`), 404);
    expect(
      (await get<IkubossCampaignDto[]>(otherHr, '/campaigns')).body,
    ).toEqual([]);
    expect(
      (await get<IkubossDeclarationDto[]>(otherHr, '/declarations?fy=2025'))
        .body,
    ).toEqual([]);
  });

  it('the public list shows only signed, unrevoked, opted-in declarers with name, title, unit and year', async () => {
    const anonymous = new ApiClient();
    const response = await anonymous.get<PublicIkubossDto[]>(
      `/api/v1/public/organizations/${city.code}/ikubosses?fy=2025`,
    );
    expect(response.status).toBe(200);
    // M02 and M07 opted in; M01 opted in but revoked; M03/M05 did not opt in; M04 did not sign.
    expect(response.body).toEqual([
      { name: '課長 二郎', title: '課長級', unit: '人事課', fiscalYear: 2025 },
      {
        name: '課長 七郎',
        title: '課長級',
        unit: '学校教育課',
        fiscalYear: 2025,
      },
    ]);
    const all = (
      await anonymous.get<PublicIkubossDto[]>(
        `/api/v1/public/organizations/${city.code}/ikubosses`,
      )
    ).body;
    expect(all.map((p) => p.fiscalYear)).toEqual([2025, 2025]);
    // Withdrawing consent after signing is allowed and takes the name off the list.
    await put(as['M02']!, `/declarations/${declarationOf['M02']!.id}`, {
      isPublic: false,
    });
    const after = (
      await anonymous.get<PublicIkubossDto[]>(
        `/api/v1/public/organizations/${city.code}/ikubosses?fy=2025`,
      )
    ).body;
    expect(after.map((p) => p.name)).toEqual(['課長 七郎']);
    expectCode(
      await anonymous.get(
        '/api/v1/public/organizations/no-such-city/ikubosses',
      ),
      404,
    );
    expect(
      (
        await anonymous.get<unknown[]>(
          `/api/v1/public/organizations/${other.code}/ikubosses`,
        )
      ).body,
    ).toEqual([]);
  });

  it('editing the template changes new declarations only', async () => {
    const edited = await put<IkubossTemplateDto>(
      hr,
      `/templates/${template.id}`,
      {
        name: '10か条',
        title: '改訂版の宣言',
        preamble: PREAMBLE,
        pledges: ['新しい誓い'],
      },
    );
    expect(edited.status).toBe(200);
    const signed = (
      await get<IkubossDeclarationDto>(
        hr,
        `/declarations/${declarationOf['M02']!.id}`,
      )
    ).body;
    expect(signed.title).toBe(TITLE);
    expect(signed.pledges).toEqual(PLEDGES);
    const fresh = await post<IkubossDeclarationDto>(hr, '/declarations', {
      fiscalYear: 2025,
      declarerEmployeeNumbers: ['M08'],
    });
    expect(fresh.status).toBe(201);
    expect([fresh.body.title, fresh.body.pledges]).toEqual([
      '改訂版の宣言',
      ['新しい誓い'],
    ]);
    expectCode(
      await post(hr, '/declarations', {
        fiscalYear: 2025,
        declarerEmployeeNumbers: ['M08'],
      }),
      409,
      'IKUBOSS_DECLARATION_EXISTS',
    );
  });
});
