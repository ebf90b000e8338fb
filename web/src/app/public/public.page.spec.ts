import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { PublicDisclosureDto } from '@ikuboard/shared/contracts';

import { PublicPage } from './public.page';

async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

const disclosure: PublicDisclosureDto = {
  organization: { code: 'midori', name: 'みどり市', nameEn: 'Midori City' },
  fiscalYear: 2025,
  version: 2,
  publishedAt: '2026-06-30T01:00:00.000Z',
  figures: [
    {
      code: 'female_manager_ratio',
      fiscalYear: 2025,
      measure: 'percent',
      numerator: 36,
      denominator: 199,
      value: (36 / 199) * 100,
    },
    {
      code: 'pay_gap_all',
      fiscalYear: 2025,
      measure: 'percent',
      numerator: 4.5,
      denominator: 6,
      value: 75,
    },
  ],
  employerUnits: [],
  targets: [],
};

describe('PublicPage', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
  });

  it('shows the published figures by group, lists the declared Ikubosses, and hides the awards when that endpoint answers 404', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PublicPage);
    fixture.componentRef.setInput('orgCode', 'midori');
    await settle();
    http.expectOne('/api/v1/public/organizations/midori').flush(disclosure);
    http
      .expectOne('/api/v1/public/organizations/midori/ikubosses')
      .flush([
        {
          declarerName: '山田 花子',
          declarerTitle: '人事課長',
          unitName: '総務局',
        },
      ]);
    http
      .expectOne('/api/v1/public/organizations/midori/awards')
      .flush({ code: 'NOT_FOUND' }, { status: 404, statusText: 'Not Found' });
    await settle();

    const host = fixture.nativeElement as HTMLElement;
    const text = (id: string) =>
      host.querySelector(`[data-testid="${id}"]`)?.textContent?.trim() ?? null;
    expect(text('public-figure-female_manager_ratio')).toContain('18.1%');
    expect(text('public-figure-pay_gap_all')).toContain('75.0%');
    expect(text('public-fiscal-year')).toContain('令和7年度');
    expect(text('public-ikubosses')).toContain('山田 花子');
    expect(text('public-ikubosses')).toContain('人事課長 総務局');
    expect(host.querySelector('[data-testid="public-awards"]')).toBeNull();
    expect(
      host
        .querySelector('[data-testid="public-download-tables"]')
        ?.getAttribute('href'),
    ).toBe('/api/v1/public/organizations/midori/tables.xlsx');
  });

  it('says that nothing is published when the organization has no published review', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(PublicPage);
    fixture.componentRef.setInput('orgCode', 'nowhere');
    await settle();
    http
      .expectOne('/api/v1/public/organizations/nowhere')
      .flush({}, { status: 404, statusText: 'Not Found' });
    http
      .expectOne('/api/v1/public/organizations/nowhere/ikubosses')
      .flush({}, { status: 404, statusText: 'Not Found' });
    http
      .expectOne('/api/v1/public/organizations/nowhere/awards')
      .flush({}, { status: 404, statusText: 'Not Found' });
    await settle();
    const host = fixture.nativeElement as HTMLElement;
    expect(
      host.querySelector('[data-testid="public-not-found"]'),
    ).not.toBeNull();
    expect(host.querySelector('[data-testid="public-page"]')).toBeNull();
  });
});
