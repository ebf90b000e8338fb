import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import type { KpiBreakdownDto, KpiMeasure } from '@ikuboard/shared/contracts';
import { roundHalfUp } from '@ikuboard/shared/kpi';
import {
  type BarChartData,
  BarChart,
  LineChart,
  type LineSeries,
} from '@ikuboard/web/ui-charts';

import { kpiExcelUrl } from '../committee/committee.api';
import { I18nStore } from '../i18n/i18n.store';
import {
  FiscalYearPipe,
  KpiNamePipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { indentedName } from '../overview/org-unit-tree';
import { targetTrajectory } from '../overview/target-trajectory';
import { targetGoalText } from '../targets/target-format';
import { type DimensionChart, dimensionCharts } from './kpi-dimensions';
import { KpiDetailStore } from './kpi-detail.store';

const MONTH_NAMES_EN = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

@Component({
  selector: 'app-kpi-detail-page',
  imports: [
    RouterLink,
    LineChart,
    BarChart,
    TranslatePipe,
    FiscalYearPipe,
    KpiNamePipe,
    LocalizedPipe,
  ],
  templateUrl: './kpi-detail.page.html',
  styleUrl: './kpi-detail.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [KpiDetailStore],
})
export class KpiDetailPage {
  protected readonly store = inject(KpiDetailStore);
  private readonly i18n = inject(I18nStore);
  private readonly router = inject(Router);

  /** Route parameter and query parameters (withComponentInputBinding). */
  readonly code = input.required<string>();
  readonly fy = input<string>();
  readonly unit = input<string>();

  protected readonly indentedName = indentedName;

  constructor() {
    effect(() => this.store.setRoute(this.code(), this.fy(), this.unit()));
  }

  protected readonly excelUrl = computed(() => {
    const code = this.store.code();
    const fiscalYear = this.store.selectedFiscalYear();
    return code && fiscalYear !== null
      ? kpiExcelUrl(code, fiscalYear, this.store.unitCode())
      : null;
  });
  protected readonly measure = computed<KpiMeasure>(
    () => this.store.definition()?.measure ?? 'percent',
  );
  protected readonly chartUnit = computed(() =>
    this.i18n.chartUnit(this.measure()),
  );
  protected readonly countUnit = computed(() => this.i18n.chartUnit('count'));
  protected readonly period = computed(
    () => this.store.definition()?.period ?? 'fiscal',
  );
  protected readonly headlineText = computed(() =>
    this.i18n.measure(this.store.headline()?.value ?? null, this.measure()),
  );
  protected readonly headlinePeriod = computed(() => {
    const year =
      this.store.headline()?.fiscalYear ?? this.store.selectedFiscalYear();
    return year === null ? null : this.i18n.period(year, this.period());
  });
  protected readonly targetText = computed(() => {
    const target = this.store.target();
    return target ? targetGoalText(this.i18n, target, this.measure()) : null;
  });

  protected readonly trendSeries = computed<LineSeries[]>(() => {
    const trend = this.store.trend();
    const target = this.store.target();
    const trajectory = target ? targetTrajectory(target) : [];
    const years = [
      ...new Set([
        ...trend.map((value) => value.fiscalYear),
        ...trajectory.map((point) => point.fiscalYear),
      ]),
    ].sort((a, b) => a - b);
    const label = (year: number) => this.i18n.period(year, this.period());
    const actual: LineSeries = {
      id: 'actual',
      label: this.i18n.translate('overview.trendActual'),
      style: 'actual',
      points: years.map((year) => ({
        x: label(year),
        y: trend.find((value) => value.fiscalYear === year)?.value ?? null,
      })),
    };
    if (trajectory.length === 0) {
      return [actual];
    }
    return [
      actual,
      {
        id: 'target',
        label: this.i18n.translate('overview.trendTarget'),
        style: 'target',
        points: trajectory.map((point) => ({
          x: label(point.fiscalYear),
          y: roundHalfUp(point.value, 1),
        })),
      },
    ];
  });

  /** Newest first: the reader usually wants this year and last year. */
  protected readonly tableRows = computed(() =>
    [...this.store.trend()].reverse().map((value) => ({
      year: this.i18n.period(value.fiscalYear, this.period()),
      numerator: this.number(value.numerator),
      denominator:
        value.denominator === null ? '—' : this.number(value.denominator),
      value: this.i18n.measure(value.value, value.measure),
    })),
  );
  protected readonly isPayGap = computed(
    () => this.store.code()?.startsWith('pay_gap_') ?? false,
  );

  protected readonly dimensionCharts = computed<DimensionChart[]>(() => {
    const code = this.store.code();
    return code
      ? dimensionCharts(
          code,
          this.store.rows(),
          (key, params) => this.i18n.translate(key, params),
          (month) => this.monthLabel(month),
        )
      : [];
  });
  protected readonly employerChart = computed(() =>
    this.breakdownChart(this.store.employerBreakdown()),
  );
  protected readonly childChart = computed(() =>
    this.breakdownChart(this.store.childBreakdown()),
  );
  protected readonly breakdownReference = computed(() =>
    this.isPayGap()
      ? { value: 100, label: this.i18n.translate('dimension.pay.parity') }
      : null,
  );

  protected chartHeight(data: BarChartData): string {
    return `${Math.max(10, data.categories.length * 2.1 + 4)}rem`;
  }

  protected selectFiscalYear(event: Event): void {
    void this.navigate({ fy: (event.target as HTMLSelectElement).value });
  }

  protected selectUnit(event: Event): void {
    const unit = (event.target as HTMLSelectElement).value;
    void this.navigate({ unit: unit === '' ? null : unit });
  }

  protected togglePeople(event: Event): void {
    this.store.peopleOpen.set((event.target as HTMLDetailsElement).open);
  }

  protected amountText(amount: number | null | undefined): string {
    return amount === null || amount === undefined ? '—' : this.number(amount);
  }

  /** The selection lives in the URL, so a figure can be shared as a link. */
  private navigate(
    queryParams: Record<string, string | null>,
  ): Promise<boolean> {
    return this.router.navigate([], {
      queryParams,
      queryParamsHandling: 'merge',
      replaceUrl: true,
    });
  }

  private breakdownChart(breakdown: readonly KpiBreakdownDto[]): BarChartData {
    const headline = (entry: KpiBreakdownDto) =>
      entry.values.find((value) => !value.dimensions)?.value ?? null;
    return {
      categories: breakdown.map((entry) => entry.unitName),
      series: [
        {
          id: 'value',
          label: this.i18n.kpiName(this.store.code() ?? 'female_staff_ratio'),
          values: breakdown.map(headline),
        },
      ],
    };
  }

  private monthLabel(month: string): string {
    const index = Number(month.slice(5, 7)) - 1;
    return this.i18n.language() === 'ja'
      ? `${index + 1}月`
      : (MONTH_NAMES_EN[index] ?? month);
  }

  private number(value: number): string {
    return value.toLocaleString(
      this.i18n.language() === 'ja' ? 'ja-JP' : 'en-US',
      {
        maximumFractionDigits: 1,
      },
    );
  }
}
