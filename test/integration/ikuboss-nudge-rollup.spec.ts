/**
 * HR nudge counts rolled up by unit subtree (GET /ikuboss/nudges/summary?rollup=true&unit=…),
 * against a hand-counted tree: ROOT → D1 → (S1, S2); ROOT → D2.
 */
import type { ApiErrorDto, NudgeSummaryDto } from '@ikuboard/shared/contracts';

import type { ApiClient } from '../support/api-client';
import { closeTestDatabase } from '../support/database';
import { buildHandOrg } from '../support/ikuboss-org';
import { createTenant, type Tenant } from '../support/tenant';

describe('Ikuboss nudges: HR counts rolled up by unit subtree', () => {
  let tenant: Tenant;
  let hr: ApiClient;
  const rowsOf = (summary: NudgeSummaryDto) =>
    summary.units.map((u) => [
      u.unitCode,
      u.eligibleFathers,
      u.onLeave,
      u.hasChildren,
    ]);

  beforeAll(async () => {
    tenant = await createTenant('nudge-tree');
    const org = await buildHandOrg(
      tenant.organizationId,
      [
        { code: 'ROOT', parent: null },
        { code: 'D1', parent: 'ROOT' },
        { code: 'D2', parent: 'ROOT' },
        { code: 'S1', parent: 'D1' },
        { code: 'S2', parent: 'D1' },
      ],
      [
        { number: 'R1', gender: 'male', unit: 'ROOT', stage: 'ippan' },
        { number: 'P1', gender: 'male', unit: 'D1', stage: 'ippan' },
        { number: 'Q1', gender: 'male', unit: 'D2', stage: 'ippan' },
        { number: 'A1', gender: 'male', unit: 'S1', stage: 'ippan' },
        { number: 'A2', gender: 'male', unit: 'S1', stage: 'ippan' },
        { number: 'B1', gender: 'male', unit: 'S2', stage: 'ippan' },
        // Not eligible: a mother, and a father whose child was born in another fiscal year.
        { number: 'W1', gender: 'female', unit: 'S1', stage: 'ippan' },
        { number: 'X1', gender: 'male', unit: 'S2', stage: 'ippan' },
      ],
    );
    for (const number of ['R1', 'P1', 'Q1', 'A1', 'A2', 'B1', 'W1'])
      await org.addChild(number, '2024-06-01');
    await org.addChild('X1', '2023-06-01');
    // A1 has started childcare leave for the child.
    const a1Child = await org.addChild('A1', '2024-09-01', 2);
    await org.addLeave('A1', 'childcare', '2024-09-10', 30, a1Child);
    hr = await tenant.login('hr');
  });
  afterAll(() => closeTestDatabase());

  const summary = async (query: string) =>
    (
      await hr.get<NudgeSummaryDto>(
        `/api/v1/ikuboss/nudges/summary?fy=2024${query}`,
      )
    ).body;

  it('without a unit lists the top-level units, each counting its whole subtree', async () => {
    const top = await summary('&rollup=true');
    expect(top.viewRootUnitCode).toBeNull();
    expect(rowsOf(top)).toEqual([['ROOT', 6, 1, true]]);
    expect(top.total).toMatchObject({ eligibleFathers: 6, onLeave: 1 });
  });

  it('under ROOT: the fathers assigned to ROOT itself, then D1 (P1, A1, A2, B1) and D2 (Q1)', async () => {
    const root = await summary('&rollup=true&unit=ROOT');
    expect(root.viewRootUnitCode).toBe('ROOT');
    expect(rowsOf(root)).toEqual([
      ['ROOT', 1, 0, false],
      ['D1', 4, 1, true],
      ['D2', 1, 0, false],
    ]);
    expect(root.total.eligibleFathers).toBe(6);
  });

  it('under D1: P1 in D1 itself, S1 (A1, A2) and S2 (B1; X1 is of another year)', async () => {
    const d1 = await summary('&unit=D1');
    expect(rowsOf(d1)).toEqual([
      ['D1', 1, 0, false],
      ['S1', 2, 1, false],
      ['S2', 1, 0, false],
    ]);
    expect(d1.total).toMatchObject({
      unitCode: 'D1',
      eligibleFathers: 4,
      onLeave: 1,
    });
  });

  it('keeps the per-assigned-unit view without rollup, and answers 404 for an unknown unit', async () => {
    const flat = await summary('');
    expect(flat.units.map((u) => [u.unitCode, u.eligibleFathers])).toEqual([
      ['D1', 1],
      ['D2', 1],
      ['ROOT', 1],
      ['S1', 2],
      ['S2', 1],
    ]);
    const unknown = await hr.get<ApiErrorDto>(
      '/api/v1/ikuboss/nudges/summary?fy=2024&rollup=true&unit=NOPE',
    );
    expect(unknown.status).toBe(404);
    const other = await (await createTenant('nudge-tree-x')).login('hr');
    expect(
      (
        await other.get(
          '/api/v1/ikuboss/nudges/summary?fy=2024&rollup=true&unit=D1',
        )
      ).status,
    ).toBe(404);
  });
});
