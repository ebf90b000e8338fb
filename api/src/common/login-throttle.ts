import {
  CallHandler,
  ExecutionContext,
  HttpStatus,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { catchError, type Observable, throwError } from 'rxjs';

import { AppError } from './app-error';

/** Failed logins allowed per client address in the window; the account lockout comes on top. */
export const LOGIN_FAILURES_PER_ADDRESS = 30;
const WINDOW_MS = 15 * 60_000;
const MAX_TRACKED_ADDRESSES = 10_000;

/**
 * Per-address limit on failed logins: slows password spraying across many accounts, which the
 * per-account lockout (5 failures) alone does not. In memory, per API process.
 */
@Injectable()
export class LoginThrottle implements NestInterceptor {
  private readonly failures = new Map<string, number[]>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    const response = context.switchToHttp().getResponse<Response>();
    const address = request.ip ?? 'unknown';
    const now = Date.now();
    const recent = (this.failures.get(address) ?? []).filter(
      (at) => now - at < WINDOW_MS,
    );
    if (recent.length >= LOGIN_FAILURES_PER_ADDRESS) {
      const retryAfter = Math.ceil(
        ((recent[0] ?? now) + WINDOW_MS - now) / 1000,
      );
      response.setHeader('Retry-After', String(retryAfter));
      throw new AppError(HttpStatus.TOO_MANY_REQUESTS, 'LOGIN_RATE_LIMITED', {
        ja: `ログインの失敗が多すぎます。${Math.ceil(retryAfter / 60)}分後に再度お試しください。`,
        en: `Too many failed logins. Try again in ${Math.ceil(retryAfter / 60)} minutes.`,
      });
    }
    return next.handle().pipe(
      catchError((error: unknown) => {
        if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') {
          const oldest = this.failures.keys().next();
          if (
            !this.failures.has(address) &&
            this.failures.size >= MAX_TRACKED_ADDRESSES &&
            !oldest.done
          )
            this.failures.delete(oldest.value);
          this.failures.set(address, [...recent, now]);
        }
        return throwError(() => error);
      }),
    );
  }
}
