import {
  createParamDecorator,
  ExecutionContext,
  SetMetadata,
} from '@nestjs/common';
import type { Permission, Role } from '@ikuboard/shared/contracts';

/**
 * Every route declares who may call it; a route that declares nothing is refused (fail closed).
 * `public` needs no session, `authenticated` any logged-in role, otherwise the named permission.
 */
export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'permission'; permission: Permission };

export const ACCESS_RULE = 'ikuboard:access';

export const Public = () =>
  SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);
export const Authenticated = () =>
  SetMetadata(ACCESS_RULE, { kind: 'authenticated' } satisfies AccessRule);
export const RequirePermission = (permission: Permission) =>
  SetMetadata(ACCESS_RULE, {
    kind: 'permission',
    permission,
  } satisfies AccessRule);

/** What the guard attaches to the request once a session is verified. */
export interface AuthContext {
  accountId: string;
  organizationId: string;
  role: Role;
  employeeId: string | null;
  tokenHash: string;
}

export const CurrentAuth = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthContext => {
    const request = context.switchToHttp().getRequest<{ auth?: AuthContext }>();
    if (!request.auth)
      throw new Error('CurrentAuth used on a route without a verified session');
    return request.auth;
  },
);
