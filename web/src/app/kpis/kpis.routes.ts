import type { Routes } from '@angular/router';

import { KpiDetailPage } from './kpi-detail.page';
import { KpisPage } from './kpis.page';

export const kpisRoutes: Routes = [
  { path: '', component: KpisPage },
  { path: ':code', component: KpiDetailPage },
];
