import { Injectable, Logger } from '@nestjs/common';
import type { Request } from 'express';
import { DataSource } from 'typeorm';

import type { AccessRule, AuthContext } from './access.decorator';
import { auditRecordFor, type AuditedRequest } from './audit-policy';

export type AuditableRequest = Request & {
  auth?: AuthContext;
  accessRule?: AccessRule;
  auditExplicitRead?: boolean;
  audited?: boolean;
};

/** Writes audit entries; a failure is logged but never changes the caller's response. */
@Injectable()
export class AuditRecorder {
  private readonly logger = new Logger('Audit');

  constructor(private readonly dataSource: DataSource) {}

  /** Records the request once (the interceptor or, for refusals before it, the exception filter). */
  async record(request: AuditableRequest, status: number): Promise<void> {
    if (request.audited) return;
    request.audited = true;
    const route = (request.route as { path?: unknown } | undefined)?.path;
    if (typeof route !== 'string') return;
    const audited: AuditedRequest = {
      method: request.method,
      route,
      params: (request.params ?? {}) as Record<string, unknown>,
      query: (request.query ?? {}) as Record<string, unknown>,
      ip: request.ip ?? null,
      userAgent: request.header('user-agent') ?? null,
      auth: request.auth ?? null,
      rule: request.accessRule ?? null,
      explicitRead: request.auditExplicitRead === true,
    };
    const entry = auditRecordFor(audited, status);
    if (!entry) return;
    try {
      await this.dataSource.query(
        `INSERT INTO audit_log (occurred_at, organization_id, account_id, role, action, method, route,
                                resource_ids, status, ip, user_agent)
         VALUES (CASE WHEN $1 THEN date_trunc('day', now(), 'UTC') ELSE now() END,
                 $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          entry.dayOnly,
          entry.organizationId,
          entry.accountId,
          entry.role,
          entry.action,
          entry.method,
          entry.route,
          JSON.stringify(entry.resourceIds),
          entry.status,
          entry.ip,
          entry.userAgent,
        ],
      );
    } catch (error) {
      this.logger.error(
        `Could not write the audit entry for ${entry.method} ${entry.route}: ${String(error)}`,
      );
    }
  }
}
