import type { TargetDto } from '@ikuboard/shared/contracts';

import { targetTrajectory } from './target-trajectory';

const target: TargetDto = {
  id: 't1',
  planId: 'p1',
  planName: '第2期特定事業主行動計画',
  kpiCode: 'female_manager_ratio',
  orgUnitCode: null,
  targetValue: 20,
  targetFiscalYear: 2025,
  direction: 'gte',
  baselineValue: 10.2,
  baselineFiscalYear: 2020,
  actions: [],
};

describe('targetTrajectory', () => {
  it('runs linearly from the baseline to the target, one point per fiscal year', () => {
    const points = targetTrajectory(target);

    expect(points.map((point) => point.fiscalYear)).toEqual([
      2020, 2021, 2022, 2023, 2024, 2025,
    ]);
    expect(points[0].value).toBeCloseTo(10.2);
    expect(points[1].value).toBeCloseTo(12.16);
    expect(points[5].value).toBeCloseTo(20);
  });

  it('is only the target point when the plan has no baseline', () => {
    expect(
      targetTrajectory({
        ...target,
        baselineValue: null,
        baselineFiscalYear: null,
      }),
    ).toEqual([{ fiscalYear: 2025, value: 20 }]);
  });
});
