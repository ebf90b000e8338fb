import { DOCUMENT } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { Router, RouterLink } from '@angular/router';
import { firstValueFrom, type Observable } from 'rxjs';

import {
  PERMISSIONS,
  type ApiErrorDto,
  type IkubossCampaignDetailDto,
  type IkubossCampaignInputDto,
  type IkubossUnitCompletionDto,
} from '@ikuboard/shared/contracts';
import { type BarChartData, BarChart } from '@ikuboard/web/ui-charts';

import { SessionStore } from '../auth/session.store';
import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import {
  FiscalYearPipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { IkubossApi } from './ikuboss.api';
import { IkubossNav } from './ikuboss-nav';

/** One campaign: completion per unit (drill-down by unit) and the managers who have not declared. */
@Component({
  selector: 'app-ikuboss-campaign-detail-page',
  imports: [
    RouterLink,
    BarChart,
    IkubossNav,
    TranslatePipe,
    FiscalYearPipe,
    LocalizedPipe,
  ],
  templateUrl: './campaign-detail.page.html',
  styleUrl: './ikuboss.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignDetailPage {
  /** Route parameter and query parameter (component input binding). */
  readonly id = input.required<string>();
  readonly unit = input<string | undefined>();

  private readonly i18n = inject(I18nStore);
  private readonly router = inject(Router);
  private readonly api = inject(IkubossApi);
  private readonly window = inject(DOCUMENT).defaultView;
  /** HR: start declarations for managers, edit and delete the campaign. */
  protected readonly canManage = inject(SessionStore).can(
    PERMISSIONS.manageIkubossDeclarations,
  );
  private readonly templateList = this.canManage ? this.api.templates() : null;
  private readonly stageList = this.canManage ? this.api.stages() : null;
  protected readonly templates = computed(
    () => this.templateList?.value() ?? [],
  );
  protected readonly stages = computed(() => this.stageList?.value() ?? []);
  protected readonly manageError = signal<ApiErrorDto | null>(null);
  protected readonly manageNotice = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly numbers = signal('');
  /** The campaign being edited (a copy of its fields), or null. */
  protected readonly editing = signal<IkubossCampaignInputDto | null>(null);
  private readonly resource = this.api.campaign(() => ({
    id: this.id(),
    unit: this.unit() ?? null,
  }));

  protected readonly detail = computed<IkubossCampaignDetailDto | null>(() =>
    this.resource.hasValue() ? (this.resource.value() ?? null) : null,
  );
  protected readonly loading = computed(() => this.resource.isLoading());
  protected readonly loadError = computed(() => {
    const failure = this.resource.error();
    return failure ? toApiError(failure) : null;
  });
  protected readonly chart = computed<BarChartData>(() => {
    const units = this.detail()?.units ?? [];
    return {
      categories: units.map((u) => u.unitName),
      series: [
        {
          id: 'rate',
          label: this.i18n.translate('ikuboss.campaign.chartSeries'),
          values: units.map((u) => u.percent),
        },
      ],
    };
  });
  protected readonly chartHeight = computed(
    () => `${Math.max(8, 2.2 * (this.detail()?.units.length ?? 0) + 4)}rem`,
  );

  protected rate(unit: { declared: number; required: number }): string {
    return unit.required === 0
      ? '—'
      : this.i18n.measure((unit.declared / unit.required) * 100, 'percent');
  }

  protected canDrill(unit: IkubossUnitCompletionDto): boolean {
    return unit.unitCode !== this.detail()?.viewRootUnitCode;
  }

  protected async drill(unitCode: string | null): Promise<void> {
    await this.router.navigate(['/ikuboss/campaigns', this.id()], {
      queryParams: unitCode ? { unit: unitCode } : {},
    });
  }

  protected reload(): void {
    this.resource.reload();
  }

  /** Starts a declaration for the given 職員番号 (several = joint, in this order). */
  protected async start(
    campaign: IkubossCampaignDetailDto,
    numbers: string[],
  ): Promise<void> {
    if (numbers.length === 0) return;
    const created = await this.manage(
      this.api.startDeclarationFor(campaign.fiscalYear, numbers),
    );
    if (created) {
      this.numbers.set('');
      this.manageNotice.set(
        this.i18n.translate('ikubossManage.start.done', {
          names: created.declarers.map((d) => d.name).join('・'),
          kind: this.i18n.translate(
            created.kind === 'joint'
              ? 'ikubossManage.kind.joint'
              : 'ikubossManage.kind.individual',
          ),
        }),
      );
      this.resource.reload();
    }
  }

  protected parseNumbers(text: string): string[] {
    return text
      .split(/[\s,、，]+/)
      .map((n) => n.trim())
      .filter((n) => n.length > 0);
  }

  protected openEdit(campaign: IkubossCampaignDetailDto): void {
    this.editing.set({
      name: campaign.name,
      fiscalYear: campaign.fiscalYear,
      scopeUnitCode: campaign.scopeUnitCode,
      stageCodes: [...campaign.stageCodes],
      templateId: campaign.templateId,
      deadline: campaign.deadline,
    });
  }

  protected patch(change: Partial<IkubossCampaignInputDto>): void {
    this.editing.update((current) =>
      current ? { ...current, ...change } : current,
    );
  }

  protected toggleStage(code: string, checked: boolean): void {
    const current = this.editing();
    if (!current) return;
    this.patch({
      stageCodes: checked
        ? [...current.stageCodes, code]
        : current.stageCodes.filter((c) => c !== code),
    });
  }

  protected async saveEdit(campaign: IkubossCampaignDetailDto): Promise<void> {
    const input = this.editing();
    if (!input) return;
    if (await this.manage(this.api.updateCampaign(campaign.id, input))) {
      this.editing.set(null);
      this.manageNotice.set(this.i18n.translate('ikubossManage.edit.saved'));
      this.resource.reload();
    }
  }

  protected async remove(campaign: IkubossCampaignDetailDto): Promise<void> {
    const question = this.i18n.translate('ikubossManage.deleteConfirm', {
      name: campaign.name,
    });
    if (!(this.window?.confirm(question) ?? false)) return;
    if (await this.manage(this.api.deleteCampaign(campaign.id), true))
      await this.router.navigateByUrl('/ikuboss/campaigns');
  }

  private async manage<T>(
    call: Observable<T>,
    allowEmpty = false,
  ): Promise<T | null> {
    this.busy.set(true);
    this.manageNotice.set(null);
    try {
      const value = await firstValueFrom(call, {
        defaultValue: undefined as T,
      });
      this.manageError.set(null);
      return allowEmpty ? (value ?? ({} as T)) : value;
    } catch (failure) {
      this.manageError.set(toApiError(failure));
      return null;
    } finally {
      this.busy.set(false);
    }
  }
}
