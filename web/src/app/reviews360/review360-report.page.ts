import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';

import type {
  Review360CellDto,
  Review360Relationship,
} from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import {
  FiscalYearPipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { Review360Radar, type RadarData } from './radar-chart';
import { Reviews360Api } from './reviews360.api';

/** The manager's own report: shown cells, suppressed ones marked apart from "no answers". */
@Component({
  selector: 'app-review360-report-page',
  imports: [TranslatePipe, LocalizedPipe, FiscalYearPipe, Review360Radar],
  template: `
    @if (report.error(); as error) {
      <p class="error" role="alert" data-testid="review360-report-error">
        {{ apiError(error).message | localized }}
      </p>
    }
    @if (report.hasValue() ? report.value() : null; as r) {
      <h1 data-testid="review360-report-title">
        {{
          'reviews360.report.title'
            | t: { fy: (r.cycle.fiscalYear | fiscalYear) }
        }}
      </h1>
      <p>{{ r.ratee.name }} {{ r.ratee.unitName }}</p>
      <p class="note">{{ 'reviews360.report.suppressedNote' | t }}</p>
      <section class="panel">
        <h2>{{ 'reviews360.report.overall' | t }}</h2>
        <p data-testid="review360-overall-subordinate">
          {{ 'reviews360.report.subordinates' | t }}:
          {{ cellText(r.overall.subordinate) }}
          · {{ 'reviews360.report.self' | t }}: {{ cellText(r.overall.self) }}
        </p>
      </section>
      <section class="panel">
        <h2>{{ 'reviews360.report.radar' | t }}</h2>
        <app-review360-radar
          [data]="radar()"
          [ariaLabel]="'reviews360.report.radar' | t"
          data-testid="review360-radar"
        />
      </section>
      <section>
        <table data-testid="review360-items">
          <thead>
            <tr>
              <th scope="col">{{ 'reviews360.report.item' | t }}</th>
              @for (relationship of r.relationships; track relationship) {
                <th scope="col">{{ relationshipKey(relationship) | t }}</th>
              }
              <th scope="col">{{ 'reviews360.report.gap' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (item of ratingItems(); track item.id) {
              <tr>
                <th scope="row">{{ item.text | localized }}</th>
                @for (relationship of r.relationships; track relationship) {
                  <td
                    [attr.data-status]="
                      r.itemCells[item.id]?.[relationship]?.status ?? 'no_data'
                    "
                  >
                    {{ cellText(r.itemCells[item.id]?.[relationship]) }}
                  </td>
                }
                <td>
                  @switch (r.gaps[item.id]?.flag) {
                    @case ('blind_spot') {
                      <span class="flag blind">{{
                        'reviews360.report.blindSpot' | t
                      }}</span>
                    }
                    @case ('hidden_strength') {
                      <span class="flag strength">{{
                        'reviews360.report.hiddenStrength' | t
                      }}</span>
                    }
                  }
                </td>
              </tr>
            }
          </tbody>
        </table>
      </section>
      <section>
        <h2>{{ 'reviews360.report.comments' | t }}</h2>
        @switch (r.comments.status) {
          @case ('suppressed') {
            <p data-testid="review360-comments-suppressed">
              {{ 'reviews360.report.commentsSuppressed' | t }}
            </p>
          }
          @case ('no_data') {
            <p>{{ 'reviews360.report.noComments' | t }}</p>
          }
          @default {
            @for (group of r.comments.byItem; track $index) {
              <h3>
                {{ itemText(group.itemId) | localized }} ({{
                  relationshipKey(group.relationship) | t
                }})
              </h3>
              <ul>
                @for (body of group.bodies; track $index) {
                  <li>{{ body }}</li>
                }
              </ul>
            }
          }
        }
      </section>
      @if (r.trend.length > 1) {
        <section>
          <h2>{{ 'reviews360.report.trend' | t }}</h2>
          <ul data-testid="review360-trend">
            @for (point of r.trend; track point.fiscalYear) {
              <li>
                {{ point.fiscalYear | fiscalYear }}:
                {{ cellText(point.subordinate) }}
              </li>
            }
          </ul>
        </section>
      }
    }
  `,
  styles: `
    .note {
      color: #555;
      font-size: 0.9rem;
    }
    table {
      width: 100%;
    }
    td[data-status='suppressed'] {
      color: #8a5a00;
      font-style: italic;
    }
    td[data-status='no_data'] {
      color: #777;
    }
    .flag {
      font-size: 0.85rem;
      padding: 0.1rem 0.4rem;
      border-radius: 3px;
    }
    .blind {
      background: #fde2d6;
    }
    .strength {
      background: #d8ecf7;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Review360ReportPage {
  readonly cycleId = input.required<string>();
  private readonly api = inject(Reviews360Api);
  private readonly i18n = inject(I18nStore);

  protected readonly report = rxResource({
    params: () => this.cycleId(),
    stream: ({ params }) => this.api.myReport(params),
  });
  private readonly loaded = computed(() =>
    this.report.hasValue() ? this.report.value() : null,
  );
  protected readonly ratingItems = computed(() =>
    (this.loaded()?.items ?? []).filter((i) => i.kind === 'rating'),
  );
  protected readonly radar = computed<RadarData>(() => {
    const report = this.loaded();
    if (!report) return { axes: [], series: [] };
    const categories = report.categories.filter((c) =>
      report.items.some((i) => i.categoryId === c.id && i.kind === 'rating'),
    );
    const values = (relationship: Review360Relationship) =>
      categories.map((c) => {
        const cell = report.categoryCells[c.id]?.[relationship];
        return cell?.status === 'released' ? round2(cell.mean!) : null;
      });
    return {
      axes: categories.map((c) => this.i18n.localize(c.name)),
      series: [
        {
          label: this.i18n.translate('reviews360.report.self'),
          values: values('self'),
        },
        {
          label: this.i18n.translate('reviews360.report.subordinates'),
          values: values('subordinate'),
        },
      ],
    };
  });

  protected cellText(cell: Review360CellDto | undefined): string {
    if (!cell || cell.status === 'no_data')
      return this.i18n.translate('reviews360.report.noData');
    if (cell.status === 'suppressed')
      return this.i18n.translate('reviews360.report.suppressed');
    return `${round2(cell.mean!).toFixed(2)} (${this.i18n.translate('reviews360.report.count', { count: cell.count! })})`;
  }

  protected itemText(itemId: string) {
    return (
      this.loaded()?.items.find((i) => i.id === itemId)?.text ?? {
        ja: '',
        en: '',
      }
    );
  }

  protected relationshipKey(relationship: Review360Relationship) {
    return `reviews360.relationship.${relationship}` as const;
  }

  protected apiError(error: unknown) {
    return toApiError(
      (error as { cause?: unknown }).cause ?? (error as unknown),
    );
  }
}

const round2 = (value: number) => Math.round(value * 100) / 100;
