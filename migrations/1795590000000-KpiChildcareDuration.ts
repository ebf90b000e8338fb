import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The childcare leave-duration pairs per fiscal year × subtree root × category × gender × days
 * (issue 8: the dashboard at tier L, whose largest statement took the distinct parent–child pairs
 * of every childcare fact of the card years). Derived like the tables of
 * 1795510000000-KpiChildcareRollup and kept exact by refreshChildcareDurations
 * (api/src/app/kpi/kpi-childcare-duration.ts), which refreshChildcareRollup calls in the same
 * transaction.
 *
 * - kpi_childcare_pair: the distinct 'p' rows of kpi_childcare_fact (fy, parent, child, unit,
 *   category, gender, days) by employee; multi = the pair has rows in more than one category in
 *   the year (overlapping assignments).
 * - kpi_childcare_duration: per root (unit_id; NULL = the whole organization; units with
 *   sub-units), year, category, gender and days the number of pairs (not multi) with a row there.
 *
 * Existing organizations are filled from their kpi_childcare_fact rows here, so a database that
 * was refreshed before this migration reads the same figures right after it.
 */
export class KpiChildcareDuration1795590000000 implements MigrationInterface {
  name = 'KpiChildcareDuration1795590000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE kpi_childcare_pair (
        organization_id uuid NOT NULL,
        fy integer NOT NULL,
        employee_id uuid NOT NULL,
        child_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        category text NOT NULL,
        gender text NOT NULL,
        days numeric NOT NULL,
        multi boolean NOT NULL
      );
      CREATE INDEX ix_kpi_childcare_pair_employee ON kpi_childcare_pair (organization_id, employee_id);
      CREATE INDEX ix_kpi_childcare_pair_multi ON kpi_childcare_pair (organization_id, fy) WHERE multi;

      CREATE TABLE kpi_childcare_duration (
        organization_id uuid NOT NULL,
        unit_id uuid,
        fy integer NOT NULL,
        category text NOT NULL,
        gender text NOT NULL,
        days numeric NOT NULL,
        pairs bigint NOT NULL,
        -- (pairs included: a dashboard read is an index-only range of a root's years and categories)
        CONSTRAINT uq_kpi_childcare_duration UNIQUE NULLS NOT DISTINCT (organization_id, unit_id, fy, category, gender, days)
          INCLUDE (pairs)
      );

      -- Removed with the organization's refresh state, as the other derived rows.
      CREATE FUNCTION kpi_childcare_duration_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM kpi_childcare_duration WHERE organization_id = OLD.organization_id;
        DELETE FROM kpi_childcare_pair WHERE organization_id = OLD.organization_id;
        RETURN OLD;
      END $$;
      CREATE TRIGGER tr_kpi_refresh_state_delete_childcare_duration AFTER DELETE ON kpi_refresh_state
        FOR EACH ROW EXECUTE FUNCTION kpi_childcare_duration_delete();
    `);
    await queryRunner.query(`
      INSERT INTO kpi_childcare_pair (organization_id, fy, employee_id, child_id, unit_id, category, gender, days, multi)
      SELECT organization_id, fy, employee_id, child_id, unit_id, category, gender, days,
             min(category) OVER w <> max(category) OVER w
        FROM (SELECT DISTINCT x.organization_id, x.fy, x.employee_id, x.child_id, x.unit_id, x.category, x.gender, x.days
                FROM kpi_childcare_fact x JOIN kpi_refresh_state s ON s.organization_id = x.organization_id
               WHERE x.kind = 'p') p
      WINDOW w AS (PARTITION BY organization_id, fy, employee_id, child_id)`);
    await queryRunner.query(`
      INSERT INTO kpi_childcare_duration (organization_id, unit_id, fy, category, gender, days, pairs)
      SELECT organization_id, root, fy, category, gender, days, count(*)
        FROM (SELECT DISTINCT organization_id, NULL::uuid AS root, fy, employee_id, child_id, category, gender, days
                FROM kpi_childcare_pair WHERE NOT multi
              UNION ALL
              SELECT DISTINCT r.organization_id, cl.ancestor_id, r.fy, r.employee_id, r.child_id, r.category, r.gender, r.days
                FROM kpi_childcare_pair r
                JOIN org_unit_closure cl ON cl.organization_id = r.organization_id AND cl.descendant_id = r.unit_id
               WHERE NOT r.multi
                 AND EXISTS (SELECT 1 FROM org_unit child
                              WHERE child.organization_id = r.organization_id AND child.parent_id = cl.ancestor_id)) x
       GROUP BY organization_id, root, fy, category, gender, days
       ORDER BY organization_id, root NULLS FIRST, fy, category, gender, days`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER tr_kpi_refresh_state_delete_childcare_duration ON kpi_refresh_state;
      DROP FUNCTION kpi_childcare_duration_delete();
      DROP TABLE kpi_childcare_duration;
      DROP TABLE kpi_childcare_pair;
    `);
  }
}
