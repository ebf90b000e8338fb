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
  type TargetProgressDto,
} from '@ikuboard/shared/contracts';
import { Sparkline } from '@ikuboard/web/ui-charts';

import { kpiExcelUrl } from '../committee/committee.api';
import { I18nStore } from '../i18n/i18n.store';
import { KpiNamePipe, TranslatePipe } from '../i18n/translate.pipe';
import { TargetStatusBadge } from './target-status-badge';
import { progressSeries, targetGoalText } from './target-format';

@Component({
  selector: 'app-target-card',
  imports: [
    RouterLink,
    Sparkline,
    TargetStatusBadge,
    TranslatePipe,
    KpiNamePipe,
  ],
  templateUrl: './target-card.html',
  styleUrl: './target-card.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.data-testid]': '"target-card-" + progress().target.kpiCode',
    '[attr.data-status]': 'progress().status',
  },
})
export class TargetCard {
  private readonly i18n = inject(I18nStore);

  readonly progress = input.required<TargetProgressDto>();
  /** Name of the target's org unit; null = the whole organization. */
  readonly unitName = input<string | null>(null);

  protected readonly code = computed(() => this.progress().target.kpiCode);
  protected readonly period = computed(
    () => KPI_DEFINITIONS[this.code()]?.period ?? 'fiscal',
  );
  protected readonly goal = computed(() =>
    targetGoalText(this.i18n, this.progress().target, this.progress().measure),
  );
  protected readonly actualText = computed(() =>
    this.i18n.measure(this.progress().actual, this.progress().measure),
  );
  protected readonly yearText = computed(() =>
    this.i18n.period(this.progress().fiscalYear, this.period()),
  );
  protected readonly gapText = computed(() =>
    this.i18n.gap(this.progress().gap, this.progress().measure),
  );
  protected readonly trajectoryText = computed(() =>
    this.i18n.measure(this.progress().trajectory, this.progress().measure),
  );
  protected readonly series = computed(() =>
    progressSeries(this.i18n, this.progress().series),
  );
  protected readonly chartUnit = computed(() =>
    this.i18n.chartUnit(this.progress().measure),
  );
  /** The sparkline's figures: the KPI's workbook for the target's unit and year. */
  protected readonly excelUrl = computed(() => {
    const { target, fiscalYear } = this.progress();
    return kpiExcelUrl(target.kpiCode, fiscalYear, target.orgUnitCode);
  });
  protected readonly detailQuery = computed(() => {
    const { target, fiscalYear } = this.progress();
    return target.orgUnitCode
      ? { fy: fiscalYear, unit: target.orgUnitCode }
      : { fy: fiscalYear };
  });
}
