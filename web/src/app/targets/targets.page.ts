import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import { PERMISSIONS } from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import { FiscalYearPipe, TranslatePipe } from '../i18n/translate.pipe';
import { OverviewApi } from '../overview/overview.api';
import { TargetsOverview } from './targets-overview';

@Component({
  selector: 'app-targets-page',
  imports: [RouterLink, TargetsOverview, TranslatePipe, FiscalYearPipe],
  template: `
    <div class="title-row">
      <h1>{{ 'targets.title' | t }}</h1>
      @if (canManage()) {
        <a routerLink="/targets/manage" data-testid="targets-manage-link">{{
          'targets.manageLink' | t
        }}</a>
      }
    </div>
    <div class="field fy">
      <label for="targets-fy">{{ 'overview.fiscalYear' | t }}</label>
      <select
        id="targets-fy"
        data-testid="targets-fy-select"
        (change)="selectFiscalYear($event)"
      >
        @for (fiscalYear of fiscalYears(); track fiscalYear) {
          <option
            [value]="fiscalYear"
            [selected]="fiscalYear === selectedFiscalYear()"
          >
            {{ fiscalYear | fiscalYear }}
          </option>
        }
      </select>
    </div>
    <app-targets-overview
      [fiscalYear]="selectedFiscalYear()"
      [heading]="false"
    />
  `,
  styles: `
    .title-row {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .fy {
      max-width: 14rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetsPage {
  private readonly session = inject(SessionStore);
  private readonly range = inject(OverviewApi).fiscalYears();

  protected readonly canManage = computed(
    () =>
      this.session.session()?.permissions.includes(PERMISSIONS.manageTargets) ??
      false,
  );
  protected readonly fiscalYears = computed(() =>
    this.range.hasValue() ? (this.range.value()?.fiscalYears ?? []) : [],
  );
  protected readonly selectedFiscalYear = linkedSignal<number | null>(
    () => this.fiscalYears().at(-1) ?? null,
  );

  protected selectFiscalYear(event: Event): void {
    this.selectedFiscalYear.set(
      Number((event.target as HTMLSelectElement).value),
    );
  }
}
