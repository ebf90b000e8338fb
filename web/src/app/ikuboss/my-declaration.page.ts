import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  computed,
  inject,
  linkedSignal,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import { type Observable, firstValueFrom } from 'rxjs';

import {
  IKUBOSS_ACTION_MAX_LENGTH,
  type ApiErrorDto,
  type IkubossDeclarationDto,
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
import { IkubossApi } from './ikuboss.api';
import { IkubossNav } from './ikuboss-nav';

/** A manager's own declaration: write actions, sign with an explicit confirmation, revoke, renew. */
@Component({
  selector: 'app-my-declaration-page',
  imports: [
    RouterLink,
    IkubossNav,
    TranslatePipe,
    FiscalYearPipe,
    LocalizedPipe,
  ],
  templateUrl: './my-declaration.page.html',
  styleUrl: './ikuboss.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MyDeclarationPage {
  private readonly api = inject(IkubossApi);
  private readonly i18n = inject(I18nStore);
  private readonly window = inject(DOCUMENT).defaultView;
  protected readonly session = inject(SessionStore).session;
  protected readonly maxLength = IKUBOSS_ACTION_MAX_LENGTH;

  private readonly mine = this.api.mine();
  private readonly campaigns = this.api.campaigns();

  protected readonly declarations = computed(() =>
    this.mine.hasValue() ? this.mine.value() : [],
  );
  /** The campaign year decides which declaration to start, so both must have answered once. */
  protected readonly ready = computed(() => {
    const answered = ['resolved', 'reloading', 'local'];
    return (
      answered.includes(this.mine.status()) &&
      [...answered, 'error'].includes(this.campaigns.status())
    );
  });
  protected readonly loadError = computed(() => {
    const failure = this.mine.error();
    return failure ? toApiError(failure) : null;
  });

  /** The newest campaign's fiscal year, or this fiscal year when there is no campaign. */
  protected readonly fiscalYear = computed(() => {
    const years = (this.campaigns.hasValue() ? this.campaigns.value() : []).map(
      (campaign) => campaign.fiscalYear,
    );
    return years.length > 0
      ? Math.max(...years)
      : fiscalYearOf(new Date().toISOString().slice(0, 10));
  });
  /** The newest live declaration from the campaign year on (a renewal's draft comes first). */
  protected readonly current = computed(
    () =>
      this.declarations().find(
        (d) => d.fiscalYear >= this.fiscalYear() && d.status !== 'revoked',
      ) ?? null,
  );
  protected readonly renewable = computed(
    () =>
      this.declarations().find(
        (d) =>
          d.fiscalYear === this.fiscalYear() - 1 &&
          d.status === 'signed' &&
          d.renewedById === null,
      ) ?? null,
  );
  protected readonly history = computed(() =>
    this.declarations().filter((d) => d !== this.current()),
  );

  protected readonly me = computed(
    () => this.current()?.declarers.find((d) => d.isCaller) ?? null,
  );
  protected readonly action1 = linkedSignal(() => this.me()?.actions[0] ?? '');
  protected readonly action2 = linkedSignal(() => this.me()?.actions[1] ?? '');
  protected readonly witness = linkedSignal(
    () => this.current()?.witness ?? '',
  );
  protected readonly isPublic = linkedSignal(
    () => this.current()?.isPublic ?? false,
  );
  protected readonly confirmed = linkedSignal<
    IkubossDeclarationDto | null,
    boolean
  >({
    source: this.current,
    computation: () => false,
  });
  protected readonly revokeReason = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<ApiErrorDto | null>(null);
  protected readonly notice = signal<string | null>(null);

  protected readonly actionsValid = computed(
    () =>
      this.action1().trim() !== '' &&
      this.action1().length <= this.maxLength &&
      this.action2().length <= this.maxLength,
  );
  protected readonly iSigned = computed(() => this.me()?.signedAt != null);
  protected readonly anySigned = computed(
    () => this.current()?.declarers.some((d) => d.signedAt !== null) ?? false,
  );
  protected readonly waitingFor = computed(() =>
    (this.current()?.declarers ?? [])
      .filter((d) => d.signedAt === null)
      .map((d) => d.name)
      .join('、'),
  );

  protected statusKey(declaration: IkubossDeclarationDto) {
    return `ikuboss.status.${declaration.status}` as const;
  }

  protected kindKey(declaration: IkubossDeclarationDto) {
    return `ikuboss.kind.${declaration.kind}` as const;
  }

  protected signedAtText(value: string | null): string {
    if (!value) return '—';
    return new Intl.DateTimeFormat(
      this.i18n.language() === 'ja' ? 'ja-JP' : 'en-GB',
      {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: 'Asia/Tokyo',
      },
    ).format(new Date(value));
  }

  protected text(event: Event): string {
    return (event.target as HTMLInputElement | HTMLTextAreaElement).value;
  }

  protected async create(): Promise<void> {
    await this.run(this.api.createDeclaration(this.fiscalYear()));
  }

  /** The co-declarers' 職員番号 as typed: spaces, commas or 、 separate them; the caller's own is dropped. */
  protected readonly coDeclarerText = signal('');
  protected readonly coDeclarers = computed(() => {
    const own = this.session()?.employeeNumber ?? null;
    return [
      ...new Set(
        this.coDeclarerText()
          .split(/[\s,、，]+/)
          .map((n) => n.trim())
          .filter((n) => n.length > 0 && n !== own),
      ),
    ];
  });

  /** A joint declaration: the caller first (the API requires them among the declarers), then the others in order. */
  protected async createJoint(): Promise<void> {
    const own = this.session()?.employeeNumber;
    const others = this.coDeclarers();
    if (!own || others.length === 0) return;
    if (
      await this.run(
        this.api.startDeclarationFor(this.fiscalYear(), [own, ...others]),
      )
    )
      this.coDeclarerText.set('');
  }

  protected async renew(declaration: IkubossDeclarationDto): Promise<void> {
    await this.run(this.api.renew(declaration.id));
  }

  protected async save(): Promise<void> {
    const current = this.current();
    if (!current) return;
    if (
      await this.run(this.api.updateDeclaration(current.id, this.draftInput()))
    ) {
      this.notice.set(this.i18n.translate('ikuboss.saved'));
    }
  }

  protected async sign(): Promise<void> {
    const current = this.current();
    if (!current || !this.confirmed() || !this.actionsValid()) return;
    this.busy.set(true);
    try {
      if (!this.anySigned())
        await firstValueFrom(
          this.api.updateDeclaration(current.id, this.draftInput()),
        );
      await firstValueFrom(this.api.sign(current.id));
      this.error.set(null);
      this.mine.reload();
    } catch (failure) {
      this.error.set(toApiError(failure));
    } finally {
      this.busy.set(false);
    }
  }

  protected async setPublic(
    declaration: IkubossDeclarationDto,
    event: Event,
  ): Promise<void> {
    const checked = (event.target as HTMLInputElement).checked;
    this.isPublic.set(checked);
    if (declaration.status !== 'draft')
      await this.run(
        this.api.updateDeclaration(declaration.id, { isPublic: checked }),
      );
  }

  protected async revoke(declaration: IkubossDeclarationDto): Promise<void> {
    const reason = this.revokeReason().trim();
    if (!reason) return;
    if (
      !(
        this.window?.confirm(
          this.i18n.translate('ikuboss.decl.revokeConfirm'),
        ) ?? false
      )
    )
      return;
    if (await this.run(this.api.revoke(declaration.id, reason)))
      this.revokeReason.set('');
  }

  protected async remove(declaration: IkubossDeclarationDto): Promise<void> {
    await this.run(this.api.deleteDeclaration(declaration.id));
  }

  protected reload(): void {
    this.mine.reload();
    this.campaigns.reload();
  }

  private draftInput() {
    return {
      actions: [this.action1(), this.action2()].filter((a) => a.trim() !== ''),
      witness: this.witness().trim() || null,
      isPublic: this.isPublic(),
    };
  }

  private async run(request: Observable<unknown>): Promise<boolean> {
    this.busy.set(true);
    this.notice.set(null);
    try {
      await firstValueFrom(request, { defaultValue: null });
      this.error.set(null);
      this.mine.reload();
      return true;
    } catch (failure) {
      this.error.set(toApiError(failure));
      return false;
    } finally {
      this.busy.set(false);
    }
  }
}
