import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 出生時育児休業 (産後パパ育休) as the 内数 of the childcare-leave table: each parent–child pair of a
 * fiscal year in kpi_childcare_fact says whether its episodes starting in that year include a
 * 出生時育児休業. Existing pair rows are filled from leave_episode, so no refresh is needed.
 */
export class BirthChildcareFact1795480000000 implements MigrationInterface {
  name = 'BirthChildcareFact1795480000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE kpi_childcare_fact ADD COLUMN birth_childcare boolean NOT NULL DEFAULT false;

      UPDATE kpi_childcare_fact f
         SET birth_childcare = true
       WHERE f.kind = 'p'
         AND EXISTS (
           SELECT 1
             FROM leave_episode l
            WHERE l.organization_id = f.organization_id
              AND l.employee_id = f.employee_id
              AND l.child_id = f.child_id
              AND l.leave_type = 'birth_childcare'
              AND extract(year FROM (l.start_date - interval '3 months'))::int = f.fy);
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE kpi_childcare_fact DROP COLUMN birth_childcare`,
    );
  }
}
