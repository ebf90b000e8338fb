import { inject } from '@angular/core';
import type { Routes } from '@angular/router';

import { PERMISSIONS } from '@ikuboard/shared/contracts';

import { permissionGuard } from '../auth/auth.guards';
import { SessionStore } from '../auth/session.store';

export const ikubossRoutes: Routes = [
  {
    path: '',
    pathMatch: 'full',
    // A manager linked to an employee lands on their own declaration; HR on the campaigns.
    redirectTo: () => {
      const session = inject(SessionStore).session();
      return session?.role === 'manager' ? 'mine' : 'campaigns';
    },
  },
  {
    path: 'mine',
    canActivate: [permissionGuard(PERMISSIONS.declareIkuboss)],
    loadComponent: () =>
      import('./my-declaration.page').then((m) => m.MyDeclarationPage),
  },
  {
    path: 'campaigns',
    canActivate: [permissionGuard(PERMISSIONS.readIkubossProgress)],
    loadComponent: () =>
      import('./campaigns.page').then((m) => m.CampaignsPage),
  },
  {
    path: 'campaigns/:id',
    canActivate: [permissionGuard(PERMISSIONS.readIkubossProgress)],
    loadComponent: () =>
      import('./campaign-detail.page').then((m) => m.CampaignDetailPage),
  },
  {
    path: 'templates',
    canActivate: [permissionGuard(PERMISSIONS.manageIkubossDeclarations)],
    loadComponent: () =>
      import('./templates.page').then((m) => m.TemplatesPage),
  },
  {
    path: 'declarations/:id/print',
    canActivate: [permissionGuard(PERMISSIONS.declareIkuboss)],
    loadComponent: () =>
      import('./declaration-print.page').then((m) => m.DeclarationPrintPage),
  },
];
