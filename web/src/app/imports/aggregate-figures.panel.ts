import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';

import {
  AGGREGATE_FIGURE_CODES,
  AGGREGATE_FIGURE_NAMES,
  type AggregateFigureCode,
  type ApiErrorDto,
} from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import {
  FiscalYearPipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { ImportsApi } from './imports.api';

type RowState = {
  value: string;
  note: string;
  saved: boolean;
  error: ApiErrorDto | null;
};

/** HR enters the figures no person record gives (applicants by gender, dispatched workers). */
@Component({
  selector: 'app-aggregate-figures-panel',
  imports: [TranslatePipe, FiscalYearPipe, LocalizedPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section
      class="panel"
      aria-labelledby="figures-title"
      data-testid="aggregate-figures"
    >
      <h2 id="figures-title">{{ 'figures.title' | t }}</h2>
      <p class="hint">{{ 'figures.hint' | t }}</p>
      <label for="figures-fy">{{ 'overview.fiscalYear' | t }}</label>
      <select
        id="figures-fy"
        data-testid="figures-fy"
        (change)="selectYear($any($event.target).value)"
      >
        @for (year of years; track year) {
          <option [value]="year" [selected]="year === fiscalYear()">
            {{ year | fiscalYear }}
          </option>
        }
      </select>
      <table>
        <thead>
          <tr>
            <th scope="col">{{ 'figures.item' | t }}</th>
            <th scope="col">{{ 'figures.value' | t }}</th>
            <th scope="col">{{ 'figures.note' | t }}</th>
            <th scope="col">
              <span class="visually-hidden">{{ 'figures.save' | t }}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          @for (code of codes; track code) {
            <tr [attr.data-testid]="'figure-' + code">
              <th scope="row">{{ name(code) }}</th>
              <td>
                <input
                  type="number"
                  min="0"
                  step="1"
                  [attr.aria-label]="name(code)"
                  [value]="rows()[code].value"
                  (input)="edit(code, 'value', $any($event.target).value)"
                />
              </td>
              <td>
                <input
                  type="text"
                  maxlength="500"
                  [attr.aria-label]="name(code) + ' ' + ('figures.note' | t)"
                  [value]="rows()[code].note"
                  (input)="edit(code, 'note', $any($event.target).value)"
                />
              </td>
              <td>
                <button type="button" (click)="save(code)">
                  {{ 'figures.save' | t }}
                </button>
                @if (rows()[code].saved) {
                  <span role="status">{{ 'figures.saved' | t }}</span>
                }
                @if (rows()[code].error; as error) {
                  <span role="alert" class="error">{{
                    error.message | localized
                  }}</span>
                }
              </td>
            </tr>
          }
        </tbody>
      </table>
    </section>
  `,
  styles: `
    table {
      width: 100%;
      border-collapse: collapse;
      margin-top: 0.75rem;
    }
    th,
    td {
      text-align: left;
      padding: 0.35rem 0.5rem;
      border-bottom: 1px solid var(--ik-border);
    }
    input[type='number'] {
      width: 8rem;
    }
    .error {
      color: var(--ik-negative);
      margin-left: 0.5rem;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
    }
  `,
})
export class AggregateFiguresPanel {
  private readonly api = inject(ImportsApi);
  private readonly i18n = inject(I18nStore);
  protected readonly codes = AGGREGATE_FIGURE_CODES;
  protected readonly years = Array.from(
    { length: 8 },
    (_, index) => currentFiscalYear() - index,
  );
  protected readonly fiscalYear = signal(currentFiscalYear() - 1);
  protected readonly rows = signal(emptyRows());

  constructor() {
    void this.load();
  }

  protected name(code: AggregateFigureCode): string {
    return AGGREGATE_FIGURE_NAMES[code][this.i18n.language()];
  }

  protected selectYear(value: string): void {
    this.fiscalYear.set(Number(value));
    void this.load();
  }

  protected edit(
    code: AggregateFigureCode,
    field: 'value' | 'note',
    value: string,
  ): void {
    this.rows.update((rows) => ({
      ...rows,
      [code]: { ...rows[code], [field]: value, saved: false, error: null },
    }));
  }

  protected async save(code: AggregateFigureCode): Promise<void> {
    const row = this.rows()[code];
    try {
      await firstValueFrom(
        this.api.saveAggregateFigure({
          fiscalYear: this.fiscalYear(),
          code,
          orgUnitCode: null,
          value: Number(row.value),
          note: row.note || null,
        }),
      );
      this.rows.update((rows) => ({
        ...rows,
        [code]: { ...rows[code], saved: true, error: null },
      }));
    } catch (error) {
      this.rows.update((rows) => ({
        ...rows,
        [code]: { ...rows[code], saved: false, error: toApiError(error) },
      }));
    }
  }

  private async load(): Promise<void> {
    const figures = await firstValueFrom(
      this.api.aggregateFigures(this.fiscalYear()),
    );
    const rows = emptyRows();
    for (const figure of figures)
      if (figure.orgUnitCode === null)
        rows[figure.code] = {
          value: String(figure.value),
          note: figure.note ?? '',
          saved: false,
          error: null,
        };
    this.rows.set(rows);
  }
}

function emptyRows(): Record<AggregateFigureCode, RowState> {
  return Object.fromEntries(
    AGGREGATE_FIGURE_CODES.map((code) => [
      code,
      { value: '', note: '', saved: false, error: null },
    ]),
  ) as Record<AggregateFigureCode, RowState>;
}

function currentFiscalYear(): number {
  const today = new Date();
  return today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
}
