import type { KpiValueDto } from '@ikuboard/shared/contracts';
import { generateDemoCity } from '@ikuboard/shared/demo-data';

import { addTierExtras } from '../../bench/src/tier-extras';
import type { ApiClient } from '../support/api-client';
import { closeTestDatabase, queryable } from '../support/database';
import { createTenantWithCity } from '../support/tenant';

/**
 * The API keeps the coverage counts and the figures of released 360 cycles per input version
 * (migration 1795530000000). After every kind of write below, the figures it serves are those
 * counted here from the base rows, written independently of the product's SQL.
 */
describe('Ikuboss and 360 KPIs kept per input version', () => {
  afterAll(closeTestDatabase);

  let organizationId: string;
  let hr: ApiClient;

  const kpi = async (code: string, fiscalYear: number) => {
    const [value] = (
      await hr.get<KpiValueDto[]>(`/api/v1/kpis?fy=${fiscalYear}&code=${code}`)
    ).body;
    return value!;
  };

  /** Managers on April 1 with a stage of the FY's campaign, and those holding a signed, unrevoked declaration. */
  const coverageByHand = async (fiscalYear: number) => {
    const [row] = (await queryable.query(
      `WITH required AS (
         SELECT DISTINCT a.employee_id
           FROM assignment a, employee e
          WHERE a.organization_id = $1 AND e.organization_id = $1 AND e.id = a.employee_id
            AND a.valid_from <= make_date($2, 4, 1) AND coalesce(a.valid_to, 'infinity') > make_date($2, 4, 1)
            AND e.hire_date <= make_date($2, 4, 1) AND coalesce(e.separation_date, 'infinity') >= make_date($2, 4, 1)
            AND a.position_stage_id IN (
              SELECT cs.position_stage_id FROM ikuboss_campaign_stage cs, ikuboss_campaign c
               WHERE c.organization_id = $1 AND c.fiscal_year = $2 AND c.scope_unit_id IS NULL
                 AND cs.campaign_id = c.id)
       ), declared AS (
         SELECT DISTINCT dd.employee_id FROM ikuboss_declarer dd, ikuboss_declaration d
          WHERE d.organization_id = $1 AND d.id = dd.declaration_id AND d.fiscal_year = $2
            AND d.signed_at IS NOT NULL AND d.revoked_at IS NULL
       )
       SELECT (SELECT count(*) FROM required)::int AS required,
              (SELECT count(*) FROM required WHERE employee_id IN (SELECT employee_id FROM declared))::int AS declared`,
      [organizationId, fiscalYear],
    )) as { required: number; declared: number }[];
    return [row!.declared, row!.required];
  };

  /** Assignments other than self of the FY's cycle and those answered. */
  const responsesByHand = async (fiscalYear: number) => {
    const [row] = (await queryable.query(
      `SELECT count(*)::int AS assigned,
              count(*) FILTER (WHERE x.id IN (SELECT assignment_id FROM review360_participation))::int AS submitted
         FROM review360_assignment x, review360_cycle c
        WHERE c.organization_id = $1 AND c.fiscal_year = $2 AND x.cycle_id = c.id AND x.relationship <> 'self'`,
      [organizationId, fiscalYear],
    )) as { assigned: number; submitted: number }[];
    return [row!.submitted, row!.assigned];
  };

  beforeAll(async () => {
    const city = generateDemoCity({
      staff: 1_200,
      firstFiscalYear: 2023,
      lastFiscalYear: 2025,
      seed: 23,
    });
    const tenant = await createTenantWithCity(city, 'kpimemo');
    organizationId = tenant.organizationId;
    await addTierExtras(queryable, organizationId, {
      firstFiscalYear: 2024,
      lastFiscalYear: 2025,
    });
    hr = await tenant.login('hr');
  });

  it('coverage follows a revocation and a change of assignment at once', async () => {
    for (const fiscalYear of [2024, 2025]) {
      const value = await kpi('ikuboss_declaration_coverage', fiscalYear);
      expect([value.numerator, value.denominator]).toEqual(
        await coverageByHand(fiscalYear),
      );
    }
    // Asked again (now kept), the same figures.
    const before = await kpi('ikuboss_declaration_coverage', 2025);
    expect([before.numerator, before.denominator]).toEqual(
      await coverageByHand(2025),
    );

    // Revoke one signed FY2025 declaration.
    const [signed] = (await queryable.query(
      `SELECT id FROM ikuboss_declaration
        WHERE organization_id = $1 AND fiscal_year = 2025 AND signed_at IS NOT NULL AND revoked_at IS NULL
        ORDER BY id LIMIT 1`,
      [organizationId],
    )) as { id: string }[];
    await queryable.query(
      `UPDATE ikuboss_declaration SET revoked_at = now(), revoked_reason = 'test'
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, signed!.id],
    );
    const revoked = await kpi('ikuboss_declaration_coverage', 2025);
    expect([revoked.numerator, revoked.denominator]).toEqual(
      await coverageByHand(2025),
    );
    expect(revoked.numerator).toBe(before.numerator! - 1);
    expect(revoked.denominator).toBe(before.denominator);

    // A required manager who has not declared leaves the campaign's stages on April 1, 2025.
    const [manager] = (await queryable.query(
      `SELECT a.id FROM assignment a
         JOIN ikuboss_campaign_stage cs ON cs.position_stage_id = a.position_stage_id
         JOIN ikuboss_campaign c ON c.id = cs.campaign_id AND c.fiscal_year = 2025
         JOIN employee e ON e.id = a.employee_id AND e.hire_date <= '2025-04-01'
                        AND coalesce(e.separation_date, 'infinity') >= '2025-04-01'
        WHERE a.organization_id = $1 AND a.valid_from <= '2025-04-01' AND coalesce(a.valid_to, 'infinity') > '2025-04-01'
          AND NOT EXISTS (SELECT 1 FROM ikuboss_declarer dd JOIN ikuboss_declaration d ON d.id = dd.declaration_id
                           WHERE dd.employee_id = a.employee_id AND d.fiscal_year = 2025)
          AND (SELECT count(*) FROM assignment b WHERE b.employee_id = a.employee_id
                 AND b.valid_from <= '2025-04-01' AND coalesce(b.valid_to, 'infinity') > '2025-04-01') = 1
        ORDER BY a.id LIMIT 1`,
      [organizationId],
    )) as { id: string }[];
    await queryable.query(
      `UPDATE assignment SET position_stage_id = (
         SELECT s.id FROM position_stage s WHERE s.organization_id = $1 AND NOT s.is_manager ORDER BY s.id LIMIT 1)
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, manager!.id],
    );
    const moved = await kpi('ikuboss_declaration_coverage', 2025);
    expect([moved.numerator, moved.denominator]).toEqual(
      await coverageByHand(2025),
    );
    expect(moved.denominator).toBe(before.denominator! - 1);
  });

  it('the 360 figures follow a release being taken back and given again, and raised thresholds', async () => {
    const rate = await kpi('ikuboss_360_response_rate', 2024);
    expect([rate.numerator, rate.denominator]).toEqual(
      await responsesByHand(2024),
    );
    const score = await kpi('ikuboss_360_score', 2024);
    expect(score.denominator).toBeGreaterThan(0);
    expect(await kpi('ikuboss_360_score', 2024)).toEqual(score);

    // Not released: no score; the response rate is still counted.
    await queryable.query(
      `UPDATE review360_cycle SET status = 'closed' WHERE organization_id = $1 AND fiscal_year = 2024`,
      [organizationId],
    );
    const closed = await kpi('ikuboss_360_score', 2024);
    expect([closed.numerator, closed.denominator, closed.value]).toEqual([
      0,
      0,
      null,
    ]);
    const closedRate = await kpi('ikuboss_360_response_rate', 2024);
    expect([closedRate.numerator, closedRate.denominator]).toEqual(
      await responsesByHand(2024),
    );

    // Released again: the same score as before.
    await queryable.query(
      `UPDATE review360_cycle SET status = 'released' WHERE organization_id = $1 AND fiscal_year = 2024`,
      [organizationId],
    );
    expect(await kpi('ikuboss_360_score', 2024)).toEqual(score);

    // Thresholds above every count: nothing may be shown any more.
    await queryable.query(
      `UPDATE review360_cycle SET min_subordinate_scores = 1000000, min_subordinate_comments = 1000000 WHERE organization_id = $1 AND fiscal_year = 2024`,
      [organizationId],
    );
    const hidden = await kpi('ikuboss_360_score', 2024);
    expect([hidden.numerator, hidden.denominator, hidden.value]).toEqual([
      0,
      0,
      null,
    ]);
    const hiddenRate = await kpi('ikuboss_360_response_rate', 2024);
    expect([
      hiddenRate.numerator,
      hiddenRate.denominator,
      hiddenRate.value,
    ]).toEqual([0, 0, null]);
  });

  it('every write to an input table is counted, once per statement and organization', async () => {
    const count = async () =>
      Number(
        (
          (await queryable.query(
            `SELECT count(*)::int AS n FROM ikuboss_kpi_input_change WHERE organization_id = $1`,
            [organizationId],
          )) as { n: number }[]
        )[0]!.n,
      );
    const start = await count();
    await queryable.query(
      `UPDATE employee SET name = name WHERE organization_id = $1`,
      [organizationId],
    );
    expect(await count()).toBe(start + 1);
    await queryable.query(
      `UPDATE org_unit SET name = name WHERE organization_id = $1`,
      [organizationId],
    );
    expect(await count()).toBe(start + 2);
    // A statement that touches no row of the organization adds nothing for it.
    await queryable.query(
      `UPDATE assignment SET valid_to = valid_to WHERE organization_id = $1 AND false`,
      [organizationId],
    );
    expect(await count()).toBe(start + 2);
  });
});
