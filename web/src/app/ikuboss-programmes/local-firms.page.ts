import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';

import {
  LOCAL_FIRM_SIZE_BANDS,
  type LocalFirmDto,
  type LocalFirmSizeBand,
} from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import { FiscalYearPipe, TranslatePipe } from '../i18n/translate.pipe';
import {
  IkubossProgrammesApi,
  recentFiscalYears,
} from './ikuboss-programmes.api';

/** Local firms (イクボス宣言事業所): registration, declarations and seminar attendance. */
@Component({
  selector: 'app-ikuboss-firms-page',
  imports: [TranslatePipe, FiscalYearPipe],
  template: `
    <h2>{{ 'ikubossProgrammes.firms.title' | t }}</h2>
    <p data-testid="firms-kpi">
      {{ 'ikubossProgrammes.firms.kpi' | t: { fy: (currentFy | fiscalYear) } }}:
      <strong>{{ declaredCount() }}</strong>
    </p>
    @if (error(); as error) {
      <div class="error-panel" role="alert" data-testid="firms-error">
        <p>{{ i18n.localize(error.message) }}</p>
      </div>
    }
    <table data-testid="firm-list">
      <thead>
        <tr>
          <th scope="col">{{ 'ikubossProgrammes.firms.name' | t }}</th>
          <th scope="col">{{ 'ikubossProgrammes.firms.industry' | t }}</th>
          <th scope="col">{{ 'ikubossProgrammes.firms.size' | t }}</th>
          <th scope="col">{{ 'ikubossProgrammes.firms.declarations' | t }}</th>
          <th scope="col">{{ 'ikubossProgrammes.firms.seminars' | t }}</th>
          <th scope="col">{{ 'ikubossProgrammes.actions' | t }}</th>
        </tr>
      </thead>
      <tbody>
        @for (firm of firms.value(); track firm.id) {
          <tr>
            <td>{{ firm.name }}</td>
            <td>{{ firm.industry }}</td>
            <td>
              {{
                'ikubossProgrammes.firms.people' | t: { band: firm.sizeBand }
              }}
            </td>
            <td>
              @for (d of firm.declarations; track d.id) {
                <div>{{ d.declaredOn }} ({{ d.fiscalYear | fiscalYear }})</div>
              }
            </td>
            <td>
              @for (s of firm.seminars; track s.id) {
                <div>{{ s.seminarName }} {{ s.attendedOn }}</div>
              }
            </td>
            <td class="actions">
              <input
                type="date"
                [attr.aria-label]="'ikubossProgrammes.firms.date' | t"
                [value]="date()"
                (input)="date.set($any($event.target).value)"
              />
              <button type="button" class="small" (click)="declare(firm.id)">
                {{ 'ikubossProgrammes.firms.addDeclaration' | t }}
              </button>
              <button type="button" class="small" (click)="seminar(firm.id)">
                {{ 'ikubossProgrammes.firms.addSeminar' | t }}
              </button>
              <button
                type="button"
                class="small"
                [attr.data-testid]="'firm-edit-' + firm.name"
                (click)="edit(firm)"
              >
                {{ 'ikubossManage.firms.edit' | t }}
              </button>
              <button
                type="button"
                class="small"
                [attr.data-testid]="'firm-delete-' + firm.name"
                (click)="remove(firm)"
              >
                {{ 'ikubossManage.firms.delete' | t }}
              </button>
            </td>
          </tr>
        } @empty {
          <tr>
            <td colspan="6">{{ 'ikubossProgrammes.firms.none' | t }}</td>
          </tr>
        }
      </tbody>
    </table>

    <form
      class="panel create"
      novalidate
      data-testid="firm-form"
      (submit)="create($event)"
    >
      <h3>
        {{
          (editingId()
            ? 'ikubossManage.firms.editTitle'
            : 'ikubossProgrammes.firms.new'
          ) | t
        }}
      </h3>
      <div class="field">
        <label for="firm-name">{{ 'ikubossProgrammes.firms.name' | t }}</label>
        <input
          id="firm-name"
          type="text"
          data-testid="firm-name"
          [value]="name()"
          (input)="name.set($any($event.target).value)"
        />
      </div>
      <div class="field">
        <label for="firm-industry">{{
          'ikubossProgrammes.firms.industry' | t
        }}</label>
        <input
          id="firm-industry"
          type="text"
          data-testid="firm-industry"
          [value]="industry()"
          (input)="industry.set($any($event.target).value)"
        />
      </div>
      <div class="field">
        <label for="firm-size">{{ 'ikubossProgrammes.firms.size' | t }}</label>
        <select id="firm-size" (change)="size.set($any($event.target).value)">
          @for (band of bands; track band) {
            <option [value]="band" [selected]="band === size()">
              {{ 'ikubossProgrammes.firms.people' | t: { band } }}
            </option>
          }
        </select>
      </div>
      <button type="submit" class="primary" data-testid="firm-create">
        {{
          (editingId()
            ? 'ikubossManage.firms.save'
            : 'ikubossProgrammes.firms.create'
          ) | t
        }}
      </button>
      @if (editingId()) {
        <button
          type="button"
          class="secondary"
          data-testid="firm-edit-cancel"
          (click)="reset()"
        >
          {{ 'ikubossManage.firms.cancel' | t }}
        </button>
      }
    </form>
  `,
  styles: `
    .create {
      margin-top: 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0 1rem;
      align-items: flex-end;
    }
    .create h3 {
      flex-basis: 100%;
    }
    .actions {
      white-space: nowrap;
    }
    button.small {
      padding: 0.2rem 0.6rem;
      font-size: 0.85rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IkubossLocalFirmsPage {
  private readonly api = inject(IkubossProgrammesApi);
  protected readonly i18n = inject(I18nStore);
  private readonly window = inject(DOCUMENT).defaultView;

  protected readonly bands = LOCAL_FIRM_SIZE_BANDS;
  protected readonly currentFy = recentFiscalYears()[0]!;
  protected readonly firms = this.api.firms();
  private readonly kpi = this.api.kpi(
    'local_firms_declared',
    () => this.currentFy,
  );
  protected readonly declaredCount = computed(() => {
    const value = (this.kpi.hasValue() ? this.kpi.value() : []).find(
      (v) => v.code === 'local_firms_declared',
    );
    return value?.value ?? '—';
  });

  protected readonly name = signal('');
  protected readonly industry = signal('');
  protected readonly size = signal<LocalFirmSizeBand>('1-29');
  protected readonly date = signal(new Date().toISOString().slice(0, 10));
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => {
    const failure = this.failure() ?? this.firms.error();
    return failure ? toApiError(failure) : null;
  });

  private done = {
    next: () => {
      this.failure.set(null);
      this.firms.reload();
      this.kpi.reload();
    },
    error: (error: unknown) => this.failure.set(error),
  };

  /** The firm being edited in the form, or null when the form registers a new one. */
  protected readonly editingId = signal<string | null>(null);

  protected create(event: Event): void {
    event.preventDefault();
    const input = {
      name: this.name(),
      industry: this.industry(),
      sizeBand: this.size(),
    };
    const id = this.editingId();
    (id
      ? this.api.updateFirm(id, input)
      : this.api.createFirm(input)
    ).subscribe({
      ...this.done,
      next: () => {
        this.reset();
        this.done.next();
      },
    });
  }

  protected edit(firm: LocalFirmDto): void {
    this.editingId.set(firm.id);
    this.name.set(firm.name);
    this.industry.set(firm.industry);
    this.size.set(firm.sizeBand);
  }

  protected reset(): void {
    this.editingId.set(null);
    this.name.set('');
    this.industry.set('');
    this.size.set('1-29');
  }

  protected remove(firm: LocalFirmDto): void {
    const question = this.i18n.translate('ikubossManage.firms.deleteConfirm', {
      name: firm.name,
    });
    if (!(this.window?.confirm(question) ?? false)) return;
    this.api.deleteFirm(firm.id).subscribe(this.done);
  }

  protected declare(id: string): void {
    this.api.declareFirm(id, { declaredOn: this.date() }).subscribe(this.done);
  }

  protected seminar(id: string): void {
    this.api
      .firmSeminar(id, {
        seminarName: 'イクボスセミナー',
        attendedOn: this.date(),
      })
      .subscribe(this.done);
  }
}
