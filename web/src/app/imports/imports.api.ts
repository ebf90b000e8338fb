import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  AggregateFigureDto,
  ImportJobDto,
  ImportKind,
} from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';

export interface ImportRequest {
  kind: ImportKind;
  file: File;
  dryRun: boolean;
  /** YYYY-MM-DD; roster only. */
  asOf: string | null;
  /** Roster only: update the listed rows without separating absent staff. */
  partial: boolean;
}

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  start(request: ImportRequest): Observable<ImportJobDto> {
    const form = new FormData();
    form.append('file', request.file, request.file.name);
    form.append('dryRun', String(request.dryRun));
    if (request.kind === 'roster') {
      form.append('asOf', request.asOf ?? '');
      form.append('partial', String(request.partial));
    }
    return this.http.post<ImportJobDto>(
      `${API_BASE_URL}/imports/${request.kind}`,
      form,
    );
  }

  /** The job; with `waitMs`, answered when a running job finishes or the wait is over (a long poll). */
  job(id: string, waitMs = 0): Observable<ImportJobDto> {
    return this.http.get<ImportJobDto>(
      `${API_BASE_URL}/imports/${encodeURIComponent(id)}`,
      waitMs > 0 ? { params: { wait: waitMs } } : {},
    );
  }

  sampleRosterUrl(): string {
    return `${API_BASE_URL}/imports/samples/roster`;
  }

  templateUrl(kind: ImportKind): string {
    return `${API_BASE_URL}/imports/templates/${kind}`;
  }

  rosterExportUrl(asOf: string): string {
    return `${API_BASE_URL}/roster/export?asOf=${encodeURIComponent(asOf)}`;
  }

  aggregateFigures(fiscalYear: number): Observable<AggregateFigureDto[]> {
    return this.http.get<AggregateFigureDto[]>(
      `${API_BASE_URL}/aggregate-figures`,
      { params: { fy: fiscalYear } },
    );
  }

  saveAggregateFigure(
    figure: AggregateFigureDto,
  ): Observable<AggregateFigureDto> {
    return this.http.put<AggregateFigureDto>(
      `${API_BASE_URL}/aggregate-figures`,
      figure,
    );
  }
}
