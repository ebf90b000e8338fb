import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';

import {
  type ApiErrorDto,
  KPI_DEFINITIONS,
  type KpiCode,
  type PlanDto,
  type TargetDto,
  type TargetInputDto,
} from '@ikuboard/shared/contracts';
import { fiscalYearOf } from '@ikuboard/shared/kpi';

import { I18nStore } from '../../i18n/i18n.store';
import type { MessageKey } from '../../i18n/ja';
import {
  FiscalYearPipe,
  KpiNamePipe,
  TranslatePipe,
} from '../../i18n/translate.pipe';
import { KPI_SECTIONS, type KpiSectionId } from '../../kpis/kpi-sections';
import { type OrgUnitOption, indentedName } from '../../overview/org-unit-tree';
import {
  MAX_ACTIONS,
  MAX_ACTION_LENGTH,
  type TargetDraft,
  type TargetField,
  actionLength,
  fieldOfApiDetail,
  hasErrors,
  toTargetInput,
  validateTargetDraft,
} from './target-form.validation';

@Component({
  selector: 'app-target-form',
  imports: [TranslatePipe, FiscalYearPipe, KpiNamePipe],
  templateUrl: './target-form.html',
  styleUrl: './manage-forms.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TargetForm {
  private readonly i18n = inject(I18nStore);

  readonly plans = input.required<readonly PlanDto[]>();
  readonly units = input.required<readonly OrgUnitOption[]>();
  /** The target being edited; null for a new one. */
  readonly target = input<TargetDto | null>(null);
  readonly saving = input(false);
  /** The API's answer to the last save, shown per field where it names one. */
  readonly apiError = input<ApiErrorDto | null>(null);

  readonly save = output<TargetInputDto>();
  readonly dismiss = output<void>();

  protected readonly sections = KPI_SECTIONS;
  protected readonly maxActions = MAX_ACTIONS;
  protected readonly maxActionLength = MAX_ACTION_LENGTH;
  protected readonly indentedName = indentedName;

  protected readonly draft = linkedSignal<TargetDraft>(() =>
    draftOf(this.target(), this.plans()),
  );
  private readonly submitted = signal(false);

  private readonly errors = computed(() => validateTargetDraft(this.draft()));
  /** Required-field errors wait for the first save; a too-long action shows while typing. */
  protected readonly shownErrors = computed(() => {
    const errors = this.errors();
    return this.submitted()
      ? errors
      : { actionLines: errors.actionLines, actions: errors.actions };
  });
  private readonly apiFieldErrors = computed(() => {
    const byField = new Map<TargetField | null, string[]>();
    for (const detail of this.apiError()?.details ?? []) {
      const field = fieldOfApiDetail(detail);
      byField.set(field, [
        ...(byField.get(field) ?? []),
        this.i18n.localize(detail),
      ]);
    }
    return byField;
  });
  protected readonly formErrors = computed(() => {
    const error = this.apiError();
    if (!error) {
      return [];
    }
    return [
      this.i18n.localize(error.message),
      ...(this.apiFieldErrors().get(null) ?? []),
    ];
  });

  protected readonly currentFiscalYear = fiscalYearOf(
    new Date().toISOString().slice(0, 10),
  );
  private readonly selectedPlan = computed(
    () => this.plans().find((plan) => plan.id === this.draft().planId) ?? null,
  );
  protected readonly targetYears = computed(() => {
    const plan = this.selectedPlan();
    const chosen = this.draft().targetFiscalYear;
    const years = plan
      ? range(plan.startFiscalYear, plan.endFiscalYear)
      : range(this.currentFiscalYear - 2, this.currentFiscalYear + 10);
    return withYear(years, chosen);
  });
  protected readonly baselineYears = computed(() => {
    const last =
      (this.draft().targetFiscalYear ?? this.currentFiscalYear + 1) - 1;
    return withYear(
      range(last - 15, last),
      this.draft().baselineFiscalYear,
    ).reverse();
  });
  protected readonly measureUnit = computed(() => {
    const code = this.draft().kpiCode;
    return code === ''
      ? ''
      : this.i18n.chartUnit(KPI_DEFINITIONS[code].measure).trim();
  });

  protected errorsOf(field: TargetField): string[] {
    const key: MessageKey | undefined = this.shownErrors()[field];
    return [
      ...(key ? [this.i18n.translate(key)] : []),
      ...(this.apiFieldErrors().get(field) ?? []),
    ];
  }

  protected actionError(index: number): string | null {
    const key = this.shownErrors().actionLines?.[index];
    return key ? this.i18n.translate(key, { max: MAX_ACTION_LENGTH }) : null;
  }

  protected sectionKey(id: KpiSectionId) {
    return `kpis.section.${id}` as const;
  }

  protected actionLength(action: string): number {
    return actionLength(action);
  }

  protected setText(
    field: 'planId' | 'targetValue' | 'baselineValue',
    event: Event,
  ): void {
    const value = (event.target as HTMLInputElement | HTMLSelectElement).value;
    this.draft.update((draft) => ({ ...draft, [field]: value }));
  }

  protected chooseKpi(event: Event): void {
    const code = (event.target as HTMLSelectElement).value as KpiCode | '';
    this.draft.update((draft) => ({
      ...draft,
      kpiCode: code,
      // A new target points the way the KPI improves; editing keeps what was chosen.
      direction:
        code !== '' && this.target() === null
          ? KPI_DEFINITIONS[code].better === 'lower'
            ? 'lte'
            : 'gte'
          : draft.direction,
    }));
  }

  protected chooseUnit(event: Event): void {
    const code = (event.target as HTMLSelectElement).value;
    this.draft.update((draft) => ({
      ...draft,
      orgUnitCode: code === '' ? null : code,
    }));
  }

  protected chooseDirection(event: Event): void {
    const direction = (event.target as HTMLSelectElement).value as
      | 'gte'
      | 'lte';
    this.draft.update((draft) => ({ ...draft, direction }));
  }

  protected chooseYear(
    field: 'targetFiscalYear' | 'baselineFiscalYear',
    event: Event,
  ): void {
    const value = (event.target as HTMLSelectElement).value;
    this.draft.update((draft) => ({
      ...draft,
      [field]: value === '' ? null : Number(value),
    }));
  }

  protected editAction(index: number, event: Event): void {
    const value = (event.target as HTMLTextAreaElement).value;
    this.draft.update((draft) => ({
      ...draft,
      actions: draft.actions.map((action, i) => (i === index ? value : action)),
    }));
  }

  protected addAction(): void {
    this.draft.update((draft) =>
      draft.actions.length >= MAX_ACTIONS
        ? draft
        : { ...draft, actions: [...draft.actions, ''] },
    );
  }

  protected removeAction(index: number): void {
    this.draft.update((draft) => ({
      ...draft,
      actions: draft.actions.filter((_, i) => i !== index),
    }));
  }

  protected submit(event: Event): void {
    event.preventDefault();
    this.submitted.set(true);
    if (hasErrors(this.errors())) {
      return;
    }
    this.save.emit(toTargetInput(this.draft()));
  }
}

function draftOf(
  target: TargetDto | null,
  plans: readonly PlanDto[],
): TargetDraft {
  if (!target) {
    return {
      planId: plans.length === 1 ? plans[0].id : '',
      kpiCode: '',
      orgUnitCode: null,
      targetValue: '',
      targetFiscalYear: plans.length === 1 ? plans[0].endFiscalYear : null,
      direction: 'gte',
      baselineValue: '',
      baselineFiscalYear: null,
      actions: [],
    };
  }
  return {
    planId: target.planId,
    kpiCode: target.kpiCode,
    orgUnitCode: target.orgUnitCode,
    targetValue: String(target.targetValue),
    targetFiscalYear: target.targetFiscalYear,
    direction: target.direction,
    baselineValue:
      target.baselineValue === null ? '' : String(target.baselineValue),
    baselineFiscalYear: target.baselineFiscalYear,
    actions: [...target.actions],
  };
}

function range(from: number, to: number): number[] {
  const years: number[] = [];
  for (let year = from; year <= to; year++) {
    years.push(year);
  }
  return years;
}

/** Keeps a stored year selectable even when it lies outside the offered range. */
function withYear(years: number[], year: number | null): number[] {
  return year === null || years.includes(year)
    ? years
    : [...years, year].sort((a, b) => a - b);
}
