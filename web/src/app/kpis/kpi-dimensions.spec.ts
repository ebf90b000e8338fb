import type { KpiValueDto } from '@ikuboard/shared/contracts';

import { dimensionCharts, headlineOf } from './kpi-dimensions';

const t = (key: string, params?: Readonly<Record<string, string | number>>) =>
  params ? `${key}:${Object.values(params).join(',')}` : key;
const month = (value: string) => `${Number(value.slice(5))}月`;

function row(
  code: KpiValueDto['code'],
  value: number | null,
  dimensions?: Record<string, string>,
): KpiValueDto {
  return {
    code,
    fiscalYear: 2025,
    measure: 'hours',
    numerator: 0,
    denominator: null,
    value,
    ...(dimensions ? { dimensions } : {}),
  };
}

describe('dimensionCharts', () => {
  it('draws monthly overtime from April to March against the 45-hour line', () => {
    const rows = [
      row('overtime_monthly_avg', 11),
      row('overtime_monthly_avg', 14, { month: '2026-01' }),
      row('overtime_monthly_avg', 9, { month: '2025-04' }),
    ];

    const [chart] = dimensionCharts('overtime_monthly_avg', rows, t, month);

    expect(chart.data.categories).toEqual(['4月', '1月']);
    expect(chart.data.series[0].values).toEqual([9, 14]);
    expect(chart.referenceLine?.value).toBe(45);
  });

  it('groups the leave-duration distribution by gender over all eight buckets', () => {
    const rows = [
      row('childcare_leave_duration', 3, { gender: 'male', bucket: 'lt14' }),
      row('childcare_leave_duration', 2, {
        gender: 'female',
        bucket: '361-720',
      }),
    ];

    const [chart] = dimensionCharts('childcare_leave_duration', rows, t, month);

    expect(chart.data.categories).toHaveLength(8);
    expect(chart.data.series.map((series) => series.id)).toEqual([
      'female',
      'male',
    ]);
    expect(chart.data.series[1].values[0]).toBe(3);
    expect(chart.data.series[0].values[6]).toBe(2);
  });

  it('draws the pay ratio by stage and by tenure band against parity', () => {
    const rows = [
      row('pay_gap_permanent', 92, { stage: 'staff' }),
      row('pay_gap_permanent', 88, { stage: 'director' }),
      row('pay_gap_permanent', 97, { tenureBand: '36+' }),
      row('pay_gap_permanent', 99, { tenureBand: '1-5' }),
    ];

    const charts = dimensionCharts('pay_gap_permanent', rows, t, month);

    expect(charts.map((chart) => chart.id)).toEqual([
      'pay-by-stage',
      'pay-by-tenure',
    ]);
    expect(charts[0].data.series[0].values).toEqual([88, 92]);
    expect(charts[1].data.series[0].values).toEqual([99, 97]);
    expect(charts.every((chart) => chart.referenceLine?.value === 100)).toBe(
      true,
    );
  });

  it('has no chart for a KPI without breakdown rows', () => {
    expect(
      dimensionCharts(
        'female_staff_ratio',
        [row('female_staff_ratio', 40)],
        t,
        month,
      ),
    ).toEqual([]);
  });

  it('takes the row without dimensions as the headline', () => {
    const rows = [
      row('overtime_monthly_avg', 9, { month: '2025-04' }),
      row('overtime_monthly_avg', 11),
    ];
    expect(headlineOf(rows, 'overtime_monthly_avg')?.value).toBe(11);
  });
});
