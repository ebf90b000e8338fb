import { randomUUID } from 'node:crypto';

import type {
  ApiErrorDto,
  KpiValueDto,
  Review360AssignmentDto,
  Review360CellDto,
  Review360CycleDto,
  Review360OverviewDto,
  Review360QuestionnaireDto,
  Review360ReportDto,
  Review360TaskDto,
} from '@ikuboard/shared/contracts';
import ExcelJS from 'exceljs';

import { createAccount } from '../../api/src/app/setup/organization-setup';
import { ApiClient } from '../support/api-client';
import {
  closeTestDatabase,
  queryable,
  testDatabase,
} from '../support/database';
import { createTenant, type Tenant } from '../support/tenant';

/*
 * A small city: 総務部 (R) headed by director D, with three sections under it.
 *   A: manager MA, five staff a1..a5 (+ a6 hired a month before the reference date)
 *   B: manager MB, two staff b1, b2
 *   C: manager MC, three staff c1..c3
 * Everyone but a6 answers, so MA has 5 subordinate answers, MB 2 and MC 3; D gets none.
 */
const REFERENCE_DATE = '2025-10-01';
const PEOPLE = [
  { no: 'D', unit: 'R', stage: 'bucho', boss: null },
  { no: 'MA', unit: 'A', stage: 'kacho', boss: 'D' },
  { no: 'MB', unit: 'B', stage: 'kacho', boss: 'D' },
  { no: 'MC', unit: 'C', stage: 'kacho', boss: 'D' },
  ...['a1', 'a2', 'a3', 'a4', 'a5'].map((no) => ({
    no,
    unit: 'A',
    stage: 'ippan',
    boss: 'MA',
  })),
  { no: 'a6', unit: 'A', stage: 'ippan', boss: 'MA', hired: '2025-09-01' },
  { no: 'b1', unit: 'B', stage: 'ippan', boss: 'MB' },
  { no: 'b2', unit: 'B', stage: 'ippan', boss: 'MB' },
  ...['c1', 'c2', 'c3'].map((no) => ({
    no,
    unit: 'C',
    stage: 'ippan',
    boss: 'MC',
  })),
] as {
  no: string;
  unit: string;
  stage: string;
  boss: string | null;
  hired?: string;
}[];

let tenant: Tenant;
let hr: ApiClient;
const ids = new Map<string, string>();
const clients = new Map<string, ApiClient>();
let cycle: Review360CycleDto;
let questionnaire: Review360QuestionnaireDto;
let ratingIds: string[];
let keepDoingId: string;

