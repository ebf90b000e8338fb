import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';

import { PERMISSIONS } from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import { TranslatePipe } from '../i18n/translate.pipe';

/** The Ikuboss pages a role can open. */
@Component({
  selector: 'app-ikuboss-nav',
  imports: [RouterLink, RouterLinkActive, TranslatePipe],
  template: `
    <nav [attr.aria-label]="'ikuboss.nav' | t" class="subnav">
      @if (canDeclare()) {
        <a
          routerLink="/ikuboss/mine"
          routerLinkActive="active"
          ariaCurrentWhenActive="page"
          data-testid="ikuboss-nav-mine"
          >{{ 'ikuboss.nav.mine' | t }}</a
        >
      }
      @if (canReadProgress()) {
        <a
          routerLink="/ikuboss/campaigns"
          routerLinkActive="active"
          ariaCurrentWhenActive="page"
          data-testid="ikuboss-nav-campaigns"
          >{{ 'ikuboss.nav.campaigns' | t }}</a
        >
      }
      @if (canManage()) {
        <a
          routerLink="/ikuboss/templates"
          routerLinkActive="active"
          ariaCurrentWhenActive="page"
          data-testid="ikuboss-nav-templates"
          >{{ 'ikuboss.nav.templates' | t }}</a
        >
      }
    </nav>
  `,
  styles: `
    .subnav {
      display: flex;
      gap: 1.25rem;
      margin-bottom: 1.25rem;
      border-bottom: 1px solid var(--ik-border);
      padding-bottom: 0.5rem;
    }
    .subnav a.active {
      font-weight: 700;
      text-decoration: none;
      border-bottom: 3px solid var(--ik-primary);
    }
    @media print {
      .subnav {
        display: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IkubossNav {
  private readonly session = inject(SessionStore).session;
  private readonly has = (permission: string) =>
    computed(
      () => this.session()?.permissions.some((p) => p === permission) ?? false,
    );
  protected readonly canDeclare = computed(
    () =>
      this.has(PERMISSIONS.declareIkuboss)() &&
      this.session()?.employeeId != null,
  );
  protected readonly canReadProgress = this.has(
    PERMISSIONS.readIkubossProgress,
  );
  protected readonly canManage = this.has(
    PERMISSIONS.manageIkubossDeclarations,
  );
}
