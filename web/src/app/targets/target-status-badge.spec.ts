import { TestBed } from '@angular/core/testing';

import type { TargetStatus } from '@ikuboard/shared/contracts';

import { I18nStore } from '../i18n/i18n.store';
import { TargetStatusBadge } from './target-status-badge';

async function render(status: TargetStatus) {
  const fixture = TestBed.createComponent(TargetStatusBadge);
  fixture.componentRef.setInput('status', status);
  await fixture.whenStable();
  return fixture;
}

describe('TargetStatusBadge', () => {
  beforeEach(() => localStorage.clear());

  it.each<[TargetStatus, string, string, string]>([
    ['achieved', '達成', 'Achieved', '✓'],
    ['on_track', '順調', 'On track', '→'],
    ['behind', '遅れ', 'Behind', '!'],
    ['no_data', 'データなし', 'No data', '–'],
  ])(
    'shows %s with an icon and a word, not by colour alone (%s / %s)',
    async (status, japanese, english, icon) => {
      const fixture = await render(status);
      const host = fixture.nativeElement as HTMLElement;

      expect(host.getAttribute('data-testid')).toBe('target-status');
      expect(host.getAttribute('data-status')).toBe(status);
      expect(host.querySelector('.icon')?.textContent).toBe(icon);
      expect(host.querySelector('.icon')?.getAttribute('aria-hidden')).toBe(
        'true',
      );
      expect(host.querySelector('.text')?.textContent).toBe(japanese);

      TestBed.inject(I18nStore).setLanguage('en');
      fixture.changeDetectorRef.markForCheck();
      await fixture.whenStable();
      expect(host.querySelector('.text')?.textContent).toBe(english);
    },
  );
});
