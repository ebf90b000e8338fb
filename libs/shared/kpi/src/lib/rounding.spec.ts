import { percent, roundHalfUp, truncate } from './rounding';

describe('roundHalfUp', () => {
  it.each([
    [12.25, 1, 12.3],
    [0.05, 1, 0.1],
    [1.005, 2, 1.01],
    [2.675, 2, 2.68],
    [12.24, 1, 12.2],
    [12.35, 1, 12.4],
    [-12.25, 1, -12.3],
    [99.95, 1, 100],
    [0, 1, 0],
    [1e-7, 1, 0],
    [1234.5, 0, 1235],
  ])('rounds %d at %d decimals to %d', (value, digits, expected) => {
    expect(roundHalfUp(value, digits)).toBe(expected);
  });

  it('rounds a share that division leaves just below the half: 49 of 400 is 12.25 % → 12.3', () => {
    expect(roundHalfUp(percent(49, 400) as number, 1)).toBe(12.3);
  });

  it('rounds one in eight (12.5 %) to 13 at zero decimals', () => {
    expect(roundHalfUp(percent(1, 8) as number, 0)).toBe(13);
  });
});

describe('truncate', () => {
  it.each([
    [12.29, 1, 12.2],
    [12.99, 0, 12],
    [-12.29, 1, -12.2],
    [1.005, 2, 1],
  ])('truncates %d at %d decimals to %d', (value, digits, expected) => {
    expect(truncate(value, digits)).toBe(expected);
  });

  it('keeps 29 of 100 at 29.0 even though 29 / 100 * 100 is 28.999999999999996 in binary', () => {
    expect(truncate(percent(29, 100) as number, 1)).toBe(29);
  });
});

describe('percent', () => {
  it('is numerator ÷ denominator × 100, unrounded', () => {
    expect(percent(1, 3)).toBeCloseTo(33.333333, 5);
  });

  it('may exceed 100 % (e.g. more fathers taking leave than births in the year)', () => {
    expect(percent(3, 2)).toBe(150);
  });

  it('gives no value, not 0 %, for a zero denominator', () => {
    expect(percent(0, 0)).toBeNull();
  });
});
