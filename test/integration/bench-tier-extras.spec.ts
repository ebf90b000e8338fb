import { createHash } from 'node:crypto';

import type { KpiValueDto } from '@ikuboard/shared/contracts';
import { generateDemoCity } from '@ikuboard/shared/demo-data';

import { addTierExtras } from '../../bench/src/tier-extras';
import { closeTestDatabase, queryable } from '../support/database';
import { createTenantWithCity } from '../support/tenant';

/** The bench tiers' extras (bench/src/tier-extras.ts) on a small generated city. */
describe('bench tier extras: Ikuboss campaigns and released 360 cycles', () => {
  afterAll(closeTestDatabase);

  it('adds a campaign and a released 360 cycle per FY whose rows the product reads as its own', async () => {
    const city = generateDemoCity({
      staff: 1_500,
      firstFiscalYear: 2022,
      lastFiscalYear: 2025,
      seed: 11,
    });
    const tenant = await createTenantWithCity(city, 'extras');
    const organizationId = tenant.organizationId;
    const counts = await addTierExtras(queryable, organizationId, {
      firstFiscalYear: 2022,
      lastFiscalYear: 2025,
    });

    const campaigns = (await queryable.query(
      `SELECT fiscal_year FROM ikuboss_campaign WHERE organization_id = $1 ORDER BY fiscal_year`,
      [organizationId],
    )) as { fiscal_year: number }[];
    expect(campaigns.map((c) => c.fiscal_year)).toEqual([
      2022, 2023, 2024, 2025,
    ]);
    const cycles = (await queryable.query(
      `SELECT fiscal_year, status, min_subordinate_scores, min_peer_scores, min_subordinate_comments
         FROM review360_cycle WHERE organization_id = $1 ORDER BY fiscal_year`,
      [organizationId],
    )) as {
      fiscal_year: number;
      status: string;
      min_subordinate_scores: number;
      min_peer_scores: number;
      min_subordinate_comments: number;
    }[];
    expect(cycles.map((c) => [c.fiscal_year, c.status])).toEqual([
      [2022, 'released'],
      [2023, 'released'],
      [2024, 'released'],
      [2025, 'released'],
    ]);
    for (const cycle of cycles) {
      expect(cycle.min_subordinate_scores).toBeGreaterThanOrEqual(3);
      expect(cycle.min_peer_scores).toBeGreaterThanOrEqual(3);
      expect(cycle.min_subordinate_comments).toBeGreaterThanOrEqual(3);
    }
    expect(counts.ikuboss_campaign).toBe(4);
    expect(counts.review360_cycle).toBe(4);

    // Signed declarations: the hash is the SHA-256 of the signed text, one per manager and year.
    const declarations = (await queryable.query(
      `SELECT d.fiscal_year, d.signed_text, d.signed_hash, dd.employee_id
         FROM ikuboss_declaration d JOIN ikuboss_declarer dd ON dd.declaration_id = d.id
        WHERE d.organization_id = $1`,
      [organizationId],
    )) as {
      fiscal_year: number;
      signed_text: string;
      signed_hash: string;
      employee_id: string;
    }[];
    expect(declarations.length).toBe(counts.ikuboss_declaration);
    for (const row of declarations)
      expect(row.signed_hash).toBe(
        createHash('sha256').update(row.signed_text).digest('hex'),
      );
    expect(
      new Set(declarations.map((d) => `${d.fiscal_year}:${d.employee_id}`))
        .size,
    ).toBe(declarations.length);

    // Anonymity: a response is one participation's answers, without its rater; the multiset of
    // (cycle, ratee, relationship) of the responses is the participations'.
    const columns = (await queryable.query(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'review360_response'`,
    )) as { column_name: string }[];
    expect(columns.map((c) => c.column_name)).not.toContain('rater_id');
    const [mismatch] = (await queryable.query(
      `SELECT count(*)::int AS n FROM (
         (SELECT x.cycle_id, x.ratee_id, x.relationship FROM review360_participation p
            JOIN review360_assignment x ON x.id = p.assignment_id WHERE p.organization_id = $1
          EXCEPT ALL
          SELECT cycle_id, ratee_id, relationship FROM review360_response WHERE organization_id = $1)
         UNION ALL
         (SELECT cycle_id, ratee_id, relationship FROM review360_response WHERE organization_id = $1
          EXCEPT ALL
          SELECT x.cycle_id, x.ratee_id, x.relationship FROM review360_participation p
            JOIN review360_assignment x ON x.id = p.assignment_id WHERE p.organization_id = $1)) d`,
      [organizationId],
    )) as { n: number }[];
    expect(mismatch!.n).toBe(0);
    expect(counts.review360_response).toBe(counts.review360_participation);

    // The KPIs of the product over HTTP agree with counts made here.
    const hr = await tenant.login('hr');
    for (const fiscalYear of [2022, 2025]) {
      const [coverage] = (
        await hr.get<KpiValueDto[]>(
          `/api/v1/kpis?fy=${fiscalYear}&code=ikuboss_declaration_coverage`,
        )
      ).body;
      const declared = declarations.filter(
        (d) => d.fiscal_year === fiscalYear,
      ).length;
      expect(coverage!.numerator).toBe(declared);
      expect(coverage!.denominator).toBeGreaterThanOrEqual(declared);
      // 55 % of the required managers in the first year, 91 % in the last (hashed, so roughly).
      expect(coverage!.value).toBeGreaterThan(fiscalYear === 2022 ? 35 : 75);
      expect(coverage!.value).toBeLessThanOrEqual(
        fiscalYear === 2022 ? 75 : 100,
      );

      const [[rate], [score]] = await Promise.all(
        ['ikuboss_360_response_rate', 'ikuboss_360_score'].map(
          async (code) =>
            (
              await hr.get<KpiValueDto[]>(
                `/api/v1/kpis?fy=${fiscalYear}&code=${code}`,
              )
            ).body,
        ),
      );
      const [expected] = (await queryable.query(
        `SELECT count(*)::int AS assigned, count(p.assignment_id)::int AS submitted
           FROM review360_cycle c
           JOIN review360_assignment x ON x.cycle_id = c.id AND x.relationship <> 'self'
           LEFT JOIN review360_participation p ON p.assignment_id = x.id
          WHERE c.organization_id = $1 AND c.fiscal_year = $2`,
        [organizationId, fiscalYear],
      )) as { assigned: number; submitted: number }[];
      expect([rate!.numerator, rate!.denominator]).toEqual([
        expected!.submitted,
        expected!.assigned,
      ]);
      // 70 % of the raters in the first year, 88 % in the last.
      expect(rate!.value).toBeGreaterThan(fiscalYear === 2022 ? 55 : 75);
      expect(rate!.value).toBeLessThan(fiscalYear === 2022 ? 85 : 97);
      expect(score!.value).not.toBeNull();
      expect(score!.value).toBeGreaterThanOrEqual(1);
      expect(score!.value).toBeLessThanOrEqual(5);
    }
  });
});
