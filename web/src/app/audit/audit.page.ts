import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';

import type { AuditEntryDto } from '@ikuboard/shared/contracts';

import { I18nStore } from '../i18n/i18n.store';
import { TranslatePipe } from '../i18n/translate.pipe';
import { AuditApi, type AuditFilter } from './audit.api';

type LoadState = 'idle' | 'loading' | 'error';

@Component({
  selector: 'app-audit-page',
  imports: [TranslatePipe],
  templateUrl: './audit.page.html',
  styleUrl: './audit.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditPage {
  private readonly api = inject(AuditApi);
  private readonly i18n = inject(I18nStore);

  protected readonly from = signal('');
  protected readonly to = signal('');
  protected readonly entries = signal<AuditEntryDto[]>([]);
  protected readonly nextBefore = signal<string | null>(null);
  protected readonly state = signal<LoadState>('idle');
  private readonly filter = computed<AuditFilter>(() => ({
    from: this.from(),
    to: this.to(),
  }));
  protected readonly csvUrl = computed(() =>
    this.api.exportUrl(this.filter(), 'csv'),
  );
  protected readonly xlsxUrl = computed(() =>
    this.api.exportUrl(this.filter(), 'xlsx'),
  );

  constructor() {
    this.load(null);
  }

  protected setFrom(value: string): void {
    this.from.set(value);
    this.load(null);
  }

  protected setTo(value: string): void {
    this.to.set(value);
    this.load(null);
  }

  protected showMore(): void {
    this.load(this.nextBefore());
  }

  protected actionKey(entry: AuditEntryDto) {
    return `audit.action.${entry.action}` as const;
  }

  protected resources(entry: AuditEntryDto): string {
    return Object.entries(entry.resourceIds)
      .map(([name, id]) => `${name}=${id}`)
      .join(' ');
  }

  /** Local date and time in the reader's language. */
  protected time(entry: AuditEntryDto): string {
    return new Date(entry.occurredAt).toLocaleString(
      this.i18n.language() === 'ja' ? 'ja-JP' : 'en-GB',
    );
  }

  private load(before: string | null): void {
    this.state.set('loading');
    this.api.page(this.filter(), before).subscribe({
      next: (page) => {
        this.entries.update((current) =>
          before ? [...current, ...page.entries] : page.entries,
        );
        this.nextBefore.set(page.nextBefore);
        this.state.set('idle');
      },
      error: () => this.state.set('error'),
    });
  }
}
