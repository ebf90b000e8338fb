import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import type {
  ApiErrorDto,
  Review360CellDto,
  Review360CycleDto,
} from '@ikuboard/shared/contracts';
import { fiscalYearOf } from '@ikuboard/shared/kpi';

import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import {
  FiscalYearPipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { Reviews360Api } from './reviews360.api';

type Step = 'assignments/generate' | 'launch' | 'close' | 'release';

/** HR: cycles through their states, response counts per unit, and released roll-ups. */
@Component({
  selector: 'app-reviews360-manage-page',
  imports: [TranslatePipe, FiscalYearPipe, LocalizedPipe, RouterLink],
  template: `
    <h1>{{ 'reviews360.manage.title' | t }}</h1>
    @if (error(); as error) {
      <p class="error" role="alert">{{ error.message | localized }}</p>
    }
    <details class="panel">
      <summary>{{ 'reviews360.manage.create' | t }}</summary>
      <form (submit)="create($event)" class="create">
        <div class="field">
          <label for="r360-fy">{{ 'reviews360.manage.fiscalYear' | t }}</label>
          <input
            id="r360-fy"
            name="fiscalYear"
            type="number"
            [value]="defaultFy"
          />
        </div>
        <div class="field">
          <label for="r360-name">{{ 'reviews360.manage.name' | t }}</label>
          <input id="r360-name" name="name" type="text" required />
        </div>
        <div class="field">
          <label for="r360-ref">{{
            'reviews360.manage.referenceDate' | t
          }}</label>
          <input id="r360-ref" name="referenceDate" type="date" required />
        </div>
        <div class="field">
          <label for="r360-months">{{
            'reviews360.manage.excludeMonths' | t
          }}</label>
          <input
            id="r360-months"
            name="excludeHiredMonths"
            type="number"
            value="3"
            min="0"
            max="24"
          />
        </div>
        <label class="check"
          ><input type="checkbox" name="includeIndirect" />
          {{ 'reviews360.manage.indirect' | t }}</label
        >
        <label class="check"
          ><input type="checkbox" name="includePeers" />
          {{ 'reviews360.manage.peers' | t }}</label
        >
        <button type="submit" class="primary">
          {{ 'reviews360.manage.create' | t }}
        </button>
      </form>
    </details>
    @if (cycleList().length === 0) {
      <p>{{ 'reviews360.manage.noCycles' | t }}</p>
    }
    @for (cycle of cycleList(); track cycle.id) {
      <section
        class="panel cycle"
        [attr.data-status]="cycle.status"
        data-testid="review360-cycle"
      >
        <h2>
          {{ cycle.fiscalYear | fiscalYear }} {{ cycle.name }}
          <small>({{ statusKey(cycle) | t }})</small>
        </h2>
        <p>
          {{
            'reviews360.manage.assignments'
              | t: { count: cycle.assignmentCount }
          }}
        </p>
        <p class="note">
          {{ 'reviews360.manage.thresholds' | t: thresholdParams(cycle) }}
        </p>
        <div class="actions">
          @switch (cycle.status) {
            @case ('draft') {
              <button
                type="button"
                (click)="run(cycle, 'assignments/generate')"
              >
                {{ 'reviews360.manage.generate' | t }}
              </button>
              <button
                type="button"
                class="primary"
                (click)="run(cycle, 'launch')"
              >
                {{ 'reviews360.manage.launch' | t }}
              </button>
            }
            @case ('launched') {
              <button type="button" (click)="run(cycle, 'close')">
                {{ 'reviews360.manage.close' | t }}
              </button>
            }
            @case ('closed') {
              <button
                type="button"
                class="primary"
                (click)="run(cycle, 'release')"
              >
                {{ 'reviews360.manage.release' | t }}
              </button>
            }
            @case ('released') {
              <a
                [href]="api.exportUrl(cycle.id)"
                download
                data-testid="review360-export"
                >{{ 'reviews360.manage.export' | t }}</a
              >
            }
          }
          <a
            [routerLink]="['/reviews360/manage', cycle.id]"
            data-testid="review360-setup-link"
            >{{ 'reviews360.setup.link' | t }}</a
          >
          <button type="button" (click)="selected.set(cycle.id)">
            {{ 'reviews360.manage.responseRates' | t }}
          </button>
        </div>
      </section>
    }
    @if (overview.hasValue() ? overview.value() : null; as o) {
      <section>
        <h2>{{ 'reviews360.manage.responseRates' | t }}</h2>
        <table data-testid="review360-rates">
          <thead>
            <tr>
              <th scope="col">{{ 'reviews360.manage.unit' | t }}</th>
              <th scope="col">{{ 'reviews360.manage.assigned' | t }}</th>
              <th scope="col">{{ 'reviews360.manage.submitted' | t }}</th>
              <th scope="col">{{ 'reviews360.manage.rate' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @if (o.total; as total) {
              <tr>
                <th scope="row">{{ 'reviews360.manage.total' | t }}</th>
                <td>{{ total.assigned }}</td>
                <td>{{ total.submitted }}</td>
                <td>{{ rate(total.submitted, total.assigned) }}</td>
              </tr>
            }
            @for (unit of o.responseRates; track unit.unitCode) {
              @if (unit.assigned !== 0) {
                <tr>
                  <th scope="row">{{ unit.unitName }}</th>
                  @if (unit.assigned === null) {
                    <td colspan="3" class="hidden">
                      {{ 'reviews360.manage.hiddenRate' | t }}
                    </td>
                  } @else {
                    <td>{{ unit.assigned }}</td>
                    <td>{{ unit.submitted }}</td>
                    <td>{{ rate(unit.submitted!, unit.assigned) }}</td>
                  }
                </tr>
              }
            }
          </tbody>
        </table>
        @if (o.cycle.status === 'released') {
          <h2>{{ 'reviews360.manage.distribution' | t }}</h2>
          <table>
            <tbody>
              @for (band of o.distribution; track band.from) {
                <tr>
                  <th scope="row">
                    {{ band.from.toFixed(1) }}–{{ band.to.toFixed(1) }}
                  </th>
                  <td>{{ band.count }}</td>
                </tr>
              }
            </tbody>
          </table>
          <h2>{{ 'reviews360.manage.managers' | t }}</h2>
          <table data-testid="review360-managers">
            <tbody>
              @for (m of o.managers; track m.employeeNumber) {
                <tr>
                  <th scope="row">{{ m.employeeNumber }} {{ m.name }}</th>
                  <td>{{ m.unitName }}</td>
                  <td [attr.data-status]="m.subordinate.status">
                    {{ cellText(m.subordinate) }}
                  </td>
                </tr>
              }
            </tbody>
          </table>
          <h2>{{ 'reviews360.manage.units' | t }}</h2>
          <table>
            <tbody>
              @for (u of o.units; track u.unitCode) {
                @if (u.subordinate.status !== 'no_data') {
                  <tr>
                    <th scope="row">{{ u.unitName }}</th>
                    <td [attr.data-status]="u.subordinate.status">
                      {{ cellText(u.subordinate) }}
                    </td>
                  </tr>
                }
              }
            </tbody>
          </table>
        }
      </section>
    }
  `,
  styles: `
    .create {
      display: grid;
      gap: 0.5rem;
      max-width: 30rem;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .note,
    .hidden {
      color: #555;
      font-size: 0.9rem;
    }
    td[data-status='suppressed'] {
      color: #8a5a00;
      font-style: italic;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Reviews360ManagePage {
  protected readonly api = inject(Reviews360Api);
  private readonly i18n = inject(I18nStore);
  private readonly reload = signal(0);
  protected readonly error = signal<ApiErrorDto | null>(null);
  protected readonly defaultFy = fiscalYearOf(
    new Date().toISOString().slice(0, 10),
  );

  protected readonly cycles = rxResource({
    params: () => this.reload(),
    stream: () => this.api.cycles(),
  });
  protected readonly cycleList = computed(() =>
    this.cycles.hasValue() ? this.cycles.value() : [],
  );
  protected readonly selected = linkedSignal<string | null>(
    () => this.cycleList()[0]?.id ?? null,
  );
  protected readonly overview = rxResource({
    params: () => {
      const id = this.selected();
      return id ? { id, reload: this.reload() } : undefined;
    },
    stream: ({ params }) => this.api.overview(params.id),
  });

  protected thresholdParams(cycle: Review360CycleDto) {
    return { ...cycle.thresholds };
  }

  protected readonly statusKey = (cycle: Review360CycleDto) =>
    `reviews360.status.${cycle.status}` as const;

  protected async run(cycle: Review360CycleDto, step: Step): Promise<void> {
    await this.call(() => firstValueFrom(this.api.step(cycle.id, step)));
  }

  protected async create(event: Event): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    await this.call(() =>
      firstValueFrom(
        this.api.createCycle({
          fiscalYear: Number(form.get('fiscalYear')),
          name: String(form.get('name') ?? ''),
          referenceDate: String(form.get('referenceDate') ?? ''),
          excludeHiredMonths: Number(form.get('excludeHiredMonths') ?? 3),
          includeIndirect: form.get('includeIndirect') === 'on',
          includePeers: form.get('includePeers') === 'on',
        }),
      ),
    );
  }

  protected rate(submitted: number, assigned: number): string {
    return assigned === 0
      ? '—'
      : `${((submitted / assigned) * 100).toFixed(1)}%`;
  }

  protected cellText(cell: Review360CellDto): string {
    if (cell.status === 'no_data')
      return this.i18n.translate('reviews360.report.noData');
    if (cell.status === 'suppressed')
      return this.i18n.translate('reviews360.report.suppressed');
    return `${cell.mean!.toFixed(2)} (${this.i18n.translate('reviews360.report.count', { count: cell.count! })})`;
  }

  private async call(action: () => Promise<unknown>): Promise<void> {
    this.error.set(null);
    try {
      await action();
      this.reload.update((n) => n + 1);
    } catch (error) {
      this.error.set(toApiError(error));
    }
  }
}
