import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { TargetProgressDto } from '@ikuboard/shared/contracts';

import { I18nStore } from '../i18n/i18n.store';
import { TARGET_PROGRESS_URL } from './targets.api';
import { TargetsOverview } from './targets-overview';

/** httpResource keeps the app unstable while a request is open, so whenStable() would wait for ever. */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

const progress: TargetProgressDto = {
  target: {
    id: 't1',
    planId: 'p1',
    planName: '第5期計画',
    kpiCode: 'female_manager_ratio',
    orgUnitCode: null,
    targetValue: 20,
    targetFiscalYear: 2025,
    direction: 'gte',
    baselineValue: 10,
    baselineFiscalYear: 2020,
    actions: [],
  },
  measure: 'percent',
  fiscalYear: 2024,
  actual: 16.25,
  trajectory: 18,
  status: 'behind',
  gap: -1.75,
  series: [
    { fiscalYear: 2023, actual: 15, trajectory: 16, status: 'behind' },
    { fiscalYear: 2024, actual: 16.25, trajectory: 18, status: 'behind' },
    { fiscalYear: 2025, actual: null, trajectory: 20, status: 'no_data' },
  ],
};

describe('TargetsOverview', () => {
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

  it('shows one card per target with status, goal, actual, gap and sparkline', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TargetsOverview);
    fixture.componentRef.setInput('fiscalYear', 2024);
    await settle();

    http
      .expectOne(
        (req) =>
          req.url === TARGET_PROGRESS_URL && req.params.get('fy') === '2024',
      )
      .flush([progress]);
    http.expectOne('/api/v1/org-units').flush([]);
    await settle();

    const host = fixture.nativeElement as HTMLElement;
    const card = host.querySelector<HTMLElement>(
      '[data-testid="target-card-female_manager_ratio"]',
    );
    const text = (id: string) =>
      card?.querySelector(`[data-testid="${id}"]`)?.textContent?.trim();
    expect(card?.getAttribute('data-status')).toBe('behind');
    expect(text('target-status')).toContain('遅れ');
    expect(text('target-goal')).toBe('令和7年度に20.0%以上');
    expect(text('target-actual')).toBe('16.3%');
    expect(text('target-gap')).toContain('\u22121.8pt');
    expect(
      card
        ?.querySelector('[data-testid="target-kpi-link"]')
        ?.getAttribute('href'),
    ).toBe('/kpis/female_manager_ratio?fy=2024');
    expect(card?.querySelectorAll('ik-sparkline tbody tr')).toHaveLength(3);

    TestBed.inject(I18nStore).setLanguage('en');
    fixture.changeDetectorRef.markForCheck();
    await settle();
    expect(text('target-goal')).toBe('At least 20.0% by FY2025');
    expect(text('target-status')).toContain('Behind');
  });

  it('says so when no target has been set', async () => {
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(TargetsOverview);
    fixture.componentRef.setInput('fiscalYear', 2024);
    await settle();
    http.expectOne((req) => req.url === TARGET_PROGRESS_URL).flush([]);
    http.expectOne('/api/v1/org-units').flush([]);
    await settle();

    expect(
      (fixture.nativeElement as HTMLElement).querySelector(
        '[data-testid="targets-empty"]',
      ),
    ).not.toBeNull();
  });
});
