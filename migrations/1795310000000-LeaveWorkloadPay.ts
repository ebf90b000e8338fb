import type { MigrationInterface, QueryRunner } from 'typeorm';

const CHILD_LINKED = `('childcare', 'birth_childcare', 'spouse_birth', 'childcare_participation')`;

/**
 * Children, leave episodes, monthly overtime, annual pay and aggregate figures: the data behind the
 * 女性活躍推進法 / 次世代法 KPI catalogue. Same tenancy rule as the first migration: composite
 * foreign keys on (organization_id, id).
 */
export class LeaveWorkloadPay1795310000000 implements MigrationInterface {
  name = 'LeaveWorkloadPay1795310000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE child (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        employee_id uuid NOT NULL,
        birth_date date NOT NULL,
        -- Twins share a birth date; the order tells them apart.
        birth_order smallint NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_child_birth UNIQUE (employee_id, birth_date, birth_order),
        CONSTRAINT uq_child_tenant_id UNIQUE (organization_id, id),
        CONSTRAINT fk_child_employee FOREIGN KEY (organization_id, employee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_child_birth_order CHECK (birth_order BETWEEN 1 AND 9)
      );
      CREATE INDEX ix_child_org_birth ON child (organization_id, birth_date);

      CREATE TABLE leave_episode (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        employee_id uuid NOT NULL,
        leave_type text NOT NULL,
        start_date date NOT NULL,
        end_date date NOT NULL,
        days numeric(7, 2) NOT NULL,
        child_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT fk_leave_employee FOREIGN KEY (organization_id, employee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT fk_leave_child FOREIGN KEY (organization_id, child_id)
          REFERENCES child (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_leave_type CHECK (leave_type IN ('annual', 'childcare', 'birth_childcare', 'spouse_birth',
          'childcare_participation', 'maternity_pre', 'maternity_post', 'nursing', 'caregiving', 'menstrual', 'sick', 'other')),
        CONSTRAINT ck_leave_period CHECK (end_date >= start_date),
        CONSTRAINT ck_leave_days CHECK (days > 0),
        CONSTRAINT ck_leave_child CHECK ((leave_type IN ${CHILD_LINKED}) = (child_id IS NOT NULL))
      );
      CREATE INDEX ix_leave_org_type_start ON leave_episode (organization_id, leave_type, start_date)
        INCLUDE (employee_id, days, child_id);
      CREATE INDEX ix_leave_employee_type_start ON leave_episode (employee_id, leave_type, start_date);
      CREATE INDEX ix_leave_child ON leave_episode (child_id) WHERE child_id IS NOT NULL;

      CREATE TABLE overtime_month (
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        employee_id uuid NOT NULL,
        month date NOT NULL,
        hours numeric(6, 2) NOT NULL,
        CONSTRAINT pk_overtime_month PRIMARY KEY (employee_id, month),
        CONSTRAINT fk_overtime_employee FOREIGN KEY (organization_id, employee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_overtime_first_day CHECK (extract(day FROM month) = 1),
        CONSTRAINT ck_overtime_hours CHECK (hours >= 0 AND hours <= 744)
      );
      CREATE INDEX ix_overtime_org_month ON overtime_month (organization_id, month) INCLUDE (employee_id, hours);

      CREATE TABLE annual_pay (
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        employee_id uuid NOT NULL,
        fiscal_year integer NOT NULL,
        amount numeric(14, 0) NOT NULL,
        CONSTRAINT pk_annual_pay PRIMARY KEY (employee_id, fiscal_year),
        CONSTRAINT fk_annual_pay_employee FOREIGN KEY (organization_id, employee_id)
          REFERENCES employee (organization_id, id) ON DELETE CASCADE,
        CONSTRAINT ck_annual_pay_amount CHECK (amount >= 0),
        CONSTRAINT ck_annual_pay_year CHECK (fiscal_year BETWEEN 1989 AND 2100)
      );
      CREATE INDEX ix_annual_pay_org_year ON annual_pay (organization_id, fiscal_year) INCLUDE (employee_id, amount);

      -- Figures that person records cannot give (applicants by gender, dispatched workers …).
      CREATE TABLE aggregate_figure (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
        fiscal_year integer NOT NULL,
        code text NOT NULL,
        org_unit_id uuid,
        value numeric(14, 2) NOT NULL,
        note text,
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT uq_aggregate_figure UNIQUE NULLS NOT DISTINCT (organization_id, fiscal_year, code, org_unit_id),
        CONSTRAINT fk_aggregate_figure_unit FOREIGN KEY (organization_id, org_unit_id)
          REFERENCES org_unit (organization_id, id),
        CONSTRAINT ck_aggregate_figure_value CHECK (value >= 0)
      );
    `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      DROP TABLE aggregate_figure;
      DROP TABLE annual_pay;
      DROP TABLE overtime_month;
      DROP TABLE leave_episode;
      DROP TABLE child;
    `);
  }
}
