import {
  Injectable,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';

import {
  KPI_CODES,
  KPI_DEFINITIONS,
  type KpiCode,
  PERMISSIONS,
  type TargetDto,
} from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import { toApiError } from '../i18n/api-error';
import { OverviewApi } from '../overview/overview.api';
import { flattenOrgUnits } from '../overview/org-unit-tree';
import { TargetsApi } from '../targets/targets.api';
import { headlineOf } from './kpi-dimensions';
import { type KpiScope, KpisApi } from './kpis.api';

/** State of /kpis/:code; provided by the page. The page feeds in the route's code, fy and unit. */
@Injectable()
export class KpiDetailStore {
  private readonly api = inject(KpisApi);
  private readonly overviewApi = inject(OverviewApi);
  private readonly session = inject(SessionStore);

  readonly code = signal<KpiCode | null>(null);
  /** From the link (?fy=); null = the latest fiscal year with data. */
  readonly requestedFiscalYear = signal<number | null>(null);
  readonly unitCode = signal<string | null>(null);
  /** The drill-down is fetched only when an HR officer opens it. */
  readonly peopleOpen = signal(false);

  readonly definition = computed(() => {
    const code = this.code();
    return code ? KPI_DEFINITIONS[code] : null;
  });
  readonly canReadPeople = computed(
    () =>
      this.session
        .session()
        ?.permissions.includes(PERMISSIONS.readPersonData) ?? false,
  );

  private readonly range = this.overviewApi.fiscalYears();
  private readonly units = this.overviewApi.orgUnits();
  private readonly targets = inject(TargetsApi).targets();

  readonly fiscalYears = computed(() =>
    this.range.hasValue() ? (this.range.value()?.fiscalYears ?? []) : [],
  );
  readonly selectedFiscalYear = linkedSignal<number | null>(
    () => this.requestedFiscalYear() ?? this.fiscalYears().at(-1) ?? null,
  );
  readonly unitOptions = computed(() =>
    flattenOrgUnits(this.units.hasValue() ? this.units.value() : []),
  );

  private readonly scope = computed<KpiScope | undefined>(() => {
    const code = this.code();
    const fiscalYear = this.selectedFiscalYear();
    return code && fiscalYear !== null
      ? { code, fiscalYear, unitCode: this.unitCode() }
      : undefined;
  });

  private readonly values = this.api.values(() => {
    const scope = this.scope();
    return scope && { fiscalYear: scope.fiscalYear, unitCode: scope.unitCode };
  });
  private readonly trendValues = this.api.trend(() => {
    const code = this.code();
    return code ? { code, unitCode: this.unitCode() } : undefined;
  });
  private readonly byEmployer = this.api.breakdown('employer_unit', () =>
    this.scope(),
  );
  private readonly byChild = this.api.breakdown('child_unit', () =>
    this.scope(),
  );
  private readonly peopleResource = this.api.people(() =>
    this.canReadPeople() && this.peopleOpen() ? this.scope() : undefined,
  );

  readonly rows = computed(() =>
    this.values.hasValue() ? this.values.value() : [],
  );
  readonly headline = computed(() => {
    const code = this.code();
    return code ? headlineOf(this.rows(), code) : null;
  });
  readonly trend = computed(() =>
    (this.trendValues.hasValue() ? this.trendValues.value() : [])
      .filter((value) => value.code === this.code() && !value.dimensions)
      .sort((a, b) => a.fiscalYear - b.fiscalYear),
  );
  readonly employerBreakdown = computed(() =>
    this.byEmployer.hasValue() ? this.byEmployer.value() : [],
  );
  readonly childBreakdown = computed(() =>
    this.byChild.hasValue() ? this.byChild.value() : [],
  );
  readonly people = computed(() =>
    this.peopleResource.hasValue()
      ? (this.peopleResource.value() ?? null)
      : null,
  );
  readonly peopleLoading = computed(() => this.peopleResource.isLoading());
  readonly peopleError = computed(() => {
    const failure = this.peopleResource.error();
    return failure ? toApiError(failure) : null;
  });

  /** The plan target of this KPI for exactly the selected scope. */
  readonly target = computed<TargetDto | null>(
    () =>
      (this.targets.hasValue() ? this.targets.value() : []).find(
        (target) =>
          target.kpiCode === this.code() &&
          target.orgUnitCode === this.unitCode(),
      ) ?? null,
  );

  readonly valuesLoading = computed(
    () => this.range.isLoading() || this.values.isLoading(),
  );
  readonly trendLoading = computed(() => this.trendValues.isLoading());
  readonly breakdownLoading = computed(
    () => this.byEmployer.isLoading() || this.byChild.isLoading(),
  );
  readonly error = computed(() => {
    const failure =
      this.range.error() ?? this.values.error() ?? this.trendValues.error();
    return failure ? toApiError(failure) : null;
  });

  setRoute(
    code: string,
    fy: string | undefined,
    unit: string | undefined,
  ): void {
    this.code.set(
      (KPI_CODES as readonly string[]).includes(code)
        ? (code as KpiCode)
        : null,
    );
    const fiscalYear = Number(fy);
    this.requestedFiscalYear.set(
      fy && Number.isInteger(fiscalYear) ? fiscalYear : null,
    );
    this.unitCode.set(unit ? unit : null);
  }

  selectFiscalYear(fiscalYear: number): void {
    this.selectedFiscalYear.set(fiscalYear);
  }

  selectUnit(unitCode: string | null): void {
    this.unitCode.set(unitCode);
  }

  reload(): void {
    this.range.reload();
    this.values.reload();
    this.trendValues.reload();
    this.byEmployer.reload();
    this.byChild.reload();
  }
}
