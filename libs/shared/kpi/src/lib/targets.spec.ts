import { targetStatus, trajectoryValue, type TargetLine } from './targets';

// Women managers: 10 % in FY2020 → 20 % in FY2025, so the line rises 2 points a year.
const womenManagers: TargetLine = {
  targetValue: 20,
  targetFiscalYear: 2025,
  direction: 'gte',
  baselineValue: 10,
  baselineFiscalYear: 2020,
};
// Overtime: nobody over 360 h by FY2025, from 40 people in FY2021 (10 fewer a year).
const overtime: TargetLine = {
  targetValue: 0,
  targetFiscalYear: 2025,
  direction: 'lte',
  baselineValue: 40,
  baselineFiscalYear: 2021,
};

describe('target trajectory and status', () => {
  it('the trajectory runs straight from the baseline to the target, then stays at the target', () => {
    expect(trajectoryValue(womenManagers, 2019)).toBeNull();
    expect(trajectoryValue(womenManagers, 2020)).toBe(10);
    expect(trajectoryValue(womenManagers, 2023)).toBeCloseTo(16, 10); // 10 + (20 − 10) × 3/5
    expect(trajectoryValue(womenManagers, 2025)).toBe(20);
    expect(trajectoryValue(womenManagers, 2027)).toBe(20);
    expect(trajectoryValue(overtime, 2023)).toBeCloseTo(20, 10); // 40 − 40 × 2/4
  });

  it('without a baseline only the target year and later have a trajectory', () => {
    const bare: TargetLine = {
      ...womenManagers,
      baselineValue: null,
      baselineFiscalYear: null,
    };
    expect(trajectoryValue(bare, 2024)).toBeNull();
    expect(trajectoryValue(bare, 2025)).toBe(20);
  });

  it('a ≥ target is achieved at the target value, on track at the trajectory, behind below it', () => {
    expect(targetStatus(womenManagers, 2023, 20.0)).toBe('achieved');
    expect(targetStatus(womenManagers, 2023, 16.0)).toBe('on_track');
    expect(targetStatus(womenManagers, 2023, 15.9)).toBe('behind');
    expect(targetStatus(womenManagers, 2023, null)).toBe('no_data');
  });

  it('a ≤ target is met by staying at or under the line', () => {
    expect(targetStatus(overtime, 2023, 0)).toBe('achieved');
    expect(targetStatus(overtime, 2023, 20)).toBe('on_track');
    expect(targetStatus(overtime, 2023, 21)).toBe('behind');
  });

  it('before the baseline year a figure is achieved or behind, never on track', () => {
    expect(targetStatus(womenManagers, 2018, 12)).toBe('behind');
    expect(targetStatus(womenManagers, 2018, 21)).toBe('achieved');
  });
});
