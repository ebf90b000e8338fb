import {
  HttpClient,
  type HttpResourceRef,
  httpResource,
} from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  AwardInputDto,
  EmployeeOptionDto,
  IkubossInterviewDto,
  IkubossInterviewInputDto,
  KpiValueDto,
  LocalFirmDeclarationInputDto,
  LocalFirmDto,
  LocalFirmInputDto,
  LocalFirmSeminarInputDto,
  NominationDto,
  NominationInputDto,
  NudgeListDto,
  NudgeSummaryDto,
  PracticeGoalDto,
  PracticeGoalInputDto,
  PracticeGoalRatingInputDto,
  TrainingAttendanceImportDto,
  TrainingDetailDto,
  TrainingDto,
  TrainingInputDto,
} from '@ikuboard/shared/contracts';
import { fiscalYearOf } from '@ikuboard/shared/kpi';

import { API_BASE_URL } from '../api-url';

const BASE = `${API_BASE_URL}/ikuboss`;

/** The fiscal year of today, and the four before it, for the year selectors. */
export function recentFiscalYears(): number[] {
  const current = fiscalYearOf(new Date().toISOString().slice(0, 10));
  return [current, current - 1, current - 2, current - 3, current - 4];
}

type Maybe<T> = () => T | null | undefined;

/** Nudges, trainings, practice goals, nominations and local firms. Reads are httpResources. */
@Injectable({ providedIn: 'root' })
export class IkubossProgrammesApi {
  private readonly http = inject(HttpClient);

  nudges(fy: Maybe<number>): HttpResourceRef<NudgeListDto | undefined> {
    return httpResource<NudgeListDto>(() => {
      const year = fy();
      return year == null
        ? undefined
        : { url: `${BASE}/nudges`, params: { fy: year } };
    });
  }

  /** HR counts rolled up by subtree: the children of `unit` (or the top-level units). */
  nudgeSummary(
    fy: Maybe<number>,
    unit: () => string | null = () => null,
  ): HttpResourceRef<NudgeSummaryDto | undefined> {
    return httpResource<NudgeSummaryDto>(() => {
      const year = fy();
      const code = unit();
      return year == null
        ? undefined
        : {
            url: `${BASE}/nudges/summary`,
            params: {
              fy: year,
              rollup: 'true',
              ...(code ? { unit: code } : {}),
            },
          };
    });
  }

  recordInterview(
    input: IkubossInterviewInputDto,
  ): Observable<IkubossInterviewDto> {
    return this.http.post<IkubossInterviewDto>(
      `${BASE}/nudges/interviews`,
      input,
    );
  }

  kpi(code: string, fy: Maybe<number>): HttpResourceRef<KpiValueDto[]> {
    return httpResource<KpiValueDto[]>(
      () => {
        const year = fy();
        return year == null
          ? undefined
          : { url: `${API_BASE_URL}/kpis`, params: { fy: year, code } };
      },
      { defaultValue: [] },
    );
  }

  searchEmployees(
    q: string,
    managersOnly = false,
  ): Observable<EmployeeOptionDto[]> {
    return this.http.get<EmployeeOptionDto[]>(
      `${BASE}/${managersOnly ? 'nominees' : 'employees'}`,
      { params: { q } },
    );
  }

  trainings(fy: Maybe<number>): HttpResourceRef<TrainingDto[]> {
    return httpResource<TrainingDto[]>(
      () => {
        const year = fy();
        return year == null
          ? undefined
          : { url: `${BASE}/trainings`, params: { fy: year } };
      },
      { defaultValue: [] },
    );
  }

  training(id: Maybe<string>): HttpResourceRef<TrainingDetailDto | undefined> {
    return httpResource<TrainingDetailDto>(() => {
      const value = id();
      return value
        ? `${BASE}/trainings/${encodeURIComponent(value)}`
        : undefined;
    });
  }

  createTraining(input: TrainingInputDto): Observable<TrainingDto> {
    return this.http.post<TrainingDto>(`${BASE}/trainings`, input);
  }

