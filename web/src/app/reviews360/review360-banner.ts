import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
} from '@angular/core';
import { rxResource, toSignal } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterLink } from '@angular/router';
import { filter, map } from 'rxjs';

import { SessionStore } from '../auth/session.store';
import { TranslatePipe } from '../i18n/translate.pipe';
import { Reviews360Api } from './reviews360.api';

/**
 * The reminder: computed in the rater's own session from their own tasks, so nobody else learns
 * who has not answered (HR sees only counts per unit).
 */
@Component({
  selector: 'app-review360-banner',
  imports: [RouterLink, TranslatePipe],
  template: `
    @if (pending() > 0) {
      <p class="banner" role="status" data-testid="review360-banner">
        {{ 'reviews360.banner' | t: { count: pending() } }}
        <a routerLink="/reviews360">{{ 'reviews360.bannerLink' | t }}</a>
      </p>
    }
  `,
  styles: `
    .banner {
      margin: 0;
      padding: 0.5rem 1rem;
      background: #fff4d6;
      border-bottom: 1px solid #e6c66a;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Review360Banner {
  private readonly api = inject(Reviews360Api);
  private readonly session = inject(SessionStore).session;

  /** Re-read after each navigation, so the banner goes once the last answer is sent. */
  private readonly navigations = toSignal(
    inject(Router).events.pipe(
      filter((event) => event instanceof NavigationEnd),
      map((_, index) => index),
    ),
    { initialValue: 0 },
  );
  private readonly tasks = rxResource({
    params: () =>
      this.session()?.employeeId
        ? { employee: this.session()!.employeeId, at: this.navigations() }
        : undefined,
    stream: () => this.api.tasks(),
  });
  protected readonly pending = computed(() =>
    this.tasks.hasValue()
      ? this.tasks.value().filter((task) => !task.answered).length
      : 0,
  );
}
