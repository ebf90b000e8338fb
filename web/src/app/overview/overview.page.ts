import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';

import { roundHalfUp } from '@ikuboard/shared/kpi';
import { PERMISSIONS, type KpiCode } from '@ikuboard/shared/contracts';
import { LineChart, type LineSeries } from '@ikuboard/web/ui-charts';

import { SessionStore } from '../auth/session.store';
import { kpiExcelUrl } from '../committee/committee.api';

import { I18nStore } from '../i18n/i18n.store';
import {
  FiscalYearPipe,
  KpiNamePipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { TargetsOverview } from '../targets/targets-overview';
import { KpiCard } from './kpi-card';
import { indentedName } from './org-unit-tree';
import { OverviewStore } from './overview.store';
import { targetTrajectory } from './target-trajectory';

@Component({
  selector: 'app-overview-page',
  imports: [
    KpiCard,
    TargetsOverview,
    LineChart,
    TranslatePipe,
    FiscalYearPipe,
    KpiNamePipe,
    LocalizedPipe,
  ],
  templateUrl: './overview.page.html',
  styleUrl: './overview.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [OverviewStore],
})
export class OverviewPage {
  protected readonly store = inject(OverviewStore);
  private readonly i18n = inject(I18nStore);
  private readonly session = inject(SessionStore);

  protected readonly canReadTargets = computed(
    () =>
      this.session.session()?.permissions.includes(PERMISSIONS.readTargets) ??
      false,
  );

  protected readonly indentedName = indentedName;

  /** The trend chart's figures (its KPI's workbook: 推移, 内訳, 事業主単位別, 下位組織別). */
  protected readonly trendExcelUrl = computed(() => {
    const fiscalYear = this.store.selectedFiscalYear();
    return fiscalYear === null || fiscalYear === undefined
      ? null
      : kpiExcelUrl(
          this.store.selectedTrendCode(),
          fiscalYear,
          this.store.selectedUnitCode(),
        );
  });

  /** The chart's title: the chosen KPI's name. */
  protected readonly trendTitle = computed(() =>
    this.i18n.translate('overviewTrend.title', {
      name: this.i18n.kpiName(this.store.selectedTrendCode()),
    }),
  );

  /** The value axis' unit, from the measure of the chosen KPI's values. */
  protected readonly trendUnit = computed(() =>
    this.i18n.chartUnit(this.store.trend()[0]?.measure ?? 'percent'),
  );

  protected readonly trendSeries = computed<LineSeries[]>(() => {
    const trend = this.store.trend();
    const target = this.store.trendTarget();
    const trajectory = target ? targetTrajectory(target) : [];
    // The actual series lists every fiscal year, so that the chart's categories stay in order.
    const fiscalYears = [
      ...new Set([
        ...trend.map((value) => value.fiscalYear),
        ...trajectory.map((point) => point.fiscalYear),
      ]),
    ].sort((a, b) => a - b);
    const label = (fiscalYear: number) => this.i18n.fiscalYear(fiscalYear);
    const actual: LineSeries = {
      id: 'actual',
      label: this.i18n.translate('overview.trendActual'),
      style: 'actual',
      points: fiscalYears.map((fiscalYear) => ({
        x: label(fiscalYear),
        y:
          trend.find((value) => value.fiscalYear === fiscalYear)?.value ?? null,
      })),
    };
    if (trajectory.length === 0) {
      return [actual];
    }
    const planned: LineSeries = {
      id: 'target',
      label: this.i18n.translate('overview.trendTarget'),
      style: 'target',
      points: trajectory.map((point) => ({
        x: label(point.fiscalYear),
        y: roundHalfUp(point.value, 1),
      })),
    };
    return [actual, planned];
  });

  protected readonly targetNote = computed(() => {
    const target = this.store.trendTarget();
    if (!target) {
      return null;
    }
    const key =
      target.direction === 'gte'
        ? 'overview.trendTargetNote'
        : 'overview.trendTargetNoteLte';
    return this.i18n.translate(key, {
      fy: this.i18n.fiscalYear(target.targetFiscalYear),
      // the unit of the chosen KPI (%, 日, 時間 …), not always a percentage
      value: `${target.targetValue}${this.trendUnit()}`,
      plan: target.planName,
    });
  });

  protected selectFiscalYear(event: Event): void {
    this.store.selectFiscalYear(
      Number((event.target as HTMLSelectElement).value),
    );
  }

  protected selectTrend(event: Event): void {
    this.store.selectTrend(
      (event.target as HTMLSelectElement).value as KpiCode,
    );
  }

  protected selectUnit(event: Event): void {
    const code = (event.target as HTMLSelectElement).value;
    this.store.selectUnit(code === '' ? null : code);
  }
}
