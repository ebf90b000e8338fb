import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';

import {
  REVIEW360_SCALE,
  REVIEW360_UNABLE,
  type ApiErrorDto,
} from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { LocalizedPipe, TranslatePipe } from '../i18n/translate.pipe';
import { Reviews360Api } from './reviews360.api';

type Choice = 1 | 2 | 3 | 4 | 5 | null;

/**
 * The rating form. Answers live only in this component until the single submit: no draft is
 * saved on the server or in the browser's storage, so nothing ties a half-finished form to the rater.
 */
@Component({
  selector: 'app-review360-answer-page',
  imports: [RouterLink, TranslatePipe, LocalizedPipe],
  template: `
    @if (task(); as task) {
      <h1>{{ 'reviews360.form.title' | t: { name: task.ratee.name } }}</h1>
      <p class="promise" data-testid="review360-form-promise">
        <strong>{{ 'reviews360.promise.title' | t }}</strong>
        {{
          'reviews360.promise.body'
            | t: { min: task.minScores, comments: task.minComments }
        }}
      </p>
    }
    @if (done()) {
      <p class="panel success" role="status" data-testid="review360-done">
        {{ 'reviews360.form.done' | t }}
      </p>
      <a routerLink="/reviews360">{{ 'reviews360.form.back' | t }}</a>
    } @else if (loadedQuestionnaire(); as q) {
      <p>{{ 'reviews360.form.lead' | t }}</p>
      <p class="note">{{ 'reviews360.form.noDraft' | t }}</p>
      <form (submit)="submit($event)" novalidate>
        @for (category of q.categories; track category.id) {
          @if (itemsOf(category.id).length > 0) {
            <fieldset class="category">
              <legend>{{ category.name | localized }}</legend>
              @for (item of itemsOf(category.id); track item.id) {
                @if (item.kind === 'rating') {
                  <fieldset
                    class="item"
                    [attr.data-testid]="'review360-item'"
                    role="radiogroup"
                  >
                    <legend>{{ item.text | localized }}</legend>
                    <div class="choices">
                      @for (choice of scale(); track choice.value) {
                        <label class="choice">
                          <input
                            type="radio"
                            [name]="item.id"
                            [value]="choice.value"
                            [checked]="answers()[item.id] === choice.value"
                            (change)="choose(item.id, choice.value)"
                          />
                          <span
                            ><b>{{ choice.value }}</b>
                            {{ choice | localized }}</span
                          >
                        </label>
                      }
                      <label class="choice unable">
                        <input
                          type="radio"
                          [name]="item.id"
                          value="unable"
                          [checked]="answers()[item.id] === null"
                          (change)="choose(item.id, null)"
                        />
                        <span>{{ unable() | localized }}</span>
                      </label>
                    </div>
                  </fieldset>
                } @else {
                  <div class="field">
                    <label [for]="'c-' + item.id">{{
                      item.text | localized
                    }}</label>
                    <textarea
                      [id]="'c-' + item.id"
                      rows="3"
                      maxlength="2000"
                      data-testid="review360-comment"
                      (input)="comment(item.id, $event)"
                    ></textarea>
                    <small>{{ 'reviews360.form.commentHint' | t }}</small>
                  </div>
                }
              }
            </fieldset>
          }
        }
        @if (missing() > 0 && tried()) {
          <p class="error" role="alert">
            {{ 'reviews360.form.missing' | t: { count: missing() } }}
          </p>
        }
        @if (error(); as error) {
          <p class="error" role="alert" data-testid="review360-error">
            {{ error.message | localized }}
          </p>
        }
        <button
          type="submit"
          class="primary"
          [disabled]="sending()"
          data-testid="review360-submit"
        >
          {{ 'reviews360.form.submit' | t }}
        </button>
      </form>
    }
  `,
  styles: `
    :host {
      display: block;
      max-width: 48rem;
    }
    .promise {
      border-left: 4px solid #2f5d50;
      padding: 0.5rem 0.75rem;
      background: #eef5f2;
    }
    .note {
      color: #555;
      font-size: 0.9rem;
    }
    fieldset {
      border: 1px solid #ccd;
      border-radius: 6px;
      margin: 0 0 1rem;
      padding: 0.75rem;
    }
    .category > legend {
      font-weight: bold;
      font-size: 1.1rem;
    }
    .item legend {
      font-weight: normal;
      line-height: 1.5;
    }
    .choices {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr));
      gap: 0.4rem;
    }
    .choice {
      display: flex;
      align-items: center;
      gap: 0.5rem;
      min-height: 2.75rem;
      padding: 0.25rem 0.5rem;
      border: 1px solid #ccd;
      border-radius: 4px;
      cursor: pointer;
    }
    .choice:has(input:checked) {
      border-color: #2f5d50;
      background: #e3f0eb;
    }
    .choice input {
      width: 1.25rem;
      height: 1.25rem;
    }
    .unable {
      color: #555;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
      font: inherit;
    }
    button.primary {
      width: 100%;
      min-height: 3rem;
    }
    .success {
      border-left: 4px solid #2f5d50;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Review360AnswerPage {
  readonly cycleId = input.required<string>();
  readonly assignmentId = input.required<string>();

  private readonly api = inject(Reviews360Api);

  protected readonly questionnaire = rxResource({
    params: () => this.cycleId(),
    stream: ({ params }) => this.api.questionnaire(params),
  });
  private readonly tasks = rxResource({
    stream: () => this.api.tasks(),
  });
  protected readonly loadedQuestionnaire = computed(() =>
    this.questionnaire.hasValue() ? this.questionnaire.value() : null,
  );
  /** The cycle's own labels (HR may change them before launch), else the defaults. */
  protected readonly scale = computed(
    () => this.loadedQuestionnaire()?.scale ?? REVIEW360_SCALE,
  );
  protected readonly unable = computed(
    () => this.loadedQuestionnaire()?.unable ?? REVIEW360_UNABLE,
  );
  protected readonly task = computed(
    () =>
      (this.tasks.hasValue() ? this.tasks.value() : []).find(
        (t) => t.assignmentId === this.assignmentId(),
      ) ?? null,
  );

  protected readonly answers = signal<Record<string, Choice>>({});
  private readonly comments = signal<Record<string, string>>({});
  protected readonly sending = signal(false);
  protected readonly done = signal(false);
  protected readonly tried = signal(false);
  protected readonly error = signal<ApiErrorDto | null>(null);

  protected readonly missing = computed(() => {
    const answered = this.answers();
    return (this.loadedQuestionnaire()?.items ?? []).filter(
      (item) => item.kind === 'rating' && !(item.id in answered),
    ).length;
  });

  protected itemsOf(categoryId: string) {
    return (this.loadedQuestionnaire()?.items ?? []).filter(
      (item) => item.categoryId === categoryId,
    );
  }

  protected choose(itemId: string, value: Choice): void {
    this.answers.update((answers) => ({ ...answers, [itemId]: value }));
  }

  protected comment(itemId: string, event: Event): void {
    const text = (event.target as HTMLTextAreaElement).value;
    this.comments.update((comments) => ({ ...comments, [itemId]: text }));
  }

  protected async submit(event: Event): Promise<void> {
    event.preventDefault();
    this.tried.set(true);
    if (this.missing() > 0 || this.sending()) return;
    this.sending.set(true);
    this.error.set(null);
    try {
      await firstValueFrom(
        this.api.submit(this.cycleId(), this.assignmentId(), {
          scores: this.answers(),
          comments: Object.fromEntries(
            Object.entries(this.comments()).filter(
              ([, text]) => text.trim() !== '',
            ),
          ),
        }),
      );
      this.answers.set({});
      this.comments.set({});
      this.done.set(true);
    } catch (error) {
      this.error.set(toApiError(error));
    } finally {
      this.sending.set(false);
    }
  }
}
