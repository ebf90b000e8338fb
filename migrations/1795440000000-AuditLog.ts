import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log: who did what to which data, from where. Append-only in the database itself: a
 * trigger refuses UPDATE, DELETE and TRUNCATE, so neither a bug nor a compromised API account can
 * rewrite history. No foreign keys, so the trail outlives the accounts and organizations it names.
 * Anonymous entries (360 submissions) carry no account, role, address or client, and only the day.
 */
export class AuditLog1795440000000 implements MigrationInterface {
  name = 'AuditLog1795440000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        organization_id uuid,
        account_id uuid,
        role text,
        action text NOT NULL,
        method text NOT NULL,
        route text NOT NULL,
        resource_ids jsonb NOT NULL DEFAULT '{}',
        status smallint NOT NULL,
        ip text,
        user_agent text,
        CONSTRAINT ck_audit_log_action CHECK (action IN ('read', 'write', 'denied', 'anonymous_submission')),
        CONSTRAINT ck_audit_log_anonymous CHECK (action <> 'anonymous_submission' OR (
          account_id IS NULL AND role IS NULL AND ip IS NULL AND user_agent IS NULL
          AND resource_ids = '{}'::jsonb AND occurred_at = date_trunc('day', occurred_at, 'UTC')))
      );
      CREATE INDEX ix_audit_log_org_time ON audit_log (organization_id, occurred_at DESC, id DESC);

      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END;
      $$;
      CREATE TRIGGER tr_audit_log_no_update_delete BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      CREATE TRIGGER tr_audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE audit_log;
      DROP FUNCTION audit_log_append_only();
    `);
  }
}
