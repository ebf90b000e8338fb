import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  input,
  signal,
  ViewEncapsulation,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';

import {
  PERMISSIONS,
  type ApiErrorDto,
  type CommitteeReviewDto,
  type ReportJobDto,
  type ReportKind,
  type TargetStatus,
} from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import { toApiError } from '../i18n/api-error';
import {
  FiscalYearPipe,
  KpiNamePipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { formatKpiValue } from '../overview/kpi-format';
import { CommitteeApi, mierukaCsvUrl, reportFileUrl } from './committee.api';

const REPORT_KINDS: readonly ReportKind[] = [
  'annual_statistics',
  'publication_tables',
];

/**
 * One version of a committee review: the frozen figures, the targets, the members' comments, the
 * publication check and the actions of each role. Prints on A4 (the committee's paper copy).
 */
@Component({
  selector: 'app-committee-review-page',
  imports: [
    RouterLink,
    TranslatePipe,
    FiscalYearPipe,
    LocalizedPipe,
    KpiNamePipe,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  encapsulation: ViewEncapsulation.None,
  template: `
    <a routerLink="/committee" class="cr-no-print">{{
      'committee.back' | t
    }}</a>
    @if (review(); as review) {
      <article class="cr" data-testid="committee-review">
        <header class="cr-head">
          <h1>
            {{ 'committee.title' | t }} {{ review.fiscalYear | fiscalYear }}
            {{ 'committee.version' | t: { version: review.version } }}
          </h1>
          <span
            class="cr-status"
            [attr.data-status]="review.status"
            data-testid="committee-status"
            >{{ statusKey(review.status) | t }}</span
          >
          @if (review.superseded) {
            <span class="cr-superseded">{{ 'committee.superseded' | t }}</span>
          }
          <p class="cr-meta">
            {{
              'committee.preparedBy'
                | t
                  : {
                      name: review.preparedByName ?? '',
                      date: day(review.preparedAt),
                    }
            }}
            @if (review.signedAt) {
              ·
              {{
                'committee.signedBy'
                  | t
                    : {
                        name: review.signedByName ?? '',
                        date: day(review.signedAt),
                      }
              }}
            }
            @if (review.publishedAt) {
              ·
              {{
                'committee.publishedAt' | t: { date: day(review.publishedAt) }
              }}
            }
          </p>
        </header>

        @if (review.differences.length > 0) {
          <p class="cr-note" role="note" data-testid="committee-differences">
            {{
              'committee.differences' | t: { count: review.differences.length }
            }}
          </p>
        }

        <div class="cr-actions cr-no-print">
          @if (review.canSign) {
            <button
              type="button"
              data-testid="committee-sign"
              [disabled]="busy()"
              (click)="act('sign')"
            >
              {{ 'committee.sign' | t }}
            </button>
          }
          @if (
            canPublish() && review.status === 'signed' && !review.superseded
          ) {
            <button
              type="button"
              data-testid="committee-publish"
              [disabled]="busy() || !review.publicationCheck.passed"
              (click)="act('publish')"
            >
              {{ 'committee.publish' | t }}
            </button>
          }
          @if (
            canPrepare() && review.status !== 'draft' && !review.superseded
          ) {
            <button
              type="button"
              class="secondary"
              data-testid="committee-reopen"
              [disabled]="busy()"
              (click)="act('reopen')"
            >
              {{ 'committee.reopen' | t }}
            </button>
          }
          <button
            type="button"
            class="secondary"
            data-testid="committee-print"
            (click)="print()"
          >
            {{ 'committee.print' | t }}
          </button>
          @if (review.status === 'published' && organizationCode(); as code) {
            <a [href]="'/p/' + code" data-testid="committee-public-link">{{
              'committee.publicPage' | t
            }}</a>
          }
        </div>
        @if (error(); as error) {
          <p class="cr-error" role="alert" data-testid="committee-error">
            {{ error.message | localized }}
          </p>
        }

        <section>
          <h2>{{ 'committee.check' | t }}</h2>
          <ul
            class="cr-check"
            role="list"
            data-testid="committee-check"
            [attr.data-passed]="review.publicationCheck.passed"
          >
            @for (item of review.publicationCheck.items; track item.group) {
              <li [attr.data-passed]="item.passed">
                <span aria-hidden="true">{{ item.passed ? '✔' : '✖' }}</span>
                {{ checkKey(item.group) | t }}
              </li>
            }
          </ul>
          <p>
            {{
              (review.publicationCheck.passed
                ? 'committee.check.passed'
                : 'committee.check.failed'
              ) | t
            }}
          </p>
        </section>

        <section>
          <h2>{{ 'committee.targets' | t }}</h2>
          <div class="cr-scroll">
            <table class="cr-table" data-testid="committee-targets">
              <thead>
                <tr>
                  <th scope="col">{{ 'committee.kpi' | t }}</th>
                  <th scope="col">{{ 'committee.baseline' | t }}</th>
                  <th scope="col">{{ 'committee.target' | t }}</th>
                  <th scope="col">{{ 'committee.trajectory' | t }}</th>
                  <th scope="col">{{ 'committee.actual' | t }}</th>
                  <th scope="col">{{ 'committee.status' | t }}</th>
                  <th scope="col">{{ 'committee.comments' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (
                  progress of review.snapshot.targets;
                  track progress.target.id
                ) {
                  <tr
                    [attr.data-testid]="
                      'committee-target-' + progress.target.kpiCode
                    "
                  >
                    <th scope="row">
                      {{ progress.target.kpiCode | kpiName }}
                      @if (progress.target.orgUnitCode) {
                        ({{ progress.target.orgUnitCode }})
                      }
                    </th>
                    <td>
                      {{
                        format(progress.target.baselineValue, progress.measure)
                      }}
                    </td>
                    <td>
                      {{
                        format(progress.target.targetValue, progress.measure)
                      }}
                      ({{ progress.target.targetFiscalYear | fiscalYear }})
                    </td>
                    <td>{{ format(progress.trajectory, progress.measure) }}</td>
                    <td>{{ format(progress.actual, progress.measure) }}</td>
                    <td>
                      <span
                        class="cr-target-status"
                        [attr.data-status]="progress.status"
                        >{{ targetStatusKey(progress.status) | t }}</span
                      >
                    </td>
                    <td data-testid="committee-target-comments">
                      @for (
                        comment of commentsFor('target:' + progress.target.id);
                        track comment.id
                      ) {
                        <p class="cr-comment">
                          <strong>{{ comment.authorName }}</strong
                          >: {{ comment.body }}
                        </p>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>

        <section>
          <h2>
            {{
              'committee.figures' | t: { fy: (review.fiscalYear | fiscalYear) }
            }}
          </h2>
          <div class="cr-scroll">
            <table class="cr-table" data-testid="committee-figures">
              <thead>
                <tr>
                  <th scope="col">{{ 'committee.kpi' | t }}</th>
                  <th scope="col">{{ 'committee.value' | t }}</th>
                  <th scope="col">{{ 'committee.counts' | t }}</th>
                  <th scope="col">{{ 'committee.comments' | t }}</th>
                </tr>
              </thead>
              <tbody>
                @for (figure of figures(); track figure.code) {
                  <tr [attr.data-testid]="'committee-figure-' + figure.code">
                    <th scope="row">{{ figure.code | kpiName }}</th>
                    <td class="cr-num">
                      {{ format(figure.value, figure.measure) }}
                    </td>
                    <td class="cr-num">
                      {{ count(figure.numerator) }}
                      @if (figure.denominator !== null) {
                        / {{ count(figure.denominator) }}
                      }
                    </td>
                    <td>
                      @for (
                        comment of commentsFor('kpi:' + figure.code);
                        track comment.id
                      ) {
                        <p class="cr-comment">
                          <strong>{{ comment.authorName }}</strong
                          >: {{ comment.body }}
                        </p>
                      }
                    </td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        </section>

        <section>
          <h2>{{ 'committee.comments' | t }}</h2>
          @for (comment of commentsFor('general'); track comment.id) {
            <p class="cr-comment">
              <strong>{{ comment.authorName }}</strong
              >: {{ comment.body }}
            </p>
          } @empty {
            @if (review.comments.length === 0) {
              <p>{{ 'committee.noComments' | t }}</p>
            }
          }
          @if (
            canComment() && review.status === 'draft' && !review.superseded
          ) {
            <form
              class="cr-comment-form cr-no-print"
              (submit)="comment($event, review)"
            >
              <label for="cr-item">{{ 'committee.commentItem' | t }}</label>
              <select
                id="cr-item"
                data-testid="committee-comment-item"
                (change)="commentItem.set($any($event.target).value)"
              >
                <option value="general">
                  {{ 'committee.commentGeneral' | t }}
                </option>
                @if (review.snapshot.targets.length > 0) {
                  <optgroup [label]="'committee.targets' | t">
                    @for (
                      progress of review.snapshot.targets;
                      track progress.target.id
                    ) {
                      <option [value]="'target:' + progress.target.id">
                        {{
                          'committee.commentTarget'
                            | t
                              : {
                                  kpi: (progress.target.kpiCode | kpiName),
                                  fy:
                                    (progress.target.targetFiscalYear
                                    | fiscalYear),
                                }
                        }}
                        @if (progress.target.orgUnitCode) {
                          ({{ progress.target.orgUnitCode }})
                        }
                      </option>
                    }
                  </optgroup>
                }
                <optgroup
                  [label]="
                    'committee.figures'
                      | t: { fy: (review.fiscalYear | fiscalYear) }
                  "
                >
                  @for (figure of figures(); track figure.code) {
                    <option [value]="'kpi:' + figure.code">
                      {{ figure.code | kpiName }}
                    </option>
                  }
                </optgroup>
              </select>
              <label for="cr-body">{{ 'committee.commentBody' | t }}</label>
              <textarea
                id="cr-body"
                rows="3"
                maxlength="2000"
                data-testid="committee-comment-body"
                [value]="commentBody()"
                (input)="commentBody.set($any($event.target).value)"
              ></textarea>
              <button
                type="submit"
                data-testid="committee-comment-submit"
                [disabled]="busy() || commentBody().trim() === ''"
              >
                {{ 'committee.commentSubmit' | t }}
              </button>
            </form>
          }
        </section>

        @if (canExport()) {
          <section class="cr-no-print">
            <h2>{{ 'committee.reports' | t }}</h2>
            <ul class="cr-reports" role="list">
              @for (kind of reportKinds; track kind) {
                <li>
                  <button
                    type="button"
                    class="secondary"
                    [attr.data-testid]="'committee-report-' + kind"
                    (click)="startReport(kind, review.id)"
                  >
                    {{ reportKey(kind) | t }}
                  </button>
                  @if (jobs()[kind]; as job) {
                    @if (job.status === 'running') {
                      <span>{{
                        'committee.report.building'
                          | t: { progress: job.progress }
                      }}</span>
                    } @else if (job.status === 'succeeded') {
                      <a
                        [href]="fileUrl(job.id)"
                        [attr.data-testid]="'committee-report-download-' + kind"
                        >{{ 'committee.report.download' | t }}</a
                      >
                    } @else if (job.failure) {
                      <span class="cr-error">{{
                        job.failure | localized
                      }}</span>
                    }
                  }
                </li>
              }
              <li>
                <a
                  [href]="csvUrl(review.id)"
                  data-testid="committee-report-mieruka"
                  >{{ 'committee.report.mieruka' | t }}</a
                >
              </li>
            </ul>
          </section>
        }
      </article>
    }
  `,
  styles: `
    .cr {
      display: grid;
      gap: 1.25rem;
    }
    .cr-head h1 {
      margin-bottom: 0.25rem;
    }
    .cr-meta {
      color: #555;
      margin: 0.25rem 0 0;
    }
    .cr-status,
    .cr-target-status {
      font-size: 0.85rem;
      padding: 0.1rem 0.5rem;
      border-radius: 999px;
      background: #eef3f1;
    }
    [data-status='published'],
    [data-status='achieved'] {
      background: #c6efce;
    }
    [data-status='signed'],
    [data-status='on_track'] {
      background: #ddebf7;
    }
    [data-status='behind'] {
      background: #ffc7ce;
    }
    .cr-superseded {
      margin-left: 0.5rem;
      color: #777;
    }
    .cr-note {
      background: #fff4ce;
      border-left: 4px solid #d9822b;
      padding: 0.5rem 0.75rem;
    }
    .cr-actions {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
    }
    .cr-error {
      color: #b00020;
    }
    .cr-check {
      list-style: none;
      padding: 0;
      margin: 0;
    }
    .cr-check li[data-passed='false'] {
      color: #b00020;
    }
    .cr-scroll {
      overflow-x: auto;
    }
    .cr-table {
      border-collapse: collapse;
      width: 100%;
      font-size: 0.95rem;
    }
    .cr-table th,
    .cr-table td {
      border-bottom: 1px solid #d8dedb;
      padding: 0.35rem 0.5rem;
      text-align: left;
      vertical-align: top;
    }
    .cr-table thead th {
      background: #2f5d50;
      color: #fff;
    }
    .cr-num {
      text-align: right;
      white-space: nowrap;
    }
    .cr-comment {
      margin: 0.25rem 0;
      font-size: 0.9rem;
    }
    .cr-comment-form {
      display: grid;
      gap: 0.4rem;
      max-width: 40rem;
    }
    .cr-reports {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .cr-reports li {
      display: flex;
      gap: 0.75rem;
      align-items: center;
      flex-wrap: wrap;
    }
    @media print {
      @page {
        size: A4 portrait;
        margin: 15mm;
      }
      .app-header,
      .skip-link,
      .cr-no-print {
        display: none !important;
      }
      .cr-table {
        font-size: 9pt;
      }
      .cr-table thead th {
        background: #ddd !important;
        color: #000;
        -webkit-print-color-adjust: exact;
        print-color-adjust: exact;
      }
      .cr section {
        break-inside: avoid-page;
      }
      .cr-scroll {
        overflow: visible;
      }
    }
  `,
})
export class CommitteeReviewPage {
  readonly id = input.required<string>();

  private readonly api = inject(CommitteeApi);
  private readonly session = inject(SessionStore);
  private readonly destroyRef = inject(DestroyRef);
  private readonly router = inject(Router);
  private readonly resource = this.api.review(() => this.id());
  private readonly updated = signal<CommitteeReviewDto | null>(null);

  protected readonly review = computed(() => {
    const updated = this.updated();
    return updated && updated.id === this.id()
      ? updated
      : this.resource.value();
  });
  protected readonly figures = computed(() => {
    const review = this.review();
    if (!review) return [];
    return review.snapshot.organization.filter(
      (value) =>
        value.fiscalYear === review.fiscalYear &&
        value.dimensions === undefined,
    );
  });
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiErrorDto | null>(null);
  protected readonly commentItem = signal('general');
  protected readonly commentBody = signal('');
  protected readonly jobs = signal<Partial<Record<ReportKind, ReportJobDto>>>(
    {},
  );
  protected readonly reportKinds = REPORT_KINDS;
  protected readonly canPublish = computed(() =>
    this.session.can(PERMISSIONS.publishCommitteeReview),
  );
  protected readonly canPrepare = computed(() =>
    this.session.can(PERMISSIONS.prepareCommitteeReview),
  );
  protected readonly canComment = computed(() =>
    this.session.can(PERMISSIONS.commentCommitteeReview),
  );
  protected readonly canExport = computed(() =>
    this.session.can(PERMISSIONS.exportReports),
  );
  protected readonly organizationCode = computed(
    () => this.session.session()?.organization.code ?? null,
  );
  private polling: ReturnType<typeof setTimeout> | null = null;

  constructor() {
    this.destroyRef.onDestroy(() => {
      if (this.polling) clearTimeout(this.polling);
    });
  }

  protected format = formatKpiValue;
  protected fileUrl = reportFileUrl;
  protected csvUrl = mierukaCsvUrl;

  /** Counts as integers, sums (days, yen) with at most one decimal, grouped by thousands. */
  protected count(value: number): string {
    return value.toLocaleString('ja-JP', { maximumFractionDigits: 1 });
  }

  protected day(iso: string): string {
    return iso.slice(0, 10);
  }

  protected statusKey(status: CommitteeReviewDto['status']) {
    return `committee.status.${status}` as const;
  }

  protected targetStatusKey(status: TargetStatus) {
    return `targets.status.${status}` as const;
  }

  protected checkKey(group: 'opportunity' | 'balance' | 'pay_gap') {
    return `committee.check.${group}` as const;
  }

  protected reportKey(kind: ReportKind) {
    return `committee.report.${kind}` as const;
  }

  protected commentsFor(itemKey: string) {
    return (
      this.review()?.comments.filter(
        (comment) => comment.itemKey === itemKey,
      ) ?? []
    );
  }

  protected print(): void {
    window.print();
  }

  protected act(action: 'sign' | 'publish' | 'reopen'): void {
    this.run(this.api.act(this.id(), action), action === 'reopen');
  }

  protected comment(event: Event, review: CommitteeReviewDto): void {
    event.preventDefault();
    this.run(
      this.api.comment(review.id, this.commentItem(), this.commentBody()),
      false,
      () => this.commentBody.set(''),
    );
  }

  protected startReport(kind: ReportKind, reviewId: string): void {
    this.error.set(null);
    this.api.startReport(kind, reviewId).subscribe({
      next: (job) => this.track(kind, job),
      error: (error: unknown) => this.error.set(toApiError(error)),
    });
  }

  private track(kind: ReportKind, job: ReportJobDto): void {
    this.jobs.update((jobs) => ({ ...jobs, [kind]: job }));
    if (job.status !== 'running') return;
    this.polling = setTimeout(() => {
      this.api.reportJob(job.id).subscribe({
        next: (next) => this.track(kind, next),
        error: (error: unknown) => this.error.set(toApiError(error)),
      });
    }, 500);
  }

  private run(
    request: ReturnType<CommitteeApi['act']>,
    navigate: boolean,
    done?: () => void,
  ): void {
    this.busy.set(true);
    this.error.set(null);
    request.subscribe({
      next: (review) => {
        this.busy.set(false);
        done?.();
        const shown = this.review();
        this.updated.set(
          shown && shown.id === review.id
            ? { ...review, differences: shown.differences }
            : review,
        );
        if (navigate) void this.router.navigate(['/committee', review.id]);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(toApiError(error));
      },
    });
  }
}
