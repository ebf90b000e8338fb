import {
  ChangeDetectionStrategy,
  Component,
  inject,
  signal,
} from '@angular/core';
import { ActivatedRoute, Router } from '@angular/router';

import type { ApiErrorDto } from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { LocalizedPipe, TranslatePipe } from '../i18n/translate.pipe';
import { safeReturnUrl } from './auth.guards';
import { SessionStore } from './session.store';

@Component({
  selector: 'app-login-page',
  imports: [TranslatePipe, LocalizedPipe],
  templateUrl: './login.page.html',
  styleUrl: './login.page.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly store = inject(SessionStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly username = signal('');
  protected readonly password = signal('');
  protected readonly submitting = signal(false);
  protected readonly error = signal<ApiErrorDto | null>(null);
  protected readonly missingFields = signal(false);

  protected updateUsername(event: Event): void {
    this.username.set((event.target as HTMLInputElement).value);
  }

  protected updatePassword(event: Event): void {
    this.password.set((event.target as HTMLInputElement).value);
  }

  protected async logIn(event: Event): Promise<void> {
    event.preventDefault();
    const username = this.username().trim();
    const password = this.password();
    this.error.set(null);
    this.missingFields.set(!username || !password);
    if (this.missingFields()) {
      return;
    }
    this.submitting.set(true);
    try {
      await this.store.login({ username, password });
      await this.router.navigateByUrl(
        safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')),
      );
    } catch (error) {
      this.error.set(toApiError(error));
      this.password.set('');
    } finally {
      this.submitting.set(false);
    }
  }
}
