import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';

import type {
  ApiErrorDto,
  LegalBasis,
  PlanInputDto,
} from '@ikuboard/shared/contracts';
import { fiscalYearOf } from '@ikuboard/shared/kpi';

import { I18nStore } from '../../i18n/i18n.store';
import type { MessageKey } from '../../i18n/ja';
import { FiscalYearPipe, TranslatePipe } from '../../i18n/translate.pipe';

export const LEGAL_BASES: readonly LegalBasis[] = [
  'both',
  'josei_katsuyaku',
  'jisedai',
];

@Component({
  selector: 'app-plan-form',
  imports: [TranslatePipe, FiscalYearPipe],
  template: `
    <form novalidate data-testid="plan-form" (submit)="submit($event)">
      @if (apiMessages().length > 0) {
        <div class="error-panel" role="alert" data-testid="plan-form-errors">
          @for (message of apiMessages(); track $index) {
            <p>{{ message }}</p>
          }
        </div>
      }
      <div class="grid">
        <div class="field">
          <label for="plan-name">{{ 'planForm.name' | t }}</label>
          <input
            id="plan-name"
            type="text"
            data-testid="plan-name"
            [placeholder]="'planForm.namePlaceholder' | t"
            [value]="name()"
            [attr.aria-invalid]="
              problem() === 'planForm.nameRequired' ? true : null
            "
            (input)="name.set(valueOf($event))"
          />
        </div>
        <div class="field">
          <label for="plan-start">{{ 'planForm.start' | t }}</label>
          <select
            id="plan-start"
            data-testid="plan-start"
            (change)="start.set(+valueOf($event))"
          >
            @for (year of years; track year) {
              <option [value]="year" [selected]="year === start()">
                {{ year | fiscalYear }}
              </option>
            }
          </select>
        </div>
        <div class="field">
          <label for="plan-end">{{ 'planForm.end' | t }}</label>
          <select
            id="plan-end"
            data-testid="plan-end"
            [attr.aria-invalid]="
              problem() === 'planForm.endBeforeStart' ? true : null
            "
            (change)="end.set(+valueOf($event))"
          >
            @for (year of years; track year) {
              <option [value]="year" [selected]="year === end()">
                {{ year | fiscalYear }}
              </option>
            }
          </select>
        </div>
        <div class="field">
          <label for="plan-basis">{{ 'planForm.legalBasis' | t }}</label>
          <select
            id="plan-basis"
            data-testid="plan-basis"
            (change)="basis.set($any(valueOf($event)))"
          >
            @for (option of bases; track option) {
              <option [value]="option" [selected]="option === basis()">
                {{ basisKey(option) | t }}
              </option>
            }
          </select>
        </div>
      </div>
      @if (problem(); as problem) {
        <p class="error" data-testid="plan-form-problem">{{ problem | t }}</p>
      }
      <div class="buttons">
        <button
          type="submit"
          class="primary"
          data-testid="plan-save"
          [disabled]="saving()"
        >
          {{ (saving() ? 'targetForm.saving' : 'planForm.save') | t }}
        </button>
        <button
          type="button"
          data-testid="plan-cancel"
          (click)="dismiss.emit()"
        >
          {{ 'targetForm.cancel' | t }}
        </button>
      </div>
    </form>
  `,
  styleUrl: './manage-forms.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PlanForm {
  private readonly i18n = inject(I18nStore);

  readonly saving = input(false);
  readonly apiError = input<ApiErrorDto | null>(null);
  readonly save = output<PlanInputDto>();
  readonly dismiss = output<void>();

  private readonly currentFiscalYear = fiscalYearOf(
    new Date().toISOString().slice(0, 10),
  );
  protected readonly years = Array.from(
    { length: 16 },
    (_, i) => this.currentFiscalYear - 5 + i,
  );
  protected readonly bases = LEGAL_BASES;
  protected readonly name = signal('');
  // 特定事業主行動計画 usually run five fiscal years from the next April.
  protected readonly start = signal(this.currentFiscalYear + 1);
  protected readonly end = signal(this.currentFiscalYear + 5);
  protected readonly basis = signal<LegalBasis>('both');
  protected readonly problem = signal<MessageKey | null>(null);

  protected readonly apiMessages = computed(() => {
    const error = this.apiError();
    return error
      ? [error.message, ...(error.details ?? [])].map((text) =>
          this.i18n.localize(text),
        )
      : [];
  });

  protected basisKey(basis: LegalBasis) {
    return `planForm.basis.${basis}` as const;
  }

  protected valueOf(event: Event): string {
    return (event.target as HTMLInputElement | HTMLSelectElement).value;
  }

  protected submit(event: Event): void {
    event.preventDefault();
    const name = this.name().trim();
    if (name === '') {
      this.problem.set('planForm.nameRequired');
      return;
    }
    if (this.end() < this.start()) {
      this.problem.set('planForm.endBeforeStart');
      return;
    }
    this.problem.set(null);
    this.save.emit({
      name,
      startFiscalYear: this.start(),
      endFiscalYear: this.end(),
      legalBasis: this.basis(),
    });
  }
}
