import { createHash, randomBytes } from 'node:crypto';

import { Inject, Injectable } from '@nestjs/common';
import type { Role } from '@ikuboard/shared/contracts';
import { DataSource } from 'typeorm';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';

export const SESSION_COOKIE = 'ikb_session';

export interface StoredSession {
  tokenHash: string;
  accountId: string;
  organizationId: string;
  role: Role;
  employeeId: string | null;
  csrfToken: string;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Server-side sessions in PostgreSQL, so any API instance can serve any request. */
@Injectable()
export class SessionStore {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async create(
    accountId: string,
    organizationId: string,
  ): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(
      Date.now() + this.config.sessionTtlHours * 3_600_000,
    );
    await this.dataSource.query(
      `INSERT INTO session (token_hash, account_id, organization_id, csrf_token, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [hashToken(token), accountId, organizationId, csrfToken, expiresAt],
    );
    return { token, csrfToken, expiresAt };
  }

  async find(token: string): Promise<StoredSession | null> {
    const rows: StoredSession[] = await this.dataSource.query(
      `SELECT s.token_hash AS "tokenHash", s.account_id AS "accountId", s.organization_id AS "organizationId",
              a.role, a.employee_id AS "employeeId", s.csrf_token AS "csrfToken"
         FROM session s JOIN account a ON a.id = s.account_id AND a.organization_id = s.organization_id
        WHERE s.token_hash = $1 AND s.expires_at > now()`,
      [hashToken(token)],
    );
    return rows[0] ?? null;
  }

  async csrfTokenOf(tokenHash: string): Promise<string | null> {
    const rows: { csrf_token: string }[] = await this.dataSource.query(
      `SELECT csrf_token FROM session WHERE token_hash = $1`,
      [tokenHash],
    );
    return rows[0]?.csrf_token ?? null;
  }

  async delete(tokenHash: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM session WHERE token_hash = $1`, [
      tokenHash,
    ]);
  }

  async deleteAllOf(accountId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM session WHERE account_id = $1`, [
      accountId,
    ]);
  }
}
