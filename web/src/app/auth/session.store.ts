import { Injectable, computed, inject, signal } from '@angular/core';
import { catchError, firstValueFrom, of } from 'rxjs';

import type {
  LoginRequestDto,
  Permission,
  SessionDto,
} from '@ikuboard/shared/contracts';

import { AuthApi } from './auth.api';

@Injectable({ providedIn: 'root' })
export class SessionStore {
  private readonly api = inject(AuthApi);
  private readonly state = signal<SessionDto | null>(null);
  private loading: Promise<SessionDto | null> | null = null;

  readonly session = this.state.asReadonly();
  readonly isAuthenticated = computed(() => this.state() !== null);

  /** Asks the API once whether the browser already holds a session cookie. */
  ensureLoaded(): Promise<SessionDto | null> {
    this.loading ??= firstValueFrom(
      this.api.session().pipe(catchError(() => of(null))),
    ).then((session) => {
      this.state.set(session);
      return session;
    });
    return this.loading;
  }

  async login(request: LoginRequestDto): Promise<SessionDto> {
    const session = await firstValueFrom(this.api.login(request));
    this.state.set(session);
    this.loading = Promise.resolve(session);
    return session;
  }

  async logout(): Promise<void> {
    try {
      await firstValueFrom(this.api.logout());
    } finally {
      this.clear();
    }
  }

  /** Forgets the session locally, e.g. after the API answered 401 because it expired. */
  clear(): void {
    this.state.set(null);
    this.loading = Promise.resolve(null);
  }

  can(permission: Permission): boolean {
    return this.state()?.permissions.includes(permission) ?? false;
  }
}
