import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ikuboss declarations (イクボス宣言): pledge templates, campaigns ("all 課長級以上 of 市長部局 by
 * 6/30"), declarations and their declarers. A signed declaration is a record of what a manager
 * put their name to, so the database itself refuses to change or delete it; only its revocation
 * may be recorded, once, and the public-listing consent withdrawn or given.
 */
export class IkubossDeclarations1795400000000 implements MigrationInterface {
  name = 'IkubossDeclarations1795400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ikuboss_template (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        name text NOT NULL,
        title text NOT NULL,
        preamble text NOT NULL,
        pledges jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_ikuboss_template_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT uq_ikuboss_template_name UNIQUE (organization_id, name),
        CONSTRAINT ck_ikuboss_template_pledges CHECK
          (jsonb_typeof(pledges) = 'array' AND jsonb_array_length(pledges) BETWEEN 1 AND 20)
      );

      CREATE TABLE ikuboss_campaign (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        name text NOT NULL,
        fiscal_year integer NOT NULL,
        -- NULL: the whole organization; otherwise the unit and its subtree.
        scope_unit_id uuid,
        template_id uuid NOT NULL,
        deadline date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_ikuboss_campaign_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT fk_ikuboss_campaign_unit FOREIGN KEY (organization_id, scope_unit_id)
          REFERENCES org_unit (organization_id, id),
        CONSTRAINT fk_ikuboss_campaign_template FOREIGN KEY (organization_id, template_id)
          REFERENCES ikuboss_template (organization_id, id),
        CONSTRAINT ck_ikuboss_campaign_year CHECK (fiscal_year BETWEEN 1989 AND 2100)
      );
      CREATE INDEX ix_ikuboss_campaign_org_year ON ikuboss_campaign (organization_id, fiscal_year);

      -- The position stages a campaign requires (e.g. 部長級, 次長級, 課長級).
      CREATE TABLE ikuboss_campaign_stage (
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        campaign_id uuid NOT NULL,
        position_stage_id uuid NOT NULL,
        CONSTRAINT pk_ikuboss_campaign_stage PRIMARY KEY (campaign_id, position_stage_id),
        CONSTRAINT fk_ikuboss_campaign_stage_campaign FOREIGN KEY (organization_id, campaign_id)
          REFERENCES ikuboss_campaign (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_ikuboss_campaign_stage_stage FOREIGN KEY (organization_id, position_stage_id)
          REFERENCES position_stage (organization_id, id)
      );

      CREATE TABLE ikuboss_declaration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        fiscal_year integer NOT NULL,
        kind text NOT NULL,
        campaign_id uuid,
        previous_id uuid,
        title text NOT NULL,
        preamble text NOT NULL,
        pledges jsonb NOT NULL,
        witness text,
        is_public boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        -- Set together when the last declarer signs; the account ids are kept without a foreign
        -- key so that removing an account never touches a signed record.
        signed_at timestamptz,
        signed_date date,
        signed_text text,
        signed_hash text,
        revoked_at timestamptz,
        revoked_reason text,
        revoked_by_account_id uuid,
        CONSTRAINT uq_ikuboss_declaration_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT fk_ikuboss_declaration_campaign FOREIGN KEY (organization_id, campaign_id)
          REFERENCES ikuboss_campaign (organization_id, id),
        CONSTRAINT fk_ikuboss_declaration_previous FOREIGN KEY (organization_id, previous_id)
          REFERENCES ikuboss_declaration (organization_id, id),
        CONSTRAINT ck_ikuboss_declaration_kind CHECK (kind IN ('individual', 'joint')),
        CONSTRAINT ck_ikuboss_declaration_year CHECK (fiscal_year BETWEEN 1989 AND 2100),
        CONSTRAINT ck_ikuboss_declaration_pledges CHECK
          (jsonb_typeof(pledges) = 'array' AND jsonb_array_length(pledges) BETWEEN 1 AND 20),
        CONSTRAINT ck_ikuboss_declaration_signed CHECK
          ((signed_at IS NULL) = (signed_hash IS NULL) AND (signed_at IS NULL) = (signed_text IS NULL)
           AND (signed_at IS NULL) = (signed_date IS NULL)),
        CONSTRAINT ck_ikuboss_declaration_hash CHECK (signed_hash IS NULL OR signed_hash ~ '^[0-9a-f]{64}$'),
        CONSTRAINT ck_ikuboss_declaration_revoked CHECK
          ((revoked_at IS NULL) = (revoked_reason IS NULL) AND (revoked_at IS NULL OR signed_at IS NOT NULL))
      );
      CREATE INDEX ix_ikuboss_declaration_org_year ON ikuboss_declaration (organization_id, fiscal_year);

      CREATE TABLE ikuboss_declarer (
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        declaration_id uuid NOT NULL,
        employee_id uuid NOT NULL,
        position smallint NOT NULL,
        action_1 varchar(100),
        action_2 varchar(100),
        -- Captured when this declarer signs: the name, title and unit printed on the declaration.
        signed_at timestamptz,
        signed_by_account_id uuid,
        name_at_signing text,
        title_at_signing text,
        unit_at_signing text,
        CONSTRAINT pk_ikuboss_declarer PRIMARY KEY (declaration_id, employee_id),
        CONSTRAINT uq_ikuboss_declarer_position UNIQUE (declaration_id, position),
        CONSTRAINT fk_ikuboss_declarer_declaration FOREIGN KEY (organization_id, declaration_id)
          REFERENCES ikuboss_declaration (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_ikuboss_declarer_employee FOREIGN KEY (organization_id, employee_id)
          REFERENCES employee (organization_id, id),
        CONSTRAINT ck_ikuboss_declarer_action_order CHECK (action_2 IS NULL OR action_1 IS NOT NULL),
        CONSTRAINT ck_ikuboss_declarer_signed CHECK
          ((signed_at IS NULL) = (name_at_signing IS NULL) AND (signed_at IS NULL) = (title_at_signing IS NULL)
           AND (signed_at IS NULL) = (unit_at_signing IS NULL) AND (signed_at IS NULL OR action_1 IS NOT NULL))
      );
      CREATE INDEX ix_ikuboss_declarer_employee ON ikuboss_declarer (organization_id, employee_id);

      -- The signed record is immutable. Everything but the revocation (set once) and the public
      -- listing consent is compared; a signed row is deleted only together with its organization.
      CREATE FUNCTION ikuboss_declaration_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        mutable constant text[] := ARRAY['revoked_at', 'revoked_reason', 'revoked_by_account_id', 'is_public'];
      BEGIN
        IF TG_OP = 'DELETE' THEN
          IF OLD.signed_at IS NOT NULL
             AND EXISTS (SELECT 1 FROM organization WHERE id = OLD.organization_id) THEN
            RAISE EXCEPTION 'ikuboss_declaration %: a signed declaration cannot be deleted', OLD.id
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN OLD;
        END IF;
        IF OLD.signed_at IS NOT NULL THEN
          IF (to_jsonb(NEW) - mutable) IS DISTINCT FROM (to_jsonb(OLD) - mutable) THEN
            RAISE EXCEPTION 'ikuboss_declaration %: the signed content cannot be changed', OLD.id
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          IF OLD.revoked_at IS NOT NULL AND (NEW.revoked_at, NEW.revoked_reason, NEW.revoked_by_account_id)
               IS DISTINCT FROM (OLD.revoked_at, OLD.revoked_reason, OLD.revoked_by_account_id) THEN
            RAISE EXCEPTION 'ikuboss_declaration %: the revocation is already recorded', OLD.id
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$;
      CREATE TRIGGER tg_ikuboss_declaration_guard BEFORE UPDATE OR DELETE ON ikuboss_declaration
        FOR EACH ROW EXECUTE FUNCTION ikuboss_declaration_guard();

      -- A declarer's signature, the name and unit captured with it and the actions they signed
      -- are as immutable as the declaration; nobody joins a signed declaration afterwards.
      CREATE FUNCTION ikuboss_declarer_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF EXISTS (SELECT 1 FROM ikuboss_declaration WHERE id = NEW.declaration_id AND signed_at IS NOT NULL) THEN
            RAISE EXCEPTION 'ikuboss_declaration %: a signed declaration takes no new declarer', NEW.declaration_id
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
          RETURN NEW;
        END IF;
        IF OLD.signed_at IS NOT NULL THEN
          IF TG_OP = 'DELETE' THEN
            IF EXISTS (SELECT 1 FROM organization WHERE id = OLD.organization_id)
               AND EXISTS (SELECT 1 FROM ikuboss_declaration WHERE id = OLD.declaration_id) THEN
              RAISE EXCEPTION 'ikuboss_declarer %/%: a signature cannot be deleted', OLD.declaration_id, OLD.employee_id
                USING ERRCODE = 'integrity_constraint_violation';
            END IF;
            RETURN OLD;
          END IF;
          IF to_jsonb(NEW) IS DISTINCT FROM to_jsonb(OLD) THEN
            RAISE EXCEPTION 'ikuboss_declarer %/%: a signature cannot be changed', OLD.declaration_id, OLD.employee_id
              USING ERRCODE = 'integrity_constraint_violation';
          END IF;
        END IF;
        RETURN COALESCE(NEW, OLD);
      END $$;
      CREATE TRIGGER tg_ikuboss_declarer_guard BEFORE INSERT OR UPDATE OR DELETE ON ikuboss_declarer
        FOR EACH ROW EXECUTE FUNCTION ikuboss_declarer_guard();
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE ikuboss_declarer;
      DROP TABLE ikuboss_declaration;
      DROP FUNCTION ikuboss_declarer_guard();
      DROP FUNCTION ikuboss_declaration_guard();
      DROP TABLE ikuboss_campaign_stage;
      DROP TABLE ikuboss_campaign;
      DROP TABLE ikuboss_template;
    `);
  }
}
