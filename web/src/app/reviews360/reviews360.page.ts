import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { catchError, of } from 'rxjs';

import { PERMISSIONS } from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import { FiscalYearPipe, TranslatePipe } from '../i18n/translate.pipe';
import { Reviews360Api } from './reviews360.api';

/** The rater's own list (with the anonymity promise) and the person rated's released reports. */
@Component({
  selector: 'app-reviews360-page',
  imports: [RouterLink, TranslatePipe, FiscalYearPipe],
  template: `
    <div class="title-row">
      <h1>{{ 'reviews360.title' | t }}</h1>
      @if (canManage()) {
        <a
          routerLink="/reviews360/manage"
          data-testid="review360-manage-link"
          >{{ 'reviews360.manage.link' | t }}</a
        >
      }
    </div>
    <section class="panel promise" data-testid="review360-promise">
      <h2>{{ 'reviews360.promise.title' | t }}</h2>
      <p>
        {{
          'reviews360.promise.body'
            | t: { min: promiseMin().scores, comments: promiseMin().comments }
        }}
      </p>
      <p class="note">{{ 'reviews360.promise.attributed' | t }}</p>
    </section>
    <section>
      <h2>{{ 'reviews360.tasks' | t }}</h2>
      @if (tasks().length === 0) {
        <p>{{ 'reviews360.noTasks' | t }}</p>
      } @else {
        <ul class="tasks" role="list">
          @for (task of tasks(); track task.assignmentId) {
            <li class="panel task" [attr.data-answered]="task.answered">
              <div>
                <strong>{{ task.ratee.name }}</strong>
                <span class="meta">
                  {{ task.ratee.unitName }} {{ task.ratee.stageName }} ·
                  {{ relationshipKey(task.relationship) | t }} ·
                  {{ task.fiscalYear | fiscalYear }}
                </span>
              </div>
              @if (task.answered) {
                <span class="done">{{ 'reviews360.answered' | t }}</span>
              } @else {
                <a
                  class="button"
                  [routerLink]="[
                    '/reviews360/answer',
                    task.cycleId,
                    task.assignmentId,
                  ]"
                  data-testid="review360-answer-link"
                  >{{ 'reviews360.answer' | t }}</a
                >
              }
            </li>
          }
        </ul>
      }
    </section>
    <section>
      <h2>{{ 'reviews360.myReports' | t }}</h2>
      @if (reports().length === 0) {
        <p data-testid="review360-no-reports">
          {{ 'reviews360.noReports' | t }}
        </p>
      } @else {
        <ul role="list">
          @for (cycle of reports(); track cycle.id) {
            <li>
              <a
                [routerLink]="['/reviews360/report', cycle.id]"
                data-testid="review360-report-link"
                >{{ cycle.fiscalYear | fiscalYear }} {{ cycle.name }}</a
              >
            </li>
          }
        </ul>
      }
    </section>
  `,
  styles: `
    .title-row {
      display: flex;
      flex-wrap: wrap;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5rem 1rem;
    }
    .promise {
      border-left: 4px solid #2f5d50;
    }
    .note,
    .meta {
      color: #555;
      font-size: 0.9rem;
    }
    .tasks {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .task {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      align-items: center;
      gap: 0.5rem;
    }
    .meta {
      display: block;
    }
    .button {
      display: inline-block;
      padding: 0.6rem 1.2rem;
      border-radius: 4px;
      background: #2f5d50;
      color: #fff;
      text-decoration: none;
    }
    .done {
      color: #2f5d50;
      font-weight: bold;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Reviews360Page {
  private readonly api = inject(Reviews360Api);
  private readonly session = inject(SessionStore);

  protected readonly tasks = toSignal(
    this.api.tasks().pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  protected readonly reports = toSignal(
    this.api.myReports().pipe(catchError(() => of([]))),
    { initialValue: [] },
  );
  protected readonly canManage = computed(
    () =>
      this.session
        .session()
        ?.permissions.includes(PERMISSIONS.manageReviews360) ?? false,
  );
  protected readonly promiseMin = computed(() => {
    const anonymous = this.tasks().find(
      (t) => t.relationship === 'subordinate' || t.relationship === 'peer',
    );
    return {
      scores: anonymous?.minScores ?? 3,
      comments: anonymous?.minComments ?? 5,
    };
  });

  protected relationshipKey(relationship: string) {
    return `reviews360.relationship.${relationship}` as
      | 'reviews360.relationship.self'
      | 'reviews360.relationship.supervisor'
      | 'reviews360.relationship.subordinate'
      | 'reviews360.relationship.peer';
  }
}
