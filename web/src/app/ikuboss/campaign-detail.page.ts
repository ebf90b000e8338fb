import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import type {
  IkubossCampaignDetailDto,
  IkubossUnitCompletionDto,
} from '@ikuboard/shared/contracts';
import { type BarChartData, BarChart } from '@ikuboard/web/ui-charts';

import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import {
  FiscalYearPipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { IkubossApi } from './ikuboss.api';
import { IkubossNav } from './ikuboss-nav';

/** One campaign: completion per unit (drill-down by unit) and the managers who have not declared. */
@Component({
  selector: 'app-ikuboss-campaign-detail-page',
  imports: [
    RouterLink,
    BarChart,
    IkubossNav,
    TranslatePipe,
    FiscalYearPipe,
    LocalizedPipe,
  ],
  templateUrl: './campaign-detail.page.html',
  styleUrl: './ikuboss.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignDetailPage {
  /** Route parameter and query parameter (component input binding). */
  readonly id = input.required<string>();
  readonly unit = input<string | undefined>();

  private readonly i18n = inject(I18nStore);
  private readonly router = inject(Router);
  private readonly resource = inject(IkubossApi).campaign(() => ({
    id: this.id(),
    unit: this.unit() ?? null,
  }));

  protected readonly detail = computed<IkubossCampaignDetailDto | null>(() =>
    this.resource.hasValue() ? (this.resource.value() ?? null) : null,
  );
  protected readonly loading = computed(() => this.resource.isLoading());
  protected readonly loadError = computed(() => {
    const failure = this.resource.error();
    return failure ? toApiError(failure) : null;
  });
  protected readonly chart = computed<BarChartData>(() => {
    const units = this.detail()?.units ?? [];
    return {
      categories: units.map((u) => u.unitName),
      series: [
        {
          id: 'rate',
          label: this.i18n.translate('ikuboss.campaign.chartSeries'),
          values: units.map((u) => u.percent),
        },
      ],
    };
  });
  protected readonly chartHeight = computed(
    () => `${Math.max(8, 2.2 * (this.detail()?.units.length ?? 0) + 4)}rem`,
  );

  protected rate(unit: { declared: number; required: number }): string {
    return unit.required === 0
      ? '—'
      : this.i18n.measure((unit.declared / unit.required) * 100, 'percent');
  }

  protected canDrill(unit: IkubossUnitCompletionDto): boolean {
    return unit.unitCode !== this.detail()?.viewRootUnitCode;
  }

  protected async drill(unitCode: string | null): Promise<void> {
    await this.router.navigate(['/ikuboss/campaigns', this.id()], {
      queryParams: unitCode ? { unit: unitCode } : {},
    });
  }

  protected reload(): void {
    this.resource.reload();
  }
}
