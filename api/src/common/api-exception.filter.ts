import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { ApiErrorDto } from '@ikuboard/shared/contracts';
import type { Response } from 'express';

import { AppError, Errors } from './app-error';
import { AuditRecorder, type AuditableRequest } from './audit.recorder';

const GENERIC: Partial<
  Record<number, { code: string; ja: string; en: string }>
> = {
  [HttpStatus.NOT_FOUND]: {
    code: 'NOT_FOUND',
    ja: 'ページまたはデータが見つかりません。',
    en: 'Not found.',
  },
  [HttpStatus.PAYLOAD_TOO_LARGE]: {
    code: 'PAYLOAD_TOO_LARGE',
    ja: 'ファイルが大きすぎます。',
    en: 'The upload is too large.',
  },
  [HttpStatus.BAD_REQUEST]: {
    code: 'BAD_REQUEST',
    ja: 'リクエストが正しくありません。',
    en: 'Bad request.',
  },
  [HttpStatus.TOO_MANY_REQUESTS]: {
    code: 'TOO_MANY_REQUESTS',
    ja: 'リクエストが多すぎます。しばらくしてから再度お試しください。',
    en: 'Too many requests. Please wait and try again.',
  },
};

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  '57P01',
  '57P03',
  '08006',
  '08001',
  '08003',
  // The server is up but cannot take work: disk full, out of memory, no connection slots.
  '53100',
  '53200',
  '53300',
]);

function isConnectionFailure(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
  // pg's own messages when the server vanished or the pool could not get a connection in time.
  return /Connection terminated|timeout exceeded when trying to connect/.test(
    String((error as Error | null)?.message),
  );
}

/** Turns every error into the bilingual ApiErrorDto; internals never reach the client. */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ApiExceptionFilter');

  constructor(private readonly audit: AuditRecorder) {}

  async catch(exception: unknown, host: ArgumentsHost): Promise<void> {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500 && body.code !== 'DATABASE_UNAVAILABLE') {
      this.logger.error(
        exception instanceof Error ? exception.stack : String(exception),
      );
    }
    // Refusals by the access guard never reach the audit interceptor; record them here.
    if (body.code !== 'DATABASE_UNAVAILABLE')
      await this.audit.record(
        host.switchToHttp().getRequest<AuditableRequest>(),
        body.statusCode,
      );
    if (!response.headersSent) response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorDto {
    if (exception instanceof AppError)
      return exception.getResponse() as ApiErrorDto;
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = GENERIC[status];
      if (known)
        return {
          statusCode: status,
          code: known.code,
          message: { ja: known.ja, en: known.en },
        };
      return {
        statusCode: status,
        code: 'HTTP_' + status,
        message: {
          ja: `リクエストを処理できませんでした (${status})。`,
          en: exception.message,
        },
      };
    }
    if (isConnectionFailure(exception))
      return Errors.databaseUnavailable().getResponse() as ApiErrorDto;
    return Errors.internal().getResponse() as ApiErrorDto;
  }
}
