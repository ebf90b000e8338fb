import {
  ChangeDetectionStrategy,
  Component,
  computed,
  input,
} from '@angular/core';

import type { TargetStatus } from '@ikuboard/shared/contracts';

import { TranslatePipe } from '../i18n/translate.pipe';

/** A shape per status as well as a colour and a word, so no one has to tell colours apart. */
const STATUS_ICONS: Readonly<Record<TargetStatus, string>> = {
  achieved: '✓',
  on_track: '→',
  behind: '!',
  no_data: '–',
};

@Component({
  selector: 'app-target-status-badge',
  imports: [TranslatePipe],
  template: `<span class="icon" aria-hidden="true">{{ icon() }}</span
    ><span class="text">{{ textKey() | t }}</span>`,
  styles: `
    :host {
      display: inline-flex;
      align-items: center;
      gap: 0.35rem;
      padding: 0.1rem 0.6rem 0.1rem 0.2rem;
      border-radius: 999px;
      border: 1px solid currentColor;
      font-weight: 700;
      font-size: 0.9rem;
      white-space: nowrap;
    }
    .icon {
      display: inline-grid;
      place-items: center;
      width: 1.3rem;
      height: 1.3rem;
      border-radius: 50%;
      background: var(--ik-status);
      color: #fff;
      font-size: 0.8rem;
    }
    :host {
      color: var(--ik-status);
    }
    :host([data-status='achieved']) {
      --ik-status: #1b6e3a;
      background: #e7f4ec;
    }
    :host([data-status='on_track']) {
      --ik-status: #005a8e;
      background: #e5f1f9;
    }
    :host([data-status='behind']) {
      --ik-status: #b3261e;
      background: #fdecea;
    }
    :host([data-status='no_data']) {
      --ik-status: #4f5661;
      background: #eef0f3;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: {
    'data-testid': 'target-status',
    '[attr.data-status]': 'status()',
  },
})
export class TargetStatusBadge {
  readonly status = input.required<TargetStatus>();

  protected readonly icon = computed(() => STATUS_ICONS[this.status()]);
  protected readonly textKey = computed(
    () => `targets.status.${this.status()}` as const,
  );
}
