import type {
  TargetDto,
  TargetProgressPointDto,
} from '@ikuboard/shared/contracts';
import type { LineSeries } from '@ikuboard/web/ui-charts';

import type { I18nStore } from '../i18n/i18n.store';

/** 令和7年度に20.0%以上 / At least 20.0% by FY2025 */
export function targetGoalText(
  i18n: I18nStore,
  target: Pick<
    TargetDto,
    'direction' | 'targetValue' | 'targetFiscalYear' | 'kpiCode'
  >,
  measure: Parameters<I18nStore['measure']>[1],
): string {
  return i18n.translate(
    target.direction === 'gte' ? 'targets.goal.gte' : 'targets.goal.lte',
    {
      fy: i18n.fiscalYear(target.targetFiscalYear),
      value: i18n.measure(target.targetValue, measure),
    },
  );
}

/** Actual (solid) and trajectory (dashed) along the target's fiscal years. */
export function progressSeries(
  i18n: I18nStore,
  series: readonly TargetProgressPointDto[],
): LineSeries[] {
  const points = [...series].sort((a, b) => a.fiscalYear - b.fiscalYear);
  return [
    {
      id: 'actual',
      label: i18n.translate('targets.actual'),
      style: 'actual',
      points: points.map((point) => ({
        x: i18n.fiscalYear(point.fiscalYear),
        y: point.actual,
      })),
    },
    {
      id: 'trajectory',
      label: i18n.translate('targets.trajectory'),
      style: 'target',
      points: points.map((point) => ({
        x: i18n.fiscalYear(point.fiscalYear),
        y: point.trajectory,
      })),
    },
  ];
}
