import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8: the Ikuboss declaration coverage and 360 KPIs are answered from per-process results
 * that are keyed by how many changes an organization's inputs have had. Every statement that
 * writes one of the input tables below appends one row per organization it touched, naming the
 * table, so that each KPI counts only the changes of its own inputs (statement
 * triggers over the transition tables, so a 50,000-row COPY adds one row). The row is written in
 * the writer's transaction: the count a reader sees changes exactly when a change becomes visible,
 * and a result computed under one count is never used once a later change has committed.
 * Appending (rather than bumping one counter row) keeps concurrent writers from waiting on each
 * other. No foreign key: an organization's rows outlive its deletion harmlessly (the trigger skips
 * organizations that no longer exist).
 */
const INPUT_TABLES = [
  'employee',
  'assignment',
  'org_unit',
  'org_unit_closure',
  'position_stage',
  'review360_cycle',
  'ikuboss_campaign',
  'ikuboss_campaign_stage',
  'ikuboss_declaration',
  'ikuboss_declarer',
] as const;

export class IkubossKpiInputChanges1795530000000 implements MigrationInterface {
  name = 'IkubossKpiInputChanges1795530000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ikuboss_kpi_input_change (
        organization_id uuid NOT NULL,
        id bigserial NOT NULL,
        source text NOT NULL,
        PRIMARY KEY (organization_id, id)
      )`);
    await queryRunner.query(`
      CREATE FUNCTION ikuboss_kpi_input_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO ikuboss_kpi_input_change (organization_id, source)
          SELECT DISTINCT n.organization_id, TG_TABLE_NAME FROM n
           WHERE EXISTS (SELECT 1 FROM organization g WHERE g.id = n.organization_id);
        ELSIF TG_OP = 'UPDATE' THEN
          INSERT INTO ikuboss_kpi_input_change (organization_id, source)
          SELECT DISTINCT x.organization_id, TG_TABLE_NAME FROM (SELECT organization_id FROM n UNION SELECT organization_id FROM o) x
           WHERE EXISTS (SELECT 1 FROM organization g WHERE g.id = x.organization_id);
        ELSE
          INSERT INTO ikuboss_kpi_input_change (organization_id, source)
          SELECT DISTINCT o.organization_id, TG_TABLE_NAME FROM o
           WHERE EXISTS (SELECT 1 FROM organization g WHERE g.id = o.organization_id);
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of INPUT_TABLES) {
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_kpi_ins AFTER INSERT ON ${table} REFERENCING NEW TABLE AS n
           FOR EACH STATEMENT EXECUTE FUNCTION ikuboss_kpi_input_changed()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_kpi_upd AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS o NEW TABLE AS n
           FOR EACH STATEMENT EXECUTE FUNCTION ikuboss_kpi_input_changed()`,
      );
      await queryRunner.query(
        `CREATE TRIGGER tr_${table}_kpi_del AFTER DELETE ON ${table} REFERENCING OLD TABLE AS o
           FOR EACH STATEMENT EXECUTE FUNCTION ikuboss_kpi_input_changed()`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of INPUT_TABLES) {
      for (const op of ['ins', 'upd', 'del'])
        await queryRunner.query(
          `DROP TRIGGER tr_${table}_kpi_${op} ON ${table}`,
        );
    }
    await queryRunner.query(`DROP FUNCTION ikuboss_kpi_input_changed()`);
    await queryRunner.query(`DROP TABLE ikuboss_kpi_input_change`);
  }
}
