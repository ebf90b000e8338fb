/**
 * Account management (api/src/app/accounts): list, create with the password policy, role and
 * committee chair, password reset, unlock, delete, linking to an employee, and the refusals
 * (other organization, duplicate link, weak password, HR on admin accounts, staff/manager).
 */
import type {
  AccountDto,
  ApiErrorDto,
  LinkableEmployeeDto,
} from '@ikuboard/shared/contracts';

import { ApiClient } from '../support/api-client';
import { closeTestDatabase, queryable } from '../support/database';
import { buildHandOrg } from '../support/ikuboss-org';
import { createTenant, type Tenant } from '../support/tenant';

const STRONG = 'Kosodate-2025!x';

describe('account management', () => {
  let a: Tenant;
  let b: Tenant;
  let adminA: ApiClient;
  let hrA: ApiClient;
  let adminB: ApiClient;

  beforeAll(async () => {
    a = await createTenant('acct-a');
    b = await createTenant('acct-b');
    await buildHandOrg(
      a.organizationId,
      [{ code: 'U1', parent: null }],
      [
        { number: 'K001', gender: 'female', unit: 'U1', stage: 'kacho' },
        { number: 'S001', gender: 'male', unit: 'U1', stage: 'ippan' },
        {
          number: 'S002',
          gender: 'male',
          unit: 'U1',
          stage: 'ippan',
          hire: '2001-04-01',
          separation: '2010-03-31',
        },
      ],
    );
    await buildHandOrg(
      b.organizationId,
      [{ code: 'U1', parent: null }],
      [{ number: 'B001', gender: 'female', unit: 'U1', stage: 'kacho' }],
    );
    adminA = await a.login('admin');
    hrA = await a.login('hr');
    adminB = await b.login('admin');
  });
  afterAll(() => closeTestDatabase());

  const byName = (list: AccountDto[], username: string) =>
    list.find((x) => x.username === username)!;
  const listOf = async (client: ApiClient) =>
    (await client.get<AccountDto[]>('/api/v1/accounts')).body;

  it("lists exactly the organization's own accounts; HR sees admin and HR accounts as not manageable", async () => {
    const list = await listOf(adminA);
    expect(list.map((x) => x.username).sort()).toEqual(
      Object.values(a.usernames).sort(),
    );
    expect(list.every((x) => x.manageable)).toBe(true);
    expect(byName(list, a.usernames.manager)).toMatchObject({
      role: 'manager',
      employee: null,
      lockedUntil: null,
      isCommitteeChair: false,
    });
    // The admin logged in above, so the last login is set.
    expect(byName(list, a.usernames.admin).lastLoginAt).not.toBeNull();
    const seenByHr = await listOf(hrA);
    expect(
      Object.fromEntries(seenByHr.map((x) => [x.role, x.manageable])),
    ).toEqual({
      admin: false,
      hr: false,
      manager: true,
      staff: true,
      committee: true,
    });
  });

  it('creates an account with the create-admin password policy and a unique lower-case username', async () => {
    const weak = await adminA.post<ApiErrorDto>('/api/v1/accounts', {
      username: 'weak.user',
      displayName: '弱い',
      role: 'staff',
      password: 'short',
    });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('VALIDATION_FAILED');
    // "short": under 12 characters and only one character class.
    expect(weak.body.details?.map((d) => d.en)).toEqual([
      'The password must be at least 12 characters.',
      'The password must mix at least three of: lower case, upper case, digits, symbols.',
    ]);
    const containsName = await adminA.post<ApiErrorDto>('/api/v1/accounts', {
      username: 'kosodate',
      displayName: 'x',
      role: 'staff',
      password: STRONG,
    });
    expect(containsName.status).toBe(400);
    const badName = await adminA.post<ApiErrorDto>('/api/v1/accounts', {
      username: 'a b',
      displayName: 'x',
      role: 'staff',
      password: STRONG,
    });
    expect(badName.status).toBe(400);

    const username = `${a.code}-Tanaka`;
    const created = await adminA.post<AccountDto>('/api/v1/accounts', {
      username,
      displayName: '田中 課長',
      role: 'manager',
      password: STRONG,
      employeeNumber: 'K001',
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      username: username.toLowerCase(),
      role: 'manager',
      employee: {
        employeeNumber: 'K001',
        name: '職員 K001',
        unitName: '所属U1',
      },
    });
    const again = await adminA.post<ApiErrorDto>('/api/v1/accounts', {
      username: username.toUpperCase(),
      displayName: 'x',
      role: 'staff',
      password: STRONG,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('USERNAME_TAKEN');
    expect(again.body.message.ja).toBeTruthy();
    // The new account can log in with its initial password and acts as K001.
    const tanaka = await ApiClient.login(username, STRONG);
    const mine = await tanaka.get('/api/v1/ikuboss/declarations/mine');
    expect(mine.status).toBe(200);
  });

  it('an unlinked account gets 403 ACCOUNT_NOT_LINKED; once linked it can use its own pages; an employee has one account', async () => {
    const manager = await a.login('manager');
    for (const path of [
      '/api/v1/ikuboss/declarations/mine',
      '/api/v1/ikuboss/nudges?fy=2025',
      '/api/v1/ikuboss/practice-goals/mine?fy=2025',
    ]) {
      const response = await manager.get<ApiErrorDto>(path);
      expect([path, response.status, response.body.code]).toEqual([
        path,
        403,
        'ACCOUNT_NOT_LINKED',
      ]);
      expect(response.body.message.en).toMatch(/administrator/);
      expect(response.body.message.ja).toMatch(/紐付け/);
    }
    const id = byName(await listOf(adminA), a.usernames.manager).id;
    // K001 already belongs to the account created above.
    const duplicate = await adminA.request<ApiErrorDto>(
      'PUT',
      `/api/v1/accounts/${id}/employee`,
      { employeeNumber: 'K001' },
    );
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.code).toBe('EMPLOYEE_ALREADY_LINKED');
    // The database refuses it too (partial unique index on organization_id, employee_id).
    await expect(
      queryable.query(
        `UPDATE account SET employee_id = (SELECT employee_id FROM account WHERE username = $2)
          WHERE organization_id = $1 AND id = $3`,
        [a.organizationId, `${a.code}-tanaka`, id],
      ),
    ).rejects.toThrow(/uq_account_employee/);
    const missing = await adminA.request<ApiErrorDto>(
      'PUT',
      `/api/v1/accounts/${id}/employee`,
      { employeeNumber: 'NOPE' },
    );
    expect(missing.status).toBe(404);
    // Another organization's employee number is not found either.
    const foreign = await adminA.request<ApiErrorDto>(
      'PUT',
      `/api/v1/accounts/${id}/employee`,
      { employeeNumber: 'B001' },
    );
    expect(foreign.status).toBe(404);

    const picker = (
      await adminA.get<LinkableEmployeeDto[]>(
        '/api/v1/accounts/employees?q=S00',
      )
    ).body;
    expect(picker).toEqual([
      {
        employeeNumber: 'S001',
        name: '職員 S001',
        unitName: '所属U1',
        inService: true,
        linkedUsername: null,
      },
      {
        employeeNumber: 'S002',
        name: '職員 S002',
        unitName: '所属U1',
        inService: false,
        linkedUsername: null,
      },
    ]);
    const k = (
      await adminA.get<LinkableEmployeeDto[]>(
        '/api/v1/accounts/employees?q=K001',
      )
    ).body;
    expect(k.map((e) => e.linkedUsername)).toEqual([`${a.code}-tanaka`]);

    const linked = await hrA.request<AccountDto>(
      'PUT',
      `/api/v1/accounts/${id}/employee`,
      {
        employeeNumber: 'S001',
      },
    );
    expect(linked.status).toBe(200);
    expect(linked.body.employee?.employeeNumber).toBe('S001');
    // The existing session sees the link at once.
    expect(
      (await manager.get('/api/v1/ikuboss/declarations/mine')).status,
    ).toBe(200);
    const unlinked = await hrA.request<AccountDto>(
      'DELETE',
      `/api/v1/accounts/${id}/employee`,
    );
    expect(unlinked.status).toBe(200);
    expect(unlinked.body.employee).toBeNull();
    expect(
      (await manager.get('/api/v1/ikuboss/declarations/mine')).status,
    ).toBe(403);
  });

  it('HR manages manager, staff and committee accounts only', async () => {
    const list = await listOf(adminA);
    for (const role of ['admin', 'hr'] as const) {
      const create = await hrA.post<ApiErrorDto>('/api/v1/accounts', {
        username: `${a.code}-new-${role}`,
        displayName: 'x',
        role,
        password: STRONG,
      });
      expect([role, create.status, create.body.code]).toEqual([
        role,
        403,
        'ACCOUNT_ADMIN_ONLY',
      ]);
    }
    const adminId = byName(list, a.usernames.admin).id;
    expect(
      (
        await hrA.post(`/api/v1/accounts/${adminId}/password`, {
          password: STRONG,
        })
      ).status,
    ).toBe(403);
    expect(
      (await hrA.request('DELETE', `/api/v1/accounts/${adminId}`)).status,
    ).toBe(403);
    const staffId = byName(list, a.usernames.staff).id;
    const promote = await hrA.request<ApiErrorDto>(
      'PUT',
      `/api/v1/accounts/${staffId}`,
      {
        displayName: 'x',
        role: 'hr',
        isCommitteeChair: false,
      },
    );
    expect(promote.status).toBe(403);
    const demote = await hrA.request<AccountDto>(
      'PUT',
      `/api/v1/accounts/${staffId}`,
      {
        displayName: '職員(係員)',
        role: 'manager',
        isCommitteeChair: false,
      },
    );
    expect(demote.status).toBe(200);
    expect(demote.body).toMatchObject({
      role: 'manager',
      displayName: '職員(係員)',
    });
    // The role applies to the account's existing session at once.
    const staff = await a.login('staff');
    expect(
      (await staff.get<{ role: string }>('/api/v1/auth/session')).body.role,
    ).toBe('manager');
    await hrA.request('PUT', `/api/v1/accounts/${staffId}`, {
      displayName: 'staff',
      role: 'staff',
      isCommitteeChair: false,
    });
  });

  it('refuses staff, managers and committee members', async () => {
    const id = byName(await listOf(adminA), a.usernames.staff).id;
    for (const role of ['staff', 'manager', 'committee'] as const) {
      const client = await a.login(role);
      expect((await client.get('/api/v1/accounts')).status).toBe(403);
      expect(
        (
          await client.post('/api/v1/accounts', {
            username: `${a.code}-x-${role}`,
            displayName: 'x',
            role: 'staff',
            password: STRONG,
          })
        ).status,
      ).toBe(403);
      expect(
        (
          await client.request('PUT', `/api/v1/accounts/${id}/employee`, {
            employeeNumber: 'S001',
          })
        ).status,
      ).toBe(403);
    }
  });

  it("another organization's accounts are not found and stay unchanged", async () => {
    const list = await listOf(adminA);
    const target = byName(list, a.usernames.manager);
    const path = `/api/v1/accounts/${target.id}`;
    const calls = [
      adminB.request<ApiErrorDto>('PUT', path, {
        displayName: 'hacked',
        role: 'admin',
        isCommitteeChair: false,
      }),
      adminB.post<ApiErrorDto>(`${path}/password`, { password: STRONG }),
      adminB.post<ApiErrorDto>(`${path}/unlock`),
      adminB.request<ApiErrorDto>('PUT', `${path}/employee`, {
        employeeNumber: 'B001',
      }),
      adminB.request<ApiErrorDto>('DELETE', `${path}/employee`),
      adminB.request<ApiErrorDto>('DELETE', path),
    ];
    for (const response of await Promise.all(calls))
      expect(response.status).toBe(404);
    expect(byName(await listOf(adminA), a.usernames.manager)).toEqual(target);
    expect((await listOf(adminB)).map((x) => x.username)).not.toContain(
      a.usernames.manager,
    );
    // And the link picker only offers the caller's own employees.
    const picker = (
      await adminB.get<LinkableEmployeeDto[]>('/api/v1/accounts/employees')
    ).body;
    expect(picker.map((e) => e.employeeNumber)).toEqual(['B001']);
  });

  it('unlocks a locked account, resets a password (ending its sessions) and deletes an account', async () => {
    const username = `${a.code}-locked`;
    const created = await hrA.post<AccountDto>('/api/v1/accounts', {
      username,
      displayName: 'ロック',
      role: 'staff',
      password: STRONG,
    });
    expect(created.status).toBe(201);
    const session = await ApiClient.login(username, STRONG);
    // Five wrong passwords lock the account (auth.service MAX_FAILED_LOGINS).
    for (let i = 0; i < 5; i++)
      expect(
        (
          await new ApiClient().post('/api/v1/auth/login', {
            username,
            password: 'wrong',
          })
        ).status,
      ).toBe(401);
    const locked = byName(await listOf(hrA), username);
    expect(locked.failedLogins).toBe(5);
    expect(locked.lockedUntil).not.toBeNull();
    expect(
      (
        await new ApiClient().post('/api/v1/auth/login', {
          username,
          password: STRONG,
        })
      ).status,
    ).toBe(423);
    const unlocked = await hrA.post<AccountDto>(
      `/api/v1/accounts/${created.body.id}/unlock`,
    );
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toMatchObject({ failedLogins: 0, lockedUntil: null });
    await ApiClient.login(username, STRONG);

    const weak = await hrA.post<ApiErrorDto>(
      `/api/v1/accounts/${created.body.id}/password`,
      { password: 'password' },
    );
    expect(weak.status).toBe(400);
    const newPassword = 'Another-Strong-99';
    expect(
      (
        await hrA.post(`/api/v1/accounts/${created.body.id}/password`, {
          password: newPassword,
        })
      ).status,
    ).toBe(204);
    expect((await session.get('/api/v1/auth/session')).status).toBe(401);
    expect(
      (
        await new ApiClient().post('/api/v1/auth/login', {
          username,
          password: STRONG,
        })
      ).status,
    ).toBe(401);
    const fresh = await ApiClient.login(username, newPassword);

    expect(
      (await hrA.request('DELETE', `/api/v1/accounts/${created.body.id}`))
        .status,
    ).toBe(204);
    expect((await fresh.get('/api/v1/auth/session')).status).toBe(401);
    expect(
      (await hrA.request('DELETE', `/api/v1/accounts/${created.body.id}`))
        .status,
    ).toBe(404);
    expect(byName(await listOf(hrA), username)).toBeUndefined();
  });

  it('an admin cannot delete their own account or change its role; the chair flag needs a signing role', async () => {
    const list = await listOf(adminA);
    const self = byName(list, a.usernames.admin);
    const remove = await adminA.request<ApiErrorDto>(
      'DELETE',
      `/api/v1/accounts/${self.id}`,
    );
    expect(remove.status).toBe(409);
    expect(remove.body.code).toBe('ACCOUNT_SELF');
    const demote = await adminA.request<ApiErrorDto>(
      'PUT',
      `/api/v1/accounts/${self.id}`,
      {
        displayName: self.displayName,
        role: 'staff',
        isCommitteeChair: false,
      },
    );
    expect(demote.status).toBe(409);
    const staff = byName(list, a.usernames.staff);
    const chairStaff = await adminA.request<ApiErrorDto>(
      'PUT',
      `/api/v1/accounts/${staff.id}`,
      { displayName: staff.displayName, role: 'staff', isCommitteeChair: true },
    );
    expect(chairStaff.status).toBe(400);
    const committee = byName(list, a.usernames.committee);
    const chair = await hrA.request<AccountDto>(
      'PUT',
      `/api/v1/accounts/${committee.id}`,
      {
        displayName: '委員長',
        role: 'committee',
        isCommitteeChair: true,
      },
    );
    expect(chair.status).toBe(200);
    expect(chair.body.isCommitteeChair).toBe(true);
    const [row] = (await queryable.query(
      `SELECT is_committee_chair FROM account WHERE id = $1`,
      [committee.id],
    )) as { is_committee_chair: boolean }[];
    expect(row?.is_committee_chair).toBe(true);
  });

  it('writes are in the audit log without the password', async () => {
    const rows = (await queryable.query(
      `SELECT method, route, status, resource_ids::text AS ids FROM audit_log
        WHERE organization_id = $1 AND route LIKE '/api/v1/accounts%' AND action = 'write'`,
      [a.organizationId],
    )) as { method: string; route: string; status: number; ids: string }[];
    expect(rows.some((r) => r.method === 'POST' && r.status === 201)).toBe(
      true,
    );
    expect(rows.some((r) => r.route.endsWith('/employee'))).toBe(true);
    expect(JSON.stringify(rows)).not.toContain(STRONG);
  });
});
