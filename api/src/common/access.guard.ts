import { timingSafeEqual } from 'node:crypto';

import {
  CanActivate,
  ExecutionContext,
  Injectable,
  Logger,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasPermission } from '@ikuboard/shared/contracts';
import type { Request } from 'express';

import { SESSION_COOKIE, SessionStore } from '../app/auth/session.store';
import {
  ACCESS_RULE,
  type AccessRule,
  type AuthContext,
} from './access.decorator';
import { Errors } from './app-error';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** Global guard: verifies the session cookie, the CSRF header and the route's declared permission. */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('AccessGuard');

  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(
      ACCESS_RULE,
      [context.getHandler(), context.getClass()],
    );
    if (!rule) {
      this.logger.error(
        `Route ${context.getClass().name}.${context.getHandler().name} declares no access rule`,
      );
      throw Errors.forbidden();
    }
    const request = context
      .switchToHttp()
      .getRequest<Request & { auth?: AuthContext; accessRule?: AccessRule }>();
    request.accessRule = rule;
    if (rule.kind === 'public') return true;

    const token: unknown = request.cookies?.[SESSION_COOKIE];
    const session =
      typeof token === 'string' && token.length > 0
        ? await this.sessions.find(token)
        : null;
    if (!session) throw Errors.unauthenticated();
    // Attached before the checks below so that a refusal is audited with who was refused.
    request.auth = {
      accountId: session.accountId,
      organizationId: session.organizationId,
      role: session.role,
      employeeId: session.employeeId,
      tokenHash: session.tokenHash,
    };

    if (!SAFE_METHODS.has(request.method)) {
      const header = request.header('x-csrf-token') ?? '';
      if (!sameToken(header, session.csrfToken)) throw Errors.csrf();
    }
    if (
      rule.kind === 'permission' &&
      !hasPermission(session.role, rule.permission)
    )
      throw Errors.forbidden();

    return true;
  }
}
