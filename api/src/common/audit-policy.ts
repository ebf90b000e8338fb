import {
  PERMISSIONS,
  type AuditAction,
  type Permission,
} from '@ikuboard/shared/contracts';

import type { AccessRule, AuthContext } from './access.decorator';

/**
 * Reads of routes guarded by these permissions are reads of person-level data and are audited.
 * A route guarded by something else can opt in with `@AuditRead()` (audit.decorator.ts).
 */
export const PERSON_LEVEL_PERMISSIONS: ReadonlySet<Permission> = new Set([
  PERMISSIONS.readPersonData,
  PERMISSIONS.exportRoster,
  PERMISSIONS.importData,
  PERMISSIONS.manageAccounts,
  PERMISSIONS.manageNonAdminAccounts,
  PERMISSIONS.readAuditLog,
]);

/**
 * 360-degree review submissions must not be linkable to the rater: whatever the method, an entry
 * for these routes records only that a submission happened (organization, route, status, day).
 * Matched against the Express route pattern, e.g. /api/v1/reviews360/:id/responses.
 */
const ANONYMOUS_ROUTES: readonly RegExp[] = [
  /^\/api\/v1\/(reviews?-?360|360-?reviews?)(\/.*)?\/(responses?|answers?|submissions?|submit)(\/|$)/i,
];

export function isAnonymousRoute(route: string): boolean {
  return ANONYMOUS_ROUTES.some((pattern) => pattern.test(route));
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Query parameters never copied into the log, whatever the route. */
const SECRET_KEY = /pass|token|secret|answer|comment|text|body/i;
const MAX_IDS = 12;
const MAX_ID_LENGTH = 120;

export interface AuditRecord {
  organizationId: string | null;
  accountId: string | null;
  role: string | null;
  action: AuditAction;
  method: string;
  route: string;
  resourceIds: Record<string, string>;
  status: number;
  ip: string | null;
  userAgent: string | null;
  /** Anonymous entries keep the day only. */
  dayOnly: boolean;
}

export interface AuditedRequest {
  method: string;
  route: string;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  ip: string | null;
  userAgent: string | null;
  auth: AuthContext | null;
  rule: AccessRule | null;
  explicitRead: boolean;
}

/** Route parameters and short query values: which records were touched, never what was sent. */
function resourceIdsOf(request: AuditedRequest): Record<string, string> {
  const ids: Record<string, string> = {};
  const add = (key: string, value: unknown) => {
    if (Object.keys(ids).length >= MAX_IDS || SECRET_KEY.test(key)) return;
    if (typeof value !== 'string' && typeof value !== 'number') return;
    ids[key] = String(value).slice(0, MAX_ID_LENGTH);
  };
  for (const [key, value] of Object.entries(request.params)) add(key, value);
  for (const [key, value] of Object.entries(request.query))
    add(key, Array.isArray(value) ? value.join(',') : value);
  return ids;
}

/**
 * What (if anything) the audit log keeps of a finished request. Writes, refusals and reads of
 * person-level data are kept; request bodies never are. 360 submissions are reduced to the fact.
 */
export function auditRecordFor(
  request: AuditedRequest,
  status: number,
): AuditRecord | null {
  const method = request.method.toUpperCase();
  const isWrite = !SAFE_METHODS.has(method);
  const denied = status === 401 || status === 403;
  const personRead =
    request.explicitRead ||
    (request.rule?.kind === 'permission' &&
      PERSON_LEVEL_PERMISSIONS.has(request.rule.permission));
  if (!isWrite && !personRead && !(denied && request.auth)) return null;

  if (isAnonymousRoute(request.route)) {
    return {
      organizationId: request.auth?.organizationId ?? null,
      accountId: null,
      role: null,
      action: 'anonymous_submission',
      method,
      route: request.route,
      resourceIds: {},
      status,
      ip: null,
      userAgent: null,
      dayOnly: true,
    };
  }
  return {
    organizationId: request.auth?.organizationId ?? null,
    accountId: request.auth?.accountId ?? null,
    role: request.auth?.role ?? null,
    action: denied ? 'denied' : isWrite ? 'write' : 'read',
    method,
    route: request.route,
    resourceIds: resourceIdsOf(request),
    status,
    ip: request.ip,
    userAgent: request.userAgent?.slice(0, 300) ?? null,
    dayOnly: false,
  };
}