  addAttendees(
    id: string,
    employeeNumbers: string[],
  ): Observable<TrainingDetailDto> {
    return this.http.post<TrainingDetailDto>(
      `${BASE}/trainings/${encodeURIComponent(id)}/attendees`,
      { employeeNumbers },
    );
  }

  removeAttendee(id: string, employeeNumber: string): Observable<void> {
    return this.http.delete<void>(
      `${BASE}/trainings/${encodeURIComponent(id)}/attendees/${encodeURIComponent(employeeNumber)}`,
    );
  }

  importAttendance(
    id: string,
    file: File,
    dryRun: boolean,
  ): Observable<TrainingAttendanceImportDto> {
    const form = new FormData();
    form.append('file', file, file.name);
    form.append('dryRun', String(dryRun));
    return this.http.post<TrainingAttendanceImportDto>(
      `${BASE}/trainings/${encodeURIComponent(id)}/attendance-import`,
      form,
    );
  }

  myGoal(fy: Maybe<number>): HttpResourceRef<PracticeGoalDto | undefined> {
    return httpResource<PracticeGoalDto>(() => {
      const year = fy();
      return year == null
        ? undefined
        : { url: `${BASE}/practice-goals/mine`, params: { fy: year } };
    });
  }

  saveMyGoal(input: PracticeGoalInputDto): Observable<PracticeGoalDto> {
    return this.http.put<PracticeGoalDto>(`${BASE}/practice-goals/mine`, input);
  }

  goals(fy: Maybe<number>): HttpResourceRef<PracticeGoalDto[]> {
    return httpResource<PracticeGoalDto[]>(
      () => {
        const year = fy();
        return year == null
          ? undefined
          : { url: `${BASE}/practice-goals`, params: { fy: year } };
      },
      { defaultValue: [] },
    );
  }

  rateGoal(
    id: string,
    input: PracticeGoalRatingInputDto,
  ): Observable<PracticeGoalDto> {
    return this.http.put<PracticeGoalDto>(
      `${BASE}/practice-goals/${encodeURIComponent(id)}/rating`,
      input,
    );
  }

  goalsExportUrl(fy: number): string {
    return `${BASE}/practice-goals/export?fy=${fy}`;
  }

  /** Every year's nominations the caller may see, newest first. */
  nominations(): HttpResourceRef<NominationDto[]> {
    return httpResource<NominationDto[]>(() => `${BASE}/nominations`, {
      defaultValue: [],
    });
  }

  nominate(input: NominationInputDto): Observable<NominationDto> {
    return this.http.post<NominationDto>(`${BASE}/nominations`, input);
  }

  award(id: string, input: AwardInputDto): Observable<NominationDto> {
    return this.http.post<NominationDto>(
      `${BASE}/nominations/${encodeURIComponent(id)}/award`,
      input,
    );
  }

  setConsent(id: string, consent: boolean): Observable<NominationDto> {
    return this.http.put<NominationDto>(
      `${BASE}/nominations/${encodeURIComponent(id)}/consent`,
      { consent },
    );
  }

  firms(): HttpResourceRef<LocalFirmDto[]> {
    return httpResource<LocalFirmDto[]>(() => `${BASE}/firms`, {
      defaultValue: [],
    });
  }

  createFirm(input: LocalFirmInputDto): Observable<LocalFirmDto> {
    return this.http.post<LocalFirmDto>(`${BASE}/firms`, input);
  }

  updateFirm(id: string, input: LocalFirmInputDto): Observable<LocalFirmDto> {
    return this.http.put<LocalFirmDto>(`${BASE}/firms/${id}`, input);
  }

  deleteFirm(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/firms/${encodeURIComponent(id)}`);
  }

  declareFirm(
    id: string,
    input: LocalFirmDeclarationInputDto,
  ): Observable<LocalFirmDto> {
    return this.http.post<LocalFirmDto>(
      `${BASE}/firms/${encodeURIComponent(id)}/declarations`,
      input,
    );
  }

  firmSeminar(
    id: string,
    input: LocalFirmSeminarInputDto,
  ): Observable<LocalFirmDto> {
    return this.http.post<LocalFirmDto>(
      `${BASE}/firms/${encodeURIComponent(id)}/seminars`,
      input,
    );
  }
}
