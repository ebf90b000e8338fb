import type { Route } from '@angular/router';

import { PERMISSIONS } from '@ikuboard/shared/contracts';

import { authGuard, permissionGuard } from './auth/auth.guards';

export const appRoutes: Route[] = [
  {
    path: 'login',
    loadChildren: () => import('./auth/auth.routes').then((m) => m.authRoutes),
  },
  {
    path: 'imports',
    canActivate: [authGuard, permissionGuard(PERMISSIONS.importData)],
    loadChildren: () =>
      import('./imports/imports.routes').then((m) => m.importsRoutes),
  },
  {
    path: 'targets',
    canActivate: [authGuard, permissionGuard(PERMISSIONS.readTargets)],
    loadChildren: () =>
      import('./targets/targets.routes').then((m) => m.targetsRoutes),
  },
  {
    path: 'kpis',
    canActivate: [authGuard, permissionGuard(PERMISSIONS.readKpiFigures)],
    loadChildren: () => import('./kpis/kpis.routes').then((m) => m.kpisRoutes),
  },
  {
    path: 'reviews360',
    canActivate: [authGuard],
    loadChildren: () =>
      import('./reviews360/reviews360.routes').then((m) => m.reviews360Routes),
  },
  {
    path: '',
    pathMatch: 'full',
    canActivate: [authGuard],
    loadChildren: () =>
      import('./overview/overview.routes').then((m) => m.overviewRoutes),
  },
  {
    path: '**',
    loadComponent: () =>
      import('./not-found/not-found.page').then((m) => m.NotFoundPage),
  },
];
