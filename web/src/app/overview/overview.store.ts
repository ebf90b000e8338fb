import { Injectable, computed, inject, signal } from '@angular/core';

import {
  type ApiErrorDto,
  OVERVIEW_TREND_KPI_CODES,
  STAFF_RATIO_KPI_CODES,
  type KpiCode,
  type KpiValueDto,
  type TargetDto,
} from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { OverviewApi } from './overview.api';
import { flattenOrgUnits } from './org-unit-tree';

export const TREND_KPI: KpiCode = 'female_manager_ratio';

export interface KpiCardModel {
  code: KpiCode;
  current: KpiValueDto | null;
  previous: KpiValueDto | null;
}

/** State of the overview page; provided by the page so that it lives as long as the page. */
@Injectable()
export class OverviewStore {
  private readonly api = inject(OverviewApi);

  private readonly fiscalYearRange = this.api.fiscalYears();
  private readonly orgUnitList = this.api.orgUnits();
  private readonly targetList = this.api.targets();
  private readonly chosenFiscalYear = signal<number | null>(null);

  readonly selectedUnitCode = signal<string | null>(null);

  readonly fiscalYears = computed(() =>
    this.fiscalYearRange.hasValue()
      ? (this.fiscalYearRange.value()?.fiscalYears ?? [])
      : [],
  );
  /** The user's choice, else the latest fiscal year with data. */
  readonly selectedFiscalYear = computed(
    () => this.chosenFiscalYear() ?? this.fiscalYears().at(-1) ?? null,
  );
  readonly orgUnitOptions = computed(() =>
    this.orgUnitList.hasValue()
      ? flattenOrgUnits(this.orgUnitList.value())
      : [],
  );

  /** Which of the overview's trends the chart shows. */
  readonly selectedTrendCode = signal<KpiCode>(TREND_KPI);
  readonly trendCodes: readonly KpiCode[] = OVERVIEW_TREND_KPI_CODES;

  /** The cards of the FY and the previous FY and every trend, in one request. */
  private readonly overview = this.api.overview(() => {
    const fiscalYear = this.selectedFiscalYear();
    return fiscalYear === null
      ? undefined
      : {
          fiscalYear,
          unitCode: this.selectedUnitCode(),
          trendCodes: this.trendCodes,
        };
  });

  readonly cardsLoading = computed(
    () => this.fiscalYearRange.isLoading() || this.overview.isLoading(),
  );
  readonly trendLoading = this.cardsLoading;

  readonly error = computed<ApiErrorDto | null>(() => {
    const failure = this.fiscalYearRange.error() ?? this.overview.error();
    return failure ? toApiError(failure) : null;
  });

  private readonly overviewValue = computed(() =>
    this.overview.hasValue() ? this.overview.value() : undefined,
  );

  readonly cards = computed<KpiCardModel[]>(() => {
    const current = this.overviewValue()?.current ?? [];
    const previous = this.overviewValue()?.previous ?? [];
    return STAFF_RATIO_KPI_CODES.map((code) => ({
      code,
      current: current.find((value) => value.code === code) ?? null,
      previous: previous.find((value) => value.code === code) ?? null,
    }));
  });

  readonly trend = computed<KpiValueDto[]>(
    () =>
      this.overviewValue()?.trends.find(
        (series) => series.code === this.selectedTrendCode(),
      )?.values ?? [],
  );

  /** The plan target of the trend KPI for exactly the selected scope, if the plan sets one. */
  readonly trendTarget = computed<TargetDto | null>(() => {
    const targets = this.targetList.hasValue() ? this.targetList.value() : [];
    const unitCode = this.selectedUnitCode();
    const code = this.selectedTrendCode();
    return (
      targets.find(
        (target) => target.kpiCode === code && target.orgUnitCode === unitCode,
      ) ?? null
    );
  });

  selectTrend(code: KpiCode): void {
    this.selectedTrendCode.set(code);
  }

  selectFiscalYear(fiscalYear: number): void {
    this.chosenFiscalYear.set(fiscalYear);
  }

  selectUnit(unitCode: string | null): void {
    this.selectedUnitCode.set(unitCode);
  }

  reload(): void {
    this.fiscalYearRange.reload();
    this.orgUnitList.reload();
    this.targetList.reload();
    this.overview.reload();
  }
}
