import {
  CallHandler,
  ExecutionContext,
  HttpException,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Response } from 'express';
import { catchError, from, mergeMap, type Observable } from 'rxjs';

import { AUDIT_READ } from './audit.decorator';
import { AuditRecorder, type AuditableRequest } from './audit.recorder';

/**
 * Global: audits every write, every read of person-level data and every refusal, after the
 * handler has answered and before the response leaves, so an acknowledged call is always logged.
 */
@Injectable()
export class AuditInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly recorder: AuditRecorder,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const http = context.switchToHttp();
    const request = http.getRequest<AuditableRequest>();
    const response = http.getResponse<Response>();
    request.auditExplicitRead =
      this.reflector.getAllAndOverride<boolean | undefined>(AUDIT_READ, [
        context.getHandler(),
        context.getClass(),
      ]) === true;
    return next.handle().pipe(
      mergeMap((value) =>
        from(
          this.recorder.record(request, response.statusCode).then(() => value),
        ),
      ),
      catchError((error: unknown) =>
        from(
          this.recorder
            .record(
              request,
              error instanceof HttpException ? error.getStatus() : 500,
            )
            .then(() => {
              throw error;
            }),
        ),
      ),
    );
  }
}
