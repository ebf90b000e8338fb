import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
} from '@angular/core';

import {
  KPI_DEFINITIONS,
  PUBLICATION_GROUPS,
  type KpiCode,
  type KpiValueDto,
  type PublicDisclosureDto,
  type TargetStatus,
} from '@ikuboard/shared/contracts';
import { LineChart, type LineSeries } from '@ikuboard/web/ui-charts';

import { I18nStore } from '../i18n/i18n.store';
import {
  FiscalYearPipe,
  KpiNamePipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { formatKpiValue } from '../overview/kpi-format';
import { PublicApi, publicUrl, type PublicListItem } from './public.api';

type Group = 'opportunity' | 'balance' | 'pay_gap' | 'other';
const GROUP_ORDER: readonly Group[] = [
  'opportunity',
  'balance',
  'pay_gap',
  'other',
];

/** The first text field of a row among the given names (other features' list shapes vary). */
function field(item: PublicListItem, names: readonly string[]): string {
  for (const name of names) {
    const value = item[name];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return '';
}

/**
 * The public disclosure page of an organization (/p/:orgCode): the published figures, targets and
 * lists, readable on a phone, without login. Everything comes from the published snapshot.
 */
@Component({
  selector: 'app-public-page',
  imports: [TranslatePipe, FiscalYearPipe, KpiNamePipe, LineChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (notFound()) {
      <p data-testid="public-not-found">{{ 'public.notFound' | t }}</p>
    } @else if (disclosure(); as d) {
      <article class="pub" data-testid="public-page">
        <h1>{{ 'public.title' | t: { name: d.organization.name } }}</h1>
        <p class="pub-meta" data-testid="public-fiscal-year">
          {{
            'public.fiscalYear'
              | t
                : {
                    fy: (d.fiscalYear | fiscalYear),
                    version: d.version,
                    date: d.publishedAt.slice(0, 10),
                  }
          }}
        </p>
        <p class="pub-note">{{ 'public.note' | t }}</p>

        <section>
          <h2>{{ 'public.figures' | t }}</h2>
          @for (group of groups(); track group.group) {
            <h3>{{ groupKey(group.group) | t }}</h3>
            <dl class="pub-figures">
              @for (figure of group.figures; track figure.code) {
                <div
                  class="pub-figure"
                  [attr.data-testid]="'public-figure-' + figure.code"
                >
                  <dt>{{ figure.code | kpiName }}</dt>
                  <dd>{{ format(figure.value, figure.measure) }}</dd>
                </div>
              }
            </dl>
          }
        </section>

        @if (trend().length > 0) {
          <section>
            <h2>{{ 'public.trend' | t }}</h2>
            <div class="pub-chart">
              <ik-line-chart
                [series]="trend()"
                unit="%"
                [ariaLabel]="'public.trend' | t"
              />
            </div>
          </section>
        }

        @if (d.targets.length > 0) {
          <section>
            <h2>{{ 'public.targets' | t }}</h2>
            <ul class="pub-targets" role="list" data-testid="public-targets">
              @for (target of d.targets; track $index) {
                <li>
                  <strong>{{ kpi(target.kpiCode) | kpiName }}</strong>
                  <span
                    >{{ 'public.target' | t }}:
                    {{ format(target.targetValue, measure(target.kpiCode)) }}
                    ({{ target.targetFiscalYear | fiscalYear }})</span
                  >
                  <span
                    >{{ 'public.latest' | t }}:
                    {{ format(target.actual, measure(target.kpiCode)) }}</span
                  >
                  <span class="pub-status" [attr.data-status]="target.status">{{
                    statusKey(target.status) | t
                  }}</span>
                </li>
              }
            </ul>
          </section>
        }

        @if (ikubosses(); as list) {
          <section data-testid="public-ikubosses">
            <h2>{{ 'public.ikubosses' | t }}</h2>
            <ul class="pub-list" role="list">
              @for (item of list; track $index) {
                <li>
                  {{ name(item) }}
                  @if (title(item)) {
                    <span class="pub-sub">{{ title(item) }}</span>
                  }
                </li>
              }
            </ul>
          </section>
        }
        @if (awards(); as list) {
          <section data-testid="public-awards">
            <h2>{{ 'public.awards' | t }}</h2>
            <ul class="pub-list" role="list">
              @for (item of list; track $index) {
                <li>
                  {{ name(item) }}
                  @if (title(item)) {
                    <span class="pub-sub">{{ title(item) }}</span>
                  }
                </li>
              }
            </ul>
          </section>
        }

        <section>
          <h2>{{ 'public.downloads' | t }}</h2>
          <ul class="pub-list" role="list">
            <li>
              <a [href]="tablesUrl()" data-testid="public-download-tables">{{
                'public.tables' | t
              }}</a>
            </li>
            <li>
              <a [href]="csvUrl()" data-testid="public-download-csv">{{
                'public.targetsCsv' | t
              }}</a>
            </li>
          </ul>
        </section>
      </article>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 60rem;
      margin: 0 auto;
      overflow-wrap: anywhere;
    }
    .pub {
      display: grid;
      grid-template-columns: minmax(0, 1fr);
      gap: 1rem;
    }
    .pub > * {
      min-width: 0;
    }
    /* The chart's screen-reader table is clipped, not removed: keep it from widening the page. */
    .pub-chart {
      position: relative;
      overflow: hidden;
    }
    .pub h1 {
      font-size: clamp(1.25rem, 4vw, 1.75rem);
    }
    .pub-meta {
      font-weight: 600;
      margin: 0;
    }
    .pub-note {
      color: #555;
      font-size: 0.9rem;
      margin: 0;
    }
    .pub-figures {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0.5rem;
      margin: 0;
    }
    .pub-figure {
      border: 1px solid #d8dedb;
      border-radius: 6px;
      padding: 0.5rem 0.75rem;
    }
    .pub-figure dt {
      font-size: 0.85rem;
      color: #444;
    }
    .pub-figure dd {
      margin: 0.25rem 0 0;
      font-size: 1.4rem;
      font-weight: 700;
      color: #2f5d50;
    }
    .pub-targets,
    .pub-list {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .pub-targets li {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem 1rem;
      border-bottom: 1px solid #e3e8e6;
      padding-bottom: 0.4rem;
    }
    .pub-status {
      font-size: 0.85rem;
      padding: 0.05rem 0.5rem;
      border-radius: 999px;
      background: #eef3f1;
    }
    .pub-status[data-status='achieved'] {
      background: #c6efce;
    }
    .pub-status[data-status='on_track'] {
      background: #ddebf7;
    }
    .pub-status[data-status='behind'] {
      background: #ffc7ce;
    }
    .pub-sub {
      color: #555;
      font-size: 0.9rem;
      margin-left: 0.5rem;
    }
  `,
})
export class PublicPage {
  readonly orgCode = input.required<string>();

  private readonly api = inject(PublicApi);
  private readonly i18n = inject(I18nStore);
  protected readonly disclosure = signal<PublicDisclosureDto | null>(null);
  protected readonly notFound = signal(false);
  protected readonly ikubosses = signal<PublicListItem[] | null>(null);
  protected readonly awards = signal<PublicListItem[] | null>(null);

  constructor() {
    effect(() => {
      const code = this.orgCode();
      this.api.disclosure(code).subscribe({
        next: (disclosure) => this.disclosure.set(disclosure),
        error: () => this.notFound.set(true),
      });
      this.api
        .list(code, '/ikubosses')
        .subscribe((list) => this.ikubosses.set(list));
      this.api.list(code, '/awards').subscribe((list) => this.awards.set(list));
    });
  }

  protected readonly groups = computed(() => {
    const disclosure = this.disclosure();
    if (!disclosure) return [];
    const headlines = disclosure.figures.filter(
      (value) =>
        value.fiscalYear === disclosure.fiscalYear &&
        value.dimensions === undefined,
    );
    return GROUP_ORDER.map((group) => ({
      group,
      figures: headlines.filter(
        (value) => (PUBLICATION_GROUPS[value.code] ?? 'other') === group,
      ),
    })).filter((entry) => entry.figures.length > 0);
  });

  /** The percent KPIs that have targets, over the years of the snapshot. */
  protected readonly trend = computed<LineSeries[]>(() => {
    const disclosure = this.disclosure();
    if (!disclosure) return [];
    const codes = [
      ...new Set(disclosure.targets.map((target) => target.kpiCode)),
    ].filter((code) => KPI_DEFINITIONS[code as KpiCode]?.measure === 'percent');
    return codes
      .map((code) => ({
        id: code,
        label: this.i18n.kpiName(code as KpiCode),
        style: 'actual' as const,
        points: disclosure.figures
          .filter(
            (value: KpiValueDto) =>
              value.code === code && value.dimensions === undefined,
          )
          .sort((a, b) => a.fiscalYear - b.fiscalYear)
          .map((value) => ({
            x: this.i18n.fiscalYear(value.fiscalYear),
            y: value.value,
          })),
      }))
      .filter((series) => series.points.length > 0);
  });

  protected readonly tablesUrl = computed(() =>
    publicUrl(this.orgCode(), '/tables.xlsx'),
  );
  protected readonly csvUrl = computed(() =>
    publicUrl(this.orgCode(), '/targets.csv'),
  );
  protected format = formatKpiValue;

  protected kpi(code: string): KpiCode {
    return code as KpiCode;
  }

  protected measure(code: string) {
    return KPI_DEFINITIONS[code as KpiCode]?.measure ?? 'percent';
  }

  protected groupKey(group: Group) {
    return `public.group.${group}` as const;
  }

  protected statusKey(status: TargetStatus) {
    return `targets.status.${status}` as const;
  }

  protected name(item: PublicListItem): string {
    return field(item, [
      'declarerName',
      'name',
      'displayName',
      'nomineeName',
      'managerName',
    ]);
  }

  protected title(item: PublicListItem): string {
    return [
      field(item, ['declarerTitle', 'title', 'position', 'positionName']),
      field(item, ['unitName', 'declarerUnit', 'unit']),
    ]
      .filter(Boolean)
      .join(' ');
  }
}
