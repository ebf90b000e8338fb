import { Pipe, type PipeTransform, inject } from '@angular/core';

import type { KpiCode, LocalizedText } from '@ikuboard/shared/contracts';

import { I18nStore, type MessageParams } from './i18n.store';
import type { MessageKey } from './ja';

/*
 * These pipes are impure on purpose: they read the language signal, so the template that uses
 * them is re-rendered when the language changes, while the lookup itself is a cheap map read.
 */

/** `{{ 'nav.dashboard' | t }}`, `{{ 'kpi.counts' | t: { female: 3, total: 9 } }}` */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18nStore);

  transform(key: MessageKey, params?: MessageParams): string {
    return this.i18n.translate(key, params);
  }
}

/** 令和7年度 in Japanese, FY2025 in English. */
@Pipe({ name: 'fiscalYear', pure: false })
export class FiscalYearPipe implements PipeTransform {
  private readonly i18n = inject(I18nStore);

  transform(fiscalYear: number): string {
    return this.i18n.fiscalYear(fiscalYear);
  }
}

/** The API's `{ ja, en }` messages in the current language. */
@Pipe({ name: 'localized', pure: false })
export class LocalizedPipe implements PipeTransform {
  private readonly i18n = inject(I18nStore);

  transform(text: LocalizedText): string {
    return this.i18n.localize(text);
  }
}

/** The KPI's name from KPI_DEFINITIONS in the current language. */
@Pipe({ name: 'kpiName', pure: false })
export class KpiNamePipe implements PipeTransform {
  private readonly i18n = inject(I18nStore);

  transform(code: KpiCode): string {
    return this.i18n.kpiName(code);
  }
}
