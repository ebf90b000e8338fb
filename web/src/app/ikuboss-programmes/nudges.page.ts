import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';

import { PERMISSIONS, type NudgeFatherDto } from '@ikuboard/shared/contracts';
import { roundHalfUp } from '@ikuboard/shared/kpi';

import { SessionStore } from '../auth/session.store';
import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import { TranslatePipe } from '../i18n/translate.pipe';
import { IkubossFiscalYearSelect } from './fiscal-year-select';
import {
  IkubossProgrammesApi,
  recentFiscalYears,
} from './ikuboss-programmes.api';

/**
 * 部下の育休面談: new fathers who have not started childcare leave. A manager sees his direct
 * reports and records the イクボス面談; HR also sees the counts per unit.
 */
@Component({
  selector: 'app-ikuboss-nudges-page',
  imports: [TranslatePipe, IkubossFiscalYearSelect],
  template: `
    <h2>{{ 'ikubossProgrammes.nudges.title' | t }}</h2>
    <p class="lead">{{ 'ikubossProgrammes.nudges.lead' | t }}</p>
    <app-ikuboss-fy-select selectId="nudges-fy" [(value)]="fiscalYear" />

    @if (isHr()) {
      <section class="panel" aria-labelledby="nudge-summary-title">
        <h2 id="nudge-summary-title">
          {{ 'ikubossProgrammes.nudges.summaryTitle' | t }}
        </h2>
        @if (summary.value(); as data) {
          @if (data.viewRootUnitName; as rootName) {
            <p>
              {{ 'ikubossManage.nudges.viewing' | t: { unit: rootName } }} ·
              <button
                type="button"
                class="drill"
                data-testid="nudge-summary-up"
                (click)="summaryUnit.set(null)"
              >
                {{ 'ikubossManage.nudges.up' | t }}
              </button>
            </p>
          }
          <table data-testid="nudge-summary">
            <thead>
              <tr>
                <th scope="col">{{ 'ikubossProgrammes.unit' | t }}</th>
                <th scope="col" class="num">
                  {{ 'ikubossProgrammes.nudges.eligible' | t }}
                </th>
                <th scope="col" class="num">
                  {{ 'ikubossProgrammes.nudges.interviewed' | t }}
                </th>
                <th scope="col" class="num">
                  {{ 'ikubossProgrammes.nudges.share' | t }}
                </th>
                <th scope="col" class="num">
                  {{ 'ikubossProgrammes.nudges.onLeave' | t }}
                </th>
              </tr>
            </thead>
            <tbody>
              @for (unit of data.units; track unit.unitCode) {
                <tr [attr.data-testid]="'nudge-unit-' + unit.unitCode">
                  <th scope="row">
                    @if (unit.hasChildren) {
                      <button
                        type="button"
                        class="drill"
                        [attr.data-testid]="'nudge-drill-' + unit.unitCode"
                        (click)="summaryUnit.set(unit.unitCode)"
                      >
                        {{ unit.unitName }}
                      </button>
                    } @else {
                      {{ unit.unitName }}
                    }
                  </th>
                  <td class="num">{{ unit.eligibleFathers }}</td>
                  <td class="num">{{ unit.interviewed }}</td>
                  <td class="num">{{ share(unit.interviewedShare) }}</td>
                  <td class="num">{{ unit.onLeave }}</td>
                </tr>
              }
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{{ 'ikubossProgrammes.total' | t }}</th>
                <td class="num" data-testid="nudge-total-eligible">
                  {{ data.total.eligibleFathers }}
                </td>
                <td class="num" data-testid="nudge-total-interviewed">
                  {{ data.total.interviewed }}
                </td>
                <td class="num">{{ share(data.total.interviewedShare) }}</td>
                <td class="num" data-testid="nudge-total-on-leave">
                  {{ data.total.onLeave }}
                </td>
              </tr>
            </tfoot>
          </table>
        }
      </section>
    }

    @if (error(); as error) {
      <div class="error-panel" role="alert" data-testid="nudges-error">
        <p>{{ i18n.localize(error.message) }}</p>
      </div>
    }

    <section class="panel" aria-labelledby="nudge-list-title">
      <h2 id="nudge-list-title">
        {{ 'ikubossProgrammes.nudges.listTitle' | t }}
      </h2>
      @if (fathers().length === 0) {
        <p data-testid="nudges-empty">
          {{ 'ikubossProgrammes.nudges.empty' | t }}
        </p>
      } @else {
        <table data-testid="nudge-list">
          <thead>
            <tr>
              <th scope="col">{{ 'ikubossProgrammes.employeeNumber' | t }}</th>
              <th scope="col">{{ 'ikubossProgrammes.name' | t }}</th>
              <th scope="col">{{ 'ikubossProgrammes.unit' | t }}</th>
              @if (isHr()) {
                <th scope="col">{{ 'ikubossProgrammes.nudges.boss' | t }}</th>
              }
              <th scope="col">
                {{ 'ikubossProgrammes.nudges.birthDate' | t }}
              </th>
              <th scope="col" class="num">
                {{ 'ikubossProgrammes.nudges.daysSinceBirth' | t }}
              </th>
              <th scope="col">
                {{ 'ikubossProgrammes.nudges.interview' | t }}
              </th>
              <th scope="col">
                <span class="visually-hidden">{{
                  'ikubossProgrammes.actions' | t
                }}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            @for (father of fathers(); track father.childId) {
              <tr [attr.data-testid]="'nudge-row-' + father.employeeNumber">
                <td>{{ father.employeeNumber }}</td>
                <td>{{ father.name }}</td>
                <td>{{ father.unitName }}</td>
                @if (isHr()) {
                  <td>{{ father.supervisorName }}</td>
                }
                <td>{{ father.birthDate }}</td>
                <td class="num">
                  {{
                    'ikubossProgrammes.nudges.days'
                      | t: { days: father.daysSinceBirth }
                  }}
                </td>
                <td
                  [attr.data-testid]="'nudge-status-' + father.employeeNumber"
                >
                  @if (father.interview; as interview) {
                    {{
                      'ikubossProgrammes.nudges.interviewedOn'
                        | t: { date: interview.interviewDate }
                    }}
                    @if (interview.plannedStart) {
                      <br />{{
                        'ikubossProgrammes.nudges.planned'
                          | t
                            : {
                                start: interview.plannedStart,
                                end: interview.plannedEnd ?? '',
                              }
                      }}
                    } @else {
                      <br />{{ interview.noPlanReason }}
                    }
                  } @else {
                    <span class="badge">{{
                      'ikubossProgrammes.nudges.notYet' | t
                    }}</span>
                  }
                </td>
                <td>
                  <button
                    type="button"
                    class="small"
                    [attr.data-testid]="'nudge-record-' + father.employeeNumber"
                    (click)="open(father)"
                  >
                    {{ 'ikubossProgrammes.nudges.record' | t }}
                  </button>
                </td>
              </tr>
              @if (editing() === father.childId) {
                <tr>
                  <td [attr.colspan]="isHr() ? 8 : 7">
                    <form
                      class="interview"
                      novalidate
                      data-testid="interview-form"
                      (submit)="save($event, father)"
                    >
                      <div class="field">
                        <label for="iv-date">{{
                          'ikubossProgrammes.nudges.interviewDate' | t
                        }}</label>
                        <input
                          id="iv-date"
                          type="date"
                          data-testid="interview-date"
                          [value]="date()"
                          (input)="date.set($any($event.target).value)"
                        />
                      </div>
                      <div class="field">
                        <label for="iv-start">{{
                          'ikubossProgrammes.nudges.plannedStart' | t
                        }}</label>
                        <input
                          id="iv-start"
                          type="date"
                          data-testid="interview-planned-start"
                          [value]="plannedStart()"
                          (input)="plannedStart.set($any($event.target).value)"
                        />
                      </div>
                      <div class="field">
                        <label for="iv-end">{{
                          'ikubossProgrammes.nudges.plannedEnd' | t
                        }}</label>
                        <input
                          id="iv-end"
                          type="date"
                          data-testid="interview-planned-end"
                          [value]="plannedEnd()"
                          (input)="plannedEnd.set($any($event.target).value)"
                        />
                      </div>
                      <div class="field reason">
                        <label for="iv-reason">{{
                          'ikubossProgrammes.nudges.noPlanReason' | t
                        }}</label>
                        <input
                          id="iv-reason"
                          type="text"
                          data-testid="interview-reason"
                          [value]="reason()"
                          (input)="reason.set($any($event.target).value)"
                        />
                      </div>
                      <div class="buttons">
                        <button
                          type="submit"
                          class="primary"
                          data-testid="interview-save"
                          [disabled]="saving()"
                        >
                          {{ 'ikubossProgrammes.save' | t }}
                        </button>
                        <button type="button" (click)="editing.set(null)">
                          {{ 'ikubossProgrammes.cancel' | t }}
                        </button>
                      </div>
                    </form>
                  </td>
                </tr>
              }
            }
          </tbody>
        </table>
      }
    </section>
  `,
  styles: `
    button.drill {
      background: none;
      border: none;
      padding: 0;
      color: var(--ik-link, #1a5fb4);
      text-decoration: underline;
      cursor: pointer;
      font: inherit;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .panel {
      margin-top: 1rem;
    }
    .badge {
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      background: var(--ik-surface-alt, #fdf3e1);
      font-size: 0.85rem;
    }
    .interview {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: flex-end;
    }
    .interview .reason {
      flex: 1 1 16rem;
    }
    .buttons {
      display: flex;
      gap: 0.5rem;
      margin-bottom: 0.75rem;
    }
    button.small {
      padding: 0.2rem 0.6rem;
      font-size: 0.85rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IkubossNudgesPage {
  private readonly api = inject(IkubossProgrammesApi);
  private readonly session = inject(SessionStore);
  protected readonly i18n = inject(I18nStore);

  protected readonly fiscalYear = signal(recentFiscalYears()[0]!);
  protected readonly isHr = computed(
    () =>
      this.session
        .session()
        ?.permissions.includes(PERMISSIONS.manageIkubossProgrammes) ?? false,
  );
  protected readonly list = this.api.nudges(() => this.fiscalYear());
  /** The unit whose sub-units the HR counts list (null: the top-level units). */
  protected readonly summaryUnit = signal<string | null>(null);
  protected readonly summary = this.api.nudgeSummary(
    () => (this.isHr() ? this.fiscalYear() : null),
    () => this.summaryUnit(),
  );
  protected readonly fathers = computed(() =>
    this.list.hasValue() ? (this.list.value()?.fathers ?? []) : [],
  );
  private readonly saveError = signal<unknown>(null);
  protected readonly error = computed(() => {
    const failure = this.saveError() ?? this.list.error();
    return failure ? toApiError(failure) : null;
  });

  protected readonly editing = signal<string | null>(null);
  protected readonly date = signal('');
  protected readonly plannedStart = signal('');
  protected readonly plannedEnd = signal('');
  protected readonly reason = signal('');
  protected readonly saving = signal(false);

  protected share(value: number | null): string {
    return value === null ? '—' : `${roundHalfUp(value).toFixed(1)}%`;
  }

  protected open(father: NudgeFatherDto): void {
    this.editing.set(father.childId);
    this.saveError.set(null);
    this.date.set(
      father.interview?.interviewDate ?? new Date().toISOString().slice(0, 10),
    );
    this.plannedStart.set(father.interview?.plannedStart ?? '');
    this.plannedEnd.set(father.interview?.plannedEnd ?? '');
    this.reason.set(father.interview?.noPlanReason ?? '');
  }

  protected save(event: Event, father: NudgeFatherDto): void {
    event.preventDefault();
    this.saving.set(true);
    this.api
      .recordInterview({
        childId: father.childId,
        interviewDate: this.date(),
        plannedStart: this.plannedStart() || null,
        plannedEnd: this.plannedEnd() || null,
        noPlanReason: this.reason() || null,
      })
      .subscribe({
        next: () => {
          this.saving.set(false);
          this.editing.set(null);
          this.list.reload();
          this.summary.reload();
        },
        error: (error: unknown) => {
          this.saving.set(false);
          this.saveError.set(error);
        },
      });
  }
}
