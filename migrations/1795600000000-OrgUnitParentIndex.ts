import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * org_unit (organization_id, parent_id) (issue 8). "Does this unit have sub-units?" is asked on
 * every refresh of the KPI roll-ups (a unit with sub-units is a subtree root in kpi_rollup) and on
 * every overview of a unit (a leaf is read from kpi_fact); without an index each answer read all
 * of the organization's units (7,001 at tier L, 27,991 at XL), hashed once per refresh. The index
 * also serves the foreign key fk_org_unit_parent when a unit is deleted.
 */
export class OrgUnitParentIndex1795600000000 implements MigrationInterface {
  name = 'OrgUnitParentIndex1795600000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX ix_org_unit_parent ON org_unit (organization_id, parent_id)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX ix_org_unit_parent`);
  }
}
