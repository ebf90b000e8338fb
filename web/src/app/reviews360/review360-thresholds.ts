import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  REVIEW360_MIN_THRESHOLD,
  type ApiErrorDto,
  type Review360CycleDto,
  type Review360Thresholds,
} from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { LocalizedPipe, TranslatePipe } from '../i18n/translate.pipe';
import { Reviews360Api } from './reviews360.api';

const KEYS = [
  'subordinateScores',
  'subordinateComments',
  'peerScores',
  'peerComments',
] as const satisfies readonly (keyof Review360Thresholds)[];

/**
 * Minimum group sizes per relationship. In draft any value from 3 up; once launched the inputs
 * start at the current value (raise only) and the API's refusal is shown if one is lowered anyway.
 */
@Component({
  selector: 'app-review360-thresholds',
  imports: [TranslatePipe, LocalizedPipe],
  template: `
    <h2>{{ 'reviews360.thresholds.title' | t }}</h2>
    <p class="note">{{ 'reviews360.thresholds.lead' | t }}</p>
    @if (!draft()) {
      <p class="note" data-testid="review360-thresholds-raise-only">
        {{ 'reviews360.thresholds.raiseOnly' | t }}
      </p>
    }
    <form
      class="thresholds"
      novalidate
      (submit)="save($event)"
      (input)="edited()"
    >
      @for (key of keys; track key) {
        <label
          >{{ labelKey(key) | t }}
          <input
            type="number"
            [name]="key"
            [attr.data-testid]="'review360-threshold-' + key"
            [value]="cycle().thresholds[key]"
            [min]="draft() ? minimum : cycle().thresholds[key]"
            max="50"
            step="1"
        /></label>
      }
      <button
        type="submit"
        class="primary"
        data-testid="review360-thresholds-save"
        [disabled]="cycle().status === 'released'"
      >
        {{
          (draft()
            ? 'reviews360.thresholds.save'
            : 'reviews360.thresholds.raise'
          ) | t
        }}
      </button>
    </form>
    @if (saved()) {
      <p role="status" data-testid="review360-thresholds-saved">
        {{ 'reviews360.thresholds.saved' | t }}
      </p>
    }
    @if (error(); as error) {
      <div class="error" role="alert" data-testid="review360-thresholds-error">
        <p>{{ error.message | localized }}</p>
        @for (detail of error.details ?? []; track $index) {
          <p>{{ detail | localized }}</p>
        }
      </div>
    }
  `,
  styles: `
    .thresholds {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: end;
    }
    label {
      display: grid;
      gap: 0.2rem;
      font-size: 0.85rem;
    }
    input {
      width: 6rem;
    }
    .note {
      color: #555;
      font-size: 0.9rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Review360ThresholdsForm {
  readonly cycle = input.required<Review360CycleDto>();
  readonly changed = output<void>();

  private readonly api = inject(Reviews360Api);
  protected readonly keys = KEYS;
  protected readonly minimum = REVIEW360_MIN_THRESHOLD;
  protected readonly error = signal<ApiErrorDto | null>(null);
  protected readonly saved = signal(false);
  protected readonly draft = computed(() => this.cycle().status === 'draft');

  protected labelKey(key: (typeof KEYS)[number]) {
    return `reviews360.thresholds.${key}` as const;
  }

  /** A new value makes the last "saved" or refusal stale. */
  protected edited(): void {
    this.saved.set(false);
    this.error.set(null);
  }

  /** Sends what was entered; the API (and the database) refuse anything lowered after launch. */
  protected async save(event: Event): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const next = Object.fromEntries(
      KEYS.map((key) => [key, Number(form.get(key))]),
    ) as unknown as Review360Thresholds;
    this.error.set(null);
    this.saved.set(false);
    try {
      await firstValueFrom(this.api.setThresholds(this.cycle().id, next));
      this.saved.set(true);
      this.changed.emit();
    } catch (error) {
      this.error.set(toApiError(error));
    }
  }
}
