import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { firstValueFrom, type Observable } from 'rxjs';

import {
  hasPermission,
  NON_ADMIN_ROLES,
  PERMISSIONS,
  ROLES,
  type AccountDto,
  type ApiErrorDto,
  type LinkableEmployeeDto,
  type Role,
} from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import { TranslatePipe } from '../i18n/translate.pipe';
import { AccountsApi } from './accounts.api';

/** Account management: list, create, edit role/chair, password, unlock, delete, link to an employee. */
@Component({
  selector: 'app-accounts-page',
  imports: [TranslatePipe],
  templateUrl: './accounts.page.html',
  styleUrl: './accounts.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountsPage {
  private readonly api = inject(AccountsApi);
  protected readonly i18n = inject(I18nStore);
  private readonly session = inject(SessionStore).session;
  private readonly window = inject(DOCUMENT).defaultView;

  protected readonly accounts = signal<AccountDto[] | null>(null);
  protected readonly error = signal<ApiErrorDto | null>(null);
  protected readonly notice = signal<string | null>(null);

  /** Roles the caller may grant: every role for admins, manager/staff/committee for HR. */
  protected readonly grantableRoles = computed<readonly Role[]>(() => {
    const role = this.session()?.role;
    return role && hasPermission(role, PERMISSIONS.manageAccounts)
      ? ROLES
      : NON_ADMIN_ROLES;
  });

  protected readonly selectedId = signal<string | null>(null);
  protected readonly selected = computed(
    () => this.accounts()?.find((a) => a.id === this.selectedId()) ?? null,
  );
  protected readonly editName = signal('');
  protected readonly editRole = signal<Role>('staff');
  protected readonly editChair = signal(false);
  protected readonly newPassword = signal('');
  protected readonly search = signal('');
  protected readonly matches = signal<LinkableEmployeeDto[] | null>(null);

  protected readonly newUsername = signal('');
  protected readonly newDisplayName = signal('');
  protected readonly newRole = signal<Role>('staff');
  protected readonly newInitialPassword = signal('');
  protected readonly newEmployeeNumber = signal('');

  constructor() {
    void this.reload();
  }

  protected roleKey(role: Role) {
    return `role.${role}` as const;
  }

  protected canChair(role: Role): boolean {
    return hasPermission(role, PERMISSIONS.signCommitteeReview);
  }

  protected time(iso: string): string {
    return new Date(iso).toLocaleString(
      this.i18n.language() === 'ja' ? 'ja-JP' : 'en-GB',
      { dateStyle: 'medium', timeStyle: 'short' },
    );
  }

  protected select(account: AccountDto): void {
    this.selectedId.set(account.id);
    this.editName.set(account.displayName);
    this.editRole.set(account.role);
    this.editChair.set(account.isCommitteeChair);
    this.newPassword.set('');
    this.search.set('');
    this.matches.set(null);
    this.notice.set(null);
    this.error.set(null);
  }

  protected close(): void {
    this.selectedId.set(null);
  }

  protected setRole(role: Role): void {
    this.editRole.set(role);
    if (!this.canChair(role)) this.editChair.set(false);
  }

  protected async save(account: AccountDto): Promise<void> {
    await this.run(
      this.api.update(account.id, {
        displayName: this.editName(),
        role: this.editRole(),
        isCommitteeChair: this.editChair(),
      }),
      this.i18n.translate('accounts.saved'),
    );
  }

  protected async resetPassword(account: AccountDto): Promise<void> {
    if (
      await this.run(
        this.api.resetPassword(account.id, this.newPassword()),
        this.i18n.translate('accounts.passwordReset'),
      )
    )
      this.newPassword.set('');
  }

  protected async unlock(account: AccountDto): Promise<void> {
    await this.run(
      this.api.unlock(account.id),
      this.i18n.translate('accounts.saved'),
    );
  }

  protected async findEmployees(event: Event): Promise<void> {
    event.preventDefault();
    try {
      this.matches.set(
        await firstValueFrom(this.api.employees(this.search().trim())),
      );
      this.error.set(null);
    } catch (error) {
      this.error.set(toApiError(error));
    }
  }

  protected async link(
    account: AccountDto,
    employee: LinkableEmployeeDto,
  ): Promise<void> {
    if (
      await this.run(
        this.api.link(account.id, employee.employeeNumber),
        this.i18n.translate('accounts.saved'),
      )
    )
      this.matches.set(null);
  }

  protected async unlink(account: AccountDto): Promise<void> {
    await this.run(
      this.api.unlink(account.id),
      this.i18n.translate('accounts.saved'),
    );
  }

  protected async remove(account: AccountDto): Promise<void> {
    const question = this.i18n.translate('accounts.deleteConfirm', {
      username: account.username,
    });
    if (!(this.window?.confirm(question) ?? false)) return;
    if (
      await this.run(
        this.api.remove(account.id),
        this.i18n.translate('accounts.deleted', {
          username: account.username,
        }),
      )
    )
      this.selectedId.set(null);
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    const username = this.newUsername().trim().toLowerCase();
    const created = await this.run(
      this.api.create({
        username,
        displayName: this.newDisplayName(),
        role: this.newRole(),
        password: this.newInitialPassword(),
        employeeNumber: this.newEmployeeNumber().trim() || null,
      }),
      this.i18n.translate('accounts.created', { username }),
    );
    if (created) {
      this.newUsername.set('');
      this.newDisplayName.set('');
      this.newInitialPassword.set('');
      this.newEmployeeNumber.set('');
    }
  }

  private async reload(): Promise<void> {
    try {
      this.accounts.set(await firstValueFrom(this.api.list()));
    } catch (error) {
      this.error.set(toApiError(error));
    }
  }

  /** Runs a write, then reloads the list; shows the notice or the API's bilingual error. */
  private async run(
    call: Observable<unknown>,
    notice: string,
  ): Promise<boolean> {
    this.notice.set(null);
    try {
      await firstValueFrom(call, { defaultValue: undefined });
      this.error.set(null);
      await this.reload();
      this.notice.set(notice);
      return true;
    } catch (error) {
      this.error.set(toApiError(error));
      return false;
    }
  }
}
