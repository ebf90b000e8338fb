import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account management (issue 4 follow-up): an employee is linked to at most one account of its
 * organization (so "the account acting as this employee" — signing, nudges, practice goals — is
 * never ambiguous), and the last successful login is kept for the account list.
 */
export class AccountManagement1795460000000 implements MigrationInterface {
  name = 'AccountManagement1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE UNIQUE INDEX uq_account_employee ON account (organization_id, employee_id)
        WHERE employee_id IS NOT NULL;
      ALTER TABLE account ADD COLUMN last_login_at timestamptz;
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE account DROP COLUMN last_login_at;
      DROP INDEX uq_account_employee;
    `);
  }
}
