import { HttpErrorResponse } from '@angular/common/http';

import type { ApiErrorDto, LocalizedText } from '@ikuboard/shared/contracts';

import { en } from './en';
import { ja } from './ja';

/**
 * Turns any failed request into the API's error shape, so that pages can always show
 * `message.ja` or `message.en`, also for network failures and non-JSON responses.
 */
export function toApiError(error: unknown): ApiErrorDto {
  if (error instanceof HttpErrorResponse) {
    if (isApiErrorDto(error.error)) {
      return error.error;
    }
    const key = error.status === 0 ? 'error.network' : 'error.unexpected';
    return {
      statusCode: error.status,
      code: 'HTTP_ERROR',
      message: { ja: ja[key], en: en[key] },
    };
  }
  return {
    statusCode: 0,
    code: 'CLIENT_ERROR',
    message: { ja: ja['error.unexpected'], en: en['error.unexpected'] },
  };
}

function isApiErrorDto(body: unknown): body is ApiErrorDto {
  if (typeof body !== 'object' || body === null) {
    return false;
  }
  const message = (body as { message?: Partial<LocalizedText> }).message;
  return typeof message?.ja === 'string' && typeof message.en === 'string';
}
