import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * leave_episode loses its single-column foreign key to organization (issue 8: the 1,000,000-row
 * leave import). Every leave row already references its employee through the tenant-isolation key
 * fk_leave_employee (organization_id, employee_id) → employee (organization_id, id), and
 * employee.organization_id references organization: a leave row's organization therefore always
 * exists, and deleting an organization still deletes its leave (through its employees, each
 * cascading). The dropped key checked the same thing again for every inserted row: a third of the
 * per-row foreign-key checks of a large import.
 */
export class LeaveOrganizationForeignKey1795570000000
  implements MigrationInterface
{
  name = 'LeaveOrganizationForeignKey1795570000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE leave_episode DROP CONSTRAINT leave_episode_organization_id_fkey`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE leave_episode ADD CONSTRAINT leave_episode_organization_id_fkey
         FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE`,
    );
  }
}
