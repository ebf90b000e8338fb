import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  signal,
} from '@angular/core';
import { firstValueFrom } from 'rxjs';

import type {
  ApiErrorDto,
  IkubossTemplateDto,
  IkubossTemplateInputDto,
} from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { LocalizedPipe, TranslatePipe } from '../i18n/translate.pipe';
import { IkubossApi } from './ikuboss.api';
import { IkubossNav } from './ikuboss-nav';

interface TemplateForm {
  id: string | null;
  name: string;
  title: string;
  preamble: string;
  pledges: string;
}

/** HR edits the organization's pledge lists (e.g. イクボス10か条). */
@Component({
  selector: 'app-ikuboss-templates-page',
  imports: [IkubossNav, TranslatePipe, LocalizedPipe],
  templateUrl: './templates.page.html',
  styleUrl: './ikuboss.css',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TemplatesPage {
  private readonly api = inject(IkubossApi);
  private readonly list = this.api.templates();

  protected readonly templates = computed(() =>
    this.list.hasValue() ? this.list.value() : [],
  );
  protected readonly loadError = computed(() => {
    const failure = this.list.error();
    return failure ? toApiError(failure) : null;
  });
  protected readonly form = signal<TemplateForm | null>(null);
  protected readonly saving = signal(false);
  protected readonly error = signal<ApiErrorDto | null>(null);

  protected edit(template: IkubossTemplateDto | null): void {
    this.error.set(null);
    this.form.set(
      template
        ? {
            id: template.id,
            name: template.name,
            title: template.title,
            preamble: template.preamble,
            pledges: template.pledges.join('\n'),
          }
        : { id: null, name: '', title: '', preamble: '', pledges: '' },
    );
  }

  protected set(field: keyof Omit<TemplateForm, 'id'>, event: Event): void {
    const value = (event.target as HTMLInputElement | HTMLTextAreaElement)
      .value;
    this.form.update((form) => (form ? { ...form, [field]: value } : form));
  }

  protected async save(): Promise<void> {
    const form = this.form();
    if (!form) return;
    const input: IkubossTemplateInputDto = {
      name: form.name,
      title: form.title,
      preamble: form.preamble,
      pledges: form.pledges
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
    };
    this.saving.set(true);
    try {
      await firstValueFrom(
        form.id
          ? this.api.updateTemplate(form.id, input)
          : this.api.createTemplate(input),
      );
      this.form.set(null);
      this.error.set(null);
      this.list.reload();
    } catch (failure) {
      this.error.set(toApiError(failure));
    } finally {
      this.saving.set(false);
    }
  }

  protected reload(): void {
    this.list.reload();
  }
}
