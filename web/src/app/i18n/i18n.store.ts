import {
  DOCUMENT,
  Injectable,
  computed,
  effect,
  inject,
  signal,
} from '@angular/core';

import {
  KPI_DEFINITIONS,
  type KpiCode,
  type KpiDefinition,
  type KpiMeasure,
  type LocalizedText,
} from '@ikuboard/shared/contracts';
import {
  formatFiscalYearEn,
  formatFiscalYearJa,
  roundHalfUp,
} from '@ikuboard/shared/kpi';
import type { ChartUnit } from '@ikuboard/web/ui-charts';

import { en } from './en';
import { type Dictionary, type MessageKey, ja } from './ja';

export const LANGUAGES = ['ja', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export type MessageParams = Readonly<Record<string, string | number>>;

const DICTIONARIES: Readonly<Record<Language, Dictionary>> = { ja, en };
export const LANGUAGE_STORAGE_KEY = 'ikuboard.language';

/** The single source of user-facing text: current language, messages, fiscal years, API messages. */
@Injectable({ providedIn: 'root' })
export class I18nStore {
  private readonly document = inject(DOCUMENT);
  private readonly storage = this.document.defaultView?.localStorage ?? null;
  private readonly languageState = signal<Language>(this.readStoredLanguage());

  readonly language = this.languageState.asReadonly();
  private readonly dictionary = computed(() => DICTIONARIES[this.language()]);

  constructor() {
    effect(() => {
      this.document.documentElement.lang = this.language();
    });
  }

  setLanguage(language: Language): void {
    this.languageState.set(language);
    try {
      this.storage?.setItem(LANGUAGE_STORAGE_KEY, language);
    } catch {
      // Private browsing may refuse storage; the choice then lasts for this visit only.
    }
  }

  translate(key: MessageKey, params?: MessageParams): string {
    return interpolate(this.dictionary()[key], params);
  }

  fiscalYear(fiscalYear: number): string {
    return this.language() === 'ja'
      ? formatFiscalYearJa(fiscalYear)
      : formatFiscalYearEn(fiscalYear);
  }

  localize(text: LocalizedText): string {
    return text[this.language()];
  }

  /** A KPI value with its unit: 18.3%, 12.5日 / 12.5 days, 3人; "—" without a value. */
  measure(value: number | null, measure: KpiMeasure): string {
    if (value === null) {
      return '—';
    }
    const digits = measureDigits(measure);
    return this.translate(`measure.${measure}`, {
      value: roundHalfUp(value, digits).toFixed(digits),
    });
  }

  /** A signed difference in the KPI's unit: +1.2pt, −0.5日, ±0.0 h; null without one. */
  gap(gap: number | null, measure: KpiMeasure): string | null {
    if (gap === null) {
      return null;
    }
    const digits = measureDigits(measure);
    const rounded = roundHalfUp(gap, digits);
    const sign = rounded > 0 ? '+' : rounded < 0 ? '\u2212' : '±';
    return this.translate(`gap.${measure}`, {
      value: `${sign}${Math.abs(rounded).toFixed(digits)}`,
    });
  }

  /** 令和7年度 for fiscal-year KPIs; 令和7年 (2025) for calendar-year ones such as annual leave. */
  period(year: number, period: KpiDefinition['period']): string {
    if (period === 'fiscal') {
      return this.fiscalYear(year);
    }
    return this.language() === 'ja'
      ? `${formatFiscalYearJa(year).replace(/年度$/, '年')}(${year}年)`
      : String(year);
  }

  /** The suffix charts print after a value of this measure. */
  chartUnit(measure: KpiMeasure): ChartUnit {
    const ja = this.language() === 'ja';
    switch (measure) {
      case 'percent':
        return '%';
      case 'days':
        return ja ? '日' : ' days';
      case 'hours':
        return ja ? '時間' : ' h';
      case 'years':
        return ja ? '年' : ' years';
      case 'count':
        return ja ? '人' : '';
      case 'score':
        return '';
    }
  }

  /** The KPI's official name, from the one catalogue shared with the API and the reports. */
  kpiName(code: KpiCode): string {
    const definition = KPI_DEFINITIONS[code];
    return definition ? definition[this.language()] : code;
  }

  private readStoredLanguage(): Language {
    try {
      const stored = this.storage?.getItem(LANGUAGE_STORAGE_KEY);
      return stored === 'en' ? 'en' : 'ja';
    } catch {
      return 'ja';
    }
  }
}

export function interpolate(message: string, params?: MessageParams): string {
  if (!params) {
    return message;
  }
  return message.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in params ? String(params[name]) : placeholder,
  );
}

function measureDigits(measure: KpiMeasure): number {
  return measure === 'count' ? 0 : 1;
}
