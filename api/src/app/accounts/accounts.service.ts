import { Injectable } from '@nestjs/common';
import {
  hasPermission,
  NON_ADMIN_ROLES,
  PERMISSIONS,
  type AccountCreateDto,
  type AccountDto,
  type AccountUpdateDto,
  type LinkableEmployeeDto,
  type Role,
} from '@ikuboard/shared/contracts';
import { DataSource, type EntityManager } from 'typeorm';

import type { AuthContext } from '../../common/access.decorator';
import { Errors } from '../../common/app-error';
import { hashPassword, passwordProblems } from '../auth/password';
import { SessionStore } from '../auth/session.store';
import { requireUuid } from '../ikuboss-programmes/ikuboss-common';
import { ACCOUNT, AccountErrors } from './accounts.errors';
import { USERNAME } from './accounts.dto';

interface AccountRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  isCommitteeChair: boolean;
  isDemo: boolean;
  employeeNumber: string | null;
  employeeName: string | null;
  unitName: string | null;
  failedLogins: number;
  lockedUntil: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
}

const ACCOUNT_SELECT = `
  SELECT a.id, a.username, a.display_name AS "displayName", a.role,
         a.is_committee_chair AS "isCommitteeChair", a.is_demo AS "isDemo",
         e.employee_number AS "employeeNumber", e.name AS "employeeName", u.unit_name AS "unitName",
         a.failed_logins AS "failedLogins",
         CASE WHEN a.locked_until > now() THEN a.locked_until END AS "lockedUntil",
         a.last_login_at AS "lastLoginAt", a.created_at AS "createdAt"
    FROM account a
    LEFT JOIN employee e ON e.organization_id = a.organization_id AND e.id = a.employee_id
    LEFT JOIN LATERAL (
      SELECT ou.name AS unit_name FROM assignment s
        JOIN org_unit ou ON ou.organization_id = s.organization_id AND ou.id = s.org_unit_id
       WHERE s.organization_id = e.organization_id AND s.employee_id = e.id AND s.valid_from <= current_date
       ORDER BY s.valid_from DESC LIMIT 1) u ON true
   WHERE a.organization_id = $1`;

const UNIQUE_VIOLATION = '23505';
function isUniqueViolation(error: unknown, constraint: string): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e.code ?? e.driverError?.code;
  const name = e.constraint ?? e.driverError?.constraint;
  return code === UNIQUE_VIOLATION && name === constraint;
}

