import {
  ChangeDetectionStrategy,
  Component,
  input,
  model,
} from '@angular/core';

import { FiscalYearPipe, TranslatePipe } from '../i18n/translate.pipe';
import { recentFiscalYears } from './ikuboss-programmes.api';

/** The fiscal-year selector of the Ikuboss pages (this year and the four before). */
@Component({
  selector: 'app-ikuboss-fy-select',
  imports: [FiscalYearPipe, TranslatePipe],
  template: `
    <div class="field fy">
      <label [for]="selectId()">{{ 'ikubossProgrammes.fiscalYear' | t }}</label>
      <select
        [id]="selectId()"
        [attr.data-testid]="selectId()"
        (change)="value.set(+$any($event.target).value)"
      >
        @for (year of years; track year) {
          <option [value]="year" [selected]="year === value()">
            {{ year | fiscalYear }}
          </option>
        }
      </select>
    </div>
  `,
  styles: `
    .fy {
      max-width: 14rem;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class IkubossFiscalYearSelect {
  readonly selectId = input('ikuboss-fy');
  readonly value = model.required<number>();
  protected readonly years = recentFiscalYears();
}
