import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';

import { toApiError } from '../i18n/api-error';
import {
  FiscalYearPipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { OverviewApi } from '../overview/overview.api';
import { TargetCard } from './target-card';
import { TargetsApi } from './targets.api';

/** One card per plan target for a fiscal year; on the dashboard and on /targets. */
@Component({
  selector: 'app-targets-overview',
  imports: [TargetCard, TranslatePipe, FiscalYearPipe, LocalizedPipe],
  templateUrl: './targets-overview.html',
  styleUrl: './targets-overview.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'targets-overview',
    '[attr.aria-busy]': 'progress.isLoading()',
  },
})
export class TargetsOverview {
  private readonly api = inject(TargetsApi);

  readonly fiscalYear = input.required<number | null>();
  /** h2 on the dashboard, h2 under the page title on /targets: the heading level stays the same. */
  readonly heading = input(true);

  protected readonly progress = this.api.progress(() => this.fiscalYear());
  private readonly orgUnits = inject(OverviewApi).orgUnits();

  protected readonly cards = computed(() =>
    this.progress.hasValue() ? this.progress.value() : [],
  );
  protected readonly error = computed(() => {
    const failure = this.progress.error();
    return failure ? toApiError(failure) : null;
  });
  private readonly unitNames = computed(
    () =>
      new Map(
        (this.orgUnits.hasValue() ? this.orgUnits.value() : []).map((unit) => [
          unit.code,
          unit.name,
        ]),
      ),
  );

  protected unitName(code: string | null): string | null {
    return code === null ? null : (this.unitNames().get(code) ?? code);
  }

  protected reload(): void {
    this.progress.reload();
  }
}