/**
 * Accounts of the caller's organization. Admins (account:manage) manage every account; HR
 * (account:manage-non-admin only) manages manager, staff and committee accounts and cannot grant
 * the admin or HR role. Nobody deletes their own account or changes their own role, so an
 * organization always keeps the admin who is acting.
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
  ) {}

  async list(auth: AuthContext): Promise<AccountDto[]> {
    const rows = (await this.dataSource.query(
      `${ACCOUNT_SELECT} ORDER BY a.username`,
      [auth.organizationId],
    )) as AccountRow[];
    return rows.map((row) => this.toDto(auth, row));
  }

  async get(auth: AuthContext, id: string): Promise<AccountDto> {
    return this.toDto(auth, await this.row(auth.organizationId, id));
  }

  async create(
    auth: AuthContext,
    input: AccountCreateDto,
  ): Promise<AccountDto> {
    this.requireRoleGrantable(auth, input.role);
    const username = this.normalizeUsername(input.username);
    this.requireStrongPassword(input.password, username);
    const displayName = input.displayName.trim();
    if (!displayName)
      throw Errors.validation([
        { ja: '表示名を入力してください。', en: 'Enter a display name.' },
      ]);
    const id = await this.dataSource.transaction(async (manager) => {
      const employeeId = input.employeeNumber
        ? await this.linkableEmployee(
            manager,
            auth.organizationId,
            input.employeeNumber,
            null,
          )
        : null;
      const passwordHash = await hashPassword(input.password);
      try {
        const [row] = (await manager.query(
          `INSERT INTO account (organization_id, username, display_name, password_hash, role, employee_id)
           VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
          [
            auth.organizationId,
            username,
            displayName,
            passwordHash,
            input.role,
            employeeId,
          ],
        )) as [{ id: string }];
        return row.id;
      } catch (error) {
        throw this.translate(error);
      }
    });
    return this.get(auth, id);
  }

  async update(
    auth: AuthContext,
    id: string,
    input: AccountUpdateDto,
  ): Promise<AccountDto> {
    const current = await this.manageableRow(auth, id);
    if (input.role !== current.role) {
      if (id === auth.accountId) throw AccountErrors.self();
      this.requireRoleGrantable(auth, input.role);
    }
    if (
      input.isCommitteeChair &&
      !hasPermission(input.role, PERMISSIONS.signCommitteeReview)
    )
      throw AccountErrors.chairNeedsSigning();
    const displayName = input.displayName.trim();
    if (!displayName)
      throw Errors.validation([
        { ja: '表示名を入力してください。', en: 'Enter a display name.' },
      ]);
    await this.dataSource.query(
      `UPDATE account SET display_name = $3, role = $4, is_committee_chair = $5
        WHERE organization_id = $1 AND id = $2`,
      [
        auth.organizationId,
        id,
        displayName,
        input.role,
        input.isCommitteeChair,
      ],
    );
    return this.get(auth, id);
  }

  /** Sets a new password, clears the lock and ends every session of the account. */
  async resetPassword(
    auth: AuthContext,
    id: string,
    password: string,
  ): Promise<void> {
    const current = await this.manageableRow(auth, id);
    this.requireStrongPassword(password, current.username);
    await this.dataSource.query(
      `UPDATE account SET password_hash = $3, failed_logins = 0, locked_until = NULL
        WHERE organization_id = $1 AND id = $2`,
      [auth.organizationId, id, await hashPassword(password)],
    );
    if (id !== auth.accountId) await this.sessions.deleteAllOf(id);
  }

  async unlock(auth: AuthContext, id: string): Promise<AccountDto> {
    await this.manageableRow(auth, id);
    await this.dataSource.query(
      `UPDATE account SET failed_logins = 0, locked_until = NULL WHERE organization_id = $1 AND id = $2`,
      [auth.organizationId, id],
    );
    return this.get(auth, id);
  }

  /** Deletes the account and its sessions; records that name it keep their rows (SET NULL). */
  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.manageableRow(auth, id);
    if (id === auth.accountId) throw AccountErrors.self();
    await this.dataSource.query(
      `DELETE FROM account WHERE organization_id = $1 AND id = $2`,
      [auth.organizationId, id],
    );
  }

  async link(
    auth: AuthContext,
    id: string,
    employeeNumber: string,
  ): Promise<AccountDto> {
    await this.manageableRow(auth, id);
    await this.dataSource.transaction(async (manager) => {
      const employeeId = await this.linkableEmployee(
        manager,
        auth.organizationId,
        employeeNumber,
        id,
      );
      try {
        await manager.query(
          `UPDATE account SET employee_id = $3 WHERE organization_id = $1 AND id = $2`,
          [auth.organizationId, id, employeeId],
        );
      } catch (error) {
        throw this.translate(error);
      }
    });
    return this.get(auth, id);
  }

  async unlink(auth: AuthContext, id: string): Promise<AccountDto> {
    await this.manageableRow(auth, id);
    await this.dataSource.query(
      `UPDATE account SET employee_id = NULL WHERE organization_id = $1 AND id = $2`,
      [auth.organizationId, id],
    );
    return this.get(auth, id);
  }

  /** Employees by 職員番号 prefix or part of the name (also separated ones), for the link picker. */
  async employees(
    organizationId: string,
    query: string | undefined,
  ): Promise<LinkableEmployeeDto[]> {
    const q = (query ?? '').trim().replace(/[%_\\]/g, '');
    const rows = (await this.dataSource.query(
      `SELECT e.employee_number AS "employeeNumber", e.name, u.unit_name AS "unitName",
              (e.hire_date <= current_date AND (e.separation_date IS NULL OR e.separation_date >= current_date))
                AS "inService",
              a.username AS "linkedUsername"
         FROM employee e
         LEFT JOIN account a ON a.organization_id = e.organization_id AND a.employee_id = e.id
         LEFT JOIN LATERAL (
           SELECT ou.name AS unit_name FROM assignment s
             JOIN org_unit ou ON ou.organization_id = s.organization_id AND ou.id = s.org_unit_id
            WHERE s.organization_id = e.organization_id AND s.employee_id = e.id AND s.valid_from <= current_date
            ORDER BY s.valid_from DESC LIMIT 1) u ON true
        WHERE e.organization_id = $1
          AND ($2 = '' OR e.employee_number ILIKE $2 || '%' OR e.name ILIKE '%' || $2 || '%')
        ORDER BY e.employee_number LIMIT 30`,
      [organizationId, q],
    )) as LinkableEmployeeDto[];
    return rows;
  }

  private toDto(auth: AuthContext, row: AccountRow): AccountDto {
    return {
      id: row.id,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      isCommitteeChair: row.isCommitteeChair,
      isDemo: row.isDemo,
      employee:
        row.employeeNumber === null
          ? null
          : {
              employeeNumber: row.employeeNumber,
              name: row.employeeName ?? '',
              unitName: row.unitName,
            },
      failedLogins: row.failedLogins,
      lockedUntil: row.lockedUntil
        ? new Date(row.lockedUntil).toISOString()
        : null,
      lastLoginAt: row.lastLoginAt
        ? new Date(row.lastLoginAt).toISOString()
        : null,
      createdAt: new Date(row.createdAt).toISOString(),
      manageable: this.canManageRole(auth, row.role),
    };
  }

  private canManageRole(auth: AuthContext, role: Role): boolean {
    return (
      hasPermission(auth.role, PERMISSIONS.manageAccounts) ||
      NON_ADMIN_ROLES.includes(role)
    );
  }

  private requireRoleGrantable(auth: AuthContext, role: Role): void {
    if (!this.canManageRole(auth, role)) throw AccountErrors.adminOnly();
  }

  private async row(organizationId: string, id: string): Promise<AccountRow> {
    requireUuid(id, ACCOUNT);
    const [row] = (await this.dataSource.query(
      `${ACCOUNT_SELECT} AND a.id = $2`,
      [organizationId, id],
    )) as AccountRow[];
    if (!row) throw AccountErrors.notFound();
    return row;
  }

  private async manageableRow(
    auth: AuthContext,
    id: string,
  ): Promise<AccountRow> {
    const row = await this.row(auth.organizationId, id);
    if (!this.canManageRole(auth, row.role)) throw AccountErrors.adminOnly();
    return row;
  }

  private normalizeUsername(raw: string): string {
    const username = raw.trim().toLowerCase();
    if (!USERNAME.test(username))
      throw Errors.validation([
        {
          ja: 'ユーザー名は3〜50文字の英小文字・数字・「.」「_」「-」で、英数字から始めてください。',
          en: 'The username must be 3–50 lower-case letters, digits, ".", "_" or "-", starting with a letter or digit.',
        },
      ]);
    return username;
  }

  private requireStrongPassword(password: string, username: string): void {
    const problems = passwordProblems(password, username);
    if (problems.length > 0) throw Errors.validation(problems);
  }

  /** The employee's id, refusing one already linked to another account (409). */
  private async linkableEmployee(
    manager: EntityManager,
    organizationId: string,
    employeeNumber: string,
    accountId: string | null,
  ): Promise<string> {
    const [row] = (await manager.query(
      `SELECT e.id, a.id AS "accountId", a.username
         FROM employee e
         LEFT JOIN account a ON a.organization_id = e.organization_id AND a.employee_id = e.id
        WHERE e.organization_id = $1 AND e.employee_number = $2`,
      [organizationId, employeeNumber.trim()],
    )) as { id: string; accountId: string | null; username: string | null }[];
    if (!row) throw AccountErrors.employeeNotFound();
    if (row.accountId && row.accountId !== accountId)
      throw AccountErrors.employeeAlreadyLinked(row.username ?? '');
    return row.id;
  }

  private translate(error: unknown): unknown {
    if (isUniqueViolation(error, 'uq_account_username'))
      return AccountErrors.usernameTaken();
    if (isUniqueViolation(error, 'uq_account_employee'))
      return AccountErrors.employeeAlreadyLinked(null);
    return error;
  }
}
