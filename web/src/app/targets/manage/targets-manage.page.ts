import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  inject,
} from '@angular/core';
import { RouterLink } from '@angular/router';

import {
  KPI_DEFINITIONS,
  type LegalBasis,
  type PlanInputDto,
  type TargetDto,
  type TargetInputDto,
} from '@ikuboard/shared/contracts';

import { I18nStore } from '../../i18n/i18n.store';
import {
  FiscalYearPipe,
  KpiNamePipe,
  LocalizedPipe,
  TranslatePipe,
} from '../../i18n/translate.pipe';
import { targetGoalText } from '../target-format';
import { PlanForm } from './plan-form';
import { TargetForm } from './target-form';
import { TargetsManageStore } from './targets-manage.store';

@Component({
  selector: 'app-targets-manage-page',
  imports: [
    RouterLink,
    PlanForm,
    TargetForm,
    TranslatePipe,
    FiscalYearPipe,
    KpiNamePipe,
    LocalizedPipe,
  ],
  templateUrl: './targets-manage.page.html',
  styleUrl: './targets-manage.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [TargetsManageStore],
})
export class TargetsManagePage {
  protected readonly store = inject(TargetsManageStore);
  private readonly i18n = inject(I18nStore);
  private readonly window = inject(DOCUMENT).defaultView;

  protected basisKey(basis: LegalBasis) {
    return `planForm.basis.${basis}` as const;
  }

  protected goalText(target: TargetDto): string {
    return targetGoalText(
      this.i18n,
      target,
      KPI_DEFINITIONS[target.kpiCode].measure,
    );
  }

  protected baselineText(target: TargetDto): string {
    if (target.baselineValue === null || target.baselineFiscalYear === null) {
      return '—';
    }
    return `${this.i18n.fiscalYear(target.baselineFiscalYear)} ${this.i18n.measure(
      target.baselineValue,
      KPI_DEFINITIONS[target.kpiCode].measure,
    )}`;
  }

  protected unitName(code: string | null): string {
    if (code === null) {
      return this.i18n.translate('overview.wholeOrganization');
    }
    return (
      this.store.unitOptions().find((unit) => unit.code === code)?.name ?? code
    );
  }

  protected async createPlan(input: PlanInputDto): Promise<void> {
    await this.store.createPlan(input);
  }

  protected async saveTarget(input: TargetInputDto): Promise<void> {
    await this.store.saveTarget(input);
  }

  protected async deleteTarget(target: TargetDto): Promise<void> {
    const question = this.i18n.translate('manage.confirmDelete', {
      kpi: this.i18n.kpiName(target.kpiCode),
    });
    if (this.window?.confirm(question) ?? false) {
      await this.store.deleteTarget(target.id);
    }
  }
}
