import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import {
  PERMISSIONS,
  type Permission,
  type SessionDto,
} from '@ikuboard/shared/contracts';

import { AuthApi } from '../auth/auth.api';
import { SessionStore } from '../auth/session.store';
import { KpiDetailPage } from './kpi-detail.page';

/** httpResource keeps the app unstable while a request is open, so whenStable() would wait for ever. */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

function session(permissions: Permission[]): SessionDto {
  return {
    accountId: 'a1',
    username: 'user',
    displayName: '利用者',
    role: permissions.includes(PERMISSIONS.readPersonData) ? 'hr' : 'committee',
    permissions,
    organization: { id: 'o1', code: 'midori', name: 'みどり市', nameEn: null },
    employeeId: null,
    employeeNumber: null,
    demoMode: true,
    csrfToken: 'csrf',
  };
}

async function render(permissions: Permission[]) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const store = TestBed.inject(SessionStore);
  TestBed.inject(AuthApi);
  (store as unknown as { state: { set(value: SessionDto): void } }).state.set(
    session(permissions),
  );
  const fixture = TestBed.createComponent(KpiDetailPage);
  fixture.componentRef.setInput('code', 'overtime_monthly_avg');
  fixture.componentRef.setInput('fy', '2024');
  await settle();

  http.expectOne('/api/v1/fiscal-years').flush({ fiscalYears: [2023, 2024] });
  http.expectOne('/api/v1/org-units').flush([]);
  http.expectOne('/api/v1/targets').flush([]);
  await settle();
  http
    .expectOne(
      (req) => req.url === '/api/v1/kpis' && req.params.get('fy') === '2024',
    )
    .flush([
      {
        code: 'overtime_monthly_avg',
        fiscalYear: 2024,
        measure: 'hours',
        numerator: 1200,
        denominator: 100,
        value: 12,
      },
      {
        code: 'overtime_monthly_avg',
        fiscalYear: 2024,
        measure: 'hours',
        numerator: 150,
        denominator: 10,
        value: 15,
        dimensions: { month: '2024-04' },
      },
    ]);
  http
    .expectOne((req) => req.url === '/api/v1/kpis/trend')
    .flush([
      {
        code: 'overtime_monthly_avg',
        fiscalYear: 2024,
        measure: 'hours',
        numerator: 1200,
        denominator: 100,
        value: 12,
      },
    ]);
  http
    .match((req) => req.url === '/api/v1/kpis/breakdown')
    .forEach((request) => request.flush([]));
  await settle();
  const host = fixture.nativeElement as HTMLElement;
  return { fixture, http, host };
}

describe('KpiDetailPage', () => {
  beforeEach(() => localStorage.clear());

  it('shows the figures in hours, the monthly chart against 45 h, and no drill-down for a committee member', async () => {
    const { host, http } = await render([PERMISSIONS.readKpiFigures]);

    expect(
      host.querySelector('[data-testid="kpi-detail-title"]')?.textContent,
    ).toContain('月平均の超過勤務時間');
    expect(
      host.querySelector('[data-testid="kpi-detail-value"]')?.textContent,
    ).toContain('12.0時間');
    expect(
      host.querySelector('[data-testid="kpi-figures-table"] tbody')
        ?.textContent,
    ).toContain('1,200');
    expect(
      host.querySelector('[data-testid="dimension-overtime-by-month"] caption')
        ?.textContent,
    ).toContain('上限 月45時間');
    expect(host.querySelector('[data-testid="kpi-people"]')).toBeNull();
    http.expectNone((req) => req.url.endsWith('/people'));
    http.verify();
  });

  it('offers HR the people behind the figure, fetched only when opened', async () => {
    const { host, http } = await render([
      PERMISSIONS.readKpiFigures,
      PERMISSIONS.readPersonData,
    ]);
    const details = host.querySelector<HTMLDetailsElement>(
      '[data-testid="kpi-people"] details',
    );
    if (!details) {
      throw new Error('the drill-down is missing');
    }
    http.expectNone((req) => req.url.endsWith('/people'));

    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    await settle();
    http.expectOne('/api/v1/kpis/overtime_monthly_avg/people?fy=2024').flush({
      numerator: [
        {
          employeeNumber: 'E001',
          name: '山田 花子',
          unitName: '人事課',
          reason: { ja: '4月 50時間', en: '50 h in April' },
          amount: 50,
        },
      ],
      denominator: [],
    });
    await settle();

    expect(
      host.querySelector('[data-testid="kpi-people-numerator"]')?.textContent,
    ).toContain('山田 花子');
  });
});
