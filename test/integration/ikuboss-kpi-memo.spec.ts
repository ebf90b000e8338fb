import type { KpiOverviewDto, KpiValueDto } from '@ikuboard/shared/contracts';
import { generateDemoCity } from '@ikuboard/shared/demo-data';

import { addTierExtras } from '../../bench/src/tier-extras';
import type { ApiClient } from '../support/api-client';
import {
  IKUBOSS_KPI_INPUT_TABLES,
  ikubossKpiInputVersion,
} from '../../api/src/app/declarations/ikuboss-kpi-memo';
import { runHousekeeping } from '../../api/src/app/housekeeping/housekeeping';
import {
  closeTestDatabase,
  queryable,
  testDatabase,
} from '../support/database';
import { createTenantWithCity, type Tenant } from '../support/tenant';

/**
 * The API keeps the coverage counts and the figures of released 360 cycles per input version
 * (migration 1795530000000). After every kind of write below, the figures it serves are those
 * counted here from the base rows, written independently of the product's SQL.
 */
describe('Ikuboss and 360 KPIs kept per input version', () => {
  afterAll(closeTestDatabase);

  let organizationId: string;
  let hr: ApiClient;
  let tenant: Tenant;

  const kpi = async (code: string, fiscalYear: number) => {
    const [value] = (
      await hr.get<KpiValueDto[]>(`/api/v1/kpis?fy=${fiscalYear}&code=${code}`)
    ).body;
    return value!;
  };
  /** A value's figures, compared as one. */
  const figures = (value: KpiValueDto) => [
    value.numerator,
    value.denominator,
    value.value,
  ];
  /** The same KPI as the overview page gets it (the request reads the input versions once, early). */
  const overviewKpi = async (code: string, fiscalYear: number) => {
    const overview = (
      await hr.get<KpiOverviewDto>(`/api/v1/kpis/overview?fy=${fiscalYear}`)
    ).body;
    return overview.current.find(
      (value) => value.code === code && value.dimensions === undefined,
    )!;
  };

  /** Managers on April 1 with a stage of the FY's campaign, and those holding a signed, unrevoked declaration. */
  /** The managers the FY's organization-wide campaign requires ($1 organization, $2 FY). */
  const REQUIRED_SQL = `
    SELECT DISTINCT a.employee_id
      FROM assignment a, employee e
     WHERE a.organization_id = $1 AND e.organization_id = $1 AND e.id = a.employee_id
       AND a.valid_from <= make_date($2, 4, 1) AND coalesce(a.valid_to, 'infinity') > make_date($2, 4, 1)
       AND e.hire_date <= make_date($2, 4, 1) AND coalesce(e.separation_date, 'infinity') >= make_date($2, 4, 1)
       AND a.position_stage_id IN (
         SELECT cs.position_stage_id FROM ikuboss_campaign_stage cs, ikuboss_campaign c
          WHERE c.organization_id = $1 AND c.fiscal_year = $2 AND c.scope_unit_id IS NULL
            AND cs.campaign_id = c.id)`;
  const coverageByHand = async (fiscalYear: number) => {
    const [row] = (await queryable.query(
      `WITH required AS (${REQUIRED_SQL}), declared AS (
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

  /** The organization's logged changes, counting those housekeeping folded into the totals. */
  const changesOf = async (organization: string) => {
    const [row] = (await queryable.query(
      `SELECT (SELECT count(*) FROM ikuboss_kpi_input_change WHERE organization_id = $1)
            + (SELECT coalesce(sum(changes), 0) FROM ikuboss_kpi_input_change_total WHERE organization_id = $1) AS n`,
      [organization],
    )) as { n: string }[];
    return Number(row!.n);
  };

  /** Revokes the first signed, unrevoked declaration of the FY, as HR's revocation does. */
  const revokeOne = async (fiscalYear: number) => {
    const [signed] = (await queryable.query(
      // a declaration whose revocation lowers the coverage by one: a single declarer, required
      // this FY, with no other signed declaration of the FY (a joint or a second declaration, or a
      // declarer outside the campaign, could make the drop 0 or 2, as ids are random)
      `SELECT d.id FROM ikuboss_declaration d
        WHERE d.organization_id = $1 AND d.fiscal_year = $2 AND d.signed_at IS NOT NULL AND d.revoked_at IS NULL
          AND (SELECT count(*) FROM ikuboss_declarer dd WHERE dd.declaration_id = d.id) = 1
          AND EXISTS (
            SELECT 1 FROM ikuboss_declarer dd
             WHERE dd.declaration_id = d.id AND dd.employee_id IN (${REQUIRED_SQL})
               AND NOT EXISTS (
                 SELECT 1 FROM ikuboss_declarer o JOIN ikuboss_declaration od ON od.id = o.declaration_id
                  WHERE o.employee_id = dd.employee_id AND od.id <> d.id AND od.organization_id = $1
                    AND od.fiscal_year = $2 AND od.signed_at IS NOT NULL AND od.revoked_at IS NULL))
        ORDER BY d.id LIMIT 1`,
      [organizationId, fiscalYear],
    )) as { id: string }[];
    await queryable.query(
      `UPDATE ikuboss_declaration SET revoked_at = now(), revoked_reason = 'test'
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, signed!.id],
    );
  };

  beforeAll(async () => {
    const city = generateDemoCity({
      staff: 1_200,
      firstFiscalYear: 2023,
      lastFiscalYear: 2025,
      seed: 23,
    });
    tenant = await createTenantWithCity(city, 'kpimemo');
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
    await revokeOne(2025);
    // asked first through the overview, which reads the input versions itself
    const revokedOverview = await overviewKpi(
      'ikuboss_declaration_coverage',
      2025,
    );
    expect([revokedOverview.numerator, revokedOverview.denominator]).toEqual(
      await coverageByHand(2025),
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
    const movedOverview = await overviewKpi(
      'ikuboss_declaration_coverage',
      2025,
    );
    expect([movedOverview.numerator, movedOverview.denominator]).toEqual(
      await coverageByHand(2025),
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
    // The overview (versions read in its context statement) is asked before and after each change.
    expect(figures(await overviewKpi('ikuboss_360_score', 2024))).toEqual(
      figures(score),
    );

    // Not released: no score; the response rate is still counted.
    await queryable.query(
      `UPDATE review360_cycle SET status = 'closed' WHERE organization_id = $1 AND fiscal_year = 2024`,
      [organizationId],
    );
    expect(figures(await overviewKpi('ikuboss_360_score', 2024))).toEqual([
      0,
      0,
      null,
    ]);
    const closed = await kpi('ikuboss_360_score', 2024);
    expect(figures(closed)).toEqual([0, 0, null]);
    const closedRate = await kpi('ikuboss_360_response_rate', 2024);
    expect([closedRate.numerator, closedRate.denominator]).toEqual(
      await responsesByHand(2024),
    );

    // Released again: the same score as before.
    await queryable.query(
      `UPDATE review360_cycle SET status = 'released' WHERE organization_id = $1 AND fiscal_year = 2024`,
      [organizationId],
    );
    expect(figures(await overviewKpi('ikuboss_360_score', 2024))).toEqual(
      figures(score),
    );
    expect(await kpi('ikuboss_360_score', 2024)).toEqual(score);

    // Thresholds above every count: nothing may be shown any more.
    await queryable.query(
      `UPDATE review360_cycle SET min_subordinate_scores = 1000000, min_subordinate_comments = 1000000 WHERE organization_id = $1 AND fiscal_year = 2024`,
      [organizationId],
    );
    const hiddenOverview = await overviewKpi('ikuboss_360_score', 2024);
    expect(figures(hiddenOverview)).toEqual([0, 0, null]);
    const hidden = await kpi('ikuboss_360_score', 2024);
    expect(figures(hidden)).toEqual([0, 0, null]);
    const hiddenRate = await kpi('ikuboss_360_response_rate', 2024);
    expect(figures(hiddenRate)).toEqual([0, 0, null]);
  });

  it('the 360 score of a subtree follows a rated manager moved out of it, asked through the overview first', async () => {
    // FY2025's cycle (the case above changes FY2024's): the rated manager with the most
    // subordinate answers, the assignment placing them on the cycle's reference date, the
    // top-level unit above it, and a unit under another top-level unit.
    const [picked] = (await queryable.query(
      `WITH cycle AS (SELECT id, reference_date FROM review360_cycle WHERE organization_id = $1 AND fiscal_year = 2025),
            rated AS (SELECT r.ratee_id, count(*) AS n FROM review360_response r, cycle
                       WHERE r.organization_id = $1 AND r.cycle_id = cycle.id AND r.relationship = 'subordinate'
                       GROUP BY r.ratee_id)
       SELECT a.id AS assignment, top.code AS unit,
              (SELECT u.id FROM org_unit u JOIN org_unit_closure c ON c.organization_id = $1 AND c.descendant_id = u.id
                WHERE u.organization_id = $1 AND c.ancestor_id <> top.id
                  AND c.ancestor_id IN (SELECT id FROM org_unit WHERE organization_id = $1 AND parent_id IS NULL)
                ORDER BY u.code LIMIT 1) AS elsewhere
         FROM rated, cycle, assignment a, org_unit_closure cl, org_unit top
        WHERE a.organization_id = $1 AND a.employee_id = rated.ratee_id
          AND a.valid_from <= cycle.reference_date AND coalesce(a.valid_to, 'infinity') > cycle.reference_date
          AND cl.organization_id = $1 AND cl.descendant_id = a.org_unit_id
          AND top.organization_id = $1 AND top.id = cl.ancestor_id AND top.parent_id IS NULL
        ORDER BY rated.n DESC, rated.ratee_id LIMIT 1`,
      [organizationId],
    )) as { assignment: string; unit: string; elsewhere: string }[];
    if (!picked) throw new Error('no rated manager in FY2025');
    const subtree = async (overview: boolean) => {
      const path = overview
        ? `/api/v1/kpis/overview?fy=2025&unit=${picked.unit}`
        : `/api/v1/kpis?fy=2025&code=ikuboss_360_score&unit=${picked.unit}`;
      const body = (await hr.get<KpiOverviewDto | KpiValueDto[]>(path)).body;
      const values = Array.isArray(body) ? body : body.current;
      const value = values.find(
        (v) => v.code === 'ikuboss_360_score' && v.dimensions === undefined,
      );
      if (!value) throw new Error(`no 360 score in ${path}`);
      return figures(value);
    };
    const before = await subtree(true);
    expect(await subtree(false)).toEqual(before);

    await queryable.query(
      `UPDATE assignment SET org_unit_id = $3 WHERE organization_id = $1 AND id = $2`,
      [organizationId, picked.assignment, picked.elsewhere],
    );
    // The overview first: it reads the input versions in its own context statement. GET /kpis
    // reads them by itself, so the two agree only if the overview saw the move too.
    const after = await subtree(true);
    expect(after).not.toEqual(before);
    expect(await subtree(false)).toEqual(after);
  });

  it('every write to an input table is counted, once per statement and organization', async () => {
    const count = () => changesOf(organizationId);
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

  it('housekeeping folds the log into totals without changing any version, and later writes still count', async () => {
    const versions = () =>
      Promise.all([
        ikubossKpiInputVersion(
          queryable,
          organizationId,
          IKUBOSS_KPI_INPUT_TABLES,
        ),
        ikubossKpiInputVersion(queryable, organizationId, ['employee']),
        ikubossKpiInputVersion(queryable, organizationId, [
          'ikuboss_declaration',
        ]),
      ]);
    await queryable.query(
      `UPDATE employee SET name = name WHERE organization_id = $1`,
      [organizationId],
    );
    const before = await versions();
    const changes = await changesOf(organizationId);

    // A writer whose change is not committed while the log is folded.
    const writer = await testDatabase().connect();
    try {
      await writer.query('BEGIN');
      await writer.query(
        `UPDATE employee SET name = name WHERE organization_id = $1`,
        [organizationId],
      );
      const done = await runHousekeeping(queryable);
      expect(done.foldedInputChanges).toBeGreaterThan(0);
      expect(
        await queryable.query(
          `SELECT 1 FROM ikuboss_kpi_input_change WHERE organization_id = $1`,
          [organizationId],
        ),
      ).toHaveLength(0);
      expect(await versions()).toEqual(before);
      await writer.query('COMMIT');
    } finally {
      writer.release();
    }
    // The writer's row, committed after the compaction, is counted once, by the tables it touched.
    const after = await versions();
    expect(await changesOf(organizationId)).toBe(changes + 1);
    expect(after[0]).not.toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after[2]).toBe(before[2]);
    expect(after[0]!.split(':')[0]).toBe(
      String(Number(before[0]!.split(':')[0]) + 1),
    );

    // Folding again moves that row too, and still changes nothing.
    await runHousekeeping(queryable);
    expect(await versions()).toEqual(after);

    // Figures served after the compaction follow the next change.
    const served = await kpi('ikuboss_declaration_coverage', 2024);
    await revokeOne(2024);
    const revoked = await kpi('ikuboss_declaration_coverage', 2024);
    expect([revoked.numerator, revoked.denominator]).toEqual(
      await coverageByHand(2024),
    );
    expect(revoked.numerator).toBe(served.numerator! - 1);
  });

  it('housekeeping deletes expired sessions only', async () => {
    const staff = await tenant.login('staff');
    expect((await staff.get('/api/v1/auth/session')).status).toBe(200);
    const sessionsOf = async () =>
      (await queryable.query(
        `SELECT a.username, s.expires_at > now() AS live
           FROM session s JOIN account a ON a.id = s.account_id WHERE s.organization_id = $1`,
        [organizationId],
      )) as { username: string; live: boolean }[];
    const before = await sessionsOf();
    expect(before.some((s) => s.username === tenant.usernames.staff)).toBe(
      true,
    );
    await queryable.query(
      `UPDATE session SET expires_at = now() - interval '1 minute'
        WHERE organization_id = $1 AND account_id = (SELECT id FROM account WHERE username = $2)`,
      [organizationId, tenant.usernames.staff],
    );
    const done = await runHousekeeping(queryable);
    expect(done.expiredSessions).toBeGreaterThanOrEqual(1);
    const after = await sessionsOf();
    expect(after.every((s) => s.live)).toBe(true);
    expect(after.map((s) => s.username).sort()).toEqual(
      before
        .filter((s) => s.username !== tenant.usernames.staff)
        .map((s) => s.username)
        .sort(),
    );
    expect((await staff.get('/api/v1/auth/session')).status).toBe(401);
    expect((await hr.get('/api/v1/auth/session')).status).toBe(200);
  });
});
