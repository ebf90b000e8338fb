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
    path: 'ikuboss',
    canActivate: [authGuard],
    loadChildren: () =>
      import('./ikuboss/ikuboss.routes').then((m) => m.ikubossRoutes),
  },
  {
    path: 'ikuboss-programmes',
    canActivate: [authGuard],
    loadChildren: () =>
      import('./ikuboss-programmes/ikuboss-programmes.routes').then(
        (m) => m.ikubossProgrammesRoutes,
      ),
  },
  {
    path: 'committee',
    canActivate: [authGuard, permissionGuard(PERMISSIONS.readCommitteeReview)],
    loadChildren: () =>
      import('./committee/committee.routes').then((m) => m.committeeRoutes),
  },
  {
    path: 'p',
    loadChildren: () =>
      import('./public/public.routes').then((m) => m.publicRoutes),
  },
  {
    path: 'audit',
    canActivate: [authGuard, permissionGuard(PERMISSIONS.readAuditLog)],
    loadChildren: () =>
      import('./audit/audit.routes').then((m) => m.auditRoutes),
  },
  {
    path: 'accounts',
    canActivate: [
      authGuard,
      permissionGuard(PERMISSIONS.manageNonAdminAccounts),
    ],
    loadChildren: () =>
      import('./accounts/accounts.routes').then((m) => m.accountsRoutes),
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
