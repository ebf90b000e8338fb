import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';

import type { KpiCode } from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import {
  FiscalYearPipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { OverviewApi } from '../overview/overview.api';
import { flattenOrgUnits, indentedName } from '../overview/org-unit-tree';
import { headlineOf } from './kpi-dimensions';
import { KPI_SECTIONS, type KpiSectionId } from './kpi-sections';
import { KpiSummaryCard } from './kpi-summary-card';
import { KpisApi } from './kpis.api';

/** Every KPI of the catalogue, grouped the way a committee reads them. */
@Component({
  selector: 'app-kpis-page',
  imports: [KpiSummaryCard, TranslatePipe, FiscalYearPipe, LocalizedPipe],
  templateUrl: './kpis.page.html',
  styleUrl: './kpis.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class KpisPage {
  private readonly overviewApi = inject(OverviewApi);
  private readonly range = this.overviewApi.fiscalYears();
  private readonly units = this.overviewApi.orgUnits();

  protected readonly sections = KPI_SECTIONS;
  protected readonly indentedName = indentedName;
  protected readonly fiscalYears = computed(() =>
    this.range.hasValue() ? (this.range.value()?.fiscalYears ?? []) : [],
  );
  protected readonly selectedFiscalYear = linkedSignal<number | null>(
    () => this.fiscalYears().at(-1) ?? null,
  );
  protected readonly unitCode = signal<string | null>(null);
  protected readonly unitOptions = computed(() =>
    flattenOrgUnits(this.units.hasValue() ? this.units.value() : []),
  );

  private readonly values = inject(KpisApi).values(() => {
    const fiscalYear = this.selectedFiscalYear();
    return fiscalYear === null
      ? undefined
      : { fiscalYear, unitCode: this.unitCode() };
  });
  protected readonly loading = computed(
    () => this.range.isLoading() || this.values.isLoading(),
  );
  protected readonly error = computed(() => {
    const failure = this.range.error() ?? this.values.error();
    return failure ? toApiError(failure) : null;
  });

  protected headline(code: KpiCode) {
    return headlineOf(this.values.hasValue() ? this.values.value() : [], code);
  }

  protected sectionKey(id: KpiSectionId) {
    return `kpis.section.${id}` as const;
  }

  protected selectFiscalYear(event: Event): void {
    this.selectedFiscalYear.set(
      Number((event.target as HTMLSelectElement).value),
    );
  }

  protected selectUnit(event: Event): void {
    const code = (event.target as HTMLSelectElement).value;
    this.unitCode.set(code === '' ? null : code);
  }

  protected reload(): void {
    this.range.reload();
    this.values.reload();
  }
}
