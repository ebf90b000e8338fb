import { randomUUID } from 'node:crypto';

import type {
  ApiErrorDto,
  Review360AssignmentDto,
  Review360CycleDto,
  Review360ItemBankDto,
  Review360QuestionnaireDto,
} from '@ikuboard/shared/contracts';

import { ApiClient } from '../support/api-client';
import { closeTestDatabase, testDatabase } from '../support/database';
import { createTenant, type Tenant } from '../support/tenant';

/*
 * HR's preparation of a 360 cycle: the item bank, the scale labels of the questionnaire and the
 * generation options. A small line:
 *   D (bucho) ─ MA (kacho) ─ a1, a2, a3 (+ a4 hired 2025-08-01) ─ under a1: s1 (ippan)
 *             └ MB (kacho) ─ b1
 * Reference date 2025-10-01.
 */
const PEOPLE = [
  { no: 'D', stage: 'bucho', boss: null },
  { no: 'MA', stage: 'kacho', boss: 'D' },
  { no: 'MB', stage: 'kacho', boss: 'D' },
  { no: 'a1', stage: 'ippan', boss: 'MA' },
  { no: 'a2', stage: 'ippan', boss: 'MA' },
  { no: 'a3', stage: 'ippan', boss: 'MA' },
  { no: 'a4', stage: 'ippan', boss: 'MA', hired: '2025-08-01' },
  { no: 's1', stage: 'ippan', boss: 'a1' },
  { no: 'b1', stage: 'ippan', boss: 'MB' },
] as { no: string; stage: string; boss: string | null; hired?: string }[];

let tenant: Tenant;
let hr: ApiClient;

async function buildLine(): Promise<void> {
  const db = testDatabase();
  const org = tenant.organizationId;
  const [{ id: unitId }] = (
    await db.query(
      `INSERT INTO org_unit (organization_id, code, name) VALUES ($1, 'U', '総務課') RETURNING id`,
      [org],
    )
  ).rows as [{ id: string }];
  await db.query(
    `INSERT INTO org_unit_closure (organization_id, ancestor_id, descendant_id, depth) VALUES ($1, $2, $2, 0)`,
    [org, unitId],
  );
  const category = (
    await db.query(
      `SELECT id FROM employment_category WHERE organization_id = $1 AND code = 'permanent'`,
      [org],
    )
  ).rows[0].id as string;
  const ids = new Map<string, string>();
  for (const person of PEOPLE) {
    const id = randomUUID();
    ids.set(person.no, id);
    const hired = person.hired ?? '2015-04-01';
    await db.query(
      `INSERT INTO employee (id, organization_id, employee_number, name, gender, hire_date, supervisor_id)
       VALUES ($1, $2, $3, $4, 'male', $5, $6)`,
      [
        id,
        org,
        person.no,
        `職員${person.no}`,
        hired,
        person.boss ? ids.get(person.boss) : null,
      ],
    );
    await db.query(
      `INSERT INTO assignment (organization_id, employee_id, valid_from, org_unit_id, position_stage_id, employment_category_id)
       SELECT $1, $2, $3, $4, s.id, $5 FROM position_stage s WHERE s.organization_id = $1 AND s.code = $6`,
      [org, id, hired, unitId, category, person.stage],
    );
  }
}

/** "MA←a1 subordinate" for every assignment, sorted: easy to compare with a list written by hand. */
function pairs(assignments: Review360AssignmentDto[]): string[] {
  return assignments
    .map(
      (a) =>
        `${a.ratee.employeeNumber}←${a.rater.employeeNumber} ${a.relationship}`,
    )
    .sort();
}

async function newCycle(fiscalYear: number): Promise<Review360CycleDto> {
  const created = await hr.post<Review360CycleDto>(
    '/api/v1/reviews360/cycles',
    {
      fiscalYear,
      name: `${fiscalYear}年度 多面評価`,
      referenceDate: `${fiscalYear}-10-01`,
    },
  );
  expect(created.status).toBe(201);
  return created.body;
}

