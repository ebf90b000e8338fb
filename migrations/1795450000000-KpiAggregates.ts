import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Derived tables behind the KPI queries (issue 8). Nothing here is entered by anyone: every row is
 * recomputed from the person tables by refreshKpiAggregates (api/src/app/kpi/kpi-aggregates.ts) in
 * the same transaction as the import, seed or test load that changed them, so they are never stale.
 *
 * - kpi_fact: one row per person, fiscal (or calendar) year and assignment in force on the family's
 *   reference date(s): the person-level facts of a KPI family with the unit and category that
 *   place the person in a scope.
 * - kpi_rollup: the facts summed per family × year × subtree root (unit_id; NULL = the whole
 *   organization; units with sub-units) × category × stage × gender × key. A KPI for any subtree
 *   reads a few hundred rows; a unit without sub-units reads its own few facts.
 * - kpi_childcare_fact: births and childcare-leave pairs with the parent's unit and category, read
 *   directly (person counts there are distinct over children, so they do not add up over units).
 * - kpi_refresh_state: the fiscal years the facts cover; outside them the KPI SQL runs live.
 *
 * The derived tables carry no foreign keys: a full refresh writes hundreds of thousands of rows, and
 * a row-level key check on each would double its time. Their rows are deleted with the
 * organization's refresh state (trigger below) and rewritten by every refresh.
 */
export class KpiAggregates1795450000000 implements MigrationInterface {
  name = 'KpiAggregates1795450000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE kpi_refresh_state (
        organization_id uuid PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
        first_fy integer NOT NULL,
        last_fy integer NOT NULL,
        refreshed_at timestamptz NOT NULL DEFAULT now()
      );

      CREATE TABLE kpi_fact (
        organization_id uuid NOT NULL,
        family text NOT NULL,
        fy integer NOT NULL,
        employee_id uuid NOT NULL,
        unit_id uuid NOT NULL,
        category text NOT NULL,
        stage_id uuid,
        gender text NOT NULL,
        k integer NOT NULL DEFAULT 0,
        s1 numeric NOT NULL DEFAULT 0,
        s2 numeric NOT NULL DEFAULT 0,
        -- overtime only: eligible months (bit i = month i from April), the person's months over 45 h
        -- and at or over 100 h, the 12 monthly hours, and whether the person changes category in the FY
        mask integer,
        m45 integer,
        m100 integer,
        hours numeric[],
        multi boolean NOT NULL DEFAULT false,
        CONSTRAINT ck_kpi_fact_family CHECK (family IN ('pop', 'hire', 'al', 'pay', 'ot'))
      );
      CREATE INDEX ix_kpi_fact_employee ON kpi_fact (organization_id, employee_id);
      CREATE INDEX ix_kpi_fact_multi ON kpi_fact (organization_id, fy) WHERE multi;
      -- a unit without sub-units is read from its facts
      CREATE INDEX ix_kpi_fact_unit ON kpi_fact (organization_id, unit_id, family, fy);

      CREATE TABLE kpi_rollup (
        organization_id uuid NOT NULL,
        family text NOT NULL,
        unit_id uuid,
        fy integer NOT NULL,
        category text NOT NULL,
        stage_id uuid,
        gender text NOT NULL,
        k integer NOT NULL,
        n bigint NOT NULL,
        s1 numeric NOT NULL,
        s2 numeric NOT NULL,
        CONSTRAINT uq_kpi_rollup UNIQUE NULLS NOT DISTINCT
          (organization_id, family, unit_id, fy, category, stage_id, gender, k)
      );

      CREATE TABLE kpi_childcare_fact (
        organization_id uuid NOT NULL,
        fy integer NOT NULL,
        -- 'e': a newly eligible parent (fathers in the FY of the birth, mothers after postnatal leave);
        -- 'p': a parent–child pair with childcare leave starting in the FY
        kind text NOT NULL,
        employee_id uuid NOT NULL,
        child_id uuid NOT NULL,
        gender text NOT NULL,
        unit_id uuid NOT NULL,
        category text NOT NULL,
        childcare boolean NOT NULL DEFAULT false,
        spouse_birth boolean NOT NULL DEFAULT false,
        participation boolean NOT NULL DEFAULT false,
        paternity_days numeric NOT NULL DEFAULT 0,
        days numeric NOT NULL DEFAULT 0,
        started boolean NOT NULL DEFAULT false,
        CONSTRAINT ck_kpi_childcare_fact_kind CHECK (kind IN ('e', 'p'))
      );
      CREATE INDEX ix_kpi_childcare_fact_fy ON kpi_childcare_fact (organization_id, fy);
      CREATE INDEX ix_kpi_childcare_fact_employee ON kpi_childcare_fact (organization_id, employee_id);

      -- Deleting an organization cascades to its refresh state; this removes the derived rows too.
      CREATE FUNCTION kpi_derived_delete() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM kpi_rollup WHERE organization_id = OLD.organization_id;
        DELETE FROM kpi_fact WHERE organization_id = OLD.organization_id;
        DELETE FROM kpi_childcare_fact WHERE organization_id = OLD.organization_id;
        RETURN OLD;
      END $$;
      CREATE TRIGGER tr_kpi_refresh_state_delete AFTER DELETE ON kpi_refresh_state
        FOR EACH ROW EXECUTE FUNCTION kpi_derived_delete();
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TRIGGER tr_kpi_refresh_state_delete ON kpi_refresh_state;
      DROP FUNCTION kpi_derived_delete();
      DROP TABLE kpi_childcare_fact;
      DROP TABLE kpi_rollup;
      DROP TABLE kpi_fact;
      DROP TABLE kpi_refresh_state;
    `);
  }
}
