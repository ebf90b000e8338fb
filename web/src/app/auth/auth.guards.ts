import { inject } from '@angular/core';
import { type CanActivateFn, Router } from '@angular/router';

import type { Permission } from '@ikuboard/shared/contracts';

import { SessionStore } from './session.store';

// inject() works only before the first await, so each guard takes what it needs up front.

export const authGuard: CanActivateFn = async (_route, state) => {
  const router = inject(Router);
  const session = await inject(SessionStore).ensureLoaded();
  if (session) {
    return true;
  }
  const returnUrl = state.url === '/' ? undefined : state.url;
  return router.createUrlTree(['/login'], {
    queryParams: { returnUrl },
  });
};

/** Sends a user who is already signed in away from the login page. */
export const guestGuard: CanActivateFn = async () => {
  const router = inject(Router);
  const session = await inject(SessionStore).ensureLoaded();
  return session ? router.createUrlTree(['/']) : true;
};

/** Same permission constants as the API's @RequirePermission(); the API still enforces them. */
export function permissionGuard(permission: Permission): CanActivateFn {
  return async () => {
    const store = inject(SessionStore);
    const router = inject(Router);
    const session = await store.ensureLoaded();
    if (!session) {
      return router.createUrlTree(['/login']);
    }
    return session.permissions.includes(permission)
      ? true
      : router.createUrlTree(['/']);
  };
}

/** Only same-app paths, so that a crafted link cannot send the user elsewhere after login. */
export function safeReturnUrl(candidate: string | null | undefined): string {
  return candidate && candidate.startsWith('/') && !candidate.startsWith('//')
    ? candidate
    : '/';
}
