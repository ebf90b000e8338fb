import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { catchError, map, of, type Observable } from 'rxjs';

import type { PublicDisclosureDto } from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';

/** A row of another feature's public list (declared Ikubosses, awards); read loosely. */
export type PublicListItem = Readonly<Record<string, unknown>>;

export const publicUrl = (code: string, path = '') =>
  `${API_BASE_URL}/public/organizations/${encodeURIComponent(code)}${path}`;

/** The public disclosure: no session needed. */
@Injectable({ providedIn: 'root' })
export class PublicApi {
  private readonly http = inject(HttpClient);

  disclosure(code: string): Observable<PublicDisclosureDto> {
    return this.http.get<PublicDisclosureDto>(publicUrl(code));
  }

  /** A list served by another feature; null when it does not answer (404 before it is merged). */
  list(
    code: string,
    path: '/ikubosses' | '/awards',
  ): Observable<PublicListItem[] | null> {
    return this.http.get<unknown>(publicUrl(code, path)).pipe(
      map((body) => {
        if (Array.isArray(body)) return body as PublicListItem[];
        const items = (body as { items?: unknown } | null)?.items;
        return Array.isArray(items) ? (items as PublicListItem[]) : null;
      }),
      catchError(() => of(null)),
    );
  }
}
