import { randomBytes } from 'node:crypto';

import { ROLES, type Role } from '@ikuboard/shared/contracts';
import type { DemoCity } from '@ikuboard/shared/demo-data';

import { loadDemoCity } from '../../api/src/app/setup/demo-seed';
import {
  createAccount,
  createOrganization,
} from '../../api/src/app/setup/organization-setup';
import { ApiClient } from './api-client';
import { queryable } from './database';

export interface Tenant {
  organizationId: string;
  code: string;
  password: string;
  usernames: Record<Role, string>;
  login(role: Role): Promise<ApiClient>;
}

/** One account per role in an existing organization (for example one made by insertKpiDataset). */
export async function addTenantAccounts(
  organizationId: string,
  code: string,
): Promise<Tenant> {
  const password = `Test-${randomBytes(9).toString('base64url')}`;
  const usernames = {} as Record<Role, string>;
  for (const role of ROLES) {
    usernames[role] = `${code}-${role}`;
    await createAccount(queryable, {
      organizationId,
      username: usernames[role],
      displayName: `${role} of ${code}`,
      password,
      role,
    });
  }
  return {
    organizationId,
    code,
    password,
    usernames,
    login: (role) => ApiClient.login(usernames[role], password),
  };
}

export function uniqueCode(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** An empty organization (default stages and categories) with one account per role. */
export async function createTenant(prefix = 'org'): Promise<Tenant> {
  const code = uniqueCode(prefix);
  const organizationId = await createOrganization(queryable, {
    code,
    name: `テスト市 ${code}`,
    nameEn: `Test City ${code}`,
  });
  return addTenantAccounts(organizationId, code);
}

/** An organization holding a generated city, with one account per role. */
export async function createTenantWithCity(
  city: DemoCity,
  prefix = 'city',
): Promise<Tenant> {
  const code = uniqueCode(prefix);
  const organizationId = await loadDemoCity(queryable, city, { code });
  return addTenantAccounts(organizationId, code);
}
