import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Childcare person counts per fiscal year × subtree root × category (issue 8: the dashboard at
 * tier L). Derived like the tables of 1795450000000-KpiAggregates and kept exact by
 * refreshChildcareRollup (api/src/app/kpi/kpi-dashboard-aggregates.ts), which
 * refreshKpiAggregates calls in the same transaction.
 *
 * - kpi_childcare_person: each parent's flags per fiscal year, subtree root (unit_id; NULL = the
 *   whole organization; units with sub-units) and category, OR-ed over the parent's childcare
 *   facts there (bit k = the k-th person count of the childcare KPIs); multi = the parent has
 *   facts in more than one category in the year.
 * - kpi_childcare_rollup: per root, year, category and bit k the parents (not multi) with bit k.
 *
 * Existing organizations are filled from their kpi_childcare_fact rows here, so a database that
 * was refreshed before this migration reads the same figures right after it.
 */
const FLAGS = [
  `kind = 'e' AND gender = 'male'`,
  `kind = 'e' AND gender = 'female'`,
  `kind = 'p' AND started AND gender = 'male'`,
  `kind = 'p' AND started AND gender = 'female'`,
  `kind = 'p' AND started AND gender = 'male' AND birth_childcare`,
  `kind = 'p' AND started AND gender = 'female' AND birth_childcare`,
  `kind = 'e' AND gender = 'male' AND childcare`,
  `kind = 'p' AND started AND gender = 'male' AND days >= 7`,
  `kind = 'p' AND started AND gender = 'male' AND days >= 14`,
  `kind = 'e' AND gender = 'male' AND spouse_birth`,
  `kind = 'e' AND gender = 'male' AND participation`,
  `kind = 'e' AND gender = 'male' AND (spouse_birth OR participation)`,
  `kind = 'e' AND gender = 'male' AND paternity_days >= 5`,
];

export class KpiChildcareRollup1795510000000 implements MigrationInterface {
  name = 'KpiChildcareRollup1795510000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE kpi_childcare_person (
        organization_id uuid NOT NULL,
        fy integer NOT NULL,
        unit_id uuid,
        employee_id uuid NOT NULL,
        category text NOT NULL,
        flags integer NOT NULL,
        multi boolean NOT NULL
      );
      CREATE INDEX ix_kpi_childcare_person_employee ON kpi_childcare_person (organization_id, employee_id);
      CREATE INDEX ix_kpi_childcare_person_multi ON kpi_childcare_person (organization_id, unit_id, fy) WHERE multi;

      CREATE TABLE kpi_childcare_rollup (
        organization_id uuid NOT NULL,
        unit_id uuid,
        fy integer NOT NULL,
        category text NOT NULL,
        k integer NOT NULL,
        n bigint NOT NULL,
        CONSTRAINT uq_kpi_childcare_rollup UNIQUE NULLS NOT DISTINCT (organization_id, unit_id, fy, category, k)
      );

      -- Removed with the organization's refresh state, as the other derived rows.
      CREATE FUNCTION kpi_childcare_rollup_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM kpi_childcare_rollup WHERE organization_id = OLD.organization_id;
        DELETE FROM kpi_childcare_person WHERE organization_id = OLD.organization_id;
        RETURN OLD;
      END $$;
      CREATE TRIGGER tr_kpi_refresh_state_delete_childcare AFTER DELETE ON kpi_refresh_state
        FOR EACH ROW EXECUTE FUNCTION kpi_childcare_rollup_delete();
    `);
    const flags = FLAGS.map(
      (condition, k) => `CASE WHEN ${condition} THEN ${1 << k} ELSE 0 END`,
    ).join(' + ');
    await queryRunner.query(`
      WITH f AS (
        SELECT x.organization_id, x.fy, x.employee_id, x.unit_id, x.category, ${flags} AS flags
          FROM kpi_childcare_fact x JOIN kpi_refresh_state s ON s.organization_id = x.organization_id
      ), multi AS (
        SELECT organization_id, fy, employee_id, count(DISTINCT category) > 1 AS multi
          FROM f GROUP BY organization_id, fy, employee_id
      ), units AS (
        SELECT organization_id, fy, employee_id, unit_id, category, bit_or(flags) AS flags
          FROM f GROUP BY organization_id, fy, employee_id, unit_id, category HAVING bit_or(flags) <> 0
      ), rooted AS (
        SELECT NULL::uuid AS root, units.* FROM units
        UNION ALL
        SELECT cl.ancestor_id, units.* FROM units
          JOIN org_unit_closure cl ON cl.organization_id = units.organization_id AND cl.descendant_id = units.unit_id
         WHERE EXISTS (SELECT 1 FROM org_unit child
                        WHERE child.organization_id = units.organization_id AND child.parent_id = cl.ancestor_id)
      )
      INSERT INTO kpi_childcare_person (organization_id, fy, unit_id, employee_id, category, flags, multi)
      SELECT r.organization_id, r.fy, r.root, r.employee_id, r.category, bit_or(r.flags), m.multi
        FROM rooted r JOIN multi m ON m.organization_id = r.organization_id AND m.fy = r.fy AND m.employee_id = r.employee_id
       GROUP BY r.organization_id, r.fy, r.root, r.employee_id, r.category, m.multi`);
    await queryRunner.query(`
      INSERT INTO kpi_childcare_rollup (organization_id, unit_id, fy, category, k, n)
      SELECT p.organization_id, p.unit_id, p.fy, p.category, k, count(*)
        FROM kpi_childcare_person p CROSS JOIN generate_series(0, ${FLAGS.length - 1}) AS k
       WHERE NOT p.multi AND (p.flags & (1 << k)) <> 0
       GROUP BY p.organization_id, p.unit_id, p.fy, p.category, k`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER tr_kpi_refresh_state_delete_childcare ON kpi_refresh_state;
      DROP FUNCTION kpi_childcare_rollup_delete();
      DROP TABLE kpi_childcare_rollup;
      DROP TABLE kpi_childcare_person;
    `);
  }
}
