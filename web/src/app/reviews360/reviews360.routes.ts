import type { Routes } from '@angular/router';

import { PERMISSIONS } from '@ikuboard/shared/contracts';

import { permissionGuard } from '../auth/auth.guards';
import { Reviews360Page } from './reviews360.page';

export const reviews360Routes: Routes = [
  { path: '', component: Reviews360Page },
  {
    path: 'answer/:cycleId/:assignmentId',
    loadComponent: () =>
      import('./review360-answer.page').then((m) => m.Review360AnswerPage),
  },
  {
    path: 'report/:cycleId',
    loadComponent: () =>
      import('./review360-report.page').then((m) => m.Review360ReportPage),
  },
  {
    path: 'manage',
    canActivate: [permissionGuard(PERMISSIONS.manageReviews360)],
    loadComponent: () =>
      import('./reviews360-manage.page').then((m) => m.Reviews360ManagePage),
  },
  {
    path: 'manage/:cycleId',
    canActivate: [permissionGuard(PERMISSIONS.manageReviews360)],
    loadComponent: () =>
      import('./review360-setup.page').then((m) => m.Review360SetupPage),
  },
];
