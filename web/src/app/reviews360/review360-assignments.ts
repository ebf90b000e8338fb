import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  output,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { firstValueFrom } from 'rxjs';

import {
  REVIEW360_RELATIONSHIPS,
  type ApiErrorDto,
  type Review360AssignmentDto,
  type Review360CycleDto,
  type Review360Relationship,
} from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import { LocalizedPipe, TranslatePipe } from '../i18n/translate.pipe';
import { review360BossRows } from './review360-boss-rows';
import { Reviews360Api } from './reviews360.api';

const SHOWN = 200;

/**
 * Who is asked to rate whom, per manager, with warnings where a relationship has fewer raters
 * than its minimum group size (its results would be suppressed). Generation options, adding and
 * removing a rater are for the draft cycle only. Nothing here says who has answered.
 */
@Component({
  selector: 'app-review360-assignments',
  imports: [TranslatePipe, LocalizedPipe],
  template: `
    <h2>{{ 'reviews360.assign.title' | t }}</h2>
    <p class="note">{{ 'reviews360.assign.anonymity' | t }}</p>
    @if (error(); as error) {
      <div class="error" role="alert" data-testid="review360-assign-error">
        <p>{{ error.message | localized }}</p>
        @for (detail of error.details ?? []; track $index) {
          <p>{{ detail | localized }}</p>
        }
      </div>
    }
    @if (draft()) {
      <form class="generate" (submit)="generate($event)">
        <p class="note">{{ 'reviews360.assign.generateLead' | t }}</p>
        <label
          >{{ 'reviews360.manage.referenceDate' | t }}
          <input
            name="referenceDate"
            type="date"
            required
            data-testid="review360-gen-reference"
            [value]="cycle().referenceDate"
        /></label>
        <label
          >{{ 'reviews360.manage.excludeMonths' | t }}
          <input
            name="excludeHiredMonths"
            type="number"
            min="0"
            max="24"
            data-testid="review360-gen-months"
            [value]="cycle().excludeHiredMonths"
        /></label>
        <label class="check"
          ><input
            type="checkbox"
            name="includeIndirect"
            data-testid="review360-gen-indirect"
            [checked]="cycle().includeIndirect"
          />
          {{ 'reviews360.manage.indirect' | t }}</label
        >
        <label class="check"
          ><input
            type="checkbox"
            name="includePeers"
            data-testid="review360-gen-peers"
            [checked]="cycle().includePeers"
          />
          {{ 'reviews360.manage.peers' | t }}</label
        >
        <button type="submit" data-testid="review360-generate">
          {{ 'reviews360.assign.generate' | t }}
        </button>
      </form>
    }
    @if (rows().length === 0) {
      <p>{{ 'reviews360.assign.none' | t }}</p>
    } @else {
      <p data-testid="review360-assign-summary">
        {{
          'reviews360.assign.summary'
            | t
              : {
                  managers: rows().length,
                  assignments: total(),
                  warnings: warned(),
                }
        }}
      </p>
      <div class="filters">
        <label
          >{{ 'reviews360.assign.filter' | t }}
          <input
            type="search"
            data-testid="review360-assign-filter"
            [value]="filter()"
            (input)="filter.set($any($event.target).value)"
        /></label>
        <label class="check"
          ><input
            type="checkbox"
            data-testid="review360-assign-only-warnings"
            [checked]="onlyWarnings()"
            (change)="onlyWarnings.set($any($event.target).checked)"
          />
          {{ 'reviews360.assign.onlyWarnings' | t }}</label
        >
      </div>
      <table class="bosses" data-testid="review360-assign-table">
        <thead>
          <tr>
            <th scope="col">{{ 'reviews360.assign.boss' | t }}</th>
            @for (r of relationships; track r) {
              <th scope="col">{{ relationshipKey(r) | t }}</th>
            }
            <th scope="col">{{ 'reviews360.assign.warnings' | t }}</th>
            <th scope="col"></th>
          </tr>
        </thead>
        <tbody>
          @for (row of shown(); track row.ratee.employeeNumber) {
            <tr
              data-testid="review360-boss"
              [attr.data-number]="row.ratee.employeeNumber"
              [class.warn]="row.warnings.length > 0"
            >
              <th scope="row">
                {{ row.ratee.employeeNumber }} {{ row.ratee.name }}
              </th>
              @for (r of relationships; track r) {
                <td [attr.data-testid]="'review360-count-' + r">
                  {{ row.counts[r] }}
                </td>
              }
              <td class="warnings">
                @for (w of row.warnings; track $index) {
                  <div data-testid="review360-boss-warning">⚠ {{ w }}</div>
                }
              </td>
              <td>
                <button
                  type="button"
                  data-testid="review360-boss-open"
                  (click)="toggle(row.ratee.employeeNumber)"
                >
                  {{
                    (open() === row.ratee.employeeNumber
                      ? 'reviews360.assign.hide'
                      : 'reviews360.assign.show'
                    ) | t
                  }}
                </button>
              </td>
            </tr>
            @if (open() === row.ratee.employeeNumber) {
              <tr class="detail">
                <td [attr.colspan]="relationships.length + 3">
                  <ul data-testid="review360-raters">
                    @for (a of row.assignments; track a.id) {
                      <li
                        data-testid="review360-rater"
                        [attr.data-number]="a.rater.employeeNumber"
                      >
                        {{ relationshipKey(a.relationship) | t }}:
                        {{ a.rater.employeeNumber }} {{ a.rater.name }}
                        @if (draft()) {
                          <button
                            type="button"
                            data-testid="review360-rater-remove"
                            (click)="remove(a)"
                          >
                            {{ 'reviews360.assign.remove' | t }}
                          </button>
                        }
                      </li>
                    }
                  </ul>
                  @if (draft()) {
                    <form
                      class="add"
                      (submit)="add($event, row.ratee.employeeNumber)"
                    >
                      <label
                        >{{ 'reviews360.assign.raterNumber' | t }}
                        <input
                          name="raterNumber"
                          type="text"
                          required
                          data-testid="review360-add-rater-number"
                      /></label>
                      <label
                        >{{ 'reviews360.assign.relationship' | t }}
                        <select
                          name="relationship"
                          data-testid="review360-add-rater-relationship"
                        >
                          @for (r of relationships; track r) {
                            <option
                              [value]="r"
                              [selected]="r === 'subordinate'"
                            >
                              {{ relationshipKey(r) | t }}
                            </option>
                          }
                        </select></label
                      >
                      <button type="submit" data-testid="review360-add-rater">
                        {{ 'reviews360.assign.addRater' | t }}
                      </button>
                    </form>
                  }
                </td>
              </tr>
            }
          }
        </tbody>
      </table>
      @if (filtered().length > shown().length) {
        <p class="note">
          {{
            'reviews360.assign.more'
              | t: { count: filtered().length - shown().length }
          }}
        </p>
      }
    }
  `,
  styles: `
    .generate,
    .filters,
    .add {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75rem;
      align-items: end;
      margin: 0.5rem 0;
    }
    .generate .note {
      flex-basis: 100%;
      margin: 0;
    }
    label {
      display: grid;
      gap: 0.2rem;
      font-size: 0.85rem;
    }
    label.check {
      display: flex;
      align-items: center;
    }
    .bosses td {
      text-align: right;
    }
    .bosses td.warnings {
      text-align: left;
      color: #8a5a00;
      font-size: 0.85rem;
    }
    tr.warn th {
      color: #8a5a00;
    }
    tr.detail td {
      text-align: left;
      background: #f7f8fb;
    }
    .note {
      color: #555;
      font-size: 0.9rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Review360Assignments {
  readonly cycle = input.required<Review360CycleDto>();
  readonly changed = output<void>();

  private readonly api = inject(Reviews360Api);
  private readonly i18n = inject(I18nStore);
  protected readonly relationships = REVIEW360_RELATIONSHIPS;
  protected readonly error = signal<ApiErrorDto | null>(null);
  protected readonly filter = signal('');
  protected readonly onlyWarnings = signal(false);
  protected readonly open = signal<string | null>(null);

  protected readonly draft = computed(() => this.cycle().status === 'draft');
  private readonly cycleId = computed(() => this.cycle().id);
  private readonly list = rxResource({
    params: () => this.cycleId(),
    stream: ({ params }) => this.api.assignments(params),
  });

  protected readonly rows = computed(() =>
    review360BossRows(
      this.list.hasValue() ? this.list.value() : [],
      this.cycle().thresholds,
      (relationship, kind, count, min) =>
        this.i18n.translate(
          kind === 'scores'
            ? 'reviews360.assign.warnScores'
            : 'reviews360.assign.warnComments',
          {
            relationship: this.i18n.translate(
              `reviews360.assign.group.${relationship as 'subordinate' | 'peer'}`,
            ),
            count,
            min,
          },
        ),
    ),
  );
  protected readonly total = computed(() =>
    this.rows().reduce((sum, row) => sum + row.assignments.length, 0),
  );
  protected readonly warned = computed(
    () => this.rows().filter((row) => row.warnings.length > 0).length,
  );
  protected readonly filtered = computed(() => {
    const needle = this.filter().trim().toLowerCase();
    return this.rows().filter(
      (row) =>
        (!this.onlyWarnings() || row.warnings.length > 0) &&
        (needle === '' ||
          row.ratee.employeeNumber.toLowerCase().includes(needle) ||
          row.ratee.name.toLowerCase().includes(needle)),
    );
  });
  protected readonly shown = computed(() => this.filtered().slice(0, SHOWN));

  protected relationshipKey(relationship: Review360Relationship) {
    return `reviews360.relationship.${relationship}` as const;
  }

  protected toggle(number: string): void {
    this.open.update((current) => (current === number ? null : number));
  }

  protected async generate(event: Event): Promise<void> {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    await this.call(() =>
      firstValueFrom(
        this.api.generate(this.cycle().id, {
          referenceDate: String(form.get('referenceDate') ?? ''),
          excludeHiredMonths: Number(form.get('excludeHiredMonths') ?? 3),
          includeIndirect: form.get('includeIndirect') === 'on',
          includePeers: form.get('includePeers') === 'on',
        }),
      ),
    );
  }

  protected async add(event: Event, rateeNumber: string): Promise<void> {
    event.preventDefault();
    const formElement = event.target as HTMLFormElement;
    const form = new FormData(formElement);
    const ok = await this.call(() =>
      firstValueFrom(
        this.api.addAssignment(this.cycle().id, {
          rateeNumber,
          raterNumber: String(form.get('raterNumber') ?? '').trim(),
          relationship: String(
            form.get('relationship'),
          ) as Review360Relationship,
        }),
      ),
    );
    if (ok) formElement.reset();
  }

  protected async remove(assignment: Review360AssignmentDto): Promise<void> {
    await this.call(() =>
      firstValueFrom(this.api.removeAssignment(this.cycle().id, assignment.id)),
    );
  }

  private async call(action: () => Promise<unknown>): Promise<boolean> {
    this.error.set(null);
    try {
      await action();
      this.list.reload();
      this.changed.emit();
      return true;
    } catch (error) {
      this.error.set(toApiError(error));
      return false;
    }
  }
}
