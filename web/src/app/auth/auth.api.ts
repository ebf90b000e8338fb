import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type { LoginRequestDto, SessionDto } from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';

export const LOGIN_URL = `${API_BASE_URL}/auth/login`;
export const SESSION_URL = `${API_BASE_URL}/auth/session`;
export const LOGOUT_URL = `${API_BASE_URL}/auth/logout`;

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(request: LoginRequestDto): Observable<SessionDto> {
    return this.http.post<SessionDto>(LOGIN_URL, request);
  }

  session(): Observable<SessionDto> {
    return this.http.get<SessionDto>(SESSION_URL);
  }

  logout(): Observable<void> {
    return this.http.post<void>(LOGOUT_URL, null);
  }
}
