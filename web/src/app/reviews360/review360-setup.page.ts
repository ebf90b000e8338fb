import {
  ChangeDetectionStrategy,
  Component,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import type { ApiErrorDto } from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import {
  FiscalYearPipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { Review360Assignments } from './review360-assignments';
import { Review360Builder } from './review360-builder';
import { Review360ThresholdsForm } from './review360-thresholds';
import { Reviews360Api } from './reviews360.api';

/** HR prepares one cycle: questionnaire, who rates whom, minimum group sizes, then launch. */
@Component({
  selector: 'app-review360-setup-page',
  imports: [
    RouterLink,
    TranslatePipe,
    FiscalYearPipe,
    LocalizedPipe,
    Review360Builder,
    Review360Assignments,
    Review360ThresholdsForm,
  ],
  template: `
    <p>
      <a routerLink="/reviews360/manage">{{ 'reviews360.setup.back' | t }}</a>
    </p>
    @if (cycle.hasValue() ? cycle.value() : null; as c) {
      <h1 data-testid="review360-setup-title">
        {{ c.fiscalYear | fiscalYear }} {{ c.name }}
        <small
          data-testid="review360-setup-status"
          [attr.data-status]="c.status"
          >({{ statusKey(c.status) | t }})</small
        >
      </h1>
      <section class="panel">
        <app-review360-thresholds [cycle]="c" (changed)="refresh()" />
      </section>
      <section class="panel">
        <app-review360-builder [cycle]="c" (changed)="refresh()" />
      </section>
      <section class="panel">
        <app-review360-assignments [cycle]="c" (changed)="refresh()" />
      </section>
      @if (c.status === 'draft') {
        <section class="panel launch">
          <p>{{ 'reviews360.setup.launchLead' | t }}</p>
          <button
            type="button"
            class="primary"
            data-testid="review360-launch"
            (click)="launch(c.id)"
          >
            {{ 'reviews360.manage.launch' | t }}
          </button>
        </section>
      }
      @if (launched()) {
        <p role="status" data-testid="review360-launched">
          {{ 'reviews360.setup.launched' | t }}
        </p>
      }
    }
    @if (error(); as error) {
      <div class="error" role="alert" data-testid="review360-setup-error">
        <p>{{ error.message | localized }}</p>
        @for (detail of error.details ?? []; track $index) {
          <p>{{ detail | localized }}</p>
        }
      </div>
    }
  `,
  styles: `
    .panel {
      margin-bottom: 1.5rem;
    }
    h1 small {
      font-size: 1rem;
      color: #555;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Review360SetupPage {
  readonly cycleId = input.required<string>();

  private readonly api = inject(Reviews360Api);
  protected readonly error = signal<ApiErrorDto | null>(null);
  protected readonly launched = signal(false);

  protected readonly cycle = rxResource({
    params: () => this.cycleId(),
    stream: ({ params }) => this.api.cycle(params),
  });

  protected statusKey(status: string) {
    return `reviews360.status.${status as 'draft'}` as const;
  }

  /** Reloads in place (the value stays), so the sections keep their unsaved state. */
  protected refresh(): void {
    this.cycle.reload();
  }

  protected async launch(id: string): Promise<void> {
    this.error.set(null);
    try {
      await firstValueFrom(this.api.step(id, 'launch'));
      this.launched.set(true);
      this.refresh();
    } catch (error) {
      this.error.set(toApiError(error));
    }
  }
}
