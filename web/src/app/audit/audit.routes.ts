import type { Routes } from '@angular/router';

import { AuditPage } from './audit.page';

export const auditRoutes: Routes = [{ path: '', component: AuditPage }];
