import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { KpiValueDto } from '@ikuboard/shared/contracts';

import { I18nStore } from '../i18n/i18n.store';
import { KpiCard } from './kpi-card';

function kpi(
  fiscalYear: number,
  numerator: number,
  denominator: number,
): KpiValueDto {
  return {
    code: 'female_manager_ratio',
    fiscalYear,
    measure: 'percent',
    numerator,
    denominator,
    value: denominator === 0 ? null : (numerator / denominator) * 100,
  };
}

async function render(
  current: KpiValueDto | null,
  previous: KpiValueDto | null = null,
) {
  const fixture = TestBed.createComponent(KpiCard);
  fixture.componentRef.setInput('code', 'female_manager_ratio');
  fixture.componentRef.setInput('current', current);
  fixture.componentRef.setInput('previous', previous);
  await fixture.whenStable();
  const host = fixture.nativeElement as HTMLElement;
  const text = (testId: string) =>
    host.querySelector(`[data-testid="${testId}"]`)?.textContent?.trim() ??
    null;
  return { fixture, host, text };
}

describe('KpiCard', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  it('shows the Japanese label, the rounded value and women / all counts', async () => {
    const { host, text } = await render(kpi(2025, 12, 66));

    expect(host.getAttribute('data-testid')).toBe(
      'kpi-card-female_manager_ratio',
    );
    expect(host.querySelector('h3')?.textContent).toContain(
      '管理職(課長級以上)に占める女性の割合',
    );
    expect(text('kpi-value')).toBe('18.2%');
    expect(text('kpi-counts')).toBe('女性 12 / 全体 66人');
  });

  it('shows the change from the previous fiscal year in points', async () => {
    const { text } = await render(kpi(2025, 12, 66), kpi(2024, 11, 65));

    // 18.2 % after 16.9 %
    expect(text('kpi-delta')).toContain('▲1.3pt');
  });

  it('shows no change line when the previous fiscal year has no value', async () => {
    const { text } = await render(kpi(2025, 12, 66), kpi(2024, 0, 0));

    expect(text('kpi-delta')).toBeNull();
  });

  it('shows a dash when nobody is in the group', async () => {
    const { text } = await render(kpi(2025, 0, 0));

    expect(text('kpi-value')).toBe('—');
  });

  it('follows the language switch', async () => {
    const { fixture, text } = await render(kpi(2025, 12, 66));

    TestBed.inject(I18nStore).setLanguage('en');
    fixture.changeDetectorRef.markForCheck();
    await fixture.whenStable();

    expect(text('kpi-counts')).toBe('Women 12 / total 66');
  });
});
