import {
  REVIEWS360_KPI_CODES,
  type KpiValueDto,
  type Review360Thresholds,
} from '@ikuboard/shared/contracts';
import { ikuboss360Score, percent } from '@ikuboard/shared/kpi';

import {
  KpiMemo,
  requestIkubossKpiInputVersions,
} from '../declarations/ikuboss-kpi-memo';
import {
  review360OrgRollup,
  review360ResponseRates,
} from '../reviews360/reviews360-results';
import type { KpiGroup } from './kpi-group';

interface CycleFigures {
  score: { numerator: number; denominator: number; value: number | null };
  rate: { numerator: number; denominator: number };
}

/**
 * The figures of released cycles by organization, input version (ikuboss-kpi-memo.ts: employees,
 * assignments, units, stages, cycles; not campaigns or declarations), cycle, thresholds, scope and
 * code. A released cycle's assignments, participation and answers never change (see
 * reviews360-results.ts); everything else the figures read is counted by the version, so a kept
 * figure is the one a recomputation would give. Launched and closed cycles are always computed
 * afresh.
 */
const releasedFigures = new KpiMemo<Promise<CycleFigures>>();

/** For tests and the benchmark: forget every kept figure. */
export function clearReview360KpiMemo(): void {
  releasedFigures.clear();
}

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
    const version = cycles.some((c) => c.status === 'released')
      ? await (
          scope.inputVersions ??
          requestIkubossKpiInputVersions(db, scope.organizationId)
        )([
          'employee',
          'assignment',
          'org_unit',
          'org_unit_closure',
          'position_stage',
          'review360_cycle',
        ])
      : null;
    let inScopeLoaded: Promise<Set<string> | null> | null = null;
    const inScope = () =>
      (inScopeLoaded ??=
        scope.unitId === null
          ? Promise.resolve(null)
          : db
              .query(
                `SELECT descendant_id AS id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $2`,
                [scope.organizationId, scope.unitId],
              )
              .then(
                (rows) => new Set((rows as { id: string }[]).map((r) => r.id)),
              ));
    const figuresOf = async (
      cycle: (typeof cycles)[number],
      wantScore: boolean,
      wantRate: boolean,
    ): Promise<CycleFigures> => {
      let score = {
        numerator: 0,
        denominator: 0,
        value: null as number | null,
      };
      let rate = { numerator: 0, denominator: 0 };
      const [rollup, rates] = await Promise.all([
        cycle.status === 'released' && wantScore
          ? review360OrgRollup(
              db,
              scope.organizationId,
              cycle.id,
              cycle.thresholds,
            )
          : null,
        wantRate
          ? review360ResponseRates(
              db,
              scope.organizationId,
              cycle.id,
              cycle.thresholds.subordinateScores,
            )
          : null,
      ]);
      if (rollup) {
        const units = await inScope();
        score = ikuboss360Score(
          rollup.ratees
            .filter(
              (r) =>
                units === null || (r.unitId !== null && units.has(r.unitId)),
            )
            .map((r) => rollup.managerCells.get(r.id)!),
        );
      }
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
      return { score, rate };
    };
    // The fiscal years, and within one the score and the rate, are computed concurrently.
    const perYear = await Promise.all(
      fiscalYears.map(async (fiscalYear): Promise<KpiValueDto[]> => {
        const cycle = cycles.find((c) => c.fiscalYear === fiscalYear);
        let figures: CycleFigures = {
          score: { numerator: 0, denominator: 0, value: null },
          rate: { numerator: 0, denominator: 0 },
        };
        if (cycle && cycle.status === 'released') {
          const base = [
            scope.organizationId,
            version,
            cycle.id,
            JSON.stringify(cycle.thresholds),
            scope.unitId,
          ].join('|');
          // Kept per code, so a one-code trend and a whole-FY request share their work, and
          // concurrent requests (the dashboard asks for two FYs and the trends at once) share one
          // computation.
          const kept = (
            code: 'score' | 'rate',
          ): Promise<CycleFigures> | null => {
            if (
              !wants(
                `ikuboss_360_${code === 'score' ? 'score' : 'response_rate'}`,
              )
            )
              return null;
            const key = `${base}|${code}`;
            let known = releasedFigures.get(key);
            if (!known) {
              known = figuresOf(cycle, code === 'score', code === 'rate');
              releasedFigures.set(key, known);
              known.catch(() => releasedFigures.delete(key));
            }
            return known;
          };
          const [scored, rated] = await Promise.all([
            kept('score'),
            kept('rate'),
          ]);
          figures = {
            score: scored?.score ?? figures.score,
            rate: rated?.rate ?? figures.rate,
          };
        } else if (cycle)
          figures = await figuresOf(
            cycle,
            wants('ikuboss_360_score'),
            wants('ikuboss_360_response_rate'),
          );
        const { score, rate } = figures;
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
