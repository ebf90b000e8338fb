import { formatKpiDelta, formatKpiValue, kpiDelta } from './kpi-format';

describe('formatKpiValue', () => {
  it.each([
    [18.333, '18.3%'],
    [12.25, '12.3%'],
    [12.249, '12.2%'],
    [1.45, '1.5%'],
    [0, '0.0%'],
    [100, '100.0%'],
    [112.5, '112.5%'],
  ])('rounds %p half-up to one decimal: %s', (value, text) => {
    expect(formatKpiValue(value, 'percent')).toBe(text);
  });

  it('shows a dash, never 0 %, when the KPI has no value', () => {
    expect(formatKpiValue(null, 'percent')).toBe('—');
  });
});

describe('kpiDelta and formatKpiDelta', () => {
  it('shows a rise in points with ▲', () => {
    expect(formatKpiDelta(kpiDelta(18.3, 17.1))).toBe('▲1.2pt');
  });

  it('shows a fall in points with ▼ and without a minus sign', () => {
    expect(formatKpiDelta(kpiDelta(12.1, 12.5))).toBe('▼0.4pt');
  });

  it('shows no change as ±0.0pt', () => {
    expect(formatKpiDelta(kpiDelta(15.04, 14.96))).toBe('±0.0pt');
  });

  it('compares the rounded values the reader sees on the two cards', () => {
    // 12.25 → 12.3 and 11.14 → 11.1, so the card reads ▲1.2pt although the raw gap is 1.11.
    expect(kpiDelta(12.25, 11.14)).toBe(1.2);
  });

  it('has nothing to show when either year has no value', () => {
    expect(kpiDelta(10, null)).toBeNull();
    expect(kpiDelta(null, 10)).toBeNull();
    expect(formatKpiDelta(null)).toBeNull();
  });
});
