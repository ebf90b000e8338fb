import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import { PERMISSIONS, type ApiErrorDto } from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import { toApiError } from '../i18n/api-error';
import {
  FiscalYearPipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { OverviewApi } from '../overview/overview.api';
import { CommitteeApi } from './committee.api';

@Component({
  selector: 'app-committee-list-page',
  imports: [RouterLink, TranslatePipe, FiscalYearPipe, LocalizedPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>{{ 'committee.title' | t }}</h1>
    <p class="intro">{{ 'committee.intro' | t }}</p>
    @if (canPrepare()) {
      <form class="prepare" (submit)="prepare($event)">
        <label for="committee-fy">{{ 'committee.prepareFy' | t }}</label>
        <select
          id="committee-fy"
          data-testid="committee-fy"
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
        <button
          type="submit"
          data-testid="committee-prepare"
          [disabled]="busy() || selectedFiscalYear() === null"
        >
          {{ 'committee.prepare' | t }}
        </button>
      </form>
    }
    @if (error(); as error) {
      <p class="error" role="alert" data-testid="committee-error">
        {{ error.message | localized }}
      </p>
    }
    @if (reviews.value().length === 0 && !reviews.isLoading()) {
      <p>{{ 'committee.none' | t }}</p>
    } @else {
      <ul class="reviews" role="list">
        @for (review of reviews.value(); track review.id) {
          <li>
            <a
              [routerLink]="['/committee', review.id]"
              [attr.data-testid]="
                'committee-review-' + review.fiscalYear + '-' + review.version
              "
            >
              {{ review.fiscalYear | fiscalYear }}
              {{ 'committee.version' | t: { version: review.version } }}
            </a>
            <span class="status" [attr.data-status]="review.status">{{
              statusKey(review.status) | t
            }}</span>
            @if (review.superseded) {
              <span class="superseded">{{ 'committee.superseded' | t }}</span>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .intro {
      color: var(--muted, #555);
      max-width: 48rem;
    }
    .prepare {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin: 1rem 0;
    }
    .reviews {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .reviews li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: baseline;
      padding: 0.5rem 0.75rem;
      border: 1px solid #d8dedb;
      border-radius: 6px;
    }
    .status {
      font-size: 0.85rem;
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      background: #eef3f1;
    }
    .status[data-status='published'] {
      background: #c6efce;
    }
    .status[data-status='signed'] {
      background: #ddebf7;
    }
    .superseded {
      font-size: 0.85rem;
      color: #777;
    }
    .error {
      color: #b00020;
    }
  `,
})
export class CommitteeListPage {
  private readonly api = inject(CommitteeApi);
  private readonly session = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly overview = inject(OverviewApi);

  protected readonly reviews = this.api.reviews();
  private readonly range = this.overview.fiscalYears();
  protected readonly fiscalYears = computed(() =>
    [...(this.range.value()?.fiscalYears ?? [])].reverse(),
  );
  private readonly chosen = signal<number | null>(null);
  protected readonly selectedFiscalYear = computed(
    () => this.chosen() ?? this.fiscalYears()[0] ?? null,
  );
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiErrorDto | null>(null);
  protected readonly canPrepare = computed(() =>
    this.session.can(PERMISSIONS.prepareCommitteeReview),
  );

  protected statusKey(status: 'draft' | 'signed' | 'published') {
    return `committee.status.${status}` as const;
  }

  protected selectFiscalYear(event: Event): void {
    this.chosen.set(Number((event.target as HTMLSelectElement).value));
  }

  protected prepare(event: Event): void {
    event.preventDefault();
    const fiscalYear = this.selectedFiscalYear();
    if (fiscalYear === null) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.prepare(fiscalYear).subscribe({
      next: (review) => {
        this.busy.set(false);
        void this.router.navigate(['/committee', review.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(toApiError(error));
      },
    });
  }
}
