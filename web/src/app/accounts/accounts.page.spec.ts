import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';

import type { AccountDto, Role } from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';
import { SessionStore } from '../auth/session.store';
import { AccountsPage } from './accounts.page';

const BASE = `${API_BASE_URL}/accounts`;

async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

const account = (
  username: string,
  role: Role,
  overrides: Partial<AccountDto> = {},
): AccountDto => ({
  id: `id-${username}`,
  username,
  displayName: username,
  role,
  isCommitteeChair: false,
  isDemo: false,
  employee: null,
  failedLogins: 0,
  lockedUntil: null,
  lastLoginAt: null,
  createdAt: '2026-04-01T00:00:00Z',
  manageable: true,
  ...overrides,
});

async function render(role: Role, accounts: AccountDto[]) {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(),
      provideHttpClientTesting(),
      { provide: SessionStore, useValue: { session: signal({ role }) } },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(AccountsPage);
  await settle();
  http.expectOne(BASE).flush(accounts);
  await settle();
  return { http, host: fixture.nativeElement as HTMLElement };
}

const roleOptions = (host: HTMLElement) =>
  [
    ...host.querySelectorAll<HTMLOptionElement>(
      '[data-testid="account-new-role"] option',
    ),
  ].map((o) => o.value);

describe('AccountsPage', () => {
  it('offers HR only the manager, staff and committee roles, and no edit button on admin accounts', async () => {
    const { host } = await render('hr', [
      account('boss', 'admin', { manageable: false }),
      account('tanaka', 'manager', {
        employee: { employeeNumber: 'E1', name: '田中', unitName: '市民課' },
        lockedUntil: '2026-04-01T01:00:00Z',
      }),
    ]);
    expect(roleOptions(host)).toEqual(['manager', 'staff', 'committee']);
    expect(
      host.querySelector('[data-testid="account-select-boss"]'),
    ).toBeNull();
    expect(
      host.querySelector('[data-testid="account-row-boss"]')?.textContent,
    ).toContain('管理者のみ変更可');
    const row = host.querySelector('[data-testid="account-row-tanaka"]');
    expect(row?.textContent).toContain('E1 田中');
    expect(row?.textContent).toContain('ロック中');
  });

  it('offers an admin every role, and links the selected account to the employee picked in the search', async () => {
    const { host, http } = await render('admin', [account('new', 'manager')]);
    expect(roleOptions(host)).toEqual([
      'admin',
      'hr',
      'manager',
      'staff',
      'committee',
    ]);
    host
      .querySelector<HTMLButtonElement>('[data-testid="account-select-new"]')!
      .click();
    await settle();
    const search = host.querySelector<HTMLInputElement>(
      '[data-testid="account-employee-search"]',
    )!;
    search.value = 'K01';
    search.dispatchEvent(new Event('input'));
    host
      .querySelector<HTMLButtonElement>(
        '[data-testid="account-employee-search-submit"]',
      )!
      .click();
    await settle();
    const found = http.expectOne(
      (req) => req.url === `${BASE}/employees` && req.params.get('q') === 'K01',
    );
    found.flush([
      {
        employeeNumber: 'K01',
        name: '課長',
        unitName: null,
        inService: true,
        linkedUsername: null,
      },
      {
        employeeNumber: 'K010',
        name: '別の課長',
        unitName: null,
        inService: true,
        linkedUsername: 'other',
      },
    ]);
    await settle();
    // An employee who already has an account cannot be picked.
    expect(host.querySelector('[data-testid="account-link-K010"]')).toBeNull();
    host
      .querySelector<HTMLButtonElement>('[data-testid="account-link-K01"]')!
      .click();
    await settle();
    const link = http.expectOne(`${BASE}/id-new/employee`);
    expect([link.request.method, link.request.body]).toEqual([
      'PUT',
      { employeeNumber: 'K01' },
    ]);
    link.flush(account('new', 'manager'));
    await settle();
    http.expectOne(BASE).flush([
      account('new', 'manager', {
        employee: { employeeNumber: 'K01', name: '課長', unitName: null },
      }),
    ]);
    await settle();
    expect(
      host.querySelector('[data-testid="account-linked"]')?.textContent,
    ).toContain('K01 課長');
    http.verify();
  });
});
