import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 360 questionnaire builder: a cycle may carry its own labels for the 5-point frequency scale and
 * for 評価できない ({"scale": [{ja, en} × 5], "unable": {ja, en}}); NULL = the default labels.
 * Like the rest of the questionnaire it is changed only in draft (Reviews360Service).
 */
export class Review360ScaleLabels1795470000000 implements MigrationInterface {
  name = 'Review360ScaleLabels1795470000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE review360_cycle ADD COLUMN scale_labels jsonb;
      ALTER TABLE review360_cycle ADD CONSTRAINT ck_review360_cycle_scale_labels CHECK (
        scale_labels IS NULL OR (
          jsonb_typeof(scale_labels -> 'scale') = 'array'
          AND jsonb_array_length(scale_labels -> 'scale') = 5
          AND jsonb_typeof(scale_labels -> 'unable') = 'object'));
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE review360_cycle DROP CONSTRAINT ck_review360_cycle_scale_labels;
      ALTER TABLE review360_cycle DROP COLUMN scale_labels;
    `);
  }
}
