/**
 * Units the charts know how to print after a value. Counts ('人', '件' or none) are printed
 * as whole numbers, everything else with one decimal.
 */
export type ChartUnit =
  | '%'
  | '日'
  | '時間'
  | '年'
  | '人'
  | '件'
  | ' days'
  | ' h'
  | ' years'
  | '';

export interface LinePoint {
  /** Category label, e.g. 令和6年度. */
  x: string;
  /** null leaves a gap (no data for that category). */
  y: number | null;
}

export interface LineSeries {
  id: string;
  label: string;
  /** 'actual' is a solid line with points; 'target' a dashed line without points. */
  style: 'actual' | 'target';
  points: readonly LinePoint[];
}

/** Categories of all series, in the order they first appear. */
export function categoriesOf(series: readonly LineSeries[]): string[] {
  const seen = new Set<string>();
  for (const line of series) {
    for (const point of line.points) {
      seen.add(point.x);
    }
  }
  return [...seen];
}

/** The values of one series aligned to the categories, null where it has no point. */
export function valuesAlong(
  line: LineSeries,
  categories: readonly string[],
): (number | null)[] {
  const byCategory = new Map(line.points.map((point) => [point.x, point.y]));
  return categories.map((category) => byCategory.get(category) ?? null);
}

export function countActualPoints(series: readonly LineSeries[]): number {
  return series
    .filter((line) => line.style === 'actual')
    .reduce(
      (count, line) =>
        count + line.points.filter((point) => point.y !== null).length,
      0,
    );
}

export function formatChartValue(
  value: number | null,
  unit: ChartUnit,
): string {
  if (value === null) {
    return '—';
  }
  const digits = unit === '人' || unit === '件' || unit === '' ? 0 : 1;
  return `${value.toFixed(digits)}${unit}`;
}
