import {
  ChangeDetectionStrategy,
  Component,
  DOCUMENT,
  ViewEncapsulation,
  computed,
  inject,
  input,
} from '@angular/core';
import { Location } from '@angular/common';

import type { IkubossDeclarationDto } from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { I18nStore } from '../i18n/i18n.store';
import {
  FiscalYearPipe,
  LocalizedPipe,
  TranslatePipe,
} from '../i18n/translate.pipe';
import { IkubossApi } from './ikuboss.api';

/**
 * The declaration as an A4 document (宣言書): the print stylesheet hides the application around
 * it and sets the page size. Not encapsulated, because @page and the print rules are global.
 */
@Component({
  selector: 'app-declaration-print-page',
  imports: [TranslatePipe, FiscalYearPipe, LocalizedPipe],
  templateUrl: './declaration-print.page.html',
  styleUrl: './declaration-print.page.css',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DeclarationPrintPage {
  readonly id = input.required<string>();

  private readonly i18n = inject(I18nStore);
  private readonly location = inject(Location);
  private readonly window = inject(DOCUMENT).defaultView;
  private readonly resource = inject(IkubossApi).declaration(() => this.id());

  protected readonly declaration = computed<IkubossDeclarationDto | null>(() =>
    this.resource.hasValue() ? (this.resource.value() ?? null) : null,
  );
  protected readonly loadError = computed(() => {
    const failure = this.resource.error();
    return failure ? toApiError(failure) : null;
  });

  /** 令和7年5月1日 in Japanese (the Japanese calendar), 1 May 2025 in English. */
  protected dateText(date: string | null): string {
    if (!date) return '';
    const ja = this.i18n.language() === 'ja';
    return new Intl.DateTimeFormat(ja ? 'ja-JP-u-ca-japanese' : 'en-GB', {
      era: ja ? 'long' : undefined,
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(`${date}T00:00:00Z`));
  }

  protected print(): void {
    this.window?.print();
  }

  protected back(): void {
    this.location.back();
  }
}
