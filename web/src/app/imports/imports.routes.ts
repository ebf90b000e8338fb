import type { Routes } from '@angular/router';

import { ImportsPage } from './imports.page';

export const importsRoutes: Routes = [{ path: '', component: ImportsPage }];