async function buildCity(): Promise<void> {
  const db = testDatabase();
  const org = tenant.organizationId;
  const unit = async (code: string, parent: string | null) => {
    const [{ id }] = (
      await db.query(
        `INSERT INTO org_unit (organization_id, code, name, parent_id) VALUES ($1, $2, $3, $4) RETURNING id`,
        [org, code, `${code}課`, parent],
      )
    ).rows as [{ id: string }];
    return id;
  };
  const units = new Map<string, string>();
  units.set('R', await unit('R', null));
  for (const code of ['A', 'B', 'C'])
    units.set(code, await unit(code, units.get('R')!));
  await db.query(
    `INSERT INTO org_unit_closure (organization_id, ancestor_id, descendant_id, depth)
     SELECT $1, a, d, depth FROM unnest($2::uuid[], $3::uuid[], $4::int[]) AS t (a, d, depth)`,
    [
      org,
      [...units.values(), ...['A', 'B', 'C'].map(() => units.get('R')!)],
      [...units.values(), ...['A', 'B', 'C'].map((c) => units.get(c)!)],
      [0, 0, 0, 0, 1, 1, 1],
    ],
  );
  const stage = async (code: string) =>
    (
      await db.query(
        `SELECT id FROM position_stage WHERE organization_id = $1 AND code = $2`,
        [org, code],
      )
    ).rows[0].id as string;
  const category = (
    await db.query(
      `SELECT id FROM employment_category WHERE organization_id = $1 AND code = 'permanent'`,
      [org],
    )
  ).rows[0].id as string;
  for (const person of PEOPLE) {
    const id = randomUUID();
    ids.set(person.no, id);
    await db.query(
      `INSERT INTO employee (id, organization_id, employee_number, name, gender, hire_date, supervisor_id)
       VALUES ($1, $2, $3, $4, 'female', $5, $6)`,
      [
        id,
        org,
        person.no,
        `職員${person.no}`,
        person.hired ?? '2015-04-01',
        person.boss ? ids.get(person.boss) : null,
      ],
    );
    await db.query(
      `INSERT INTO assignment (organization_id, employee_id, valid_from, org_unit_id, position_stage_id, employment_category_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        org,
        id,
        person.hired ?? '2015-04-01',
        units.get(person.unit),
        await stage(person.stage),
        category,
      ],
    );
    const username = `${tenant.code}-${person.no}`.toLowerCase();
    await createAccount(queryable, {
      organizationId: org,
      username,
      displayName: person.no,
      password: tenant.password,
      role: person.stage === 'ippan' ? 'staff' : 'manager',
      employeeId: id,
    });
  }
}

async function as(no: string): Promise<ApiClient> {
  let client = clients.get(no);
  if (!client) {
    client = await ApiClient.login(
      `${tenant.code}-${no}`.toLowerCase(),
      tenant.password,
    );
    clients.set(no, client);
  }
  return client;
}

/** Rater i's answer to rating item j: a fixed pattern, with a5 unable to rate item 0. */
function scoreOf(rater: string, item: number): number | null {
  if (rater === 'a5' && item === 0) return null;
  const i = Number(rater.slice(1)) || 0;
  return ((i + item) % 5) + 1;
}

async function answer(
  rater: string,
  rateeNo: string,
  extra: { comment?: string } = {},
): Promise<number> {
  const client = await as(rater);
  const tasks = (
    await client.get<Review360TaskDto[]>('/api/v1/reviews360/my/tasks')
  ).body;
  const task = tasks.find((t) => t.ratee.name === `職員${rateeNo}`);
  if (!task) throw new Error(`${rater} has no task for ${rateeNo}`);
  const response = await client.post(
    `/api/v1/reviews360/cycles/${cycle.id}/answers/${task.assignmentId}`,
    {
      scores: Object.fromEntries(
        ratingIds.map((id, j) => [id, scoreOf(rater, j)]),
      ),
      comments: extra.comment ? { [keepDoingId]: extra.comment } : {},
    },
  );
  return response.status;
}

const SUBORDINATES_A = ['a1', 'a2', 'a3', 'a4', 'a5'];

beforeAll(async () => {
  tenant = await createTenant('r360');
  hr = await tenant.login('hr');
  await buildCity();
  const created = await hr.post<Review360CycleDto>(
    '/api/v1/reviews360/cycles',
    {
      fiscalYear: 2025,
      name: '令和7年度 多面評価',
      referenceDate: REFERENCE_DATE,
      excludeHiredMonths: 3,
    },
  );
  expect(created.status).toBe(201);
  cycle = created.body;
  questionnaire = (
    await hr.get<Review360QuestionnaireDto>(
      `/api/v1/reviews360/cycles/${cycle.id}/questionnaire`,
    )
  ).body;
  ratingIds = questionnaire.items
    .filter((i) => i.kind === 'rating')
    .map((i) => i.id);
  keepDoingId = questionnaire.items.find((i) => i.kind === 'text')!.id;
});

afterAll(async () => {
  await closeTestDatabase();
});

describe('360 anonymity: the schema cannot link a rater to an answer', () => {
  const ANSWER_TABLES = ['review360_response', 'review360_comment'];

  it('answer tables have no rater, account, employee-of-rater or session column', async () => {
    const { rows } = await testDatabase().query(
      `SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = ANY($1::text[])`,
      [ANSWER_TABLES],
    );
    expect(rows.length).toBeGreaterThan(8);
    const columns = (table: string) =>
      rows
        .filter((r) => r.table_name === table)
        .map((r) => r.column_name as string)
        .sort();
    expect(columns('review360_response')).toEqual([
      'cycle_id',
      'id',
      'organization_id',
      'ratee_id',
      'relationship',
      'scores',
    ]);
    expect(columns('review360_comment')).toEqual([
      'body',
      'cycle_id',
      'id',
      'item_id',
      'organization_id',
      'ratee_id',
      'relationship',
    ]);
    for (const row of rows)
      expect(row.column_name).not.toMatch(
        /(^|_)(rater|account|employee|user|session|assignment|participation|author|ip|agent|created|submitted)(_|$)/i,
      );
  });

  it('answer tables have no timestamp or time column, only what is needed', async () => {
    const { rows } = await testDatabase().query(
      `SELECT column_name, data_type FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = ANY($1::text[])`,
      [ANSWER_TABLES],
    );
    for (const row of rows)
      expect(row.data_type).not.toMatch(/timestamp|time|interval/i);
  });

  it('answer tables use random UUID keys: no serial, identity or sequence anywhere on them', async () => {
    const { rows } = await testDatabase().query(
      `SELECT column_name, column_default, is_identity FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = ANY($1::text[])`,
      [ANSWER_TABLES],
    );
    for (const row of rows) {
      expect(row.is_identity).toBe('NO');
      expect(String(row.column_default ?? '')).not.toMatch(/nextval/i);
    }
    expect(
      rows.filter((r) => r.column_name === 'id').map((r) => r.column_default),
    ).toEqual(['gen_random_uuid()', 'gen_random_uuid()']);
    const owned = await testDatabase().query(
      `SELECT s.relname FROM pg_class s
         JOIN pg_depend d ON d.objid = s.oid AND d.classid = 'pg_class'::regclass
         JOIN pg_class t ON t.oid = d.refobjid
        WHERE s.relkind = 'S' AND t.relname = ANY($1::text[])`,
      [ANSWER_TABLES],
    );
    expect(owned.rows).toEqual([]);
  });

  it('no foreign key leads from an answer to participation, assignment or account, nor back', async () => {
    const { rows } = await testDatabase().query(
      `SELECT c.conrelid::regclass::text AS "from", c.confrelid::regclass::text AS "to"
         FROM pg_constraint c WHERE c.contype = 'f'
          AND (c.conrelid::regclass::text = ANY($1::text[]) OR c.confrelid::regclass::text = ANY($1::text[]))`,
      [ANSWER_TABLES],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(ANSWER_TABLES).toContain(row.from);
      expect([
        'organization',
        'review360_cycle',
        'employee',
        'review360_item',
      ]).toContain(row.to);
    }
    const participation = await testDatabase().query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'review360_participation' ORDER BY column_name`,
    );
    expect(participation.rows.map((r) => r.column_name)).toEqual([
      'assignment_id',
      'cycle_id',
      'organization_id',
    ]);
  });
});

