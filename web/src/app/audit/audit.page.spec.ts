import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';

import type { AuditEntryDto } from '@ikuboard/shared/contracts';

import { I18nStore } from '../i18n/i18n.store';
import { AUDIT_URL } from './audit.api';
import { AuditPage } from './audit.page';

async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

const entry = (
  id: string,
  overrides: Partial<AuditEntryDto> = {},
): AuditEntryDto => ({
  id,
  occurredAt: '2026-04-01T01:02:03Z',
  accountId: 'a1',
  username: 'hr-user',
  role: 'hr',
  action: 'read',
  method: 'GET',
  route: '/api/v1/kpis/:code/people',
  resourceIds: { code: 'female_staff_ratio', fy: '2025' },
  status: 200,
  ip: '192.0.2.1',
  userAgent: 'Mozilla/5.0',
  ...overrides,
});

describe('AuditPage', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
  });

  it('lists entries, pages on with "show more", and offers CSV and Excel downloads of the filter', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AuditPage);
    await settle();
    http
      .expectOne((req) => req.url === AUDIT_URL && !req.params.has('before'))
      .flush({
        entries: [
          entry('9'),
          entry('8', {
            action: 'anonymous_submission',
            accountId: null,
            username: null,
            role: null,
            ip: null,
            method: 'POST',
            route: '/api/v1/reviews360/:id/responses',
            resourceIds: {},
            status: 201,
          }),
        ],
        nextBefore: '8',
      });
    await settle();
    const host = fixture.nativeElement as HTMLElement;
    const rows = () => host.querySelectorAll('[data-testid="audit-row"]');
    expect(rows()).toHaveLength(2);
    expect(rows()[0]?.textContent).toContain('hr-user');
    expect(rows()[0]?.textContent).toContain('code=female_staff_ratio fy=2025');
    expect(rows()[0]?.textContent).toContain('閲覧');
    expect(rows()[1]?.textContent).toContain('(匿名)');
    expect(rows()[1]?.textContent).not.toContain('hr-user');

    host
      .querySelector<HTMLButtonElement>('[data-testid="audit-more"]')
      ?.click();
    await settle();
    http
      .expectOne(
        (req) => req.url === AUDIT_URL && req.params.get('before') === '8',
      )
      .flush({
        entries: [entry('7', { action: 'denied', status: 403 })],
        nextBefore: null,
      });
    await settle();
    expect(rows()).toHaveLength(3);
    expect(host.querySelector('[data-testid="audit-more"]')).toBeNull();

    const from = host.querySelector(
      '[data-testid="audit-from"]',
    ) as HTMLInputElement;
    from.value = '2026-04-01';
    from.dispatchEvent(new Event('change'));
    await settle();
    http
      .expectOne(
        (req) =>
          req.url === AUDIT_URL && req.params.get('from') === '2026-04-01',
      )
      .flush({ entries: [], nextBefore: null });
    await settle();
    expect(host.querySelector('[data-testid="audit-empty"]')).not.toBeNull();
    expect(
      host
        .querySelector('[data-testid="audit-export-csv"]')
        ?.getAttribute('href'),
    ).toBe('/api/v1/audit/export?format=csv&from=2026-04-01');
    expect(
      host
        .querySelector('[data-testid="audit-export-xlsx"]')
        ?.getAttribute('href'),
    ).toBe('/api/v1/audit/export?format=xlsx&from=2026-04-01');

    TestBed.inject(I18nStore).setLanguage('en');
    fixture.changeDetectorRef.markForCheck();
    await settle();
    expect(host.querySelector('h1')?.textContent).toContain('Audit log');
    http.verify();
  });
});
