import type { ChartUnit } from '../line-chart/line-series';

export interface BarSeries {
  id: string;
  label: string;
  /** One value per category of the chart, in the same order; null draws no bar. */
  values: readonly (number | null)[];
}

/** Categories along one axis (units, months, buckets…) and one or more series of bars. */
export interface BarChartData {
  categories: readonly string[];
  series: readonly BarSeries[];
}

/** A dashed line across the bars at a value, e.g. the 45-hour limit or 100 % pay parity. */
export interface ReferenceLine {
  value: number;
  label: string;
}

export type BarLayout = 'grouped' | 'stacked';

export interface BarTableRow {
  category: string;
  values: string[];
}

export function barTableRows(
  data: BarChartData,
  unit: ChartUnit,
  formatValue: (value: number | null, unit: ChartUnit) => string,
): BarTableRow[] {
  return data.categories.map((category, index) => ({
    category,
    values: data.series.map((series) =>
      formatValue(series.values[index] ?? null, unit),
    ),
  }));
}

/** The largest value the value axis must show: a stack's total, or the reference line. */
export function barValueMax(
  data: BarChartData,
  layout: BarLayout,
  referenceLine: ReferenceLine | null,
): number {
  const perCategory = data.categories.map((_, index) => {
    const values = data.series.map((series) => series.values[index] ?? 0);
    return layout === 'stacked'
      ? values.reduce((sum, value) => sum + Math.max(0, value), 0)
      : Math.max(0, ...values);
  });
  return Math.max(0, referenceLine?.value ?? 0, ...perCategory);
}
