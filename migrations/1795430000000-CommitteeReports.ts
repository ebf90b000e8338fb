import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Committee reviews (versioned, frozen JSONB snapshots), their comments, the committee chair flag
 * and background report jobs. Once a review is signed its snapshot can no longer change, even by
 * direct SQL: a trigger refuses it.
 */
export class CommitteeReports1795430000000 implements MigrationInterface {
  name = 'CommitteeReports1795430000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE account ADD COLUMN is_committee_chair boolean NOT NULL DEFAULT false;

      CREATE TABLE committee_review (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        fiscal_year integer NOT NULL,
        version integer NOT NULL,
        status text NOT NULL DEFAULT 'draft',
        snapshot jsonb NOT NULL,
        published_items text[] NOT NULL DEFAULT '{}',
        prepared_by uuid REFERENCES account (id) ON DELETE SET NULL,
        prepared_by_name text,
        prepared_at timestamptz NOT NULL DEFAULT now(),
        signed_by uuid REFERENCES account (id) ON DELETE SET NULL,
        signed_by_name text,
        signed_at timestamptz,
        published_by uuid REFERENCES account (id) ON DELETE SET NULL,
        published_at timestamptz,
        CONSTRAINT uq_committee_review_version UNIQUE (organization_id, fiscal_year, version),
        CONSTRAINT uq_committee_review_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT ck_committee_review_status CHECK (status IN ('draft', 'signed', 'published')),
        CONSTRAINT ck_committee_review_signed CHECK (status = 'draft' OR signed_at IS NOT NULL)
      );
      CREATE INDEX ix_committee_review_published ON committee_review (organization_id, published_at)
        WHERE status = 'published';

      CREATE FUNCTION committee_review_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.signed_at IS NOT NULL THEN
            RAISE EXCEPTION 'committee review % is signed and cannot be deleted', OLD.id
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.signed_at IS NOT NULL AND (
             NEW.snapshot IS DISTINCT FROM OLD.snapshot
          OR NEW.published_items IS DISTINCT FROM OLD.published_items
          OR NEW.fiscal_year IS DISTINCT FROM OLD.fiscal_year
          OR NEW.version IS DISTINCT FROM OLD.version
          OR NEW.organization_id IS DISTINCT FROM OLD.organization_id
          OR NEW.signed_at IS DISTINCT FROM OLD.signed_at
          OR NEW.signed_by_name IS DISTINCT FROM OLD.signed_by_name
          OR (OLD.status = 'published' AND NEW.status <> 'published')
          OR (OLD.status = 'signed' AND NEW.status = 'draft')) THEN
          RAISE EXCEPTION 'committee review % is signed: its snapshot is frozen', OLD.id
            USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER tr_committee_review_frozen BEFORE UPDATE OR DELETE ON committee_review
        FOR EACH ROW EXECUTE FUNCTION committee_review_frozen();

      CREATE TABLE committee_comment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        review_id uuid NOT NULL,
        item_key text NOT NULL,
        account_id uuid REFERENCES account (id) ON DELETE SET NULL,
        author_name text NOT NULL,
        body text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_committee_comment_review FOREIGN KEY (organization_id, review_id)
          REFERENCES committee_review (organization_id, id),
        CONSTRAINT ck_committee_comment_body CHECK (length(body) BETWEEN 1 AND 2000)
      );
      CREATE INDEX ix_committee_comment_review ON committee_comment (organization_id, review_id, created_at);

      CREATE TABLE report_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        account_id uuid REFERENCES account (id) ON DELETE SET NULL,
        review_id uuid NOT NULL,
        kind text NOT NULL,
        status text NOT NULL DEFAULT 'running',
        progress integer NOT NULL DEFAULT 0,
        file_name text NOT NULL,
        file bytea,
        failure jsonb,
        duration_ms integer,
        peak_rss_mb numeric,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT fk_report_job_review FOREIGN KEY (organization_id, review_id)
          REFERENCES committee_review (organization_id, id),
        CONSTRAINT ck_report_job_status CHECK (status IN ('running', 'succeeded', 'failed'))
      );
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE report_job;
      DROP TABLE committee_comment;
      DROP TRIGGER tr_committee_review_frozen ON committee_review;
      DROP FUNCTION committee_review_frozen();
      DROP TABLE committee_review;
      ALTER TABLE account DROP COLUMN is_committee_chair;
    `);
  }
}