beforeAll(async () => {
  tenant = await createTenant('r360s');
  hr = await tenant.login('hr');
  await buildLine();
});

afterAll(async () => {
  await closeTestDatabase();
});

describe('360 item bank', () => {
  it('ships the default Ikuboss items: 北九州市 10か条 1–8, 長崎県 self-check, leadership, two free-text questions', async () => {
    const response = await hr.get<Review360ItemBankDto>(
      '/api/v1/reviews360/item-bank',
    );
    expect(response.status).toBe(200);
    const bank = response.body;
    const rating = bank.items.filter((i) => i.kind === 'rating');
    expect(rating).toHaveLength(11);
    expect(bank.items.filter((i) => i.kind === 'text')).toHaveLength(2);
    expect(
      rating
        .map((i) => i.source)
        .filter((s) => s?.startsWith('北九州市'))
        .map((s) => Number(s!.split(' ')[1]))
        .sort((a, b) => a - b),
    ).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(
      rating.some((i) => i.source === '長崎県イクボスセルフチェック'),
    ).toBe(true);
    expect(rating.every((i) => i.text.ja.startsWith('私の上司は、'))).toBe(
      true,
    );
    expect(rating.every((i) => i.text.en.startsWith('My boss'))).toBe(true);
    const codes = new Set(bank.categories.map((c) => c.code));
    expect(bank.items.every((i) => codes.has(i.categoryCode))).toBe(true);
    expect(bank.scale.map((s) => `${s.value} ${s.ja}`)).toEqual([
      '1 ほとんどない',
      '2 たまにある',
      '3 ときどきある',
      '4 よくある',
      '5 いつもある',
    ]);
    expect(bank.unable.ja).toBe('評価できない');
  });

  it('is for HR only', async () => {
    const staff = await tenant.login('staff');
    const refused = await staff.get<ApiErrorDto>(
      '/api/v1/reviews360/item-bank',
    );
    expect(refused.status).toBe(403);
    expect(refused.body.message.ja.length).toBeGreaterThan(0);
    expect(refused.body.message.en.length).toBeGreaterThan(0);
  });
});

describe('360 questionnaire scale labels', () => {
  it('stores labels HR writes, returns the defaults when none are given, and refuses four labels', async () => {
    const cycle = await newCycle(2021);
    const base = `/api/v1/reviews360/cycles/${cycle.id}/questionnaire`;
    const initial = (await hr.get<Review360QuestionnaireDto>(base)).body;
    expect(initial.scale.map((s) => s.en)).toEqual([
      'Almost never',
      'Occasionally',
      'Sometimes',
      'Often',
      'Almost always',
    ]);
    const labels = ['全くない', 'あまりない', '時々', 'よく', '常に'];
    const items = [
      {
        categoryCode: 'x',
        kind: 'rating',
        text: { ja: '私の上司は、挨拶をする。', en: 'My boss greets us.' },
      },
    ];
    const categories = [{ code: 'x', name: { ja: '基本', en: 'Basics' } }];
    const custom = await hr.request<Review360QuestionnaireDto>('PUT', base, {
      categories,
      items,
      scale: labels.map((ja, i) => ({ ja, en: `level ${i + 1}` })),
      unable: { ja: '分からない', en: "Don't know" },
    });
    expect(custom.status).toBe(200);
    expect(custom.body.scale).toEqual(
      labels.map((ja, i) => ({ value: i + 1, ja, en: `level ${i + 1}` })),
    );
    expect(custom.body.unable).toEqual({ ja: '分からない', en: "Don't know" });
    // Raters read the same questionnaire.
    expect(
      (await hr.get<Review360QuestionnaireDto>(base)).body.scale[4]!.ja,
    ).toBe('常に');

    const four = await hr.request<ApiErrorDto>('PUT', base, {
      categories,
      items,
      scale: labels.slice(0, 4).map((ja) => ({ ja, en: ja })),
    });
    expect(four.status).toBe(400);
    expect(four.body.message.en.length).toBeGreaterThan(0);

    const reset = await hr.request<Review360QuestionnaireDto>('PUT', base, {
      categories,
      items,
    });
    expect(reset.status).toBe(200);
    expect(reset.body.scale[0]).toEqual({
      value: 1,
      ja: 'ほとんどない',
      en: 'Almost never',
    });
    expect(reset.body.unable.ja).toBe('評価できない');
  });
});

