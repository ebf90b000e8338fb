import {
  type KpiCode,
  type KpiValueDto,
  OFFICIAL_STAGES,
} from '@ikuboard/shared/contracts';
import type {
  BarChartData,
  BarLayout,
  ReferenceLine,
} from '@ikuboard/web/ui-charts';

import type { MessageKey } from '../i18n/ja';
import type { MessageParams } from '../i18n/i18n.store';

export const LEAVE_DURATION_BUCKETS = [
  'lt14',
  '14-30',
  '31-90',
  '91-180',
  '181-270',
  '271-360',
  '361-720',
  'gt720',
] as const;
export const ANNUAL_LEAVE_BUCKETS = [
  '0-4',
  '5-9',
  '10-14',
  '15-19',
  '20+',
] as const;
const GENDERS = ['female', 'male'] as const;

export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** A bar chart of a KPI's breakdown rows: what, in which unit, against which line. */
export interface DimensionChart {
  id: string;
  titleKey: MessageKey;
  categoryKey: MessageKey;
  /** 'measure' = the KPI's own unit (hours, %); 'count' = people or pairs. */
  valueKind: 'measure' | 'count';
  data: BarChartData;
  layout: BarLayout;
  referenceLine: ReferenceLine | null;
}

/** The headline value of a code: its row without dimensions. */
export function headlineOf(
  rows: readonly KpiValueDto[],
  code: KpiCode,
): KpiValueDto | null {
  return rows.find((row) => row.code === code && !hasDimensions(row)) ?? null;
}

export function hasDimensions(row: KpiValueDto): boolean {
  return !!row.dimensions && Object.keys(row.dimensions).length > 0;
}

/**
 * The charts a KPI's dimension rows call for (DOMAIN.md §3): leave duration by gender, the
 * monthly overtime against the 45-hour line, the pay ratio by stage and by tenure against parity,
 * the annual-leave histogram, mid-career hires by gender. Empty when there are no such rows.
 */
export function dimensionCharts(
  code: KpiCode,
  rows: readonly KpiValueDto[],
  t: Translate,
  monthLabel: (month: string) => string,
): DimensionChart[] {
  const own = rows.filter((row) => row.code === code && hasDimensions(row));
  if (own.length === 0) {
    return [];
  }
  const valueOf = (match: Readonly<Record<string, string>>) => {
    const row = own.find(
      (candidate) =>
        Object.entries(match).every(
          ([key, value]) => candidate.dimensions?.[key] === value,
        ) &&
        Object.keys(candidate.dimensions ?? {}).length ===
          Object.keys(match).length,
    );
    return row ? row.value : null;
  };
  switch (code) {
    case 'childcare_leave_duration':
      return [
        {
          id: 'duration-by-gender',
          titleKey: 'dimension.leaveDuration.title',
          categoryKey: 'dimension.leaveDuration.category',
          valueKind: 'count',
          layout: 'grouped',
          referenceLine: null,
          data: {
            categories: LEAVE_DURATION_BUCKETS.map((bucket) =>
              t(`dimension.leaveBucket.${bucket}`),
            ),
            series: GENDERS.map((gender) => ({
              id: gender,
              label: t(`gender.${gender}`),
              values: LEAVE_DURATION_BUCKETS.map(
                (bucket) => valueOf({ gender, bucket }) ?? 0,
              ),
            })),
          },
        },
      ];
    case 'midcareer_hires':
      return [
        {
          id: 'hires-by-gender',
          titleKey: 'dimension.hiresByGender.title',
          categoryKey: 'dimension.gender',
          valueKind: 'count',
          layout: 'grouped',
          referenceLine: null,
          data: {
            categories: GENDERS.map((gender) => t(`gender.${gender}`)),
            series: [
              {
                id: 'hires',
                label: t('dimension.hiresByGender.series'),
                values: GENDERS.map((gender) => valueOf({ gender }) ?? 0),
              },
            ],
          },
        },
      ];
    case 'annual_leave_avg_days':
      return [
        {
          id: 'annual-leave-histogram',
          titleKey: 'dimension.annualLeave.title',
          categoryKey: 'dimension.annualLeave.category',
          valueKind: 'count',
          layout: 'grouped',
          referenceLine: null,
          data: {
            categories: ANNUAL_LEAVE_BUCKETS.map((bucket) =>
              t('dimension.annualLeave.bucket', {
                range: bucket.replace('-', '–'),
              }),
            ),
            series: [
              {
                id: 'staff',
                label: t('dimension.annualLeave.series'),
                values: ANNUAL_LEAVE_BUCKETS.map(
                  (bucket) => valueOf({ bucket }) ?? 0,
                ),
              },
            ],
          },
        },
      ];
    case 'overtime_monthly_avg': {
      const months = own
        .map((row) => row.dimensions?.['month'])
        .filter((month): month is string => !!month)
        .sort();
      return [
        {
          id: 'overtime-by-month',
          titleKey: 'dimension.overtime.title',
          categoryKey: 'dimension.overtime.category',
          valueKind: 'measure',
          layout: 'grouped',
          referenceLine: { value: 45, label: t('dimension.overtime.limit') },
          data: {
            categories: months.map(monthLabel),
            series: [
              {
                id: 'hours',
                label: t('dimension.overtime.series'),
                values: months.map((month) => valueOf({ month })),
              },
            ],
          },
        },
      ];
    }
    case 'pay_gap_permanent': {
      const parity = { value: 100, label: t('dimension.pay.parity') };
      const bands = [
        ...new Set(
          own
            .map((row) => row.dimensions?.['tenureBand'])
            .filter((band): band is string => !!band),
        ),
      ].sort((a, b) => parseInt(a, 10) - parseInt(b, 10));
      const stages = OFFICIAL_STAGES.filter(
        (stage) => valueOf({ stage }) !== null,
      );
      const charts: DimensionChart[] = [];
      if (stages.length > 0) {
        charts.push({
          id: 'pay-by-stage',
          titleKey: 'dimension.pay.byStage',
          categoryKey: 'dimension.pay.stage',
          valueKind: 'measure',
          layout: 'grouped',
          referenceLine: parity,
          data: {
            categories: stages.map((stage) => t(`stage.${stage}`)),
            series: [
              {
                id: 'ratio',
                label: t('dimension.pay.series'),
                values: stages.map((stage) => valueOf({ stage })),
              },
            ],
          },
        });
      }
      if (bands.length > 0) {
        charts.push({
          id: 'pay-by-tenure',
          titleKey: 'dimension.pay.byTenure',
          categoryKey: 'dimension.pay.tenure',
          valueKind: 'measure',
          layout: 'grouped',
          referenceLine: parity,
          data: {
            categories: bands.map((band) =>
              t('dimension.pay.tenureBand', { band: band.replace('-', '–') }),
            ),
            series: [
              {
                id: 'ratio',
                label: t('dimension.pay.series'),
                values: bands.map((tenureBand) => valueOf({ tenureBand })),
              },
            ],
          },
        });
      }
      return charts;
    }
    default:
      return [];
  }
}
