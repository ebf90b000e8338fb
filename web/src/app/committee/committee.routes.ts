import type { Routes } from '@angular/router';

import { CommitteeListPage } from './committee-list.page';

export const committeeRoutes: Routes = [
  { path: '', component: CommitteeListPage },
  {
    path: ':id',
    loadComponent: () =>
      import('./committee-review.page').then((m) => m.CommitteeReviewPage),
  },
];
