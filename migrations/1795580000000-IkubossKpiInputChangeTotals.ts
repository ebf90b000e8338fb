import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 8: the input-change log of migration 1795530000000 gains a row per write statement and
 * was never trimmed, so reading an organization's input version (a count over the log) grew
 * slower for ever. Housekeeping now folds the log's committed rows into one total per
 * organization and input table, in one statement that deletes them and adds their count and
 * last id here. A reader's single statement sees either the rows or their total, never both
 * and never neither, so the version it reads is unchanged by a compaction and kept results stay
 * valid.
 */
export class IkubossKpiInputChangeTotals1795580000000
  implements MigrationInterface
{
  name = 'IkubossKpiInputChangeTotals1795580000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ikuboss_kpi_input_change_total (
        organization_id uuid NOT NULL,
        source text NOT NULL,
        changes bigint NOT NULL,
        last_id bigint NOT NULL,
        PRIMARY KEY (organization_id, source)
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    // The folded rows cannot be unfolded: give the log back one row per organization and table
    // with the last id, which only makes every kept result be computed once more.
    await queryRunner.query(
      `INSERT INTO ikuboss_kpi_input_change (organization_id, id, source)
       SELECT organization_id, last_id, source FROM ikuboss_kpi_input_change_total
       ON CONFLICT DO NOTHING`,
    );
    await queryRunner.query(`DROP TABLE ikuboss_kpi_input_change_total`);
  }
}
