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
  type LocalizedText,
} from '@ikuboard/shared/contracts';
import { formatFiscalYearEn, formatFiscalYearJa } from '@ikuboard/shared/kpi';

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
