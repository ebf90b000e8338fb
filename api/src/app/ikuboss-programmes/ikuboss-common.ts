import { HttpStatus } from '@nestjs/common';
import {
  hasPermission,
  PERMISSIONS,
  type LocalizedText,
} from '@ikuboard/shared/contracts';
import { isValidIsoDate } from '@ikuboard/shared/kpi';

import type { AuthContext } from '../../common/access.decorator';
import { AppError, Errors } from '../../common/app-error';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id names nothing, so it is "not found" like an id of another organization. */
export function requireUuid(id: string, what: LocalizedText): string {
  if (!UUID.test(id)) throw Errors.notFound(what);
  return id;
}

export const invalid = (ja: string, en: string) =>
  Errors.validation([{ ja, en }]);

export function requireDate(value: string, ja: string, en: string): string {
  if (!isValidIsoDate(value))
    throw invalid(
      `${ja}は YYYY-MM-DD 形式の正しい日付で入力してください。`,
      `${en} must be a valid date (YYYY-MM-DD).`,
    );
  return value;
}

/** The server's today in UTC (dates carry no time zone in this app). */
export const todayIso = (): string => new Date().toISOString().slice(0, 10);

/** HR and admins manage the programmes and see every unit. */
export const isProgrammeManager = (auth: AuthContext): boolean =>
  hasPermission(auth.role, PERMISSIONS.manageIkubossProgrammes);

/** The employee behind the account; managers and staff act as themselves. */
export function requireLinkedEmployee(auth: AuthContext): string {
  if (!auth.employeeId) throw Errors.accountNotLinked();
  return auth.employeeId;
}

export const conflict = (code: string, ja: string, en: string) =>
  new AppError(HttpStatus.CONFLICT, code, { ja, en });
