import {
  HttpClient,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { SessionDto } from '@ikuboard/shared/contracts';

import { CSRF_HEADER, apiInterceptor } from './api.interceptor';
import { SessionStore } from './session.store';

const session: SessionDto = {
  accountId: 'a1',
  username: 'hr',
  displayName: '人事 花子',
  role: 'hr',
  permissions: ['kpi:read', 'import:write'],
  organization: { id: 'o1', code: 'demo', name: 'デモ市', nameEn: 'Demo City' },
  employeeId: null,
  employeeNumber: null,
  demoMode: false,
  csrfToken: 'token-123',
};

describe('apiInterceptor', () => {
  let http: HttpClient;
  let controller: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'login', children: [] }]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
    const login = TestBed.inject(SessionStore).login({
      username: 'hr',
      password: 'secret',
    });
    controller.expectOne('/api/v1/auth/login').flush(session);
    await login;
  });

  afterEach(() => controller.verify());

  it('sends the CSRF token with state-changing requests', () => {
    http.post('/api/v1/imports/units', {}).subscribe();
    const request = controller.expectOne('/api/v1/imports/units');
    expect(request.request.headers.get(CSRF_HEADER)).toBe('token-123');
    expect(request.request.withCredentials).toBe(true);
    request.flush({});
  });

  it('does not send the CSRF token with reads', () => {
    http.get('/api/v1/kpis').subscribe();
    const request = controller.expectOne('/api/v1/kpis');
    expect(request.request.headers.has(CSRF_HEADER)).toBe(false);
    expect(request.request.withCredentials).toBe(true);
    request.flush([]);
  });

  it('forgets the session when the API says it has expired', () => {
    http.get('/api/v1/kpis').subscribe({ error: () => undefined });
    controller
      .expectOne('/api/v1/kpis')
      .flush(null, { status: 401, statusText: 'Unauthorized' });

    expect(TestBed.inject(SessionStore).isAuthenticated()).toBe(false);
  });
});
