import {
  REVIEWS360_KPI_CODES,
  type KpiValueDto,
  type Review360Thresholds,
} from '@ikuboard/shared/contracts';
import { ikuboss360Score, percent } from '@ikuboard/shared/kpi';

import {
  review360OrgRollup,
  review360ResponseRates,
} from '../reviews360/reviews360-results';
import type { KpiGroup } from './kpi-group';

/**
 * ikuboss_360_score averages the per-manager figures HR may see (after primary and complementary
 * suppression) of the released cycle of the FY; ikuboss_360_response_rate is submitted ÷ assigned
 * of the launched, closed or released cycle, shown only where the unit's counts are shown.
 * Employment-category filters do not apply: the population is the cycle's assignments.
 */
export const REVIEWS360_GROUP: KpiGroup = {
  codes: REVIEWS360_KPI_CODES,
  async compute(db, scope, fiscalYears, codes) {
    // A request for only one of the two codes skips the other's work.
    const wants = (code: string) =>
      !codes || (codes as readonly string[]).includes(code);
    const cycles = (await db.query(
      `SELECT id, fiscal_year AS "fiscalYear", status,
              json_build_object('subordinateScores', min_subordinate_scores, 'subordinateComments', min_subordinate_comments,
                                'peerScores', min_peer_scores, 'peerComments', min_peer_comments) AS thresholds
         FROM review360_cycle WHERE organization_id = $1 AND fiscal_year = ANY($2::int[]) AND status <> 'draft'`,
      [scope.organizationId, [...fiscalYears]],
    )) as {
      id: string;
      fiscalYear: number;
      status: string;
      thresholds: Review360Thresholds;
    }[];
    const inScope =
      scope.unitId === null
        ? null
        : new Set(
            (
              (await db.query(
                `SELECT descendant_id AS id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $2`,
                [scope.organizationId, scope.unitId],
              )) as { id: string }[]
            ).map((row) => row.id),
          );
    // The fiscal years, and within one the score and the rate, are computed concurrently.
    const perYear = await Promise.all(
      fiscalYears.map(async (fiscalYear): Promise<KpiValueDto[]> => {
        const cycle = cycles.find((c) => c.fiscalYear === fiscalYear);
        let score = {
          numerator: 0,
          denominator: 0,
          value: null as number | null,
        };
        let rate = { numerator: 0, denominator: 0 };
        if (cycle) {
          const [rollup, rates] = await Promise.all([
            cycle.status === 'released' && wants('ikuboss_360_score')
              ? review360OrgRollup(
                  db,
                  scope.organizationId,
                  cycle.id,
                  cycle.thresholds,
                )
              : null,
            wants('ikuboss_360_response_rate')
              ? review360ResponseRates(
                  db,
                  scope.organizationId,
                  cycle.id,
                  cycle.thresholds.subordinateScores,
                )
              : null,
          ]);
          if (rollup)
            score = ikuboss360Score(
              rollup.ratees
                .filter(
                  (r) =>
                    inScope === null ||
                    (r.unitId !== null && inScope.has(r.unitId)),
                )
                .map((r) => rollup.managerCells.get(r.id)!),
            );
          const counts = !rates
            ? null
            : scope.unitId === null
              ? rates.total
              : rates.byUnitId.get(scope.unitId);
          if (counts)
            rate = {
              numerator: counts.submitted,
              denominator: counts.assigned,
            };
        }
        return [
          {
            code: 'ikuboss_360_score',
            fiscalYear,
            measure: 'score',
            ...score,
          },
          {
            code: 'ikuboss_360_response_rate',
            fiscalYear,
            measure: 'percent',
            numerator: rate.numerator,
            denominator: rate.denominator,
            value: percent(rate.numerator, rate.denominator),
          },
        ];
      }),
    );
    return perYear.flat();
  },
};
