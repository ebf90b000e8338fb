import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { AuditPageDto } from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';

export const AUDIT_URL = `${API_BASE_URL}/audit`;

export interface AuditFilter {
  from: string;
  to: string;
}

function filterParams(filter: AuditFilter): Record<string, string> {
  const params: Record<string, string> = {};
  if (filter.from) params['from'] = filter.from;
  if (filter.to) params['to'] = filter.to;
  return params;
}

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  page(filter: AuditFilter, before: string | null): Observable<AuditPageDto> {
    const params: Record<string, string> = {
      ...filterParams(filter),
      limit: '100',
    };
    if (before) params['before'] = before;
    return this.http.get<AuditPageDto>(AUDIT_URL, { params });
  }

  exportUrl(filter: AuditFilter, format: 'csv' | 'xlsx'): string {
    const query = new URLSearchParams({ format, ...filterParams(filter) });
    return `${AUDIT_URL}/export?${query.toString()}`;
  }
}
