import { Inject, Injectable } from '@nestjs/common';
import { ROLE_PERMISSIONS, type SessionDto } from '@ikuboard/shared/contracts';
import { DataSource } from 'typeorm';

import { Errors } from '../../common/app-error';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { dummyPasswordHash, verifyPassword } from './password';
import { SessionStore } from './session.store';

const MAX_FAILED_LOGINS = 5;
const LOCK_MINUTES = 15;

interface AccountRow {
  id: string;
  organizationId: string;
  username: string;
  displayName: string;
  role: SessionDto['role'];
  employeeId: string | null;
  passwordHash: string;
  lockedMinutesLeft: number | null;
}

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: SessionStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Verifies the password and opens a new session. Any session the caller already had is dropped
   * (rotation at login), and repeated failures lock the account for a while.
   */
  async login(
    username: string,
    password: string,
    previousTokenHash: string | null,
  ): Promise<{ token: string; expiresAt: Date; session: SessionDto }> {
    const rows: AccountRow[] = await this.dataSource.query(
      `SELECT id, organization_id AS "organizationId", username, display_name AS "displayName", role,
              employee_id AS "employeeId", password_hash AS "passwordHash",
              CASE WHEN locked_until > now() THEN ceil(extract(epoch FROM locked_until - now()) / 60)::int END
                AS "lockedMinutesLeft"
         FROM account WHERE username = $1`,
      [username.trim().toLowerCase()],
    );
    const account = rows[0];
    if (!account) {
      await verifyPassword(await dummyPasswordHash(), password);
      throw Errors.invalidCredentials();
    }
    if (account.lockedMinutesLeft !== null)
      throw Errors.accountLocked(account.lockedMinutesLeft);
    if (!(await verifyPassword(account.passwordHash, password))) {
      await this.dataSource.query(
        `UPDATE account SET failed_logins = failed_logins + 1,
                locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) END
          WHERE id = $1`,
        [account.id, MAX_FAILED_LOGINS, LOCK_MINUTES],
      );
      throw Errors.invalidCredentials();
    }
    await this.dataSource.query(
      `UPDATE account SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1`,
      [account.id],
    );
    if (previousTokenHash) await this.sessions.delete(previousTokenHash);
    const created = await this.sessions.create(
      account.id,
      account.organizationId,
    );
    const session = await this.describe(account.id, created.csrfToken);
    return { token: created.token, expiresAt: created.expiresAt, session };
  }

  async describe(accountId: string, csrfToken: string): Promise<SessionDto> {
    const rows: {
      username: string;
      displayName: string;
      role: SessionDto['role'];
      employeeId: string | null;
      employeeNumber: string | null;
      orgId: string;
      orgCode: string;
      orgName: string;
      orgNameEn: string | null;
    }[] = await this.dataSource.query(
      `SELECT a.username, a.display_name AS "displayName", a.role, a.employee_id AS "employeeId",
              e.employee_number AS "employeeNumber",
              o.id AS "orgId", o.code AS "orgCode", o.name AS "orgName", o.name_en AS "orgNameEn"
         FROM account a JOIN organization o ON o.id = a.organization_id
         LEFT JOIN employee e ON e.organization_id = a.organization_id AND e.id = a.employee_id
        WHERE a.id = $1`,
      [accountId],
    );
    const row = rows[0];
    if (!row) throw Errors.unauthenticated();
    return {
      accountId,
      username: row.username,
      displayName: row.displayName,
      role: row.role,
      permissions: [...ROLE_PERMISSIONS[row.role]],
      organization: {
        id: row.orgId,
        code: row.orgCode,
        name: row.orgName,
        nameEn: row.orgNameEn,
      },
      employeeId: row.employeeId,
      employeeNumber: row.employeeNumber,
      demoMode: this.config.mode === 'demo',
      csrfToken,
    };
  }
}
