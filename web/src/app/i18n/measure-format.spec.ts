import { TestBed } from '@angular/core/testing';

import type { KpiMeasure } from '@ikuboard/shared/contracts';

import { I18nStore } from './i18n.store';

describe('I18nStore measures and gaps', () => {
  let store: I18nStore;

  beforeEach(() => {
    localStorage.clear();
    store = TestBed.inject(I18nStore);
  });

  it.each<[KpiMeasure, number, string, string]>([
    ['percent', 1.25, '+1.3pt', '+1.3 pt'],
    ['percent', -0.04, '±0.0pt', '±0.0 pt'],
    ['days', -0.45, '\u22120.5日', '\u22120.5 days'],
    ['hours', 2, '+2.0時間', '+2.0 h'],
    ['years', -1.25, '\u22121.3年', '\u22121.3 years'],
    ['count', 3, '+3人', '+3'],
  ])(
    'writes a %s gap of %p as %s in Japanese and %s in English',
    (measure, gap, japanese, english) => {
      expect(store.gap(gap, measure)).toBe(japanese);
      store.setLanguage('en');
      expect(store.gap(gap, measure)).toBe(english);
    },
  );

  it('has no gap to show without a trajectory', () => {
    expect(store.gap(null, 'percent')).toBeNull();
  });

  it.each<[KpiMeasure, number, string, string]>([
    ['percent', 18.25, '18.3%', '18.3%'],
    ['days', 12.449, '12.4日', '12.4 days'],
    ['hours', 9.95, '10.0時間', '10.0 h'],
    ['years', 15, '15.0年', '15.0 years'],
    ['count', 12, '12人', '12'],
  ])('writes a %s value of %p as %s / %s', (measure, value, ja, en) => {
    expect(store.measure(value, measure)).toBe(ja);
    store.setLanguage('en');
    expect(store.measure(value, measure)).toBe(en);
  });

  it('shows a dash, never zero, for a value that cannot be computed', () => {
    expect(store.measure(null, 'days')).toBe('—');
  });

  it('names calendar years for annual-leave KPIs and fiscal years otherwise', () => {
    expect(store.period(2025, 'fiscal')).toBe('令和7年度');
    expect(store.period(2025, 'calendar')).toBe('令和7年(2025年)');
    store.setLanguage('en');
    expect(store.period(2025, 'calendar')).toBe('2025');
  });
});