describe('360 assignment generation options', () => {
  it('stores the options given with generate and applies them; without a body it keeps the stored ones', async () => {
    const cycle = await newCycle(2025);
    const base = `/api/v1/reviews360/cycles/${cycle.id}`;
    const list = async () =>
      pairs(
        (await hr.get<Review360AssignmentDto[]>(`${base}/assignments`)).body,
      );

    // Defaults: direct staff only, hires of the last 3 months left out (a4), no peers.
    expect((await hr.post(`${base}/assignments/generate`)).status).toBe(201);
    const direct = [
      'D←D self',
      'MA←D supervisor',
      'MA←MA self',
      'MA←a1 subordinate',
      'MA←a2 subordinate',
      'MA←a3 subordinate',
      'MB←D supervisor',
      'MB←MB self',
      'MB←b1 subordinate',
      'D←MA subordinate',
      'D←MB subordinate',
    ].sort();
    expect(await list()).toEqual(direct);

    const wide = await hr.post<Review360CycleDto>(
      `${base}/assignments/generate`,
      { excludeHiredMonths: 1, includeIndirect: true, includePeers: true },
    );
    expect(wide.status).toBe(201);
    expect(wide.body.excludeHiredMonths).toBe(1);
    expect(wide.body.includeIndirect).toBe(true);
    expect(wide.body.includePeers).toBe(true);
    expect(wide.body.referenceDate).toBe('2025-10-01');
    expect(await list()).toEqual(
      [
        ...direct,
        'MA←a4 subordinate', // hired 2 months before: kept with 1 month
        'MA←s1 subordinate', // indirect
        'D←a1 subordinate',
        'D←a2 subordinate',
        'D←a3 subordinate',
        'D←a4 subordinate',
        'D←s1 subordinate',
        'D←b1 subordinate',
        'MA←MB peer',
        'MB←MA peer',
      ].sort(),
    );
    expect(wide.body.assignmentCount).toBe(21);

    // A reference date before a4 was hired: a4 is not in service, so not a rater at all.
    const earlier = await hr.post<Review360CycleDto>(
      `${base}/assignments/generate`,
      { referenceDate: '2025-07-01', includeIndirect: false },
    );
    expect(earlier.status).toBe(201);
    expect(earlier.body.referenceDate).toBe('2025-07-01');
    expect(earlier.body.includePeers).toBe(true);
    expect(await list()).toEqual(
      [...direct, 'MA←MB peer', 'MB←MA peer'].sort(),
    );

    const bad = await hr.post<ApiErrorDto>(`${base}/assignments/generate`, {
      excludeHiredMonths: 30,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.message.ja.length).toBeGreaterThan(0);

    expect((await hr.post(`${base}/launch`)).status).toBe(200);
    const late = await hr.post<ApiErrorDto>(`${base}/assignments/generate`, {
      includePeers: false,
    });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('REVIEW360_WRONG_STATUS');
    expect(late.body.message.en).toMatch(/draft/);
    const after = (await hr.get<Review360CycleDto>(base)).body;
    expect(after.includePeers).toBe(true);
    expect(after.assignmentCount).toBe(13);

    const locked = await hr.request<ApiErrorDto>(
      'PUT',
      `${base}/questionnaire`,
      {
        categories: [{ code: 'x', name: { ja: 'x', en: 'x' } }],
        items: [
          { categoryCode: 'x', kind: 'rating', text: { ja: 'x', en: 'x' } },
        ],
        scale: ['a', 'b', 'c', 'd', 'e'].map((l) => ({ ja: l, en: l })),
      },
    );
    expect(locked.status).toBe(409);
    expect(
      (await hr.get<Review360QuestionnaireDto>(`${base}/questionnaire`)).body
        .scale[0]!.ja,
    ).toBe('ほとんどない');
  });
});
