import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
} from '@angular/core';
import { Title } from '@angular/platform-browser';
import {
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';

import { PERMISSIONS } from '@ikuboard/shared/contracts';

import { SessionStore } from './auth/session.store';
import { I18nStore, type Language } from './i18n/i18n.store';
import { TranslatePipe } from './i18n/translate.pipe';
import { Review360Banner } from './reviews360/review360-banner';

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  ja: '日本語',
  en: 'English',
};

@Component({
  selector: 'app-root',
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    TranslatePipe,
    Review360Banner,
  ],
  templateUrl: './app.html',
  styleUrl: './app.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  private readonly sessionStore = inject(SessionStore);
  private readonly i18n = inject(I18nStore);
  private readonly router = inject(Router);

  protected readonly session = this.sessionStore.session;
  protected readonly canImport = computed(
    () => this.session()?.permissions.includes(PERMISSIONS.importData) ?? false,
  );
  protected readonly canReadKpis = computed(
    () =>
      this.session()?.permissions.includes(PERMISSIONS.readKpiFigures) ?? false,
  );
  protected readonly canReadTargets = computed(
    () =>
      this.session()?.permissions.includes(PERMISSIONS.readTargets) ?? false,
  );
  protected readonly canSeeIkuboss = computed(() => {
    const permissions = this.session()?.permissions ?? [];
    return (
      permissions.includes(PERMISSIONS.declareIkuboss) ||
      permissions.includes(PERMISSIONS.readIkubossProgress)
    );
  });
  protected readonly canManageIkuboss = computed(
    () =>
      this.session()?.permissions.includes(
        PERMISSIONS.manageIkubossProgrammes,
      ) ?? false,
  );
  protected readonly canReadIkubossNudges = computed(
    () =>
      this.session()?.permissions.includes(PERMISSIONS.readIkubossNudges) ??
      false,
  );
  protected readonly canUseIkubossAwards = computed(() =>
    [PERMISSIONS.nominateIkuboss, PERMISSIONS.grantIkubossAwards].some(
      (p) => this.session()?.permissions.includes(p) ?? false,
    ),
  );
  protected readonly canReviewCommittee = computed(
    () =>
      this.session()?.permissions.includes(PERMISSIONS.readCommitteeReview) ??
      false,
  );
  protected readonly canReadAudit = computed(
    () =>
      this.session()?.permissions.includes(PERMISSIONS.readAuditLog) ?? false,
  );
  protected readonly canManageAccounts = computed(
    () =>
      this.session()?.permissions.includes(
        PERMISSIONS.manageNonAdminAccounts,
      ) ?? false,
  );
  protected readonly canManageReviews360 = computed(
    () =>
      this.session()?.permissions.includes(PERMISSIONS.manageReviews360) ??
      false,
  );
  protected readonly organizationName = computed(() => {
    const organization = this.session()?.organization;
    if (!organization) {
      return null;
    }
    return this.i18n.language() === 'en'
      ? (organization.nameEn ?? organization.name)
      : organization.name;
  });
  protected readonly roleKey = computed(() => {
    const role = this.session()?.role;
    return role ? (`role.${role}` as const) : null;
  });
  /** The switch offers the other language, named in that language. */
  protected readonly otherLanguage = computed<Language>(() =>
    this.i18n.language() === 'ja' ? 'en' : 'ja',
  );
  protected readonly otherLanguageName = computed(
    () => LANGUAGE_NAMES[this.otherLanguage()],
  );

  constructor() {
    const title = inject(Title);
    effect(() => title.setTitle(this.i18n.translate('app.name')));
  }

  protected switchLanguage(): void {
    this.i18n.setLanguage(this.otherLanguage());
  }

  protected skipToMain(event: Event, main: HTMLElement): void {
    // A plain #main link would be resolved against <base href> and reload the app.
    event.preventDefault();
    main.focus();
  }

  protected async logOut(): Promise<void> {
    try {
      await this.sessionStore.logout();
    } finally {
      await this.router.navigateByUrl('/login');
    }
  }
}
