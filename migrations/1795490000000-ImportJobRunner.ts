import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which API process runs an import (issue 7). Each process holds a PostgreSQL advisory lock on
 * its own random id for as long as it lives; at start-up the API marks as failed (interrupted)
 * every `running` job whose runner no longer holds its lock — a process killed with -9, or an
 * out-of-memory abort — instead of leaving it `running` for ever. NULL: a job started before
 * this column existed, whose runner is gone by definition.
 */
export class ImportJobRunner1795490000000 implements MigrationInterface {
  name = 'ImportJobRunner1795490000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE import_job ADD COLUMN runner uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE import_job DROP COLUMN runner`);
  }
}
