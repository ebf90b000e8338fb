import {
  DEFAULT_POSITION_STAGES,
  EMPLOYMENT_CATEGORIES,
  EMPLOYMENT_CATEGORY_NAMES,
  type PositionStageDefinition,
  type Role,
} from '@ikuboard/shared/contracts';

import type { Queryable } from '../../database/queryable';
import { hashPassword } from '../auth/password';

export interface NewOrganization {
  code: string;
  name: string;
  nameEn: string | null;
  kind?: 'municipality' | 'company' | 'consortium';
  stages?: readonly PositionStageDefinition[];
}

/** A tenant with the default position stages and employment categories, ready for imports. */
export async function createOrganization(
  manager: Queryable,
  organization: NewOrganization,
): Promise<string> {
  const [{ id }] = (await manager.query(
    `INSERT INTO organization (code, name, name_en, kind) VALUES ($1, $2, $3, $4) RETURNING id`,
    [
      organization.code,
      organization.name,
      organization.nameEn,
      organization.kind ?? 'municipality',
    ],
  )) as [{ id: string }];
  const stages = organization.stages ?? DEFAULT_POSITION_STAGES;
  await manager.query(
    `INSERT INTO position_stage (organization_id, code, name, name_en, sort_order, official_stage, is_manager, is_supervisor)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::text[], $7::boolean[], $8::boolean[])`,
    [
      id,
      stages.map((s) => s.code),
      stages.map((s) => s.name),
      stages.map((s) => s.nameEn),
      stages.map((s) => s.sortOrder),
      stages.map((s) => s.officialStage),
      stages.map((s) => s.isManager),
      stages.map((s) => s.isSupervisor),
    ],
  );
  await manager.query(
    `INSERT INTO employment_category (organization_id, code, name, name_en, sort_order)
     SELECT $1, code, name, name_en, ord::int FROM unnest($2::text[], $3::text[], $4::text[]) WITH ORDINALITY AS c (code, name, name_en, ord)`,
    [
      id,
      [...EMPLOYMENT_CATEGORIES],
      EMPLOYMENT_CATEGORIES.map((code) => EMPLOYMENT_CATEGORY_NAMES[code].ja),
      EMPLOYMENT_CATEGORIES.map((code) => EMPLOYMENT_CATEGORY_NAMES[code].en),
    ],
  );
  return id;
}

export interface NewAccount {
  organizationId: string;
  username: string;
  displayName: string;
  password: string;
  role: Role;
  employeeId?: string | null;
  isDemo?: boolean;
}

export async function createAccount(
  manager: Queryable,
  account: NewAccount,
): Promise<string> {
  const [{ id }] = (await manager.query(
    `INSERT INTO account (organization_id, username, display_name, password_hash, role, employee_id, is_demo)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      account.organizationId,
      account.username.trim().toLowerCase(),
      account.displayName,
      await hashPassword(account.password),
      account.role,
      account.employeeId ?? null,
      account.isDemo ?? false,
    ],
  )) as [{ id: string }];
  return id;
}
