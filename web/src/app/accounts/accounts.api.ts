import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Observable } from 'rxjs';

import type {
  AccountCreateDto,
  AccountDto,
  AccountUpdateDto,
  LinkableEmployeeDto,
} from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';

const BASE = `${API_BASE_URL}/accounts`;

@Injectable({ providedIn: 'root' })
export class AccountsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<AccountDto[]> {
    return this.http.get<AccountDto[]>(BASE);
  }

  employees(q: string): Observable<LinkableEmployeeDto[]> {
    return this.http.get<LinkableEmployeeDto[]>(`${BASE}/employees`, {
      params: { q },
    });
  }

  create(input: AccountCreateDto): Observable<AccountDto> {
    return this.http.post<AccountDto>(BASE, input);
  }

  update(id: string, input: AccountUpdateDto): Observable<AccountDto> {
    return this.http.put<AccountDto>(`${BASE}/${id}`, input);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(`${BASE}/${id}`);
  }

  resetPassword(id: string, password: string): Observable<void> {
    return this.http.post<void>(`${BASE}/${id}/password`, { password });
  }

  unlock(id: string): Observable<AccountDto> {
    return this.http.post<AccountDto>(`${BASE}/${id}/unlock`, {});
  }

  link(id: string, employeeNumber: string): Observable<AccountDto> {
    return this.http.put<AccountDto>(`${BASE}/${id}/employee`, {
      employeeNumber,
    });
  }

  unlink(id: string): Observable<AccountDto> {
    return this.http.delete<AccountDto>(`${BASE}/${id}/employee`);
  }
}
