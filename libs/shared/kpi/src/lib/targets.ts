import type { TargetStatus } from '@ikuboard/shared/contracts';

/** What a target needs for its trajectory and status (a subset of TargetDto). */
export interface TargetLine {
  targetValue: number;
  targetFiscalYear: number;
  direction: 'gte' | 'lte';
  baselineValue: number | null;
  baselineFiscalYear: number | null;
}

/**
 * The planned value for a fiscal year: linear from the baseline to the target, the target value
 * from the target year on. Null before the baseline year, or without a baseline.
 */
export function trajectoryValue(
  target: TargetLine,
  fiscalYear: number,
): number | null {
  const { baselineValue, baselineFiscalYear, targetValue, targetFiscalYear } =
    target;
  if (baselineValue === null || baselineFiscalYear === null)
    return fiscalYear >= targetFiscalYear ? targetValue : null;
  if (fiscalYear < baselineFiscalYear) return null;
  if (fiscalYear >= targetFiscalYear || targetFiscalYear <= baselineFiscalYear)
    return targetValue;
  const share =
    (fiscalYear - baselineFiscalYear) / (targetFiscalYear - baselineFiscalYear);
  return baselineValue + (targetValue - baselineValue) * share;
}

const meets = (
  direction: TargetLine['direction'],
  value: number,
  bar: number,
) => (direction === 'gte' ? value >= bar : value <= bar);

/**
 * achieved: the target value is met; on_track: the trajectory of that year is met; behind:
 * neither; no_data: no figure for the year. A year without a trajectory (before the baseline)
 * can only be achieved or behind.
 */
export function targetStatus(
  target: TargetLine,
  fiscalYear: number,
  actual: number | null,
): TargetStatus {
  if (actual === null) return 'no_data';
  if (meets(target.direction, actual, target.targetValue)) return 'achieved';
  const planned = trajectoryValue(target, fiscalYear);
  return planned !== null && meets(target.direction, actual, planned)
    ? 'on_track'
    : 'behind';
}
