import {
  HttpErrorResponse,
  type HttpInterceptorFn,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { Router } from '@angular/router';
import { catchError, throwError } from 'rxjs';

import { isApiRequest } from '../api-url';
import { LOGIN_URL, SESSION_URL } from './auth.api';
import { SessionStore } from './session.store';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'X-CSRF-Token';

/**
 * Sends the session cookie with every API call, adds the CSRF token to state-changing requests
 * (login has no session yet), and returns to the login page when the session has expired.
 */
export const apiInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url)) {
    return next(request);
  }
  const store = inject(SessionStore);
  const router = inject(Router);
  const csrfToken = store.session()?.csrfToken;
  const needsCsrf =
    !SAFE_METHODS.has(request.method) && request.url !== LOGIN_URL;
  const outgoing = request.clone({
    withCredentials: true,
    setHeaders: needsCsrf && csrfToken ? { [CSRF_HEADER]: csrfToken } : {},
  });
  return next(outgoing).pipe(
    catchError((error: unknown) => {
      const expired =
        error instanceof HttpErrorResponse &&
        error.status === 401 &&
        request.url !== LOGIN_URL &&
        request.url !== SESSION_URL &&
        store.isAuthenticated();
      if (expired) {
        store.clear();
        void router.navigate(['/login']);
      }
      return throwError(() => error);
    }),
  );
};
