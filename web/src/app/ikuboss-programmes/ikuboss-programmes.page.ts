import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

import { PERMISSIONS, type Permission } from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import type { MessageKey } from '../i18n/ja';
import { TranslatePipe } from '../i18n/translate.pipe';

interface Tab {
  path: string;
  key: MessageKey;
  any: readonly Permission[];
}

const TABS: readonly Tab[] = [
  {
    path: 'nudges',
    key: 'ikubossProgrammes.tab.nudges',
    any: [PERMISSIONS.readIkubossNudges],
  },
  {
    path: 'trainings',
    key: 'ikubossProgrammes.tab.trainings',
    any: [PERMISSIONS.manageIkubossProgrammes],
  },
  {
    path: 'goals',
    key: 'ikubossProgrammes.tab.goals',
    any: [
      PERMISSIONS.setIkubossPracticeGoal,
      PERMISSIONS.manageIkubossProgrammes,
    ],
  },
  {
    path: 'awards',
    key: 'ikubossProgrammes.tab.awards',
    any: [PERMISSIONS.nominateIkuboss, PERMISSIONS.grantIkubossAwards],
  },
  {
    path: 'firms',
    key: 'ikubossProgrammes.tab.firms',
    any: [PERMISSIONS.manageIkubossProgrammes],
  },
];

/** イクボス推進: the Ikuboss programmes, one tab per programme the user may open. */
@Component({
  selector: 'app-ikuboss-programmes-page',
  imports: [RouterLink, RouterLinkActive, RouterOutlet, TranslatePipe],
  template: `
    <h1>{{ 'ikubossProgrammes.title' | t }}</h1>
    <nav class="tabs" [attr.aria-label]="'ikubossProgrammes.title' | t">
      @for (tab of tabs(); track tab.path) {
        <a
          [routerLink]="tab.path"
          routerLinkActive="active"
          ariaCurrentWhenActive="page"
          [attr.data-testid]="'ikuboss-tab-' + tab.path"
        >
          {{ tab.key | t }}
        </a>
      }
    </nav>
    <router-outlet />
  `,
  styles: `
    .tabs {
      display: flex;
      flex-wrap: wrap;
      gap: 0.25rem;
      border-bottom: 2px solid var(--ik-border);
      margin-bottom: 1rem;
    }
    .tabs a {
      padding: 0.4rem 0.9rem;
      text-decoration: none;
      border-radius: 6px 6px 0 0;
    }
    .tabs a.active {
      background: var(--ik-primary, #2f5d50);
      color: #fff;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IkubossProgrammesPage {
  private readonly session = inject(SessionStore);
  protected readonly tabs = computed(() => {
    const permissions = this.session.session()?.permissions ?? [];
    return TABS.filter((tab) => tab.any.some((p) => permissions.includes(p)));
  });
}
