import type { TargetDto } from '@ikuboard/shared/contracts';

export interface TrajectoryPoint {
  fiscalYear: number;
  value: number;
}

/**
 * The plan's yearly trajectory (DOMAIN.md §4): linear from the baseline to the target, one point
 * per fiscal year. Without a baseline only the target itself is known.
 */
export function targetTrajectory(target: TargetDto): TrajectoryPoint[] {
  const { baselineFiscalYear, baselineValue, targetFiscalYear, targetValue } =
    target;
  if (
    baselineFiscalYear === null ||
    baselineValue === null ||
    baselineFiscalYear >= targetFiscalYear
  ) {
    return [{ fiscalYear: targetFiscalYear, value: targetValue }];
  }
  const span = targetFiscalYear - baselineFiscalYear;
  const points: TrajectoryPoint[] = [];
  for (
    let fiscalYear = baselineFiscalYear;
    fiscalYear <= targetFiscalYear;
    fiscalYear++
  ) {
    const progress = (fiscalYear - baselineFiscalYear) / span;
    points.push({
      fiscalYear,
      value: baselineValue + (targetValue - baselineValue) * progress,
    });
  }
  return points;
}
