import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';

import {
  IKUBOSS_TRAINING_KINDS,
  IKUBOSS_TRAINING_KIND_NAMES,
  type EmployeeOptionDto,
  type IkubossTrainingKind,
  type TrainingAttendanceImportDto,
} from '@ikuboard/shared/contracts';
import { roundHalfUp } from '@ikuboard/shared/kpi';

import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import { FiscalYearPipe, TranslatePipe } from '../i18n/translate.pipe';
import { IkubossFiscalYearSelect } from './fiscal-year-select';
import {
  IkubossProgrammesApi,
  recentFiscalYears,
} from './ikuboss-programmes.api';

/** Trainings (イクボス研修 …), attendance by picking employees or by .xlsx, and the KPI. */
@Component({
  selector: 'app-ikuboss-trainings-page',
  imports: [TranslatePipe, FiscalYearPipe, IkubossFiscalYearSelect],
  template: `
    <h2>{{ 'ikubossProgrammes.trainings.title' | t }}</h2>
    <app-ikuboss-fy-select selectId="trainings-fy" [(value)]="fiscalYear" />
    <p class="kpi" data-testid="training-kpi">
      {{ 'ikubossProgrammes.trainings.kpi' | t }}:
      <strong>{{ rate() }}</strong>
    </p>

    @if (error(); as error) {
      <div class="error-panel" role="alert" data-testid="trainings-error">
        <p>{{ i18n.localize(error.message) }}</p>
        @for (detail of error.details ?? []; track $index) {
          <p>{{ i18n.localize(detail) }}</p>
        }
      </div>
    }

    <div class="layout">
      <section class="panel">
        <h3>{{ 'ikubossProgrammes.trainings.sessions' | t }}</h3>
        <table data-testid="training-list">
          <thead>
            <tr>
              <th scope="col">
                {{ 'ikubossProgrammes.trainings.heldOn' | t }}
              </th>
              <th scope="col">{{ 'ikubossProgrammes.trainings.name' | t }}</th>
              <th scope="col" class="num">
                {{ 'ikubossProgrammes.trainings.attendees' | t }}
              </th>
              <th scope="col" class="num">
                {{ 'ikubossProgrammes.trainings.managers' | t }}
              </th>
            </tr>
          </thead>
          <tbody>
            @for (training of trainings.value(); track training.id) {
              <tr [class.selected]="training.id === selectedId()">
                <td>{{ training.heldOn }}</td>
                <td>
                  <button
                    type="button"
                    class="link-button"
                    [attr.data-testid]="'training-open-' + $index"
                    (click)="selectedId.set(training.id)"
                  >
                    {{ training.name }}
                  </button>
                </td>
                <td class="num">{{ training.attendeeCount }}</td>
                <td class="num">{{ training.managerAttendeeCount }}</td>
              </tr>
            } @empty {
              <tr>
                <td colspan="4">
                  {{
                    'ikubossProgrammes.trainings.none'
                      | t: { fy: (fiscalYear() | fiscalYear) }
                  }}
                </td>
              </tr>
            }
          </tbody>
        </table>

        <form
          class="create"
          novalidate
          data-testid="training-form"
          (submit)="create($event)"
        >
          <h4>{{ 'ikubossProgrammes.trainings.new' | t }}</h4>
          <div class="field">
            <label for="tr-kind">{{
              'ikubossProgrammes.trainings.kind' | t
            }}</label>
            <select
              id="tr-kind"
              data-testid="training-kind"
              (change)="kind.set($any($event.target).value)"
            >
              @for (k of kinds; track k) {
                <option [value]="k" [selected]="k === kind()">
                  {{ kindName(k) }}
                </option>
              }
            </select>
          </div>
          @if (kind() === 'custom') {
            <div class="field">
              <label for="tr-name">{{
                'ikubossProgrammes.trainings.name' | t
              }}</label>
              <input
                id="tr-name"
                type="text"
                data-testid="training-name"
                [value]="name()"
                (input)="name.set($any($event.target).value)"
              />
            </div>
          }
          <div class="field">
            <label for="tr-date">{{
              'ikubossProgrammes.trainings.heldOn' | t
            }}</label>
            <input
              id="tr-date"
              type="date"
              data-testid="training-date"
              [value]="heldOn()"
              (input)="heldOn.set($any($event.target).value)"
            />
          </div>
          <button type="submit" class="primary" data-testid="training-create">
            {{ 'ikubossProgrammes.trainings.create' | t }}
          </button>
        </form>
      </section>

      @if (detail.value(); as training) {
        <section class="panel" data-testid="training-detail">
          <h3>{{ training.name }} ({{ training.heldOn }})</h3>
          <div class="pick">
            <div class="field">
              <label for="tr-search">{{
                'ikubossProgrammes.trainings.search' | t
              }}</label>
              <input
                id="tr-search"
                type="text"
                data-testid="attendee-search"
                [value]="query()"
                (input)="search($any($event.target).value)"
              />
            </div>
            @if (options().length > 0) {
              <ul class="options" role="list">
                @for (option of options(); track option.employeeNumber) {
                  <li>
                    <button
                      type="button"
                      class="link-button"
                      [attr.data-testid]="
                        'attendee-option-' + option.employeeNumber
                      "
                      (click)="addAttendee(training.id, option)"
                    >
                      + {{ option.employeeNumber }} {{ option.name }} ({{
                        option.unitName
                      }})
                    </button>
                  </li>
                }
              </ul>
            }
          </div>
          <form
            class="import"
            novalidate
            (submit)="importFile($event, training.id)"
          >
            <div class="field">
              <label for="tr-file">{{
                'ikubossProgrammes.trainings.importFile' | t
              }}</label>
              <input
                id="tr-file"
                type="file"
                accept=".xlsx"
                data-testid="attendance-file"
                (change)="file.set($any($event.target).files?.[0] ?? null)"
              />
            </div>
            <div class="check">
              <input
                id="tr-dry"
                type="checkbox"
                data-testid="attendance-dry-run"
                [checked]="dryRun()"
                (change)="dryRun.set($any($event.target).checked)"
              />
              <label for="tr-dry">{{
                'ikubossProgrammes.trainings.dryRun' | t
              }}</label>
            </div>
            <button
              type="submit"
              data-testid="attendance-import"
              [disabled]="!file()"
            >
              {{ 'ikubossProgrammes.trainings.import' | t }}
            </button>
          </form>
          @if (importResult(); as result) {
            <div class="result" data-testid="attendance-import-result">
              @if (result.errors.length === 0) {
                <p>
                  {{
                    (result.dryRun
                      ? 'ikubossProgrammes.trainings.dryRunOk'
                      : 'ikubossProgrammes.trainings.imported'
                    ) | t: { rows: result.rows, added: result.added }
                  }}
                </p>
              } @else {
                <p class="error">
                  {{
                    'ikubossProgrammes.trainings.importErrors'
                      | t: { count: result.errors.length }
                  }}
                </p>
                <table>
                  <thead>
                    <tr>
                      <th>{{ 'ikubossProgrammes.trainings.row' | t }}</th>
                      <th>{{ 'ikubossProgrammes.trainings.value' | t }}</th>
                      <th>{{ 'ikubossProgrammes.trainings.reason' | t }}</th>
                    </tr>
                  </thead>
                  <tbody>
                    @for (problem of result.errors; track $index) {
                      <tr>
                        <td>{{ problem.row }}</td>
                        <td>{{ problem.value }}</td>
                        <td>{{ i18n.localize(problem.message) }}</td>
                      </tr>
                    }
                  </tbody>
                </table>
              }
            </div>
          }
          <div class="attendees">
            <table data-testid="attendee-list">
              <thead>
                <tr>
                  <th scope="col">
                    {{ 'ikubossProgrammes.employeeNumber' | t }}
                  </th>
                  <th scope="col">{{ 'ikubossProgrammes.name' | t }}</th>
                  <th scope="col">{{ 'ikubossProgrammes.unit' | t }}</th>
                  <th scope="col">
                    {{ 'ikubossProgrammes.trainings.isManager' | t }}
                  </th>
                  <th scope="col">
                    <span class="visually-hidden">{{
                      'ikubossProgrammes.actions' | t
                    }}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                @for (
                  attendee of training.attendees;
                  track attendee.employeeNumber
                ) {
                  <tr>
                    <td>{{ attendee.employeeNumber }}</td>
                    <td>{{ attendee.name }}</td>
                    <td>{{ attendee.unitName }}</td>
                    <td>{{ attendee.isManager ? '○' : '' }}</td>
                    <td>
                      <button
                        type="button"
                        class="small"
                        (click)="
                          removeAttendee(training.id, attendee.employeeNumber)
                        "
                      >
                        {{ 'ikubossProgrammes.remove' | t }}
                      </button>
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>
      }
    </div>
  `,
  styles: `
    .layout {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
      gap: 1rem;
      align-items: start;
    }
    .num {
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .create,
    .import {
      margin-top: 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: flex-end;
    }
    .create h4 {
      flex-basis: 100%;
      margin: 0.5rem 0;
    }
    tr.selected {
      background: var(--ik-surface-alt, #eef5f2);
    }
    .options {
      list-style: none;
      padding: 0;
      margin: 0 0 1rem;
      max-height: 12rem;
      overflow: auto;
    }
    .attendees {
      max-height: 28rem;
      overflow: auto;
    }
    .kpi {
      font-size: 1.1rem;
    }
    button.small {
      padding: 0.2rem 0.6rem;
      font-size: 0.85rem;
    }
    .link-button {
      background: none;
      border: none;
      padding: 0;
      color: var(--ik-link, #1f5f8b);
      text-decoration: underline;
      cursor: pointer;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IkubossTrainingsPage {
  private readonly api = inject(IkubossProgrammesApi);
  protected readonly i18n = inject(I18nStore);

  protected readonly kinds = IKUBOSS_TRAINING_KINDS;
  protected readonly fiscalYear = signal(recentFiscalYears()[0]!);
  protected readonly trainings = this.api.trainings(() => this.fiscalYear());
  protected readonly selectedId = signal<string | null>(null);
  protected readonly detail = this.api.training(() => this.selectedId());
  private readonly kpiValues = this.api.kpi(
    'ikuboss_training_attendance_rate',
    () => this.fiscalYear(),
  );
  protected readonly rate = computed(() => {
    const value = (
      this.kpiValues.hasValue() ? this.kpiValues.value() : []
    ).find(
      (v) => v.code === 'ikuboss_training_attendance_rate' && !v.dimensions,
    );
    if (!value || value.value === null) return '—';
    return `${roundHalfUp(value.value).toFixed(1)}% (${value.numerator} / ${value.denominator})`;
  });

  protected readonly kind = signal<IkubossTrainingKind>('ikuboss');
  protected readonly name = signal('');
  protected readonly heldOn = signal('');
  protected readonly query = signal('');
  protected readonly options = signal<EmployeeOptionDto[]>([]);
  protected readonly file = signal<File | null>(null);
  protected readonly dryRun = signal(true);
  protected readonly importResult = signal<TrainingAttendanceImportDto | null>(
    null,
  );
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => {
    const failure = this.failure();
    return failure ? toApiError(failure) : null;
  });

  protected kindName(kind: IkubossTrainingKind): string {
    return this.i18n.localize(IKUBOSS_TRAINING_KIND_NAMES[kind]);
  }

  private refresh(): void {
    this.trainings.reload();
    this.detail.reload();
    this.kpiValues.reload();
  }

  protected create(event: Event): void {
    event.preventDefault();
    this.failure.set(null);
    this.api
      .createTraining({
        kind: this.kind(),
        name: this.name() || null,
        heldOn: this.heldOn(),
      })
      .subscribe({
        next: (training) => {
          this.selectedId.set(training.id);
          this.refresh();
        },
        error: (error: unknown) => this.failure.set(error),
      });
  }

  protected search(q: string): void {
    this.query.set(q);
    if (q.trim().length < 1) {
      this.options.set([]);
      return;
    }
    this.api.searchEmployees(q).subscribe({
      next: (options) => this.options.set(options),
      error: (error: unknown) => this.failure.set(error),
    });
  }

  protected addAttendee(trainingId: string, option: EmployeeOptionDto): void {
    this.failure.set(null);
    this.api.addAttendees(trainingId, [option.employeeNumber]).subscribe({
      next: () => this.refresh(),
      error: (error: unknown) => this.failure.set(error),
    });
  }

  protected removeAttendee(trainingId: string, employeeNumber: string): void {
    this.api.removeAttendee(trainingId, employeeNumber).subscribe({
      next: () => this.refresh(),
      error: (error: unknown) => this.failure.set(error),
    });
  }

  protected importFile(event: Event, trainingId: string): void {
    event.preventDefault();
    const file = this.file();
    if (!file) return;
    this.failure.set(null);
    this.api.importAttendance(trainingId, file, this.dryRun()).subscribe({
      next: (result) => {
        this.importResult.set(result);
        if (!result.dryRun && result.errors.length === 0) this.refresh();
      },
      error: (error: unknown) => this.failure.set(error),
    });
  }
}
