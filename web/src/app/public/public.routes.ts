import type { Routes } from '@angular/router';

export const publicRoutes: Routes = [
  {
    path: ':orgCode',
    loadComponent: () => import('./public.page').then((m) => m.PublicPage),
  },
];
