import { HttpStatus } from '@nestjs/common';
import {
  IKUBOSS_DECLARATION_KPI_CODES,
  IKUBOSS_PROGRAMME_KPI_CODES,
  type KpiCode,
  type KpiPeopleDto,
  REVIEWS360_KPI_CODES,
} from '@ikuboard/shared/contracts';

import { AppError } from '../../common/app-error';
import type { Queryable } from '../../database/queryable';
import { coveragePeople } from '../declarations/declarations.sql';
import { review360NoDrillDown } from '../reviews360/reviews360.errors';
import type { KpiSqlScope } from './kpi-group';

/**
 * The HR drill-down of the KPI families that are not explained from person records by
 * `explainKpi`: their own list, or a refusal. `scope` resolves the caller's unit and categories
 * only when asked. (Kept apart from the KpiGroup objects, which the test loader imports without
 * NestJS.)
 */
type PeopleOverride = (
  db: Queryable,
  request: { fiscalYear: number; scope: () => Promise<KpiSqlScope> },
) => Promise<KpiPeopleDto>;

const coverage: PeopleOverride = async (db, { fiscalYear, scope }) => {
  const { organizationId, unitId } = await scope();
  return coveragePeople(db, organizationId, fiscalYear, unitId);
};

const programmes: PeopleOverride = () => {
  throw new AppError(HttpStatus.NOT_FOUND, 'KPI_PEOPLE_UNAVAILABLE', {
    ja: 'この指標には職員別の内訳がありません。受講者や事業所はイクボス推進のページで確認できます。',
    en: 'This figure has no per-person drill-down; see the Ikuboss programme pages for attendees and firms.',
  });
};

// Anonymity: the 360 figures never list people.
const reviews360: PeopleOverride = () => {
  throw review360NoDrillDown();
};

export const KPI_PEOPLE_OVERRIDES: ReadonlyMap<KpiCode, PeopleOverride> =
  new Map<KpiCode, PeopleOverride>([
    ...IKUBOSS_DECLARATION_KPI_CODES.map((c) => [c, coverage] as const),
    ...IKUBOSS_PROGRAMME_KPI_CODES.map((c) => [c, programmes] as const),
    ...REVIEWS360_KPI_CODES.map((c) => [c, reviews360] as const),
  ]);
