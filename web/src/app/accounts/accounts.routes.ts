import type { Routes } from '@angular/router';

import { AccountsPage } from './accounts.page';

export const accountsRoutes: Routes = [{ path: '', component: AccountsPage }];
