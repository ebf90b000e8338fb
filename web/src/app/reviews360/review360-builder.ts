import {
  ChangeDetectionStrategy,
  Component,
  computed,
  inject,
  input,
  linkedSignal,
  output,
  signal,
} from '@angular/core';
import { rxResource } from '@angular/core/rxjs-interop';
import { firstValueFrom } from 'rxjs';

import type {
  ApiErrorDto,
  LocalizedText,
  Review360CycleDto,
  Review360ItemBankDto,
  Review360QuestionnaireDto,
  Review360QuestionnaireInputDto,
} from '@ikuboard/shared/contracts';

import { toApiError } from '../i18n/api-error';
import { LocalizedPipe, TranslatePipe } from '../i18n/translate.pipe';
import { Reviews360Api } from './reviews360.api';

type Kind = 'rating' | 'text';

interface DraftCategory {
  key: number;
  code: string;
  ja: string;
  en: string;
}

interface DraftItem {
  key: number;
  categoryCode: string;
  kind: Kind;
  ja: string;
  en: string;
  source: string | null;
}

interface Draft {
  categories: DraftCategory[];
  items: DraftItem[];
  scale: LocalizedText[];
  unable: LocalizedText;
}

type BankItem = Review360ItemBankDto['items'][number];

let nextKey = 1;

function draftOf(q: Review360QuestionnaireDto): Draft {
  const codeOf = new Map(q.categories.map((c) => [c.id, c.code]));
  return {
    categories: q.categories.map((c) => ({
      key: nextKey++,
      code: c.code,
      ja: c.name.ja,
      en: c.name.en,
    })),
    items: q.items.map((i) => ({
      key: nextKey++,
      categoryCode: codeOf.get(i.categoryId) ?? '',
      kind: i.kind,
      ja: i.text.ja,
      en: i.text.en,
      source: i.source,
    })),
    scale: q.scale.map(({ ja, en }) => ({ ja, en })),
    unable: { ...q.unable },
  };
}

/** The items in the order the form shows them: category by category. */
function ordered(draft: Draft): DraftItem[] {
  return draft.categories.flatMap((c) =>
    draft.items.filter((i) => i.categoryCode === c.code),
  );
}

/**
 * HR's questionnaire builder for one cycle: categories, behaviour statements in Japanese and
 * English, free-text questions, the scale labels, items picked from the shipped item bank. The
 * whole questionnaire is saved at once (PUT …/questionnaire); after launch it is read only.
 */
