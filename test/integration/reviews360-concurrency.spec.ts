import { createHash, randomBytes, randomUUID } from 'node:crypto';

import { closeTestDatabase, testDatabase } from '../support/database';
import { serverState } from '../support/server-state';
import { createTenant } from '../support/tenant';

interface LoadRequest {
  method: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface LoadResult {
  requests: { total: number; average: number };
  latency: { p50: number; p99: number; max: number };
  duration: number;
  errors: number;
  '2xx': number;
  statusCodeStats: Record<string, { count: number } | undefined>;
}
// autocannon ships no type declarations; this is the part of its API used here.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as (options: {
  url: string;
  connections: number;
  amount: number;
  requests: {
    method: string;
    setupRequest: (request: LoadRequest) => LoadRequest;
  }[];
}) => Promise<LoadResult>;

afterAll(closeTestDatabase);
/*
 * Many raters submitting at once over HTTP, each answer sent twice: every first submission is
 * stored exactly once and every second one is refused. Throughput is logged, not asserted.
 */
it('stores each of 300 concurrent submissions exactly once and refuses their 300 repeats', async () => {
  const tenant = await createTenant('load');
  const db = testDatabase();
  const org = tenant.organizationId;
  const managers = 30;
  const per = 10;
  const [{ id: unit }] = (
    await db.query(
      `INSERT INTO org_unit (organization_id, code, name) VALUES ($1, 'U', 'U') RETURNING id`,
      [org],
    )
  ).rows;
  const stage = async (code: string) =>
    (
      await db.query(
        `SELECT id FROM position_stage WHERE organization_id = $1 AND code = $2`,
        [org, code],
      )
    ).rows[0].id;
  const [kacho, ippan] = [await stage('kacho'), await stage('ippan')];
  const cat = (
    await db.query(
      `SELECT id FROM employment_category WHERE organization_id = $1 AND code = 'permanent'`,
      [org],
    )
  ).rows[0].id;
  const ids: string[] = [];
  const boss: (string | null)[] = [];
  const stages: string[] = [];
  const nums: string[] = [];
  for (let m = 0; m < managers; m++) {
    const mid = randomUUID();
    ids.push(mid);
    boss.push(null);
    stages.push(kacho);
    nums.push(`M${m}`);
    for (let s = 0; s < per; s++) {
      ids.push(randomUUID());
      boss.push(mid);
      stages.push(ippan);
      nums.push(`S${m}-${s}`);
    }
  }
  await db.query(
    `INSERT INTO employee (id, organization_id, employee_number, name, gender, hire_date)
    SELECT id, $1, n, n, 'female', '2015-04-01' FROM unnest($2::uuid[], $3::text[]) AS t (id, n)`,
    [org, ids, nums],
  );
  await db.query(
    `UPDATE employee e SET supervisor_id = t.b FROM unnest($2::uuid[], $3::uuid[]) AS t (id, b) WHERE e.organization_id = $1 AND e.id = t.id`,
    [org, ids, boss],
  );
  await db.query(
    `INSERT INTO assignment (organization_id, employee_id, valid_from, org_unit_id, position_stage_id, employment_category_id)
    SELECT $1, id, '2015-04-01', $2, st, $3 FROM unnest($4::uuid[], $5::uuid[]) AS t (id, st)`,
    [org, unit, cat, ids, stages],
  );
  const hashRow = (
    await db.query(
      `SELECT password_hash FROM account WHERE organization_id = $1 LIMIT 1`,
      [org],
    )
  ).rows[0].password_hash;
  const raters = ids.filter((_, i) => boss[i] !== null);
  const accountIds = raters.map(() => randomUUID());
  await db.query(
    `INSERT INTO account (id, organization_id, username, display_name, password_hash, role, employee_id)
    SELECT a, $1, 'load-' || a::text, 'x', $2, 'staff', e FROM unnest($3::uuid[], $4::uuid[]) AS t (a, e)`,
    [org, hashRow, accountIds, raters],
  );
  const tokens = raters.map(() => randomBytes(24).toString('base64url'));
  const csrf = raters.map(() => randomBytes(24).toString('base64url'));
  await db.query(
    `INSERT INTO session (token_hash, account_id, organization_id, csrf_token, expires_at)
    SELECT h, a, $1, c, now() + interval '1 hour' FROM unnest($2::text[], $3::uuid[], $4::text[]) AS t (h, a, c)`,
    [
      org,
      tokens.map((t) => createHash('sha256').update(t).digest('hex')),
      accountIds,
      csrf,
    ],
  );
  const hr = await tenant.login('hr');
  const cycle = (
    await hr.post<{ id: string }>('/api/v1/reviews360/cycles', {
      fiscalYear: 2025,
      name: 'load',
      referenceDate: '2025-10-01',
    })
  ).body;
  await hr.post(`/api/v1/reviews360/cycles/${cycle.id}/assignments/generate`);
  await hr.post(`/api/v1/reviews360/cycles/${cycle.id}/launch`);
  const q = (
    await hr.get<{ items: { id: string; kind: string }[] }>(
      `/api/v1/reviews360/cycles/${cycle.id}/questionnaire`,
    )
  ).body;
  const assignment = new Map(
    (
      await db.query(
        `SELECT rater_id, id FROM review360_assignment WHERE cycle_id = $1 AND relationship = 'subordinate'`,
        [cycle.id],
      )
    ).rows.map((r) => [r.rater_id, r.id]),
  );
  const rating = q.items.filter((i) => i.kind === 'rating').map((i) => i.id);
  const text = q.items.find((i) => i.kind === 'text')!.id;
  let next = 0;
  const result = await autocannon({
    url: serverState().baseUrl,
    connections: 40,
    amount: raters.length * 2,
    requests: [
      {
        method: 'POST',
        setupRequest: (req: LoadRequest) => {
          const i = next++ % raters.length;
          return {
            ...req,
            path: `/api/v1/reviews360/cycles/${cycle.id}/answers/${assignment.get(raters[i]!)}`,
            headers: {
              cookie: `ikb_session=${tokens[i]}`,
              'x-csrf-token': csrf[i]!,
              'content-type': 'application/json',
            },
            body: JSON.stringify({
              scores: Object.fromEntries(
                rating.map((id, j) => [id, 1 + ((i + j) % 5)]),
              ),
              comments: i % 3 === 0 ? { [text]: 'よい上司です' } : {},
            }),
          };
        },
      },
    ],
  });
  const counts = (
    await db.query(
      `SELECT (SELECT count(*)::int FROM review360_participation WHERE cycle_id = $1) p, (SELECT count(*)::int FROM review360_response WHERE cycle_id = $1) r`,
      [cycle.id],
    )
  ).rows[0];
  console.log(
    JSON.stringify({
      requests: result.requests.total,
      rps: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      max: result.latency.max,
      durationS: result.duration,
    }),
  );
  expect(result.errors).toBe(0);
  expect(result['2xx']).toBe(raters.length);
  expect(result.statusCodeStats['409']?.count).toBe(raters.length);
  expect(counts).toEqual({ p: raters.length, r: raters.length });
}, 300_000);
