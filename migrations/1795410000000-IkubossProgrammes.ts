import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ikuboss programmes (DOMAIN.md §5): the boss's interview with a new father (イクボス面談),
 * trainings and attendance, yearly practice goals, nominations and awards, and local firms with
 * their declarations and seminar attendance. Same tenancy rule as the first migration: composite
 * foreign keys on (organization_id, id).
 */
export class IkubossProgrammes1795410000000 implements MigrationInterface {
  name = 'IkubossProgrammes1795410000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      -- One interview per father and child; recording again replaces it.
      CREATE TABLE ikuboss_interview (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        employee_id uuid NOT NULL,
        child_id uuid NOT NULL,
        interview_date date NOT NULL,
        planned_start date,
        planned_end date,
        no_plan_reason text,
        recorded_by uuid REFERENCES account (id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_ikuboss_interview_child UNIQUE (organization_id, employee_id, child_id),
        CONSTRAINT fk_ikuboss_interview_employee FOREIGN KEY (organization_id, employee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_ikuboss_interview_child FOREIGN KEY (organization_id, child_id)
          REFERENCES child (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_ikuboss_interview_plan CHECK (
          (planned_start IS NOT NULL AND planned_end IS NOT NULL AND planned_end >= planned_start)
          OR (planned_start IS NULL AND planned_end IS NULL AND no_plan_reason IS NOT NULL AND no_plan_reason <> ''))
      );

      CREATE TABLE ikuboss_training (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        kind text NOT NULL,
        name text NOT NULL,
        held_on date NOT NULL,
        fiscal_year integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_ikuboss_training_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT ck_ikuboss_training_kind CHECK (kind IN ('ikuboss', 'follow_up', 'papa_switch', 'custom')),
        CONSTRAINT ck_ikuboss_training_fy CHECK
          (fiscal_year = extract(year FROM (held_on - interval '3 months'))::int)
      );
      CREATE INDEX ix_ikuboss_training_org_fy ON ikuboss_training (organization_id, fiscal_year);

      CREATE TABLE ikuboss_training_attendance (
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        training_id uuid NOT NULL,
        employee_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT pk_ikuboss_training_attendance PRIMARY KEY (training_id, employee_id),
        CONSTRAINT fk_ikuboss_attendance_training FOREIGN KEY (organization_id, training_id)
          REFERENCES ikuboss_training (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_ikuboss_attendance_employee FOREIGN KEY (organization_id, employee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE
      );
      CREATE INDEX ix_ikuboss_attendance_employee ON ikuboss_training_attendance (organization_id, employee_id);

      CREATE TABLE ikuboss_practice_goal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        employee_id uuid NOT NULL,
        fiscal_year integer NOT NULL,
        goal_text text NOT NULL,
        indicators text[] NOT NULL DEFAULT '{}',
        self_assessment text,
        hr_rating text,
        hr_comment text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_ikuboss_practice_goal UNIQUE (organization_id, employee_id, fiscal_year),
        CONSTRAINT fk_ikuboss_goal_employee FOREIGN KEY (organization_id, employee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_ikuboss_goal_rating CHECK (hr_rating IS NULL OR hr_rating IN ('S', 'A', 'B', 'C'))
      );

      CREATE TABLE ikuboss_nomination (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        fiscal_year integer NOT NULL,
        nominator_account_id uuid REFERENCES account (id) ON DELETE SET NULL,
        nominator_employee_id uuid NOT NULL,
        nominee_employee_id uuid NOT NULL,
        reason text NOT NULL,
        nominator_consent boolean NOT NULL DEFAULT false,
        nominee_consent boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_ikuboss_nomination_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT fk_ikuboss_nomination_nominator FOREIGN KEY (organization_id, nominator_employee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_ikuboss_nomination_nominee FOREIGN KEY (organization_id, nominee_employee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_ikuboss_nomination_self CHECK (nominator_employee_id <> nominee_employee_id)
      );
      CREATE INDEX ix_ikuboss_nomination_org_fy ON ikuboss_nomination (organization_id, fiscal_year);

      -- An award recognises the nominee and the nominator of one nomination together.
      CREATE TABLE ikuboss_award (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        nomination_id uuid NOT NULL,
        award_name text NOT NULL,
        fiscal_year integer NOT NULL,
        granted_by uuid REFERENCES account (id) ON DELETE SET NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_ikuboss_award_nomination UNIQUE (nomination_id),
        CONSTRAINT fk_ikuboss_award_nomination FOREIGN KEY (organization_id, nomination_id)
          REFERENCES ikuboss_nomination (organization_id, id) ON DELETE CASCADE
      );

      -- Firms of the area that declared with the city (イクボス宣言事業所); they have no login.
      CREATE TABLE local_firm (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        name text NOT NULL,
        industry text NOT NULL,
        size_band text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_local_firm_name UNIQUE (organization_id, name),
        CONSTRAINT uq_local_firm_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT ck_local_firm_size CHECK (size_band IN ('1-29', '30-99', '100-299', '300+'))
      );

      CREATE TABLE local_firm_declaration (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        firm_id uuid NOT NULL,
        declared_on date NOT NULL,
        fiscal_year integer NOT NULL,
        CONSTRAINT fk_local_firm_declaration_firm FOREIGN KEY (organization_id, firm_id)
          REFERENCES local_firm (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_local_firm_declaration_fy CHECK
          (fiscal_year = extract(year FROM (declared_on - interval '3 months'))::int)
      );
      CREATE INDEX ix_local_firm_declaration_org_fy ON local_firm_declaration (organization_id, fiscal_year);

      CREATE TABLE local_firm_seminar (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        firm_id uuid NOT NULL,
        seminar_name text NOT NULL,
        attended_on date NOT NULL,
        fiscal_year integer NOT NULL,
        CONSTRAINT fk_local_firm_seminar_firm FOREIGN KEY (organization_id, firm_id)
          REFERENCES local_firm (organization_id, id) ON DELETE CASCADE
      );
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE local_firm_seminar;
      DROP TABLE local_firm_declaration;
      DROP TABLE local_firm;
      DROP TABLE ikuboss_award;
      DROP TABLE ikuboss_nomination;
      DROP TABLE ikuboss_practice_goal;
      DROP TABLE ikuboss_training_attendance;
      DROP TABLE ikuboss_training;
      DROP TABLE ikuboss_interview;
    `);
  }
}
