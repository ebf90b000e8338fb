import {
  HttpClient,
  type HttpResourceRef,
  httpResource,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  PlanDto,
  PlanInputDto,
  TargetDto,
  TargetInputDto,
  TargetProgressDto,
} from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';

export const PLANS_URL = `${API_BASE_URL}/plans`;
export const TARGETS_URL = `${API_BASE_URL}/targets`;
export const TARGET_PROGRESS_URL = `${API_BASE_URL}/targets/progress`;

/** Plans, targets and their progress. The reads are httpResources (call in an injection context). */
@Injectable({ providedIn: 'root' })
export class TargetsApi {
  private readonly http = inject(HttpClient);

  progress(
    fiscalYear: () => number | null | undefined,
  ): HttpResourceRef<TargetProgressDto[]> {
    return httpResource<TargetProgressDto[]>(
      () => {
        const fy = fiscalYear();
        return fy == null
          ? undefined
          : { url: TARGET_PROGRESS_URL, params: { fy } };
      },
      { defaultValue: [] },
    );
  }

  plans(): HttpResourceRef<PlanDto[]> {
    return httpResource<PlanDto[]>(() => PLANS_URL, { defaultValue: [] });
  }

  targets(): HttpResourceRef<TargetDto[]> {
    return httpResource<TargetDto[]>(() => TARGETS_URL, { defaultValue: [] });
  }

  createPlan(input: PlanInputDto): Observable<PlanDto> {
    return this.http.post<PlanDto>(PLANS_URL, input);
  }

  createTarget(input: TargetInputDto): Observable<TargetDto> {
    return this.http.post<TargetDto>(TARGETS_URL, input);
  }

  updateTarget(id: string, input: TargetInputDto): Observable<TargetDto> {
    return this.http.put<TargetDto>(
      `${TARGETS_URL}/${encodeURIComponent(id)}`,
      input,
    );
  }

  deleteTarget(id: string): Observable<void> {
    return this.http.delete<void>(`${TARGETS_URL}/${encodeURIComponent(id)}`);
  }
}
