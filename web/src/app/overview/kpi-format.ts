import type { KpiMeasure } from '@ikuboard/shared/contracts';
import { roundHalfUp } from '@ikuboard/shared/kpi';

const MEASURE_SUFFIX: Readonly<Record<KpiMeasure, string>> = {
  percent: '%',
  days: '日',
  hours: '時間',
  years: '年',
  count: '',
  score: '点',
};

/** "18.3%" rounded half-up to 0.1; "—" when the KPI has no value (zero denominator). */
export function formatKpiValue(
  value: number | null,
  measure: KpiMeasure = 'percent',
): string {
  if (value === null) {
    return '—';
  }
  if (measure === 'count') {
    return String(value);
  }
  return `${roundHalfUp(value, 1).toFixed(1)}${MEASURE_SUFFIX[measure]}`;
}

/**
 * Change from the previous fiscal year in points, taken between the rounded values the reader
 * sees on the two cards, so that 18.3 % after 17.1 % always reads ▲1.2pt.
 */
export function kpiDelta(
  current: number | null,
  previous: number | null,
): number | null {
  if (current === null || previous === null) {
    return null;
  }
  return roundHalfUp(roundHalfUp(current, 1) - roundHalfUp(previous, 1), 1);
}

/** ▲1.2pt / ▼0.4pt / ±0.0pt; null when there is nothing to compare with. */
export function formatKpiDelta(delta: number | null): string | null {
  if (delta === null) {
    return null;
  }
  const sign = delta > 0 ? '▲' : delta < 0 ? '▼' : '±';
  return `${sign}${Math.abs(delta).toFixed(1)}pt`;
}
