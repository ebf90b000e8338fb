import { TestBed } from '@angular/core/testing';

import { KPI_CODES, KPI_DEFINITIONS } from '@ikuboard/shared/contracts';

import { en } from './en';
import { I18nStore, LANGUAGE_STORAGE_KEY, interpolate } from './i18n.store';
import { ja } from './ja';

describe('i18n dictionaries', () => {
  it('have exactly the same keys in Japanese and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ja).sort());
  });

  it('have no empty messages', () => {
    const empty = [...Object.entries(ja), ...Object.entries(en)].filter(
      ([, message]) => message.trim() === '',
    );
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (message: string) =>
      (message.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(ja) as (keyof typeof ja)[]) {
      expect([key, placeholders(en[key])]).toEqual([
        key,
        placeholders(ja[key]),
      ]);
    }
  });

  it('fill placeholders and leave unknown ones visible', () => {
    expect(
      interpolate('女性 {female} / 全体 {total}人', { female: 12, total: 66 }),
    ).toBe('女性 12 / 全体 66人');
    expect(interpolate('{missing} 件', {})).toBe('{missing} 件');
  });
});

describe('I18nStore', () => {
  beforeEach(() => localStorage.clear());

  it('starts in Japanese when nothing is stored', () => {
    const store = TestBed.inject(I18nStore);
    expect(store.language()).toBe('ja');
    expect(store.translate('nav.dashboard')).toBe('ダッシュボード');
  });

  it('remembers the chosen language and sets <html lang>', async () => {
    const store = TestBed.inject(I18nStore);
    store.setLanguage('en');
    TestBed.tick();

    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(store.translate('nav.dashboard')).toBe('Dashboard');
  });

  it('restores the stored language on start', () => {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(TestBed.inject(I18nStore).language()).toBe('en');
  });

  it.each([
    [2019, '令和元年度', 'FY2019'],
    [2020, '令和2年度', 'FY2020'],
    [2025, '令和7年度', 'FY2025'],
    [2018, '平成30年度', 'FY2018'],
  ])(
    'shows fiscal year %i as %s in Japanese and %s in English',
    (fiscalYear, japanese, english) => {
      const store = TestBed.inject(I18nStore);
      expect(store.fiscalYear(fiscalYear)).toBe(japanese);
      store.setLanguage('en');
      expect(store.fiscalYear(fiscalYear)).toBe(english);
    },
  );

  it('shows API messages in the current language', () => {
    const store = TestBed.inject(I18nStore);
    const message = { ja: 'ファイルが空です。', en: 'The file is empty.' };
    expect(store.localize(message)).toBe('ファイルが空です。');
    store.setLanguage('en');
    expect(store.localize(message)).toBe('The file is empty.');
  });
});

describe('KPI names', () => {
  beforeEach(() => localStorage.clear());

  it('come from KPI_DEFINITIONS in both languages, for every KPI code', () => {
    const store = TestBed.inject(I18nStore);
    for (const code of KPI_CODES) {
      expect(store.kpiName(code)).toBe(KPI_DEFINITIONS[code].ja);
    }
    store.setLanguage('en');
    for (const code of KPI_CODES) {
      expect(store.kpiName(code)).toBe(KPI_DEFINITIONS[code].en);
    }
  });
});
