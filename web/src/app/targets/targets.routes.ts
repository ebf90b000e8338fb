import type { Routes } from '@angular/router';

import { PERMISSIONS } from '@ikuboard/shared/contracts';

import { permissionGuard } from '../auth/auth.guards';
import { TargetsPage } from './targets.page';

export const targetsRoutes: Routes = [
  { path: '', component: TargetsPage },
  {
    path: 'manage',
    canActivate: [permissionGuard(PERMISSIONS.manageTargets)],
    loadComponent: () =>
      import('./manage/targets-manage.page').then((m) => m.TargetsManagePage),
  },
];
