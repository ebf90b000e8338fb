import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation schema. Every tenant table carries `organization_id`, and every reference between
 * tenant rows is a composite foreign key on (organization_id, id), so the database itself refuses
 * a row that points into another organization.
 */
export class InitialSchema1795303600000 implements MigrationInterface {
  name = 'InitialSchema1795303600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE organization (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        name_en text,
        kind text NOT NULL DEFAULT 'municipality',
        hours_per_day numeric(4, 2) NOT NULL DEFAULT 7.75,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_organization_code UNIQUE (code),
        CONSTRAINT ck_organization_kind CHECK (kind IN ('municipality', 'company', 'consortium'))
      );

      CREATE TABLE org_unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        name_en text,
        parent_id uuid,
        is_employer_unit boolean NOT NULL DEFAULT false,
        sort_order integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_org_unit_code UNIQUE (organization_id, code),
        CONSTRAINT uq_org_unit_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT fk_org_unit_parent FOREIGN KEY (organization_id, parent_id)
          REFERENCES org_unit (organization_id, id),
        CONSTRAINT ck_org_unit_not_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
      );

      -- Every (ancestor, descendant) pair including each unit with itself, so a KPI for a subtree is
      -- one indexed join instead of a recursive query on every request. Rebuilt on each unit import.
      CREATE TABLE org_unit_closure (
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        ancestor_id uuid NOT NULL,
        descendant_id uuid NOT NULL,
        depth integer NOT NULL,
        CONSTRAINT pk_org_unit_closure PRIMARY KEY (ancestor_id, descendant_id),
        CONSTRAINT fk_org_unit_closure_ancestor FOREIGN KEY (organization_id, ancestor_id)
          REFERENCES org_unit (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_org_unit_closure_descendant FOREIGN KEY (organization_id, descendant_id)
          REFERENCES org_unit (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX ix_org_unit_closure_descendant ON org_unit_closure (descendant_id);

      CREATE TABLE position_stage (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        name_en text,
        sort_order integer NOT NULL,
        official_stage text NOT NULL,
        is_manager boolean NOT NULL,
        is_supervisor boolean NOT NULL,
        CONSTRAINT uq_position_stage_code UNIQUE (organization_id, code),
        CONSTRAINT uq_position_stage_name UNIQUE (organization_id, name),
        CONSTRAINT uq_position_stage_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT ck_position_stage_official CHECK
          (official_stage IN ('director', 'section_chief', 'deputy_chief', 'subsection_chief', 'staff'))
      );

      CREATE TABLE employment_category (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        code text NOT NULL,
        name text NOT NULL,
        name_en text,
        sort_order integer NOT NULL,
        CONSTRAINT uq_employment_category_code UNIQUE (organization_id, code),
        CONSTRAINT uq_employment_category_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT ck_employment_category_code CHECK
          (code IN ('permanent', 'fixed_term', 'reappointed', 'annual_full', 'annual_part', 'temporary'))
      );

      CREATE TABLE employee (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        employee_number text NOT NULL,
        name text NOT NULL,
        gender text NOT NULL,
        hire_date date NOT NULL,
        separation_date date,
        is_rehire boolean NOT NULL DEFAULT false,
        is_midcareer boolean NOT NULL DEFAULT false,
        supervisor_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_employee_number UNIQUE (organization_id, employee_number),
        CONSTRAINT uq_employee_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT fk_employee_supervisor FOREIGN KEY (organization_id, supervisor_id)
          REFERENCES employee (organization_id, id) ON DELETE SET NULL (supervisor_id),
        CONSTRAINT ck_employee_gender CHECK (gender IN ('female', 'male', 'unspecified')),
        CONSTRAINT ck_employee_separation_after_hire CHECK (separation_date IS NULL OR separation_date >= hire_date),
        CONSTRAINT ck_employee_not_own_supervisor CHECK (supervisor_id IS NULL OR supervisor_id <> id)
      );
      CREATE INDEX ix_employee_supervisor ON employee (supervisor_id) WHERE supervisor_id IS NOT NULL;

      -- Effective-dated: from valid_from (inclusive) until valid_to (exclusive; NULL = open).
      CREATE TABLE assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        employee_id uuid NOT NULL,
        valid_from date NOT NULL,
        valid_to date,
        org_unit_id uuid NOT NULL,
        position_stage_id uuid NOT NULL,
        employment_category_id uuid NOT NULL,
        CONSTRAINT uq_assignment_employee_from UNIQUE (employee_id, valid_from),
        CONSTRAINT fk_assignment_employee FOREIGN KEY (organization_id, employee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_assignment_org_unit FOREIGN KEY (organization_id, org_unit_id)
          REFERENCES org_unit (organization_id, id),
        CONSTRAINT fk_assignment_stage FOREIGN KEY (organization_id, position_stage_id)
          REFERENCES position_stage (organization_id, id),
        CONSTRAINT fk_assignment_category FOREIGN KEY (organization_id, employment_category_id)
          REFERENCES employment_category (organization_id, id),
        CONSTRAINT ck_assignment_period CHECK (valid_to IS NULL OR valid_to > valid_from)
      );
      CREATE INDEX ix_assignment_org_period ON assignment (organization_id, valid_from, valid_to)
        INCLUDE (employee_id, org_unit_id, position_stage_id, employment_category_id);

      -- The as-of dates of the roster snapshots loaded, which bound the fiscal years offered.
      CREATE TABLE roster_snapshot (
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        as_of date NOT NULL,
        loaded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_roster_snapshot PRIMARY KEY (organization_id, as_of)
      );

      CREATE TABLE account (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        username text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL,
        employee_id uuid,
        is_demo boolean NOT NULL DEFAULT false,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_account_username UNIQUE (username),
        CONSTRAINT fk_account_employee FOREIGN KEY (organization_id, employee_id)
          REFERENCES employee (organization_id, id) ON DELETE SET NULL (employee_id),
        CONSTRAINT ck_account_role CHECK (role IN ('admin', 'hr', 'manager', 'staff', 'committee'))
      );

      -- The cookie carries a random token; only its SHA-256 is stored, so a database read does not
      -- yield a usable session.
      CREATE TABLE session (
        token_hash text PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES account (id) ON DELETE CASCADE,
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX ix_session_account ON session (account_id);

      CREATE TABLE import_job (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        account_id uuid REFERENCES account (id) ON DELETE SET NULL,
        kind text NOT NULL,
        file_name text NOT NULL,
        dry_run boolean NOT NULL,
        as_of date,
        is_partial boolean NOT NULL DEFAULT false,
        status text NOT NULL,
        processed_rows integer NOT NULL DEFAULT 0,
        total_rows integer,
        summary jsonb,
        error_count integer NOT NULL DEFAULT 0,
        errors jsonb NOT NULL DEFAULT '[]',
        failure jsonb,
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        CONSTRAINT ck_import_job_status CHECK (status IN ('running', 'succeeded', 'failed'))
      );
      CREATE INDEX ix_import_job_org_created ON import_job (organization_id, created_at DESC);

      CREATE TABLE plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        name text NOT NULL,
        start_fiscal_year integer NOT NULL,
        end_fiscal_year integer NOT NULL,
        legal_basis text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_plan_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT ck_plan_period CHECK (end_fiscal_year >= start_fiscal_year),
        CONSTRAINT ck_plan_legal_basis CHECK (legal_basis IN ('josei_katsuyaku', 'jisedai', 'both'))
      );

      CREATE TABLE target (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        plan_id uuid NOT NULL,
        kpi_code text NOT NULL,
        org_unit_id uuid,
        target_value numeric NOT NULL,
        target_fiscal_year integer NOT NULL,
        direction text NOT NULL,
        baseline_value numeric,
        baseline_fiscal_year integer,
        action_1 varchar(100),
        action_2 varchar(100),
        sort_order integer NOT NULL DEFAULT 0,
        CONSTRAINT fk_target_plan FOREIGN KEY (organization_id, plan_id)
          REFERENCES plan (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_target_org_unit FOREIGN KEY (organization_id, org_unit_id)
          REFERENCES org_unit (organization_id, id),
        CONSTRAINT ck_target_direction CHECK (direction IN ('gte', 'lte'))
      );
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE target;
      DROP TABLE plan;
      DROP TABLE import_job;
      DROP TABLE session;
      DROP TABLE account;
      DROP TABLE roster_snapshot;
      DROP TABLE assignment;
      DROP TABLE employee;
      DROP TABLE employment_category;
      DROP TABLE position_stage;
      DROP TABLE org_unit_closure;
      DROP TABLE org_unit;
      DROP TABLE organization;
    `);
  }
}
