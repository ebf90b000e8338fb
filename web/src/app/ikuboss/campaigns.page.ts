import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import {
  PERMISSIONS,
  type ApiErrorDto,
  type IkubossCampaignDto,
} from '@ikuboard/shared/contracts';
import { fiscalYearOf } from '@ikuboard/shared/kpi';

import { SessionStore } from '../auth/session.store';
import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import {
  FiscalYearPipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { OverviewApi } from '../overview/overview.api';
import { flattenOrgUnits, indentedName } from '../overview/org-unit-tree';
import { IkubossApi } from './ikuboss.api';
import { IkubossNav } from './ikuboss-nav';

/** Campaigns with their completion; HR creates them here. */
@Component({
  selector: 'app-ikuboss-campaigns-page',
  imports: [
    RouterLink,
    IkubossNav,
    TranslatePipe,
    FiscalYearPipe,
    LocalizedPipe,
  ],
  templateUrl: './campaigns.page.html',
  styleUrl: './ikuboss.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CampaignsPage {
  private readonly api = inject(IkubossApi);
  private readonly i18n = inject(I18nStore);
  protected readonly canManage = inject(SessionStore).can(
    PERMISSIONS.manageIkubossDeclarations,
  );
  protected readonly indentedName = indentedName;

  private readonly list = this.api.campaigns();
  protected readonly campaigns = computed(() =>
    this.list.hasValue() ? this.list.value() : [],
  );
  protected readonly loading = computed(() => this.list.isLoading());
  protected readonly loadError = computed(() => {
    const failure = this.list.error();
    return failure ? toApiError(failure) : null;
  });

  // The form's choices are loaded only for HR, who can use them.
  private readonly templateList = this.canManage ? this.api.templates() : null;
  private readonly stageList = this.canManage ? this.api.stages() : null;
  private readonly unitList = this.canManage
    ? inject(OverviewApi).orgUnits()
    : null;
  protected readonly templates = computed(
    () => this.templateList?.value() ?? [],
  );
  protected readonly stages = computed(() => this.stageList?.value() ?? []);
  protected readonly units = computed(() =>
    flattenOrgUnits(this.unitList?.value() ?? []),
  );

  protected readonly formOpen = signal(false);
  protected readonly name = signal('');
  protected readonly fiscalYear = signal(
    fiscalYearOf(new Date().toISOString().slice(0, 10)),
  );
  protected readonly scopeUnitCode = signal<string | null>(null);
  protected readonly stageCodes = linkedSignal(() =>
    this.stages()
      .filter((stage) => stage.isManager)
      .map((stage) => stage.code),
  );
  protected readonly templateId = linkedSignal(
    () => this.templates()[0]?.id ?? '',
  );
  protected readonly deadline = signal('');
  protected readonly saving = signal(false);
  protected readonly formError = signal<ApiErrorDto | null>(null);

  protected rate(campaign: IkubossCampaignDto): string {
    return campaign.required === 0
      ? '—'
      : this.i18n.measure(
          (campaign.declared / campaign.required) * 100,
          'percent',
        );
  }

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected toggleStage(code: string, event: Event): void {
    const checked = (event.target as HTMLInputElement).checked;
    this.stageCodes.update((codes) =>
      checked ? [...codes, code] : codes.filter((c) => c !== code),
    );
  }

  protected async create(): Promise<void> {
    this.saving.set(true);
    try {
      await firstValueFrom(
        this.api.createCampaign({
          name: this.name().trim(),
          fiscalYear: this.fiscalYear(),
          scopeUnitCode: this.scopeUnitCode(),
          stageCodes: this.stageCodes(),
          templateId: this.templateId(),
          deadline: this.deadline(),
        }),
      );
      this.formError.set(null);
      this.formOpen.set(false);
      this.list.reload();
    } catch (failure) {
      this.formError.set(toApiError(failure));
    } finally {
      this.saving.set(false);
    }
  }

  protected reload(): void {
    this.list.reload();
  }
}
