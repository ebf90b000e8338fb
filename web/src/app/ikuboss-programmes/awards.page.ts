import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';

import {
  PERMISSIONS,
  type EmployeeOptionDto,
  type NominationDto,
} from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import { FiscalYearPipe, TranslatePipe } from '../i18n/translate.pipe';
import { IkubossFiscalYearSelect } from './fiscal-year-select';
import {
  IkubossProgrammesApi,
  recentFiscalYears,
} from './ikuboss-programmes.api';

/** イクボス表彰: staff nominate a boss; the committee grants awards; both agree to be named. */
@Component({
  selector: 'app-ikuboss-awards-page',
  imports: [TranslatePipe, FiscalYearPipe, IkubossFiscalYearSelect],
  template: `
    <h2>{{ 'ikubossProgrammes.awards.title' | t }}</h2>
    @if (canNominate()) {
      <app-ikuboss-fy-select selectId="awards-fy" [(value)]="fiscalYear" />
    }
    @if (error(); as error) {
      <div class="error-panel" role="alert" data-testid="awards-error">
        <p>{{ i18n.localize(error.message) }}</p>
        @for (detail of error.details ?? []; track $index) {
          <p>{{ i18n.localize(detail) }}</p>
        }
      </div>
    }

    @if (canNominate()) {
      <form
        class="panel"
        novalidate
        data-testid="nomination-form"
        (submit)="nominate($event)"
      >
        <h3>{{ 'ikubossProgrammes.awards.nominate' | t }}</h3>
        <div class="field">
          <label for="nominee-search">{{
            'ikubossProgrammes.awards.nominee' | t
          }}</label>
          <input
            id="nominee-search"
            type="text"
            data-testid="nominee-search"
            [value]="query()"
            (input)="search($any($event.target).value)"
          />
        </div>
        @if (nominee(); as chosen) {
          <p data-testid="nominee-chosen">
            {{ chosen.employeeNumber }} {{ chosen.name }} ({{
              chosen.unitName
            }})
          </p>
        } @else if (options().length > 0) {
          <ul class="options" role="list">
            @for (option of options(); track option.employeeNumber) {
              <li>
                <button
                  type="button"
                  class="link-button"
                  (click)="nominee.set(option)"
                >
                  {{ option.employeeNumber }} {{ option.name }} ({{
                    option.unitName
                  }})
                </button>
              </li>
            }
          </ul>
        }
        <div class="field">
          <label for="nomination-reason">{{
            'ikubossProgrammes.awards.reason' | t
          }}</label>
          <textarea
            id="nomination-reason"
            rows="3"
            data-testid="nomination-reason"
            [value]="reason()"
            (input)="reason.set($any($event.target).value)"
          ></textarea>
        </div>
        <div class="check">
          <input
            id="nomination-consent"
            type="checkbox"
            [checked]="consent()"
            (change)="consent.set($any($event.target).checked)"
          />
          <label for="nomination-consent">{{
            'ikubossProgrammes.awards.consentNominator' | t
          }}</label>
        </div>
        <button
          type="submit"
          class="primary"
          data-testid="nomination-submit"
          [disabled]="!nominee()"
        >
          {{ 'ikubossProgrammes.awards.submit' | t }}
        </button>
      </form>
    }

    <section class="panel">
      <h3>
        {{
          (canGrant()
            ? 'ikubossProgrammes.awards.review'
            : 'ikubossProgrammes.awards.mine'
          ) | t
        }}
      </h3>
      <table data-testid="nomination-list">
        <thead>
          <tr>
            <th scope="col">{{ 'ikubossProgrammes.fiscalYear' | t }}</th>
            <th scope="col">{{ 'ikubossProgrammes.awards.nominee' | t }}</th>
            <th scope="col">{{ 'ikubossProgrammes.awards.nominator' | t }}</th>
            <th scope="col">{{ 'ikubossProgrammes.awards.reason' | t }}</th>
            <th scope="col">{{ 'ikubossProgrammes.awards.status' | t }}</th>
            <th scope="col">{{ 'ikubossProgrammes.awards.consent' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (nomination of nominations.value(); track nomination.id) {
            <tr>
              <td>{{ nomination.fiscalYear | fiscalYear }}</td>
              <td>
                {{ nomination.nomineeName }}<br /><small>{{
                  nomination.nomineeUnitName
                }}</small>
              </td>
              <td>{{ nomination.nominatorName }}</td>
              <td>{{ nomination.reason }}</td>
              <td>
                @if (nomination.award; as award) {
                  {{ award.awardName }} ({{ award.fiscalYear | fiscalYear }})
                } @else if (canGrant()) {
                  <form
                    class="award"
                    novalidate
                    (submit)="award($event, nomination)"
                  >
                    <input
                      type="text"
                      [attr.aria-label]="
                        'ikubossProgrammes.awards.awardName' | t
                      "
                      [placeholder]="'ikubossProgrammes.awards.awardName' | t"
                      [value]="awardName()"
                      (input)="awardName.set($any($event.target).value)"
                    />
                    <button type="submit" class="small">
                      {{ 'ikubossProgrammes.awards.grant' | t }}
                    </button>
                  </form>
                } @else {
                  {{ 'ikubossProgrammes.awards.submitted' | t }}
                }
              </td>
              <td>
                <div>
                  {{ 'ikubossProgrammes.awards.nominator' | t }}:
                  {{ nomination.nominatorConsent ? '○' : '—' }}
                </div>
                <div>
                  {{ 'ikubossProgrammes.awards.nominee' | t }}:
                  {{ nomination.nomineeConsent ? '○' : '—' }}
                </div>
                @if (
                  nomination.canSetNominatorConsent ||
                  nomination.canSetNomineeConsent
                ) {
                  <button
                    type="button"
                    class="small"
                    (click)="toggleConsent(nomination)"
                  >
                    {{
                      (myConsent(nomination)
                        ? 'ikubossProgrammes.awards.withdraw'
                        : 'ikubossProgrammes.awards.agree'
                      ) | t
                    }}
                  </button>
                }
              </td>
            </tr>
          } @empty {
            <tr>
              <td colspan="6">{{ 'ikubossProgrammes.awards.none' | t }}</td>
            </tr>
          }
        </tbody>
      </table>
    </section>
  `,
  styles: `
    .panel {
      margin-top: 1rem;
      display: block;
    }
    textarea {
      width: 100%;
      font: inherit;
      padding: 0.45rem 0.6rem;
    }
    .options {
      list-style: none;
      padding: 0;
      margin: 0 0 1rem;
      max-height: 10rem;
      overflow: auto;
    }
    .award {
      display: flex;
      gap: 0.5rem;
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
export class IkubossAwardsPage {
  private readonly api = inject(IkubossProgrammesApi);
  private readonly session = inject(SessionStore);
  protected readonly i18n = inject(I18nStore);

  protected readonly fiscalYear = signal(recentFiscalYears()[0]!);
  private readonly permissions = computed(
    () => this.session.session()?.permissions ?? [],
  );
  protected readonly canNominate = computed(
    () =>
      this.permissions().includes(PERMISSIONS.nominateIkuboss) &&
      !!this.session.session()?.employeeId,
  );
  protected readonly canGrant = computed(() =>
    this.permissions().includes(PERMISSIONS.grantIkubossAwards),
  );
  protected readonly nominations = this.api.nominations();

  protected readonly query = signal('');
  protected readonly options = signal<EmployeeOptionDto[]>([]);
  protected readonly nominee = signal<EmployeeOptionDto | null>(null);
  protected readonly reason = signal('');
  protected readonly consent = signal(true);
  protected readonly awardName = signal('イクボス大賞');
  private readonly failure = signal<unknown>(null);
  protected readonly error = computed(() => {
    const failure = this.failure() ?? this.nominations.error();
    return failure ? toApiError(failure) : null;
  });

  protected search(q: string): void {
    this.query.set(q);
    this.nominee.set(null);
    if (q.trim() === '') {
      this.options.set([]);
      return;
    }
    this.api.searchEmployees(q, true).subscribe({
      next: (options) => this.options.set(options),
      error: (error: unknown) => this.failure.set(error),
    });
  }

  protected nominate(event: Event): void {
    event.preventDefault();
    const nominee = this.nominee();
    if (!nominee) return;
    this.failure.set(null);
    this.api
      .nominate({
        fiscalYear: this.fiscalYear(),
        nomineeEmployeeNumber: nominee.employeeNumber,
        reason: this.reason(),
        nominatorConsent: this.consent(),
      })
      .subscribe({
        next: () => {
          this.nominee.set(null);
          this.query.set('');
          this.reason.set('');
          this.nominations.reload();
        },
        error: (error: unknown) => this.failure.set(error),
      });
  }

  protected award(event: Event, nomination: NominationDto): void {
    event.preventDefault();
    this.api
      .award(nomination.id, {
        awardName: this.awardName(),
        fiscalYear: nomination.fiscalYear,
      })
      .subscribe({
        next: () => this.nominations.reload(),
        error: (error: unknown) => this.failure.set(error),
      });
  }

  protected myConsent(nomination: NominationDto): boolean {
    return nomination.canSetNominatorConsent
      ? nomination.nominatorConsent
      : nomination.nomineeConsent;
  }

  protected toggleConsent(nomination: NominationDto): void {
    this.api.setConsent(nomination.id, !this.myConsent(nomination)).subscribe({
      next: () => this.nominations.reload(),
      error: (error: unknown) => this.failure.set(error),
    });
  }
}
