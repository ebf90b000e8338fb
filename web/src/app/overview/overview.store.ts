import { Injectable, computed, inject, signal } from '@angular/core';

import {
  type ApiErrorDto,
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

  private readonly currentKpis = this.api.kpis(() => {
    const fiscalYear = this.selectedFiscalYear();
    return fiscalYear === null
      ? undefined
      : { fiscalYear, unitCode: this.selectedUnitCode() };
  });
  private readonly previousKpis = this.api.kpis(() => {
    const fiscalYear = this.selectedFiscalYear();
    // Asking for a year without roster data would only yield empty values.
    return fiscalYear === null || !this.fiscalYears().includes(fiscalYear - 1)
      ? undefined
      : { fiscalYear: fiscalYear - 1, unitCode: this.selectedUnitCode() };
  });
  private readonly trendKpis = this.api.trend(() =>
    this.fiscalYearRange.hasValue()
      ? { code: TREND_KPI, unitCode: this.selectedUnitCode() }
      : undefined,
  );

  readonly cardsLoading = computed(
    () =>
      this.fiscalYearRange.isLoading() ||
      this.currentKpis.isLoading() ||
      this.previousKpis.isLoading(),
  );
  readonly trendLoading = computed(
    () => this.fiscalYearRange.isLoading() || this.trendKpis.isLoading(),
  );

  readonly error = computed<ApiErrorDto | null>(() => {
    const failure = this.fiscalYearRange.error() ?? this.currentKpis.error();
    return failure ? toApiError(failure) : null;
  });

  readonly cards = computed<KpiCardModel[]>(() => {
    const current = this.valuesOf(this.currentKpis);
    const previous = this.valuesOf(this.previousKpis);
    return STAFF_RATIO_KPI_CODES.map((code) => ({
      code,
      current: current.find((value) => value.code === code) ?? null,
      previous: previous.find((value) => value.code === code) ?? null,
    }));
  });

  readonly trend = computed(() => this.valuesOf(this.trendKpis));

  /** The plan target of the trend KPI for exactly the selected scope, if the plan sets one. */
  readonly trendTarget = computed<TargetDto | null>(() => {
    const targets = this.targetList.hasValue() ? this.targetList.value() : [];
    const unitCode = this.selectedUnitCode();
    return (
      targets.find(
        (target) =>
          target.kpiCode === TREND_KPI && target.orgUnitCode === unitCode,
      ) ?? null
    );
  });

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
    this.currentKpis.reload();
    this.previousKpis.reload();
    this.trendKpis.reload();
  }

  private valuesOf(resource: {
    hasValue(): boolean;
    value(): KpiValueDto[];
  }): KpiValueDto[] {
    return resource.hasValue() ? resource.value() : [];
  }
}
