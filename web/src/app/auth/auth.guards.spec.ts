import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';

import { PERMISSIONS, type SessionDto } from '@ikuboard/shared/contracts';

import { authGuard, permissionGuard, safeReturnUrl } from './auth.guards';

@Component({ template: '' })
class BlankPage {}

const staffSession: SessionDto = {
  accountId: 'a2',
  username: 'staff',
  displayName: '職員 太郎',
  role: 'staff',
  permissions: [PERMISSIONS.readKpiFigures],
  organization: { id: 'o1', code: 'demo', name: 'デモ市', nameEn: null },
  employeeId: null,
  employeeNumber: null,
  demoMode: false,
  csrfToken: 't',
};

describe('route guards', () => {
  let router: Router;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'login', component: BlankPage },
          {
            path: 'imports',
            component: BlankPage,
            canActivate: [authGuard, permissionGuard(PERMISSIONS.importData)],
          },
          { path: '', component: BlankPage, canActivate: [authGuard] },
        ]),
      ],
    });
    router = TestBed.inject(Router);
    http = TestBed.inject(HttpTestingController);
  });

  async function navigate(
    url: string,
    session: SessionDto | null,
  ): Promise<string> {
    const navigation = router.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    const request = http.expectOne('/api/v1/auth/session');
    if (session) {
      request.flush(session);
    } else {
      request.flush(null, { status: 401, statusText: 'Unauthorized' });
    }
    await navigation;
    return router.url;
  }

  it('sends a visitor without a session to the login page', async () => {
    expect(await navigate('/', null)).toBe('/login');
  });

  it('keeps a user without the import permission out of the import page', async () => {
    expect(await navigate('/imports', staffSession)).toBe('/');
  });

  it('lets a signed-in user see the dashboard', async () => {
    expect(await navigate('/', staffSession)).toBe('/');
  });

  it('returns only to paths inside the app after login', () => {
    expect(safeReturnUrl('/imports')).toBe('/imports');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl(null)).toBe('/');
  });
});
