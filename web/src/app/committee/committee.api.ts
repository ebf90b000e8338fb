import {
  HttpClient,
  type HttpResourceRef,
  httpResource,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  CommitteeReviewDto,
  CommitteeReviewSummaryDto,
  ReportJobDto,
  ReportKind,
} from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';

export const REVIEWS_URL = `${API_BASE_URL}/committee/reviews`;
export const REPORT_JOBS_URL = `${API_BASE_URL}/reports/jobs`;

/** Committee reviews and the report jobs built from them. */
@Injectable({ providedIn: 'root' })
export class CommitteeApi {
  private readonly http = inject(HttpClient);

  reviews(): HttpResourceRef<CommitteeReviewSummaryDto[]> {
    return httpResource<CommitteeReviewSummaryDto[]>(() => REVIEWS_URL, {
      defaultValue: [],
    });
  }

  review(
    id: () => string | undefined,
  ): HttpResourceRef<CommitteeReviewDto | undefined> {
    return httpResource<CommitteeReviewDto>(() => {
      const value = id();
      return value ? `${REVIEWS_URL}/${encodeURIComponent(value)}` : undefined;
    });
  }

  prepare(fiscalYear: number): Observable<CommitteeReviewDto> {
    return this.http.post<CommitteeReviewDto>(REVIEWS_URL, { fiscalYear });
  }

  act(
    id: string,
    action: 'sign' | 'publish' | 'reopen',
  ): Observable<CommitteeReviewDto> {
    return this.http.post<CommitteeReviewDto>(
      `${REVIEWS_URL}/${encodeURIComponent(id)}/${action}`,
      {},
    );
  }

  comment(
    id: string,
    itemKey: string,
    body: string,
  ): Observable<CommitteeReviewDto> {
    return this.http.post<CommitteeReviewDto>(
      `${REVIEWS_URL}/${encodeURIComponent(id)}/comments`,
      { itemKey, body },
    );
  }

  startReport(kind: ReportKind, reviewId: string): Observable<ReportJobDto> {
    return this.http.post<ReportJobDto>(REPORT_JOBS_URL, { kind, reviewId });
  }

  reportJob(id: string): Observable<ReportJobDto> {
    return this.http.get<ReportJobDto>(
      `${REPORT_JOBS_URL}/${encodeURIComponent(id)}`,
    );
  }
}

export const reportFileUrl = (jobId: string) =>
  `${REPORT_JOBS_URL}/${encodeURIComponent(jobId)}/file`;

export const mierukaCsvUrl = (reviewId: string) =>
  `${API_BASE_URL}/reports/reviews/${encodeURIComponent(reviewId)}/mieruka.csv`;

/** "Download as Excel" of one KPI's figures (trend, breakdown, employer units). */
export function kpiExcelUrl(
  code: string,
  fiscalYear: number,
  unitCode?: string | null,
): string {
  const params = new URLSearchParams({ fy: String(fiscalYear) });
  if (unitCode) params.set('unit', unitCode);
  return `${API_BASE_URL}/reports/kpis/${encodeURIComponent(code)}?${params.toString()}`;
}
