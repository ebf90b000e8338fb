import { inject } from '@angular/core';
import { type CanActivateFn, Router, type Routes } from '@angular/router';

import { PERMISSIONS, type Permission } from '@ikuboard/shared/contracts';

import { permissionGuard } from '../auth/auth.guards';
import { SessionStore } from '../auth/session.store';
import { IkubossProgrammesPage } from './ikuboss-programmes.page';

/** Lets in a user holding any of the permissions (the API still checks each call). */
function anyPermissionGuard(...permissions: Permission[]): CanActivateFn {
  return async () => {
    const router = inject(Router);
    const session = await inject(SessionStore).ensureLoaded();
    return session && permissions.some((p) => session.permissions.includes(p))
      ? true
      : router.createUrlTree(['/']);
  };
}

export const ikubossProgrammesRoutes: Routes = [
  {
    path: '',
    component: IkubossProgrammesPage,
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'nudges' },
      {
        path: 'nudges',
        canActivate: [permissionGuard(PERMISSIONS.readIkubossNudges)],
        loadComponent: () =>
          import('./nudges.page').then((m) => m.IkubossNudgesPage),
      },
      {
        path: 'trainings',
        canActivate: [permissionGuard(PERMISSIONS.manageIkubossProgrammes)],
        loadComponent: () =>
          import('./trainings.page').then((m) => m.IkubossTrainingsPage),
      },
      {
        path: 'goals',
        canActivate: [
          anyPermissionGuard(
            PERMISSIONS.setIkubossPracticeGoal,
            PERMISSIONS.manageIkubossProgrammes,
          ),
        ],
        loadComponent: () =>
          import('./practice-goals.page').then(
            (m) => m.IkubossPracticeGoalsPage,
          ),
      },
      {
        path: 'awards',
        canActivate: [
          anyPermissionGuard(
            PERMISSIONS.nominateIkuboss,
            PERMISSIONS.grantIkubossAwards,
          ),
        ],
        loadComponent: () =>
          import('./awards.page').then((m) => m.IkubossAwardsPage),
      },
      {
        path: 'firms',
        canActivate: [permissionGuard(PERMISSIONS.manageIkubossProgrammes)],
        loadComponent: () =>
          import('./local-firms.page').then((m) => m.IkubossLocalFirmsPage),
      },
    ],
  },
];
