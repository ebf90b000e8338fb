import type { Routes } from '@angular/router';

import { guestGuard } from './auth.guards';
import { LoginPage } from './login.page';

export const authRoutes: Routes = [
  { path: '', component: LoginPage, canActivate: [guestGuard] },
];
