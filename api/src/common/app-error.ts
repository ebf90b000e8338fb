import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiErrorDto, LocalizedText } from '@ikuboard/shared/contracts';

/** An API error with a stable code and a message in Japanese and English. */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: string,
    readonly text: LocalizedText,
    readonly details?: LocalizedText[],
  ) {
    super(
      {
        statusCode: status,
        code,
        message: text,
        details,
      } satisfies ApiErrorDto,
      status,
    );
  }
}

export const Errors = {
  unauthenticated: () =>
    new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHENTICATED', {
      ja: 'ログインしてください。',
      en: 'Please log in.',
    }),
  invalidCredentials: () =>
    new AppError(HttpStatus.UNAUTHORIZED, 'INVALID_CREDENTIALS', {
      ja: 'ユーザー名またはパスワードが正しくありません。',
      en: 'The username or password is incorrect.',
    }),
  accountLocked: (minutes: number) =>
    new AppError(HttpStatus.LOCKED, 'ACCOUNT_LOCKED', {
      ja: `ログインに続けて失敗したため、このアカウントは一時的にロックされています。${minutes}分後に再度お試しください。`,
      en: `This account is temporarily locked after repeated failed logins. Try again in ${minutes} minutes.`,
    }),
  forbidden: () =>
    new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN', {
      ja: 'この操作を行う権限がありません。',
      en: 'You do not have permission to do this.',
    }),
  csrf: () =>
    new AppError(HttpStatus.FORBIDDEN, 'CSRF_TOKEN_INVALID', {
      ja: 'セキュリティトークンが無効です。ページを再読み込みしてください。',
      en: 'The security token is missing or invalid. Reload the page.',
    }),
  /** The one answer for an account that must act as an employee but is not linked to one. */
  accountNotLinked: () =>
    new AppError(HttpStatus.FORBIDDEN, 'ACCOUNT_NOT_LINKED', {
      ja: 'このアカウントは職員と紐付けられていないため、この操作はできません。管理者(システム管理者または人事課)にアカウントと職員番号の紐付けを依頼してください。',
      en: 'This account is not linked to an employee, so it cannot do this. Ask an administrator (or HR) to link your account to your employee number.',
    }),
  notFound: (what: LocalizedText) =>
    new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', {
      ja: `${what.ja}が見つかりません。`,
      en: `${what.en} was not found.`,
    }),
  validation: (details: LocalizedText[]) =>
    new AppError(
      HttpStatus.BAD_REQUEST,
      'VALIDATION_FAILED',
      { ja: '入力内容に誤りがあります。', en: 'The request is not valid.' },
      details,
    ),
  databaseUnavailable: () =>
    new AppError(HttpStatus.SERVICE_UNAVAILABLE, 'DATABASE_UNAVAILABLE', {
      ja: 'データベースに接続できません。しばらくしてから再度お試しください。',
      en: 'The database is unavailable. Please try again shortly.',
    }),
  serverBusy: () =>
    new AppError(HttpStatus.SERVICE_UNAVAILABLE, 'SERVER_BUSY', {
      ja: 'ただいま混み合っています。しばらくしてから再度お試しください。',
      en: 'The server is busy. Please try again shortly.',
    }),
  internal: () =>
    new AppError(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL_ERROR', {
      ja: 'サーバーで予期しないエラーが発生しました。',
      en: 'An unexpected server error occurred.',
    }),
};
