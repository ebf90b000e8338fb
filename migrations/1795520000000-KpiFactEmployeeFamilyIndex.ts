import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * kpi_fact (organization_id, employee_id, family, fy) replaces ix_kpi_fact_employee
 * (organization_id, employee_id) (issue 8, imports).
 *
 * An incremental KPI refresh (after a leave, overtime, pay or roster import) reads and deletes the
 * facts of the changed employees for some families and years. With the old index the planner read
 * a family's facts of every employee through ix_kpi_fact_unit and filtered the employees (75 ms
 * for the 1,000 employees of a leave file at tier S, most of it dead rows); the new index answers
 * the whole condition. It still serves the (organization_id, employee_id) foreign key to employee.
 */
export class KpiFactEmployeeFamilyIndex1795520000000
  implements MigrationInterface
{
  name = 'KpiFactEmployeeFamilyIndex1795520000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_kpi_fact_employee_family ON kpi_fact (organization_id, employee_id, family, fy);
      DROP INDEX ix_kpi_fact_employee;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_kpi_fact_employee ON kpi_fact (organization_id, employee_id);
      DROP INDEX ix_kpi_fact_employee_family;
    `);
  }
}
