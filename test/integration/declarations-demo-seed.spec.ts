import { createHash } from 'node:crypto';

import type { KpiValueDto } from '@ikuboard/shared/contracts';
import { generateDemoCity } from '@ikuboard/shared/demo-data';

import { seedDemoIkubossDeclarations } from '../../api/src/app/declarations/declarations-demo-seed';
import { closeTestDatabase, queryable } from '../support/database';
import { createTenantWithCity } from '../support/tenant';

describe('demo seed of Ikuboss declarations', () => {
  afterAll(closeTestDatabase);

  it('signs most required managers with hashes of their own text, leaves the demo manager undeclared this year, and the KPI counts them', async () => {
    const city = generateDemoCity({
      staff: 400,
      firstFiscalYear: 2023,
      lastFiscalYear: 2025,
      seed: 7,
    });
    const tenant = await createTenantWithCity(city, 'ikuseed');
    const [manager] = (await queryable.query(
      `SELECT e.id FROM employee e
         JOIN assignment a ON a.employee_id = e.id AND a.valid_from <= '2025-04-01' AND (a.valid_to IS NULL OR a.valid_to > '2025-04-01')
         JOIN position_stage s ON s.id = a.position_stage_id
        WHERE e.organization_id = $1 AND s.code = 'kacho' AND (e.separation_date IS NULL OR e.separation_date >= '2025-04-01')
        ORDER BY e.employee_number LIMIT 1`,
      [tenant.organizationId],
    )) as { id: string }[];
    await seedDemoIkubossDeclarations(
      queryable,
      tenant.organizationId,
      2025,
      manager!.id,
    );

    const declarations = (await queryable.query(
      `SELECT d.fiscal_year, d.signed_text, d.signed_hash, dd.employee_id
         FROM ikuboss_declaration d JOIN ikuboss_declarer dd ON dd.declaration_id = d.id
        WHERE d.organization_id = $1`,
      [tenant.organizationId],
    )) as {
      fiscal_year: number;
      signed_text: string;
      signed_hash: string;
      employee_id: string;
    }[];
    expect(declarations.length).toBeGreaterThan(0);
    for (const row of declarations) {
      expect(row.signed_hash).toBe(
        createHash('sha256').update(row.signed_text).digest('hex'),
      );
      expect(row.signed_text).toContain(`年度: ${row.fiscal_year}`);
    }
    expect(
      declarations.filter(
        (row) => row.fiscal_year === 2025 && row.employee_id === manager!.id,
      ),
    ).toEqual([]);

    // Every seeded declarer is required by the campaign, so the KPI's numerator is their count.
    const hr = await tenant.login('hr');
    for (const fiscalYear of [2024, 2025]) {
      const [coverage] = (
        await hr.get<KpiValueDto[]>(
          `/api/v1/kpis?fy=${fiscalYear}&code=ikuboss_declaration_coverage`,
        )
      ).body;
      const seeded = declarations.filter(
        (row) => row.fiscal_year === fiscalYear,
      ).length;
      expect(coverage!.numerator).toBe(seeded);
      expect(coverage!.denominator).toBeGreaterThan(seeded);
    }
  });
});
