import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';

import {
  PERMISSIONS,
  PRACTICE_GOAL_INDICATORS,
  PRACTICE_GOAL_RATINGS,
  type KpiValueDto,
  type PracticeGoalIndicator,
  type PracticeGoalRating,
} from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import { KpiNamePipe, TranslatePipe } from '../i18n/translate.pipe';
import { IkubossFiscalYearSelect } from './fiscal-year-select';
import {
  IkubossProgrammesApi,
  recentFiscalYears,
} from './ikuboss-programmes.api';

/** イクボス実践目標: a manager's goal and team indicators; HR rates and exports the year's goals. */
@Component({
  selector: 'app-ikuboss-goals-page',
  imports: [TranslatePipe, KpiNamePipe, IkubossFiscalYearSelect],
  template: `
    <h2>{{ 'ikubossProgrammes.goals.title' | t }}</h2>
    <app-ikuboss-fy-select selectId="goals-fy" [(value)]="fiscalYear" />
    @if (error(); as error) {
      <div class="error-panel" role="alert" data-testid="goals-error">
        <p>{{ i18n.localize(error.message) }}</p>
      </div>
    }

    @if (isManager()) {
      <section class="panel" data-testid="my-goal">
        <h3>{{ 'ikubossProgrammes.goals.mine' | t }}</h3>
        @if (mine.value(); as goal) {
          <p>
            {{
              'ikubossProgrammes.goals.team' | t: { unit: goal.unitName ?? '—' }
            }}
          </p>
          <form novalidate (submit)="saveMine($event)">
            <div class="field">
              <label for="goal-text">{{
                'ikubossProgrammes.goals.goalText' | t
              }}</label>
              <textarea
                id="goal-text"
                rows="3"
                data-testid="goal-text"
                [value]="goalText()"
                (input)="goalText.set($any($event.target).value)"
                [disabled]="!!goal.hrRating"
              ></textarea>
            </div>
            <fieldset>
              <legend>{{ 'ikubossProgrammes.goals.indicators' | t }}</legend>
              @for (code of indicatorCodes; track code) {
                <div class="check">
                  <input
                    type="checkbox"
                    [id]="'ind-' + code"
                    [attr.data-testid]="'goal-indicator-' + code"
                    [checked]="indicators().includes(code)"
                    (change)="toggle(code)"
                    [disabled]="!!goal.hrRating"
                  />
                  <label [for]="'ind-' + code">{{ code | kpiName }}</label>
                </div>
              }
            </fieldset>
            <div class="field">
              <label for="goal-self">{{
                'ikubossProgrammes.goals.selfAssessment' | t
              }}</label>
              <textarea
                id="goal-self"
                rows="3"
                data-testid="goal-self"
                [value]="selfAssessment()"
                (input)="selfAssessment.set($any($event.target).value)"
                [disabled]="!!goal.hrRating"
              ></textarea>
            </div>
            @if (!goal.hrRating) {
              <button type="submit" class="primary" data-testid="goal-save">
                {{ 'ikubossProgrammes.save' | t }}
              </button>
            } @else {
              <p data-testid="goal-rating">
                {{
                  'ikubossProgrammes.goals.rated' | t: { rating: goal.hrRating }
                }}
                {{ goal.hrComment }}
              </p>
            }
          </form>
          @if (goal.indicators.length > 0) {
            <table data-testid="goal-indicators">
              <thead>
                <tr>
                  <th scope="col">
                    {{ 'ikubossProgrammes.goals.indicator' | t }}
                  </th>
                  <th scope="col" class="num">
                    {{ 'ikubossProgrammes.goals.value' | t }}
                  </th>
                </tr>
              </thead>
              <tbody>
                @for (indicator of goal.indicators; track indicator.code) {
                  <tr>
                    <td>{{ indicator.code | kpiName }}</td>
                    <td class="num">{{ format(indicator.value) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          }
        }
      </section>
    }

    @if (isHr()) {
      <section class="panel" data-testid="goal-review">
        <div class="title-row">
          <h3>{{ 'ikubossProgrammes.goals.all' | t }}</h3>
          <a [href]="exportUrl()" data-testid="goals-export" download>{{
            'ikubossProgrammes.goals.export' | t
          }}</a>
        </div>
        <table>
          <thead>
            <tr>
              <th scope="col">{{ 'ikubossProgrammes.name' | t }}</th>
              <th scope="col">{{ 'ikubossProgrammes.unit' | t }}</th>
              <th scope="col">{{ 'ikubossProgrammes.goals.goalText' | t }}</th>
              <th scope="col">
                {{ 'ikubossProgrammes.goals.indicators' | t }}
              </th>
              <th scope="col">
                {{ 'ikubossProgrammes.goals.selfAssessment' | t }}
              </th>
              <th scope="col">{{ 'ikubossProgrammes.goals.rating' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (goal of goals.value(); track goal.id) {
              <tr>
                <td>{{ goal.managerName }}</td>
                <td>{{ goal.unitName }}</td>
                <td>{{ goal.goalText }}</td>
                <td>
                  @for (indicator of goal.indicators; track indicator.code) {
                    <div>
                      {{ indicator.code | kpiName }}:
                      {{ format(indicator.value) }}
                    </div>
                  }
                </td>
                <td>{{ goal.selfAssessment }}</td>
                <td>
                  <select
                    [attr.aria-label]="'ikubossProgrammes.goals.rating' | t"
                    (change)="rate(goal.id!, $any($event.target).value)"
                  >
                    <option value="" [selected]="!goal.hrRating">—</option>
                    @for (rating of ratings; track rating) {
                      <option
                        [value]="rating"
                        [selected]="rating === goal.hrRating"
                      >
                        {{ rating }}
                      </option>
                    }
                  </select>
                </td>
              </tr>
            } @empty {
              <tr>
                <td colspan="6">{{ 'ikubossProgrammes.goals.none' | t }}</td>
              </tr>
            }
          </tbody>
        </table>
      </section>
    }
  `,
  styles: `
    .panel {
      margin-top: 1rem;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    textarea {
      width: 100%;
      font: inherit;
      padding: 0.45rem 0.6rem;
    }
    fieldset {
      margin: 0 0 1rem;
      border: 1px solid var(--ik-border);
      border-radius: 6px;
    }
    .title-row {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IkubossPracticeGoalsPage {
  private readonly api = inject(IkubossProgrammesApi);
  private readonly session = inject(SessionStore);
  protected readonly i18n = inject(I18nStore);

  protected readonly indicatorCodes = PRACTICE_GOAL_INDICATORS;
  protected readonly ratings = PRACTICE_GOAL_RATINGS;
  protected readonly fiscalYear = signal(recentFiscalYears()[0]!);
  private readonly permissions = computed(
    () => this.session.session()?.permissions ?? [],
  );
  protected readonly isManager = computed(
    () =>
      this.permissions().includes(PERMISSIONS.setIkubossPracticeGoal) &&
      !!this.session.session()?.employeeId,
  );
  protected readonly isHr = computed(() =>
    this.permissions().includes(PERMISSIONS.manageIkubossProgrammes),
  );
  protected readonly mine = this.api.myGoal(() =>
    this.isManager() ? this.fiscalYear() : null,
  );
  protected readonly goals = this.api.goals(() =>
    this.isHr() ? this.fiscalYear() : null,
  );
  protected readonly exportUrl = computed(() =>
    this.api.goalsExportUrl(this.fiscalYear()),
  );

  protected readonly goalText = signal('');
  protected readonly indicators = signal<PracticeGoalIndicator[]>([]);
  protected readonly selfAssessment = signal('');
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => {
    const failure = this.failure() ?? this.mine.error();
    return failure ? toApiError(failure) : null;
  });

  constructor() {
    effect(() => {
      const goal = this.mine.hasValue() ? this.mine.value() : undefined;
      this.goalText.set(goal?.goalText ?? '');
      this.indicators.set(goal?.indicators.map((i) => i.code) ?? []);
      this.selfAssessment.set(goal?.selfAssessment ?? '');
    });
  }

  protected format(value: KpiValueDto | null): string {
    return value ? this.i18n.measure(value.value, value.measure) : '—';
  }

  protected toggle(code: PracticeGoalIndicator): void {
    this.indicators.update((list) =>
      list.includes(code) ? list.filter((c) => c !== code) : [...list, code],
    );
  }

  protected saveMine(event: Event): void {
    event.preventDefault();
    this.failure.set(null);
    this.api
      .saveMyGoal({
        fiscalYear: this.fiscalYear(),
        goalText: this.goalText(),
        indicators: this.indicators(),
        selfAssessment: this.selfAssessment() || null,
      })
      .subscribe({
        next: () => this.mine.reload(),
        error: (error: unknown) => this.failure.set(error),
      });
  }

  protected rate(id: string, rating: string): void {
    if (!rating) return;
    this.api.rateGoal(id, { rating: rating as PracticeGoalRating }).subscribe({
      next: () => this.goals.reload(),
      error: (error: unknown) => this.failure.set(error),
    });
  }
}
