import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  Review360AssignmentDto,
  Review360AssignmentInputDto,
  Review360CycleDto,
  Review360CycleInputDto,
  Review360GenerateInputDto,
  Review360ItemBankDto,
  Review360QuestionnaireInputDto,
  Review360Thresholds,
  Review360OverviewDto,
  Review360QuestionnaireDto,
  Review360ReportDto,
  Review360SubmissionDto,
  Review360TaskDto,
} from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';

export const REVIEWS360_URL = `${API_BASE_URL}/reviews360`;

const id = encodeURIComponent;

/** The 360 endpoints; a rater's answers go out once, in one request, and nowhere else. */
@Injectable({ providedIn: 'root' })
export class Reviews360Api {
  private readonly http = inject(HttpClient);

  tasks(): Observable<Review360TaskDto[]> {
    return this.http.get<Review360TaskDto[]>(`${REVIEWS360_URL}/my/tasks`);
  }

  questionnaire(cycleId: string): Observable<Review360QuestionnaireDto> {
    return this.http.get<Review360QuestionnaireDto>(
      `${REVIEWS360_URL}/cycles/${id(cycleId)}/questionnaire`,
    );
  }

  submit(
    cycleId: string,
    assignmentId: string,
    body: Review360SubmissionDto,
  ): Observable<void> {
    return this.http.post<void>(
      `${REVIEWS360_URL}/cycles/${id(cycleId)}/answers/${id(assignmentId)}`,
      body,
    );
  }

  myReports(): Observable<Review360CycleDto[]> {
    return this.http.get<Review360CycleDto[]>(`${REVIEWS360_URL}/my/reports`);
  }

  myReport(cycleId: string): Observable<Review360ReportDto> {
    return this.http.get<Review360ReportDto>(
      `${REVIEWS360_URL}/my/reports/${id(cycleId)}`,
    );
  }

  cycles(): Observable<Review360CycleDto[]> {
    return this.http.get<Review360CycleDto[]>(`${REVIEWS360_URL}/cycles`);
  }

  createCycle(input: Review360CycleInputDto): Observable<Review360CycleDto> {
    return this.http.post<Review360CycleDto>(`${REVIEWS360_URL}/cycles`, input);
  }

  step(
    cycleId: string,
    step: 'assignments/generate' | 'launch' | 'close' | 'release',
  ): Observable<Review360CycleDto> {
    return this.http.post<Review360CycleDto>(
      `${REVIEWS360_URL}/cycles/${id(cycleId)}/${step}`,
      {},
    );
  }

  cycle(cycleId: string): Observable<Review360CycleDto> {
    return this.http.get<Review360CycleDto>(
      `${REVIEWS360_URL}/cycles/${id(cycleId)}`,
    );
  }

  itemBank(): Observable<Review360ItemBankDto> {
    return this.http.get<Review360ItemBankDto>(`${REVIEWS360_URL}/item-bank`);
  }

  replaceQuestionnaire(
    cycleId: string,
    body: Review360QuestionnaireInputDto,
  ): Observable<Review360QuestionnaireDto> {
    return this.http.put<Review360QuestionnaireDto>(
      `${REVIEWS360_URL}/cycles/${id(cycleId)}/questionnaire`,
      body,
    );
  }

  generate(
    cycleId: string,
    options: Review360GenerateInputDto,
  ): Observable<Review360CycleDto> {
    return this.http.post<Review360CycleDto>(
      `${REVIEWS360_URL}/cycles/${id(cycleId)}/assignments/generate`,
      options,
    );
  }

  assignments(cycleId: string): Observable<Review360AssignmentDto[]> {
    return this.http.get<Review360AssignmentDto[]>(
      `${REVIEWS360_URL}/cycles/${id(cycleId)}/assignments`,
    );
  }

  addAssignment(
    cycleId: string,
    body: Review360AssignmentInputDto,
  ): Observable<Review360AssignmentDto> {
    return this.http.post<Review360AssignmentDto>(
      `${REVIEWS360_URL}/cycles/${id(cycleId)}/assignments`,
      body,
    );
  }

  removeAssignment(cycleId: string, assignmentId: string): Observable<void> {
    return this.http.delete<void>(
      `${REVIEWS360_URL}/cycles/${id(cycleId)}/assignments/${id(assignmentId)}`,
    );
  }

  setThresholds(
    cycleId: string,
    thresholds: Review360Thresholds,
  ): Observable<Review360CycleDto> {
    return this.http.put<Review360CycleDto>(
      `${REVIEWS360_URL}/cycles/${id(cycleId)}/thresholds`,
      thresholds,
    );
  }

  overview(cycleId: string): Observable<Review360OverviewDto> {
    return this.http.get<Review360OverviewDto>(
      `${REVIEWS360_URL}/cycles/${id(cycleId)}/overview`,
    );
  }

  exportUrl(cycleId: string): string {
    return `${REVIEWS360_URL}/cycles/${id(cycleId)}/export`;
  }
}
