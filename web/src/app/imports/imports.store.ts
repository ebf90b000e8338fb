import {
  DestroyRef,
  Injectable,
  computed,
  inject,
  signal,
} from '@angular/core';
import { EMPTY, type Subscription, concat, expand, of, switchMap } from 'rxjs';

import type { ApiErrorDto, ImportJobDto } from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { ImportsApi, type ImportRequest } from './imports.api';

/**
 * How long one status request may wait for the job to finish: the result shows the moment the
 * import commits, and a long import's progress is refreshed once a second.
 */
export const IMPORT_WAIT_MS = 1000;

/** One import at a time: send the file, then follow the job until it is no longer running. */
@Injectable()
export class ImportsStore {
  private readonly api = inject(ImportsApi);
  private running: Subscription | null = null;

  private readonly jobState = signal<ImportJobDto | null>(null);
  private readonly errorState = signal<ApiErrorDto | null>(null);
  private readonly sendingState = signal(false);
  private readonly lastRequest = signal<ImportRequest | null>(null);

  readonly job = this.jobState.asReadonly();
  readonly error = this.errorState.asReadonly();
  readonly sending = this.sendingState.asReadonly();
  readonly busy = computed(
    () => this.sendingState() || this.jobState()?.status === 'running',
  );
  readonly progressPercent = computed(() => {
    const job = this.jobState();
    if (!job) {
      return 0;
    }
    if (job.status !== 'running') {
      return 100;
    }
    return job.totalRows
      ? Math.min(100, Math.round((job.processedRows / job.totalRows) * 100))
      : 0;
  });
  /** A clean dry run can be repeated for real with the same file and options. */
  readonly canCommit = computed(() => {
    const job = this.jobState();
    return (
      this.lastRequest() !== null &&
      job !== null &&
      job.dryRun &&
      job.status === 'succeeded' &&
      job.errorCount === 0 &&
      job.failure === null
    );
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => this.running?.unsubscribe());
  }

  start(request: ImportRequest): void {
    this.running?.unsubscribe();
    this.lastRequest.set(request);
    this.jobState.set(null);
    this.errorState.set(null);
    this.sendingState.set(true);
    this.running = this.api
      .start(request)
      .pipe(switchMap((started) => concat(of(started), this.follow(started))))
      .subscribe({
        next: (job) => {
          this.sendingState.set(false);
          this.jobState.set(job);
        },
        error: (error: unknown) => {
          this.sendingState.set(false);
          this.errorState.set(toApiError(error));
        },
      });
  }

  commit(): void {
    const request = this.lastRequest();
    if (request && this.canCommit()) {
      this.start({ ...request, dryRun: false });
    }
  }

  private follow(job: ImportJobDto) {
    if (job.status !== 'running') {
      return EMPTY;
    }
    const next = () => this.api.job(job.id, IMPORT_WAIT_MS);
    return next().pipe(
      expand((state) => (state.status === 'running' ? next() : EMPTY)),
    );
  }
}
