import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';

import { RouterLink } from '@angular/router';

import type { KpiCode, KpiValueDto } from '@ikuboard/shared/contracts';

import { kpiExcelUrl } from '../committee/committee.api';
import { KpiNamePipe, TranslatePipe } from '../i18n/translate.pipe';
import { formatKpiDelta, formatKpiValue, kpiDelta } from './kpi-format';

@Component({
  selector: 'app-kpi-card',
  imports: [RouterLink, TranslatePipe, KpiNamePipe],
  templateUrl: './kpi-card.html',
  styleUrl: './kpi-card.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    '[attr.data-testid]': '"kpi-card-" + code()',
    '[attr.aria-busy]': 'loading()',
  },
})
export class KpiCard {
  readonly code = input.required<KpiCode>();
  readonly current = input<KpiValueDto | null>(null);
  readonly previous = input<KpiValueDto | null>(null);
  readonly loading = input(false);
  readonly unitCode = input<string | null>(null);

  protected readonly detailQuery = computed(() => {
    const fy = this.current()?.fiscalYear;
    const unit = this.unitCode();
    return { ...(fy === undefined ? {} : { fy }), ...(unit ? { unit } : {}) };
  });

  protected readonly excelUrl = computed(() => {
    const fy = this.current()?.fiscalYear;
    return fy === undefined
      ? null
      : kpiExcelUrl(this.code(), fy, this.unitCode());
  });

  protected readonly valueText = computed(() => {
    const current = this.current();
    return formatKpiValue(current?.value ?? null, current?.measure);
  });
  protected readonly counts = computed(() => {
    const current = this.current();
    return current && current.denominator !== null
      ? { female: current.numerator, total: current.denominator }
      : null;
  });
  protected readonly delta = computed(() =>
    kpiDelta(this.current()?.value ?? null, this.previous()?.value ?? null),
  );
  protected readonly deltaText = computed(() => formatKpiDelta(this.delta()));
  protected readonly deltaDirection = computed(() => {
    const delta = this.delta();
    return delta === null || delta === 0 ? 'flat' : delta > 0 ? 'up' : 'down';
  });
}