describe('360 cycle: assignments, thresholds and who may answer', () => {
  it('generates self, supervisor and direct subordinates from the reporting line, without the recent hire', async () => {
    const generated = await hr.post<Review360CycleDto>(
      `/api/v1/reviews360/cycles/${cycle.id}/assignments/generate`,
    );
    expect(generated.status).toBe(201);
    const list = (
      await hr.get<Review360AssignmentDto[]>(
        `/api/v1/reviews360/cycles/${cycle.id}/assignments`,
      )
    ).body;
    const of = (ratee: string) =>
      list
        .filter((a) => a.ratee.employeeNumber === ratee)
        .map((a) => `${a.relationship}:${a.rater.employeeNumber}`)
        .sort();
    expect(of('MA')).toEqual(
      [
        'self:MA',
        'supervisor:D',
        ...SUBORDINATES_A.map((s) => `subordinate:${s}`),
      ].sort(),
    );
    expect(of('MB')).toEqual(
      ['self:MB', 'subordinate:b1', 'subordinate:b2', 'supervisor:D'].sort(),
    );
    expect(of('D')).toEqual(
      ['self:D', 'subordinate:MA', 'subordinate:MB', 'subordinate:MC'].sort(),
    );
    // 4 managers × self + 3 supervisor links + 5 + 2 + 3 + 3 subordinate links.
    expect(list).toHaveLength(4 + 3 + 13);
    // HR's list never says who has answered.
    expect(Object.keys(list[0]!).sort()).toEqual(
      ['id', 'ratee', 'rater', 'relationship'].sort(),
    );
  });

  it('refuses a threshold below 3, even in draft', async () => {
    const response = await hr.request<ApiErrorDto>(
      'PUT',
      `/api/v1/reviews360/cycles/${cycle.id}/thresholds`,
      {
        subordinateScores: 2,
        subordinateComments: 5,
        peerScores: 3,
        peerComments: 5,
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.message.ja).toBeTruthy();
    expect(response.body.message.en).toBeTruthy();
  });

  it('shows nothing to anyone before release', async () => {
    const launched = await hr.post<Review360CycleDto>(
      `/api/v1/reviews360/cycles/${cycle.id}/launch`,
    );
    expect(launched.status).toBe(200);
    expect(launched.body.status).toBe('launched');
    const ma = await as('MA');
    const mine = await ma.get<ApiErrorDto>(
      `/api/v1/reviews360/my/reports/${cycle.id}`,
    );
    expect(mine.status).toBe(409);
    expect(mine.body.code).toBe('REVIEW360_NOT_RELEASED');
    const byHr = await hr.get<ApiErrorDto>(
      `/api/v1/reviews360/cycles/${cycle.id}/reports/MA`,
    );
    expect(byHr.status).toBe(409);
    const overview = await hr.get<Review360OverviewDto>(
      `/api/v1/reviews360/cycles/${cycle.id}/overview`,
    );
    expect(overview.body.managers).toEqual([]);
    expect(overview.body.units).toEqual([]);
    expect(
      (await hr.get(`/api/v1/reviews360/cycles/${cycle.id}/export`)).status,
    ).toBe(409);
  });

  it("refuses a rater who is not assigned, with someone else's assignment or a made-up one", async () => {
    const a1Task = (
      await (
        await as('a1')
      ).get<Review360TaskDto[]>('/api/v1/reviews360/my/tasks')
    ).body[0]!;
    const body = {
      scores: Object.fromEntries(ratingIds.map((id) => [id, 3])),
    };
    const b1 = await as('b1');
    const stolen = await b1.post<ApiErrorDto>(
      `/api/v1/reviews360/cycles/${cycle.id}/answers/${a1Task.assignmentId}`,
      body,
    );
    expect(stolen.status).toBe(403);
    expect(stolen.body.code).toBe('REVIEW360_NOT_ASSIGNED');
    const invented = await b1.post(
      `/api/v1/reviews360/cycles/${cycle.id}/answers/${randomUUID()}`,
      body,
    );
    expect(invented.status).toBe(403);
    // The recent hire a6 has nothing to answer at all.
    expect(
      (
        await (
          await as('a6')
        ).get<Review360TaskDto[]>('/api/v1/reviews360/my/tasks')
      ).body,
    ).toEqual([]);
    const count = await testDatabase().query(
      `SELECT (SELECT count(*) FROM review360_response WHERE cycle_id = $1) AS responses,
              (SELECT count(*) FROM review360_participation WHERE cycle_id = $1) AS participations`,
      [cycle.id],
    );
    expect(count.rows[0]).toEqual({ responses: 0, participations: 0 });
  });

  it('refuses an answer that leaves a rating item out', async () => {
    const a1Task = (
      await (
        await as('a1')
      ).get<Review360TaskDto[]>('/api/v1/reviews360/my/tasks')
    ).body[0]!;
    const partial = await (
      await as('a1')
    ).post<ApiErrorDto>(
      `/api/v1/reviews360/cycles/${cycle.id}/answers/${a1Task.assignmentId}`,
      { scores: { [ratingIds[0]!]: 3 } },
    );
    expect(partial.status).toBe(400);
  });

  it('accepts one answer per assignment and refuses a double submission, even two at once', async () => {
    const client = await as('a1');
    const task = (
      await client.get<Review360TaskDto[]>('/api/v1/reviews360/my/tasks')
    ).body.find((t) => t.ratee.name === '職員MA')!;
    const body = {
      scores: Object.fromEntries(
        ratingIds.map((id, j) => [id, scoreOf('a1', j)]),
      ),
      comments: { [keepDoingId]: '会議が短くなった' },
    };
    const url = `/api/v1/reviews360/cycles/${cycle.id}/answers/${task.assignmentId}`;
    const [first, second] = await Promise.all([
      client.post(url, body),
      client.post(url, body),
    ]);
    expect([first.status, second.status].sort()).toEqual([204, 409]);
    const third = await client.post<ApiErrorDto>(url, body);
    expect(third.status).toBe(409);
    expect(third.body.code).toBe('REVIEW360_ALREADY_ANSWERED');
    const { rows } = await testDatabase().query(
      `SELECT (SELECT count(*) FROM review360_response WHERE cycle_id = $1) AS responses,
              (SELECT count(*) FROM review360_comment WHERE cycle_id = $1) AS comments,
              (SELECT count(*) FROM review360_participation WHERE cycle_id = $1) AS participations`,
      [cycle.id],
    );
    expect(rows[0]).toEqual({ responses: 1, comments: 1, participations: 1 });
    const after = (
      await client.get<Review360TaskDto[]>('/api/v1/reviews360/my/tasks')
    ).body;
    expect(
      after.find((t) => t.assignmentId === task.assignmentId)!.answered,
    ).toBe(true);
  });

  it('lets everyone else answer', async () => {
    const comments: Record<string, string> = {
      a2: '相談しやすい',
      a3: '定時退庁を勧めてくれる',
      a4: '目標が明確',
      a5: '休暇を取りやすい',
      c1: '頼りになる',
    };
    const statuses = await Promise.all([
      ...SUBORDINATES_A.slice(1).map((s) =>
        answer(s, 'MA', { comment: comments[s] }),
      ),
      answer('b1', 'MB'),
      answer('b2', 'MB'),
      ...['c1', 'c2', 'c3'].map((s) =>
        answer(s, 'MC', { comment: comments[s] }),
      ),
      answer('MA', 'MA'),
      answer('MB', 'MB'),
      answer('D', 'MA'),
    ]);
    expect(statuses.every((s) => s === 204)).toBe(true);
  });

  it('before close, a DBA could still match xmin of answer and participation (the documented residual risk)', async () => {
    const { rows } = await testDatabase().query(
      `SELECT count(*)::int AS matched FROM review360_response r
        WHERE r.cycle_id = $1 AND r.xmin IN (SELECT p.xmin FROM review360_participation p WHERE p.cycle_id = $1)`,
      [cycle.id],
    );
    expect(rows[0].matched).toBe(13);
  });

  it('after close, every answer shares one xmin that no participation row has, and answers are refused', async () => {
    const d = await as('D');
    const pending = (
      await d.get<Review360TaskDto[]>('/api/v1/reviews360/my/tasks')
    ).body.find((t) => t.ratee.name === '職員MB')!;
    expect(pending.answered).toBe(false);
    const closed = await hr.post<Review360CycleDto>(
      `/api/v1/reviews360/cycles/${cycle.id}/close`,
    );
    expect(closed.body.status).toBe('closed');
    const { rows } = await testDatabase().query(
      `SELECT (SELECT count(DISTINCT xmin::text)::int FROM review360_response WHERE cycle_id = $1) AS response_xmins,
              (SELECT count(DISTINCT xmin::text)::int FROM review360_comment WHERE cycle_id = $1) AS comment_xmins,
              (SELECT count(*)::int FROM review360_response r WHERE r.cycle_id = $1
                  AND r.xmin IN (SELECT p.xmin FROM review360_participation p WHERE p.cycle_id = $1)) AS matched,
              (SELECT count(*)::int FROM review360_response WHERE cycle_id = $1) AS responses`,
      [cycle.id],
    );
    expect(rows[0]).toEqual({
      response_xmins: 1,
      comment_xmins: 1,
      matched: 0,
      responses: 13,
    });
    const late = await d.post<ApiErrorDto>(
      `/api/v1/reviews360/cycles/${cycle.id}/answers/${pending.assignmentId}`,
      { scores: Object.fromEntries(ratingIds.map((id) => [id, 3])) },
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('REVIEW360_NOT_OPEN');
    expect(
      (await d.get<Review360TaskDto[]>('/api/v1/reviews360/my/tasks')).body,
    ).toEqual([]);
  });

  it('after launch a threshold may be raised but never lowered, through the API or in the database', async () => {
    const lower = await hr.request<ApiErrorDto>(
      'PUT',
      `/api/v1/reviews360/cycles/${cycle.id}/thresholds`,
      {
        subordinateScores: 3,
        subordinateComments: 4,
        peerScores: 3,
        peerComments: 5,
      },
    );
    expect(lower.status).toBe(400);
    await expect(
      testDatabase().query(
        `UPDATE review360_cycle SET min_subordinate_comments = 4 WHERE id = $1`,
        [cycle.id],
      ),
    ).rejects.toThrow(/only be raised/);
    const raise = await hr.request<Review360CycleDto>(
      'PUT',
      `/api/v1/reviews360/cycles/${cycle.id}/thresholds`,
      {
        subordinateScores: 3,
        subordinateComments: 5,
        peerScores: 4,
        peerComments: 6,
      },
    );
    expect(raise.status).toBe(200);
    expect(raise.body.thresholds.peerScores).toBe(4);
  });
});

describe("360 questionnaire and assignments are HR's to adjust until launch", () => {
  it('replaces the questionnaire and adjusts assignments in draft, and refuses both after launch', async () => {
    const draft = (
      await hr.post<Review360CycleDto>('/api/v1/reviews360/cycles', {
        fiscalYear: 2024,
        name: '令和6年度 多面評価',
        referenceDate: '2024-10-01',
      })
    ).body;
    const base = `/api/v1/reviews360/cycles/${draft.id}`;
    const replaced = await hr.request<Review360QuestionnaireDto>(
      'PUT',
      `${base}/questionnaire`,
      {
        categories: [{ code: 'life', name: { ja: 'ライフ', en: 'Life' } }],
        items: [
          {
            categoryCode: 'life',
            kind: 'rating',
            text: {
              ja: '私の上司は、定時退庁を勧めている。',
              en: 'My boss encourages leaving on time.',
            },
          },
          {
            categoryCode: 'life',
            kind: 'text',
            text: { ja: 'ご意見', en: 'Comments' },
          },
        ],
      },
    );
    expect(replaced.status).toBe(200);
    expect(replaced.body.items.map((i) => i.kind)).toEqual(['rating', 'text']);
    const unknownCategory = await hr.request<ApiErrorDto>(
      'PUT',
      `${base}/questionnaire`,
      {
        categories: [{ code: 'life', name: { ja: 'ライフ', en: 'Life' } }],
        items: [
          { categoryCode: 'work', kind: 'rating', text: { ja: 'x', en: 'x' } },
        ],
      },
    );
    expect(unknownCategory.status).toBe(400);

    const added = await hr.post<Review360AssignmentDto>(`${base}/assignments`, {
      rateeNumber: 'MB',
      raterNumber: 'a1',
      relationship: 'peer',
    });
    expect(added.status).toBe(201);
    expect(added.body.rater.employeeNumber).toBe('a1');
    const twice = await hr.post<ApiErrorDto>(`${base}/assignments`, {
      rateeNumber: 'MB',
      raterNumber: 'a1',
      relationship: 'peer',
    });
    expect(twice.status).toBe(409);
    const falseSelf = await hr.post(`${base}/assignments`, {
      rateeNumber: 'MB',
      raterNumber: 'a2',
      relationship: 'self',
    });
    expect(falseSelf.status).toBe(400);
    expect(
      (await hr.request('DELETE', `${base}/assignments/${added.body.id}`))
        .status,
    ).toBe(204);
    expect(
      (await hr.get<Review360AssignmentDto[]>(`${base}/assignments`)).body,
    ).toEqual([]);

    const empty = await hr.post<ApiErrorDto>(`${base}/launch`);
    expect(empty.status).toBe(409);
    expect(empty.body.code).toBe('REVIEW360_NO_ASSIGNMENTS');
    await hr.post(`${base}/assignments`, {
      rateeNumber: 'MB',
      raterNumber: 'b1',
      relationship: 'subordinate',
    });
    expect((await hr.post(`${base}/launch`)).status).toBe(200);
    const late = await hr.request<ApiErrorDto>('PUT', `${base}/questionnaire`, {
      categories: [{ code: 'life', name: { ja: 'ライフ', en: 'Life' } }],
      items: [
        { categoryCode: 'life', kind: 'rating', text: { ja: 'x', en: 'x' } },
      ],
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('REVIEW360_WRONG_STATUS');
    expect(
      (
        await hr.post(`${base}/assignments`, {
          rateeNumber: 'MB',
          raterNumber: 'b2',
          relationship: 'subordinate',
        })
      ).status,
    ).toBe(409);
  });
});

describe('360 results after release', () => {
  let report: Review360ReportDto;
  let overview: Review360OverviewDto;

  beforeAll(async () => {
    const released = await hr.post<Review360CycleDto>(
      `/api/v1/reviews360/cycles/${cycle.id}/release`,
    );
    expect(released.body.status).toBe('released');
    report = (
      await (
        await as('MA')
      ).get<Review360ReportDto>(`/api/v1/reviews360/my/reports/${cycle.id}`)
    ).body;
    overview = (
      await hr.get<Review360OverviewDto>(
        `/api/v1/reviews360/cycles/${cycle.id}/overview`,
      )
    ).body;
  });

  it("computes the manager's item means as a hand computation does", () => {
    // Item 0: a1..a4 give 2, 3, 4, 5; a5 cannot rate it.
    expect(report.itemCells[ratingIds[0]!]!.subordinate).toEqual({
      status: 'released',
      mean: 3.5,
      count: 4,
    });
    ratingIds.forEach((id, j) => {
      const given = SUBORDINATES_A.map((s) => scoreOf(s, j)).filter(
        (v): v is number => v !== null,
      );
      const cell = report.itemCells[id]!.subordinate!;
      expect(cell.count).toBe(given.length);
      expect(cell.mean).toBeCloseTo(
        given.reduce((a, b) => a + b, 0) / given.length,
        10,
      );
      expect(report.itemCells[id]!.self).toEqual({
        status: 'released',
        mean: scoreOf('MA', j),
        count: 1,
      });
    });
  });

  it("computes the overall mean as the mean of each rater's own mean", () => {
    const perRater = SUBORDINATES_A.map((s) => {
      const given = ratingIds
        .map((_, j) => scoreOf(s, j))
        .filter((v): v is number => v !== null);
      return given.reduce((a, b) => a + b, 0) / given.length;
    });
    expect(report.overall.subordinate!.mean).toBeCloseTo(
      perRater.reduce((a, b) => a + b, 0) / 5,
      10,
    );
    expect(report.overall.supervisor).toEqual(
      expect.objectContaining({ status: 'released', count: 1 }),
    );
  });

  it('flags blind spots and hidden strengths beyond one point', () => {
    for (const id of ratingIds) {
      const self = report.itemCells[id]!.self!.mean!;
      const others = report.itemCells[id]!.subordinate!.mean!;
      const expected =
        self - others > 1
          ? 'blind_spot'
          : self - others < -1
            ? 'hidden_strength'
            : null;
      expect(report.gaps[id]!.flag).toBe(expected);
    }
    expect(Object.values(report.gaps).some((g) => g.flag !== null)).toBe(true);
  });

  it('shows comments from five subordinates, sorted, without saying who wrote which', () => {
    expect(report.comments.status).toBe('released');
    const bodies = report.comments.byItem.find(
      (c) => c.relationship === 'subordinate',
    )!.bodies;
    expect(bodies).toEqual(
      [
        '会議が短くなった',
        '相談しやすい',
        '定時退庁を勧めてくれる',
        '目標が明確',
        '休暇を取りやすい',
      ].sort((a, b) => a.localeCompare(b, 'ja')),
    );
  });

  it("suppresses two subordinates (MB), marked apart from no data, and three subordinates' comments (MC)", async () => {
    const mb = (
      await (
        await as('MB')
      ).get<Review360ReportDto>(`/api/v1/reviews360/my/reports/${cycle.id}`)
    ).body;
    const suppressed: Review360CellDto = {
      status: 'suppressed',
      mean: null,
      count: null,
    };
    expect(mb.overall.subordinate).toEqual(suppressed);
    for (const id of ratingIds)
      expect(mb.itemCells[id]!.subordinate).toEqual(suppressed);
    expect(mb.overall.peer).toBeUndefined();
    expect(mb.comments.status).toBe('suppressed');
    const d = (
      await (
        await as('D')
      ).get<Review360ReportDto>(`/api/v1/reviews360/my/reports/${cycle.id}`)
    ).body;
    expect(d.overall.subordinate!.status).toBe('no_data');
    const mc = (
      await (
        await as('MC')
      ).get<Review360ReportDto>(`/api/v1/reviews360/my/reports/${cycle.id}`)
    ).body;
    expect(mc.overall.subordinate!.status).toBe('released');
    expect(mc.comments.status).toBe('suppressed');
    expect(JSON.stringify(mc)).not.toContain('頼りになる');
  });

  it("defeats the differencing attack across overlapping units: R − A − C would isolate MB's two answers", () => {
    const unit = (code: string) =>
      overview.units.find((u) => u.unitCode === code)!.subordinate;
    const manager = (no: string) =>
      overview.managers.find((m) => m.employeeNumber === no)!.subordinate;
    expect(unit('R')).toEqual(
      expect.objectContaining({ status: 'released', count: 10 }),
    );
    expect(unit('B').status).toBe('suppressed');
    expect(manager('MB').status).toBe('suppressed');
    // R is shown; if both A and C were shown too, R − A − C would be MB's two answers.
    const shownBelowR = ['A', 'C'].filter((c) => unit(c).status === 'released');
    expect(shownBelowR.length).toBeLessThan(2);
    // MC (3 answers) is hidden from HR as the complement, although MC sees his own figure.
    expect(manager('MC').status).toBe('suppressed');
    expect(unit('C').status).toBe('suppressed');
    // Every pair of shown groups where one contains the other differs by 0 or at least 3 answers.
    const members: Record<string, string[]> = {
      R: ['MA', 'MB', 'MC', 'D'],
      A: ['MA'],
      B: ['MB'],
      C: ['MC'],
    };
    const shown: { group: string[]; count: number }[] = [
      ...Object.entries(members)
        .filter(([code]) => unit(code).status === 'released')
        .map(([code, group]) => ({ group, count: unit(code).count! })),
      ...['MA', 'MB', 'MC', 'D']
        .filter((no) => manager(no).status === 'released')
        .map((no) => ({ group: [no], count: manager(no).count! })),
    ];
    for (const a of shown)
      for (const b of shown)
        if (b.group.every((m) => a.group.includes(m))) {
          const difference = a.count - b.count;
          expect(difference === 0 || difference >= 3).toBe(true);
        }
    // And the attack itself, with what HR can see, recovers nothing.
    const r = unit('R');
    const a = unit('A');
    const c = unit('C');
    const attack =
      a.mean !== null && c.mean !== null
        ? (r.mean! * r.count! - a.mean * a.count! - c.mean * c.count!) /
          (r.count! - a.count! - c.count!)
        : null;
    expect(attack).toBeNull();
  });

  it('keeps a manager hidden from HR in the overview hidden in the report HR opens', async () => {
    const mc = (
      await hr.get<Review360ReportDto>(
        `/api/v1/reviews360/cycles/${cycle.id}/reports/MC`,
      )
    ).body;
    expect(mc.overall.subordinate!.status).toBe('suppressed');
    expect(
      Object.values(mc.itemCells).every(
        (c) => c.subordinate!.status !== 'released',
      ),
    ).toBe(true);
  });

  it('exports the same suppression to Excel: no score behind fewer than 3 answers or complementary-hidden', async () => {
    const file = await hr.get<Buffer>(
      `/api/v1/reviews360/cycles/${cycle.id}/export`,
    );
    expect(file.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(file.body as unknown as ArrayBuffer);
    const managers = book.getWorksheet('管理職別')!;
    const rows = new Map<string, unknown[]>();
    managers.eachRow((row, index) => {
      if (index > 1) {
        const values = (row.values as unknown[]).slice(1);
        rows.set(String(values[0]), values);
      }
    });
    expect([...rows.keys()].sort()).toEqual(['D', 'MA', 'MB', 'MC']);
    for (const no of ['MB', 'MC']) {
      expect(rows.get(no)![4] ?? null).toBeNull();
      expect(rows.get(no)![5] ?? null).toBeNull();
      expect(String(rows.get(no)![7])).toContain('非表示');
    }
    const ma = overview.managers.find(
      (m) => m.employeeNumber === 'MA',
    )!.subordinate;
    expect(ma.status).toBe('released');
    expect(rows.get('MA')![4]).toBeCloseTo(ma.mean!, 2);
    expect(rows.get('MA')![5]).toBe(5);
    for (const [, values] of rows)
      if (values[5] !== null && values[5] !== undefined)
        expect(Number(values[5])).toBeGreaterThanOrEqual(3);
    const units = book.getWorksheet('所属別')!;
    units.eachRow((row, index) => {
      if (index === 1) return;
      const values = (row.values as unknown[]).slice(1);
      const dto = overview.units.find((u) => u.unitCode === values[0])!;
      if (dto.subordinate.status === 'released')
        expect(values[3]).toBe(dto.subordinate.count);
      else expect(values[2] ?? null).toBeNull();
    });
  });

  it('reports response rates as counts only, hidden for units with fewer than 3 asked', () => {
    const rate = (code: string) =>
      overview.responseRates.find((r) => r.unitCode === code)!;
    // Non-self assignments by the rater's unit: A = a1..a5 and MA→D (6), B = b1, b2, MB→D (3),
    // C = c1..c3, MC→D (4), R = D→MA, D→MB, D→MC (3); answered: a1..a5, b1, b2, c1..c3, D→MA.
    expect(overview.total).toEqual({ assigned: 16, submitted: 11 });
    expect(rate('A')).toEqual(
      expect.objectContaining({ assigned: 6, submitted: 5 }),
    );
    for (const r of overview.responseRates)
      if (r.assigned !== null) expect(r.assigned).toBeGreaterThanOrEqual(3);
  });

  it('feeds ikuboss_360_score with the managers HR may see and the response rate with counts', async () => {
    const values = (
      await hr.get<KpiValueDto[]>(
        '/api/v1/kpis?fy=2025&code=ikuboss_360_score,ikuboss_360_response_rate',
      )
    ).body;
    const score = values.find(
      (v) => v.code === 'ikuboss_360_score' && !v.dimensions,
    )!;
    const shownMeans = overview.managers
      .filter((m) => m.subordinate.status === 'released')
      .map((m) => m.subordinate.mean!);
    expect(shownMeans.length).toBeGreaterThan(0);
    expect(score.denominator).toBe(shownMeans.length);
    expect(score.value).toBeCloseTo(
      shownMeans.reduce((a, b) => a + b, 0) / shownMeans.length,
      10,
    );
    const rate = values.find((v) => v.code === 'ikuboss_360_response_rate')!;
    expect(rate.numerator).toBe(11);
    expect(rate.denominator).toBe(16);
  });

  it('offers no person-level drill-down of the 360 KPIs, even to HR', async () => {
    const drill = await hr.get<ApiErrorDto>(
      '/api/v1/kpis/ikuboss_360_score/people?fy=2025',
    );
    expect(drill.status).toBe(400);
    expect(drill.body.code).toBe('REVIEW360_NO_DRILL_DOWN');
  });

  it('lets only HR see roll-ups and exports', async () => {
    const staff = await as('a1');
    expect(
      (await staff.get(`/api/v1/reviews360/cycles/${cycle.id}/overview`))
        .status,
    ).toBe(403);
    expect(
      (await staff.get(`/api/v1/reviews360/cycles/${cycle.id}/export`)).status,
    ).toBe(403);
    expect(
      (await staff.get(`/api/v1/reviews360/my/reports/${cycle.id}`)).status,
    ).toBe(404);
  });

  // Runs last in this block: it raises the threshold for good.
  it('applies a threshold raised after release to the next KPI request, not a figure kept from before', async () => {
    const kpis = async () =>
      (
        await hr.get<KpiValueDto[]>(
          '/api/v1/kpis?fy=2025&code=ikuboss_360_score,ikuboss_360_response_rate',
        )
      ).body.filter((v) => !v.dimensions);
    const before = await kpis();
    // At k = 3 only MA (5 subordinate answers) is shown (see above).
    expect(
      before.find((v) => v.code === 'ikuboss_360_score')!.denominator,
    ).toBe(1);
    const raise = await hr.request<Review360CycleDto>(
      'PUT',
      `/api/v1/reviews360/cycles/${cycle.id}/thresholds`,
      {
        subordinateScores: 6,
        subordinateComments: 6,
        peerScores: 4,
        peerComments: 6,
      },
    );
    expect(raise.status).toBe(200);
    const after = await kpis();
    // k = 6: MA's 5 answers no longer suffice, MB (2), MC (3) and D (0) never did.
    expect(after.find((v) => v.code === 'ikuboss_360_score')).toEqual(
      expect.objectContaining({ numerator: 0, denominator: 0, value: null }),
    );
    // 16 asked in the organization are still at least 6: the total stays shown.
    expect(after.find((v) => v.code === 'ikuboss_360_response_rate')).toEqual(
      expect.objectContaining({ numerator: 11, denominator: 16 }),
    );
    const overviewNow = (
      await hr.get<Review360OverviewDto>(
        `/api/v1/reviews360/cycles/${cycle.id}/overview`,
      )
    ).body;
    expect(
      overviewNow.managers.find((m) => m.employeeNumber === 'MA')!.subordinate
        .status,
    ).toBe('suppressed');
    // k = 6 by hand, asked by the rater's unit: A 6 (a1..a5, MA→D), B 3, C 4, R 3; total 16.
    // Only A (6) and its ancestors reach 6; R keeps 16 − 6 = 10 ≥ 6 beside A, so A stays shown.
    const rateOfA = (o: Review360OverviewDto) =>
      o.responseRates.find((r) => r.unitCode === 'A')!;
    expect(rateOfA(overviewNow)).toEqual(
      expect.objectContaining({ assigned: 6, submitted: 5 }),
    );
    // The unit on the reference date is read live: c1 (answered MC) moved to A after release
    // makes A 7 asked, 6 answered (R: 16 − 7 = 9 ≥ 6 beside it).
    const moveC1 = (code: string) =>
      testDatabase().query(
        `UPDATE assignment SET org_unit_id = (SELECT id FROM org_unit WHERE organization_id = $1 AND code = $2)
          WHERE organization_id = $1 AND employee_id = $3`,
        [tenant.organizationId, code, ids.get('c1')],
      );
    await moveC1('A');
    try {
      const moved = (
        await hr.get<Review360OverviewDto>(
          `/api/v1/reviews360/cycles/${cycle.id}/overview`,
        )
      ).body;
      expect(rateOfA(moved)).toEqual(
        expect.objectContaining({ assigned: 7, submitted: 6 }),
      );
    } finally {
      await moveC1('C');
    }
  });
});
