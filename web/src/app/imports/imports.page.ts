import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';

import {
  IMPORT_KINDS,
  type ImportKind,
  type ImportStatus,
  PERMISSIONS,
} from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import { LocalizedPipe, TranslatePipe } from '../i18n/translate.pipe';
import { AggregateFiguresPanel } from './aggregate-figures.panel';
import { ImportsApi } from './imports.api';
import { ImportsStore } from './imports.store';
import { todayIso } from './local-date';

type FormProblem = 'imports.fileRequired' | 'imports.asOfRequired';

@Component({
  selector: 'app-imports-page',
  imports: [TranslatePipe, LocalizedPipe, AggregateFiguresPanel],
  templateUrl: './imports.page.html',
  styleUrl: './imports.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
  providers: [ImportsStore],
})
export class ImportsPage {
  protected readonly store = inject(ImportsStore);
  private readonly api = inject(ImportsApi);
  private readonly session = inject(SessionStore);

  protected readonly kinds = IMPORT_KINDS;
  protected readonly kind = signal<ImportKind>('roster');
  protected readonly file = signal<File | null>(null);
  protected readonly asOf = signal(todayIso());
  protected readonly partial = signal(false);
  protected readonly dryRun = signal(true);
  protected readonly problem = signal<FormProblem | null>(null);
  protected readonly exportAsOf = signal(todayIso());

  protected readonly canExportRoster = computed(
    () =>
      this.session.session()?.permissions.includes(PERMISSIONS.exportRoster) ??
      false,
  );
  protected templateUrl(kind: ImportKind): string {
    return this.api.templateUrl(kind);
  }
  protected readonly sampleRosterUrl = this.api.sampleRosterUrl();
  protected readonly demoMode = computed(
    () => this.session.session()?.demoMode ?? false,
  );
  protected readonly rosterExportUrl = computed(() =>
    this.api.rosterExportUrl(this.exportAsOf()),
  );
  protected readonly hiddenErrorCount = computed(() => {
    const job = this.store.job();
    return job ? Math.max(0, job.errorCount - job.errors.length) : 0;
  });

  protected kindKey(kind: ImportKind) {
    return `imports.kind.${kind}` as const;
  }

  protected statusKey(status: ImportStatus) {
    return `imports.status.${status}` as const;
  }

  protected chooseKind(event: Event): void {
    this.kind.set((event.target as HTMLSelectElement).value as ImportKind);
  }

  protected chooseFile(event: Event): void {
    this.file.set((event.target as HTMLInputElement).files?.item(0) ?? null);
  }

  protected chooseAsOf(event: Event): void {
    this.asOf.set((event.target as HTMLInputElement).value);
  }

  protected chooseExportAsOf(event: Event): void {
    this.exportAsOf.set((event.target as HTMLInputElement).value);
  }

  protected togglePartial(event: Event): void {
    this.partial.set((event.target as HTMLInputElement).checked);
  }

  protected toggleDryRun(event: Event): void {
    this.dryRun.set((event.target as HTMLInputElement).checked);
  }

  protected startImport(event: Event): void {
    event.preventDefault();
    const file = this.file();
    const isRoster = this.kind() === 'roster';
    this.problem.set(
      !file
        ? 'imports.fileRequired'
        : isRoster && !this.asOf()
          ? 'imports.asOfRequired'
          : null,
    );
    if (!file || this.problem()) {
      return;
    }
    this.store.start({
      kind: this.kind(),
      file,
      dryRun: this.dryRun(),
      asOf: isRoster ? this.asOf() : null,
      partial: isRoster && this.partial(),
    });
  }

  protected commitImport(): void {
    this.store.commit();
  }
}
