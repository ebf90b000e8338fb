import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two indexes found missing at tier L (issue 8).
 *
 * - leave_episode (organization_id, employee_id, leave_type, start_date) INCLUDE (days): the
 *   per-employee lookups all filter on the organization, then the employee, then the leave type,
 *   and read a start-date range (the annual-leave facts of an incremental KPI refresh and the live
 *   annual-leave KPI sum `days`, so they are index-only scans) or one start date (the leave import's
 *   duplicate and overlap checks). It replaces ix_leave_employee_type_start (employee_id,
 *   leave_type, start_date), which it covers for every query (each also names the organization),
 *   and serves the (organization_id, employee_id) foreign key to employee.
 * - assignment (organization_id, position_stage_id): declaration coverage finds the managers a
 *   campaign requires through their assignments' position stage; it also serves the foreign key
 *   to position_stage.
 */
export class LeaveEmployeeStageIndexes1795500000000
  implements MigrationInterface
{
  name = 'LeaveEmployeeStageIndexes1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE INDEX ix_leave_org_employee_type_start
        ON leave_episode (organization_id, employee_id, leave_type, start_date) INCLUDE (days);
      DROP INDEX ix_leave_employee_type_start;
      CREATE INDEX ix_assignment_org_stage ON assignment (organization_id, position_stage_id);
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP INDEX ix_assignment_org_stage;
      CREATE INDEX ix_leave_employee_type_start ON leave_episode (employee_id, leave_type, start_date);
      DROP INDEX ix_leave_org_employee_type_start;
    `);
  }
}
