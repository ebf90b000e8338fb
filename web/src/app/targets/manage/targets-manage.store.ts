import { Injectable, computed, inject, signal } from '@angular/core';
import { type Observable, firstValueFrom } from 'rxjs';

import type {
  ApiErrorDto,
  PlanInputDto,
  TargetInputDto,
} from '@ikuboard/shared/contracts';

import { toApiError } from '../../i18n/api-error';
import { OverviewApi } from '../../overview/overview.api';
import { flattenOrgUnits } from '../../overview/org-unit-tree';
import { TargetsApi } from '../targets.api';

/** What the management page edits; `editing` is 'new', a target id, or null (no form open). */
@Injectable()
export class TargetsManageStore {
  private readonly api = inject(TargetsApi);

  private readonly planList = this.api.plans();
  private readonly targetList = this.api.targets();
  private readonly unitList = inject(OverviewApi).orgUnits();

  readonly plans = computed(() =>
    this.planList.hasValue() ? this.planList.value() : [],
  );
  readonly targets = computed(() =>
    this.targetList.hasValue() ? this.targetList.value() : [],
  );
  readonly unitOptions = computed(() =>
    flattenOrgUnits(this.unitList.hasValue() ? this.unitList.value() : []),
  );
  readonly loading = computed(
    () => this.planList.isLoading() || this.targetList.isLoading(),
  );
  readonly loadError = computed(() => {
    const failure = this.planList.error() ?? this.targetList.error();
    return failure ? toApiError(failure) : null;
  });

  readonly planFormOpen = signal(false);
  readonly editing = signal<'new' | string | null>(null);
  readonly editedTarget = computed(() => {
    const id = this.editing();
    return id === null || id === 'new'
      ? null
      : (this.targets().find((target) => target.id === id) ?? null);
  });
  readonly saving = signal(false);
  readonly planError = signal<ApiErrorDto | null>(null);
  readonly targetError = signal<ApiErrorDto | null>(null);
  readonly deleteError = signal<ApiErrorDto | null>(null);

  openPlanForm(open: boolean): void {
    this.planFormOpen.set(open);
    this.planError.set(null);
  }

  editTarget(id: 'new' | string | null): void {
    this.editing.set(id);
    this.targetError.set(null);
  }

  async createPlan(input: PlanInputDto): Promise<void> {
    const error = await this.run(this.api.createPlan(input));
    this.planError.set(error);
    if (!error) {
      this.planFormOpen.set(false);
      this.planList.reload();
    }
  }

  async saveTarget(input: TargetInputDto): Promise<void> {
    const id = this.editing();
    const request =
      id === null || id === 'new'
        ? this.api.createTarget(input)
        : this.api.updateTarget(id, input);
    const error = await this.run(request);
    this.targetError.set(error);
    if (!error) {
      this.editing.set(null);
      this.targetList.reload();
    }
  }

  async deleteTarget(id: string): Promise<void> {
    const error = await this.run(this.api.deleteTarget(id));
    this.deleteError.set(error);
    if (!error) {
      if (this.editing() === id) {
        this.editing.set(null);
      }
      this.targetList.reload();
    }
  }

  reload(): void {
    this.planList.reload();
    this.targetList.reload();
    this.unitList.reload();
  }

  private async run(request: Observable<unknown>): Promise<ApiErrorDto | null> {
    this.saving.set(true);
    try {
      await firstValueFrom(request, { defaultValue: null });
      return null;
    } catch (error) {
      return toApiError(error);
    } finally {
      this.saving.set(false);
    }
  }
}