@Component({
  selector: 'app-review360-builder',
  imports: [TranslatePipe, LocalizedPipe],
  template: `
    <h2>{{ 'reviews360.builder.title' | t }}</h2>
    @if (locked()) {
      <p class="locked" data-testid="review360-builder-locked">
        {{ 'reviews360.builder.locked' | t }}
      </p>
    }
    @if (error(); as error) {
      <div class="error" role="alert" data-testid="review360-builder-error">
        <p>{{ error.message | localized }}</p>
        @for (detail of error.details ?? []; track $index) {
          <p>{{ detail | localized }}</p>
        }
      </div>
    }
    @if (draft(); as d) {
      <fieldset class="builder" [disabled]="locked()">
        <div class="columns">
          <div class="main">
            <h3>{{ 'reviews360.builder.categories' | t }}</h3>
            @if (d.items.length === 0) {
              <p class="note">{{ 'reviews360.builder.empty' | t }}</p>
            }
            @for (
              category of d.categories;
              track category.key;
              let ci = $index, firstCat = $first, lastCat = $last
            ) {
              <section
                class="category"
                data-testid="review360-builder-category"
              >
                <div class="row">
                  <label
                    >{{ 'reviews360.builder.categoryJa' | t }}
                    <input
                      type="text"
                      [value]="category.ja"
                      (input)="
                        setCategory(
                          category.key,
                          'ja',
                          $any($event.target).value
                        )
                      "
                  /></label>
                  <label
                    >{{ 'reviews360.builder.categoryEn' | t }}
                    <input
                      type="text"
                      lang="en"
                      [value]="category.en"
                      (input)="
                        setCategory(
                          category.key,
                          'en',
                          $any($event.target).value
                        )
                      "
                  /></label>
                  <span class="buttons">
                    <button
                      type="button"
                      [disabled]="firstCat"
                      (click)="moveCategory(ci, -1)"
                    >
                      ↑ {{ 'reviews360.builder.up' | t }}
                    </button>
                    <button
                      type="button"
                      [disabled]="lastCat"
                      (click)="moveCategory(ci, 1)"
                    >
                      ↓ {{ 'reviews360.builder.down' | t }}
                    </button>
                    <button
                      type="button"
                      [disabled]="itemsOf(d, category.code).length > 0"
                      (click)="removeCategory(category.key)"
                    >
                      {{ 'reviews360.builder.removeCategory' | t }}
                    </button>
                  </span>
                </div>
                <ol class="items">
                  @for (
                    item of itemsOf(d, category.code);
                    track item.key;
                    let first = $first, last = $last
                  ) {
                    <li
                      class="item"
                      data-testid="review360-builder-item"
                      [attr.data-kind]="item.kind"
                    >
                      <div class="row">
                        <label
                          >{{ 'reviews360.builder.category' | t }}
                          <select
                            (change)="
                              setItem(
                                item.key,
                                'categoryCode',
                                $any($event.target).value
                              )
                            "
                          >
                            @for (c of d.categories; track c.key) {
                              <option
                                [value]="c.code"
                                [selected]="c.code === item.categoryCode"
                              >
                                {{ c.ja }}
                              </option>
                            }
                          </select></label
                        >
                        <label
                          >{{ 'reviews360.builder.kind.rating' | t }} /
                          {{ 'reviews360.builder.kind.text' | t }}
                          <select
                            data-testid="review360-item-kind"
                            (change)="
                              setItem(
                                item.key,
                                'kind',
                                $any($event.target).value
                              )
                            "
                          >
                            <option
                              value="rating"
                              [selected]="item.kind === 'rating'"
                            >
                              {{ 'reviews360.builder.kind.rating' | t }}
                            </option>
                            <option
                              value="text"
                              [selected]="item.kind === 'text'"
                            >
                              {{ 'reviews360.builder.kind.text' | t }}
                            </option>
                          </select></label
                        >
                        <span class="buttons">
                          <button
                            type="button"
                            data-testid="review360-item-up"
                            [disabled]="first"
                            (click)="moveItem(item.key, -1)"
                          >
                            ↑ {{ 'reviews360.builder.up' | t }}
                          </button>
                          <button
                            type="button"
                            data-testid="review360-item-down"
                            [disabled]="last"
                            (click)="moveItem(item.key, 1)"
                          >
                            ↓ {{ 'reviews360.builder.down' | t }}
                          </button>
                          <button
                            type="button"
                            data-testid="review360-item-remove"
                            (click)="removeItem(item.key)"
                          >
                            {{ 'reviews360.builder.remove' | t }}
                          </button>
                        </span>
                      </div>
                      <label class="text"
                        >{{ 'reviews360.builder.textJa' | t }}
                        <textarea
                          rows="2"
                          data-testid="review360-item-ja"
                          [placeholder]="'reviews360.builder.placeholderJa' | t"
                          [value]="item.ja"
                          (input)="
                            setItem(item.key, 'ja', $any($event.target).value)
                          "
                        ></textarea>
                      </label>
                      <label class="text"
                        >{{ 'reviews360.builder.textEn' | t }}
                        <textarea
                          rows="2"
                          lang="en"
                          data-testid="review360-item-en"
                          [placeholder]="'reviews360.builder.placeholderEn' | t"
                          [value]="item.en"
                          (input)="
                            setItem(item.key, 'en', $any($event.target).value)
                          "
                        ></textarea>
                      </label>
                      @if (item.source) {
                        <p class="note">
                          {{
                            'reviews360.builder.source'
                              | t: { source: item.source }
                          }}
                        </p>
                      }
                    </li>
                  }
                </ol>
                <div class="buttons">
                  <button
                    type="button"
                    data-testid="review360-add-rating"
                    (click)="addItem(category.code, 'rating')"
                  >
                    + {{ 'reviews360.builder.addRating' | t }}
                  </button>
                  <button
                    type="button"
                    data-testid="review360-add-text"
                    (click)="addItem(category.code, 'text')"
                  >
                    + {{ 'reviews360.builder.addText' | t }}
                  </button>
                </div>
              </section>
            }
            <div class="buttons">
              <button
                type="button"
                data-testid="review360-add-category"
                (click)="addCategory()"
              >
                + {{ 'reviews360.builder.addCategory' | t }}
              </button>
              <button
                type="button"
                data-testid="review360-builder-clear"
                (click)="clear()"
              >
                {{ 'reviews360.builder.clear' | t }}
              </button>
            </div>

            <h3>{{ 'reviews360.builder.scale' | t }}</h3>
            <table class="scale">
              <tbody>
                @for (label of d.scale; track $index; let i = $index) {
                  <tr data-testid="review360-scale-label">
                    <th scope="row">{{ i + 1 }}</th>
                    <td>
                      <input
                        type="text"
                        [attr.aria-label]="'reviews360.builder.textJa' | t"
                        [value]="label.ja"
                        (input)="setScale(i, 'ja', $any($event.target).value)"
                      />
                    </td>
                    <td>
                      <input
                        type="text"
                        lang="en"
                        [attr.aria-label]="'reviews360.builder.textEn' | t"
                        [value]="label.en"
                        (input)="setScale(i, 'en', $any($event.target).value)"
                      />
                    </td>
                  </tr>
                }
                <tr>
                  <th scope="row">{{ 'reviews360.builder.unable' | t }}</th>
                  <td>
                    <input
                      type="text"
                      [attr.aria-label]="'reviews360.builder.textJa' | t"
                      [value]="d.unable.ja"
                      (input)="setUnable('ja', $any($event.target).value)"
                    />
                  </td>
                  <td>
                    <input
                      type="text"
                      lang="en"
                      [attr.aria-label]="'reviews360.builder.textEn' | t"
                      [value]="d.unable.en"
                      (input)="setUnable('en', $any($event.target).value)"
                    />
                  </td>
                </tr>
              </tbody>
            </table>

            <div class="buttons save">
              <button
                type="button"
                class="primary"
                data-testid="review360-builder-save"
                (click)="save()"
              >
                {{ 'reviews360.builder.save' | t }}
              </button>
              @if (dirty()) {
                <span class="note">{{ 'reviews360.builder.unsaved' | t }}</span>
              } @else if (saved(); as s) {
                <span role="status" data-testid="review360-builder-saved">{{
                  'reviews360.builder.saved' | t: s
                }}</span>
              }
            </div>
          </div>

          <aside class="bank" data-testid="review360-bank">
            <h3>{{ 'reviews360.builder.bank' | t }}</h3>
            <p class="note">{{ 'reviews360.builder.bankLead' | t }}</p>
            @if (bank.hasValue()) {
              <ul>
                @for (entry of bank.value().items; track $index) {
                  <li data-testid="review360-bank-item">
                    <span class="kind">{{
                      (entry.kind === 'rating'
                        ? 'reviews360.builder.kind.rating'
                        : 'reviews360.builder.kind.text'
                      ) | t
                    }}</span>
                    <span>{{ entry.text | localized }}</span>
                    @if (entry.source) {
                      <small>{{ entry.source }}</small>
                    }
                    <button
                      type="button"
                      data-testid="review360-bank-add"
                      [disabled]="present(d, entry)"
                      (click)="addFromBank(entry)"
                    >
                      {{
                        (present(d, entry)
                          ? 'reviews360.builder.added'
                          : 'reviews360.builder.add'
                        ) | t
                      }}
                    </button>
                  </li>
                }
              </ul>
            }
          </aside>
        </div>
      </fieldset>
    }
  `,
  styles: `
    .builder {
      border: none;
      padding: 0;
      margin: 0;
    }
    .columns {
      display: grid;
      grid-template-columns: minmax(0, 2fr) minmax(16rem, 1fr);
      gap: 1rem;
    }
    @media (max-width: 60rem) {
      .columns {
        grid-template-columns: 1fr;
      }
    }
    .category {
      border: 1px solid #ccd;
      border-radius: 6px;
      padding: 0.5rem 0.75rem;
      margin-bottom: 0.75rem;
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: end;
    }
    .row label {
      display: grid;
      gap: 0.2rem;
      font-size: 0.85rem;
    }
    .items {
      padding-left: 1.5rem;
    }
    .item {
      margin: 0.5rem 0;
      padding: 0.5rem;
      background: #f7f8fb;
      border-radius: 4px;
    }
    .item[data-kind='text'] {
      background: #f4f9f4;
    }
    .text {
      display: grid;
      gap: 0.2rem;
      font-size: 0.85rem;
      margin-top: 0.4rem;
    }
    textarea {
      width: 100%;
      box-sizing: border-box;
    }
    .buttons {
      display: flex;
      flex-wrap: wrap;
      gap: 0.4rem;
      align-items: center;
    }
    .save {
      margin-top: 1rem;
    }
    .bank ul {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    .bank li {
      display: grid;
      gap: 0.2rem;
      border-bottom: 1px solid #eee;
      padding-bottom: 0.4rem;
    }
    .bank button {
      justify-self: start;
    }
    .kind,
    small,
    .note {
      color: #555;
      font-size: 0.85rem;
    }
    .locked {
      background: #fff4d6;
      padding: 0.5rem;
      border-radius: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Review360Builder {
  readonly cycle = input.required<Review360CycleDto>();
  readonly changed = output<void>();

  private readonly api = inject(Reviews360Api);
  protected readonly error = signal<ApiErrorDto | null>(null);
  protected readonly saved = signal<{ rating: number; text: number } | null>(
    null,
  );
  protected readonly dirty = signal(false);
  protected readonly locked = computed(() => this.cycle().status !== 'draft');

  private readonly cycleId = computed(() => this.cycle().id);
  private readonly loaded = rxResource({
    params: () => this.cycleId(),
    stream: ({ params }) => this.api.questionnaire(params),
  });
  protected readonly bank = rxResource({
    stream: () => this.api.itemBank(),
  });
  protected readonly draft = linkedSignal<Draft | null>(() =>
    this.loaded.hasValue() ? draftOf(this.loaded.value()) : null,
  );

  protected itemsOf(draft: Draft, code: string): DraftItem[] {
    return draft.items.filter((i) => i.categoryCode === code);
  }

  protected present(draft: Draft, entry: BankItem): boolean {
    return draft.items.some((i) => i.ja.trim() === entry.text.ja.trim());
  }

  private edit(change: (draft: Draft) => Draft): void {
    const current = this.draft();
    if (!current) return;
    this.draft.set(change(current));
    this.dirty.set(true);
    this.saved.set(null);
  }

  protected setCategory(key: number, field: 'ja' | 'en', value: string): void {
    this.edit((d) => ({
      ...d,
      categories: d.categories.map((c) =>
        c.key === key ? { ...c, [field]: value } : c,
      ),
    }));
  }

  protected moveCategory(index: number, by: -1 | 1): void {
    this.edit((d) => {
      const categories = [...d.categories];
      const [moved] = categories.splice(index, 1);
      if (!moved) return d;
      categories.splice(index + by, 0, moved);
      return { ...d, categories };
    });
  }

  protected removeCategory(key: number): void {
    this.edit((d) => ({
      ...d,
      categories: d.categories.filter((c) => c.key !== key),
    }));
  }

  protected addCategory(): string {
    const draft = this.draft();
    const codes = new Set(draft?.categories.map((c) => c.code));
    let n = (draft?.categories.length ?? 0) + 1;
    while (codes.has(`c${n}`)) n++;
    const code = `c${n}`;
    this.edit((d) => ({
      ...d,
      categories: [
        ...d.categories,
        { key: nextKey++, code, ja: '新しい分類', en: 'New category' },
      ],
    }));
    return code;
  }

  protected setItem(
    key: number,
    field: 'ja' | 'en' | 'kind' | 'categoryCode',
    value: string,
  ): void {
    this.edit((d) => {
      const item = d.items.find((i) => i.key === key);
      if (!item) return d;
      const next = { ...item, [field]: value } as DraftItem;
      // Moving to another category puts the item at that category's end.
      const items =
        field === 'categoryCode'
          ? [...d.items.filter((i) => i.key !== key), next]
          : d.items.map((i) => (i.key === key ? next : i));
      return { ...d, items };
    });
  }

  /** Swaps an item with its neighbour within its category. */
  protected moveItem(key: number, by: -1 | 1): void {
    this.edit((d) => {
      const items = ordered(d);
      const index = items.findIndex((i) => i.key === key);
      const item = items[index];
      const other = items[index + by];
      if (!item || !other || other.categoryCode !== item.categoryCode) return d;
      items[index + by] = item;
      items[index] = other;
      return { ...d, items };
    });
  }

  protected removeItem(key: number): void {
    this.edit((d) => ({ ...d, items: d.items.filter((i) => i.key !== key) }));
  }

  protected addItem(categoryCode: string, kind: Kind): void {
    this.edit((d) => ({
      ...d,
      items: [
        ...d.items,
        {
          key: nextKey++,
          categoryCode,
          kind,
          ja: kind === 'rating' ? '私の上司は、' : '',
          en: kind === 'rating' ? 'My boss ' : '',
          source: null,
        },
      ],
    }));
  }

  protected addFromBank(entry: BankItem): void {
    const category = this.bank.hasValue()
      ? this.bank.value().categories.find((c) => c.code === entry.categoryCode)
      : undefined;
    this.edit((d) => {
      const categories = d.categories.some((c) => c.code === entry.categoryCode)
        ? d.categories
        : [
            ...d.categories,
            {
              key: nextKey++,
              code: entry.categoryCode,
              ja: category?.name.ja ?? entry.categoryCode,
              en: category?.name.en ?? entry.categoryCode,
            },
          ];
      return {
        ...d,
        categories,
        items: [
          ...d.items,
          {
            key: nextKey++,
            categoryCode: entry.categoryCode,
            kind: entry.kind,
            ja: entry.text.ja,
            en: entry.text.en,
            source: entry.source,
          },
        ],
      };
    });
  }

  protected clear(): void {
    this.edit((d) => ({ ...d, categories: [], items: [] }));
  }

  protected setScale(index: number, field: 'ja' | 'en', value: string): void {
    this.edit((d) => ({
      ...d,
      scale: d.scale.map((label, i) =>
        i === index ? { ...label, [field]: value } : label,
      ),
    }));
  }

  protected setUnable(field: 'ja' | 'en', value: string): void {
    this.edit((d) => ({ ...d, unable: { ...d.unable, [field]: value } }));
  }

  protected async save(): Promise<void> {
    const draft = this.draft();
    if (!draft) return;
    const items = ordered(draft);
    const used = new Set(items.map((i) => i.categoryCode));
    const body: Review360QuestionnaireInputDto = {
      categories: draft.categories
        .filter((c) => used.has(c.code))
        .map((c) => ({
          code: c.code,
          name: { ja: c.ja.trim(), en: c.en.trim() },
        })),
      items: items.map((i) => ({
        categoryCode: i.categoryCode,
        kind: i.kind,
        text: { ja: i.ja.trim(), en: i.en.trim() },
        source: i.source,
      })),
      scale: draft.scale.map((l) => ({ ja: l.ja.trim(), en: l.en.trim() })),
      unable: { ja: draft.unable.ja.trim(), en: draft.unable.en.trim() },
    };
    this.error.set(null);
    try {
      const stored = await firstValueFrom(
        this.api.replaceQuestionnaire(this.cycleId(), body),
      );
      this.draft.set(draftOf(stored));
      this.dirty.set(false);
      this.saved.set({
        rating: stored.items.filter((i) => i.kind === 'rating').length,
        text: stored.items.filter((i) => i.kind === 'text').length,
      });
      this.changed.emit();
    } catch (error) {
      this.error.set(toApiError(error));
    }
  }
}
