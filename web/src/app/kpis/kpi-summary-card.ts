import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import {
  KPI_DEFINITIONS,
  type KpiCode,
  type KpiValueDto,
} from '@ikuboard/shared/contracts';

import { kpiExcelUrl } from '../committee/committee.api';
import { I18nStore } from '../i18n/i18n.store';
import { KpiNamePipe, TranslatePipe } from '../i18n/translate.pipe';

/** A KPI's headline figure with a link to its detail page; for every measure. */
@Component({
  selector: 'app-kpi-summary-card',
  imports: [RouterLink, KpiNamePipe, TranslatePipe],
  template: `
    <h3 class="name">
      <a
        [routerLink]="['/kpis', code()]"
        [queryParams]="query()"
        [attr.data-testid]="'kpi-link-' + code()"
        >{{ code() | kpiName }}</a
      >
    </h3>
    @if (loading()) {
      <div class="skeleton value-skeleton" aria-hidden="true"></div>
    } @else {
      <p class="value" data-testid="kpi-value">{{ valueText() }}</p>
      @if (fractionText(); as fraction) {
        <p class="fraction" data-testid="kpi-fraction">{{ fraction }}</p>
      }
      @if (periodText(); as period) {
        <p class="period">{{ period }}</p>
      }
      @if (excelUrl(); as excelUrl) {
        <a
          class="excel-download"
          [href]="excelUrl"
          download
          data-testid="kpi-summary-excel"
          [attr.aria-label]="
            ('committee.downloadExcel' | t) + ': ' + (code() | kpiName)
          "
          >Excel</a
        >
      }
    }
  `,
  styles: `
    :host {
      display: flex;
      flex-direction: column;
      gap: 0.2rem;
      padding: 0.9rem 1.1rem;
      background: var(--ik-surface);
      border: 1px solid var(--ik-border);
      border-radius: 8px;
      min-height: 8rem;
    }
    .name {
      margin: 0;
      font-size: 0.95rem;
      line-height: 1.5;
    }
    .value {
      margin: 0;
      font-size: 1.6rem;
      font-weight: 700;
      font-variant-numeric: tabular-nums;
    }
    .fraction,
    .period {
      margin: 0;
      color: var(--ik-text-muted);
      font-size: 0.85rem;
    }
    .excel-download {
      align-self: flex-end;
      margin-top: auto;
      font-size: 0.8rem;
    }
    .value-skeleton {
      height: 2.2rem;
      width: 55%;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '[attr.data-testid]': '"kpi-summary-" + code()' },
})
export class KpiSummaryCard {
  private readonly i18n = inject(I18nStore);

  readonly code = input.required<KpiCode>();
  readonly value = input<KpiValueDto | null>(null);
  readonly fiscalYear = input<number | null>(null);
  readonly unitCode = input<string | null>(null);
  readonly loading = input(false);

  private readonly definition = computed(() => KPI_DEFINITIONS[this.code()]);
  protected readonly valueText = computed(() =>
    this.i18n.measure(
      this.value()?.value ?? null,
      this.value()?.measure ?? this.definition().measure,
    ),
  );
  protected readonly fractionText = computed(() => {
    const value = this.value();
    if (!value || value.denominator === null || value.measure !== 'percent') {
      return null;
    }
    return this.i18n.translate('kpis.fraction', {
      numerator: value.numerator.toLocaleString('ja-JP'),
      denominator: value.denominator.toLocaleString('ja-JP'),
    });
  });
  /** Calendar-year KPIs say which calendar year they are counted over. */
  protected readonly periodText = computed(() => {
    const value = this.value();
    return value && this.definition().period === 'calendar'
      ? this.i18n.translate('kpis.calendarYear', {
          year: this.i18n.period(value.fiscalYear, 'calendar'),
        })
      : null;
  });
  /** This KPI's figures as Excel (trend, breakdown, employer units, units below). */
  protected readonly excelUrl = computed(() => {
    const fy = this.fiscalYear();
    return fy === null ? null : kpiExcelUrl(this.code(), fy, this.unitCode());
  });
  protected readonly query = computed(() => {
    const fy = this.fiscalYear();
    const unit = this.unitCode();
    return { ...(fy === null ? {} : { fy }), ...(unit ? { unit } : {}) };
  });
}
