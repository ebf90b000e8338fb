import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { PlanDto, TargetDto } from '@ikuboard/shared/contracts';

import { I18nStore } from '../../i18n/i18n.store';
import { PLANS_URL, TARGETS_URL } from '../targets.api';
import { TargetsManagePage } from './targets-manage.page';

/** httpResource keeps the app unstable while a request is open, so whenStable() would wait for ever. */
async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

const plan: PlanDto = {
  id: 'p1',
  name: '第5期特定事業主行動計画',
  startFiscalYear: 2025,
  endFiscalYear: 2029,
  legalBasis: 'both',
};
const target: TargetDto = {
  id: 't1',
  planId: 'p1',
  planName: plan.name,
  kpiCode: 'female_manager_ratio',
  orgUnitCode: null,
  targetValue: 20,
  targetFiscalYear: 2029,
  direction: 'gte',
  baselineValue: 12.5,
  baselineFiscalYear: 2024,
  actions: ['研修'],
};

async function render() {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(TargetsManagePage);
  await settle();
  http.expectOne(PLANS_URL).flush([plan]);
  http.expectOne(TARGETS_URL).flush([target]);
  http.expectOne('/api/v1/org-units').flush([]);
  await settle();
  const host = fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement>(id: string) =>
    host.querySelector<T>(`[data-testid="${id}"]`);
  return { fixture, http, host, byTestId };
}

function type(
  element: HTMLInputElement | HTMLTextAreaElement | null,
  value: string,
) {
  if (!element) {
    throw new Error('no such field');
  }
  element.value = value;
  element.dispatchEvent(new Event('input'));
}

function choose(element: HTMLSelectElement | null, value: string) {
  if (!element) {
    throw new Error('no such select');
  }
  element.value = value;
  element.dispatchEvent(new Event('change'));
}

describe('TargetsManagePage', () => {
  beforeEach(() => localStorage.clear());

  it('lists plans and targets with the goal written in 令和', async () => {
    const { byTestId } = await render();

    expect(byTestId('plan-row-p1')?.textContent).toContain(
      '令和7年度〜令和11年度',
    );
    expect(byTestId('target-row-t1')?.textContent).toContain(
      '令和11年度に20.0%以上',
    );
    expect(byTestId('target-row-t1')?.textContent).toContain(
      '管理職(課長級以上)に占める女性の割合',
    );
  });

  it('counts action characters, offers at most two actions and refuses one over 100 characters', async () => {
    const { byTestId, http } = await render();
    byTestId<HTMLButtonElement>('target-new')?.click();
    await settle();

    byTestId<HTMLButtonElement>('target-add-action')?.click();
    await settle();
    byTestId<HTMLButtonElement>('target-add-action')?.click();
    await settle();
    expect(byTestId<HTMLButtonElement>('target-add-action')?.disabled).toBe(
      true,
    );

    type(byTestId<HTMLTextAreaElement>('target-action-1'), 'あ'.repeat(101));
    await settle();
    expect(byTestId('target-action-counter-1')?.textContent?.trim()).toBe(
      '101 / 100文字',
    );
    expect(byTestId('error-action-1')?.textContent).toContain('100文字以内');

    byTestId<HTMLButtonElement>('target-save')?.click();
    await settle();
    expect(byTestId('error-kpiCode')?.textContent).toContain(
      '入力してください',
    );
    http.expectNone(TARGETS_URL);
  });

  it('sends a valid target and shows the API validation errors next to their fields', async () => {
    const { fixture, byTestId, http } = await render();
    byTestId<HTMLButtonElement>('target-new')?.click();
    await settle();

    choose(byTestId<HTMLSelectElement>('target-kpi'), 'overtime_monthly_avg');
    type(byTestId<HTMLInputElement>('target-value'), '10');
    await settle();
    expect(byTestId<HTMLSelectElement>('target-direction')?.value).toBe('lte');
    byTestId<HTMLButtonElement>('target-save')?.click();
    await settle();

    const request = http.expectOne(
      (req) => req.method === 'POST' && req.url === TARGETS_URL,
    );
    expect(request.request.body).toEqual({
      planId: 'p1',
      kpiCode: 'overtime_monthly_avg',
      orgUnitCode: null,
      targetValue: 10,
      targetFiscalYear: 2029,
      direction: 'lte',
      baselineValue: null,
      baselineFiscalYear: null,
      actions: [],
    });
    request.flush(
      {
        statusCode: 400,
        code: 'VALIDATION_FAILED',
        message: {
          ja: '入力内容に誤りがあります。',
          en: 'The request is not valid.',
        },
        details: [
          {
            ja: '「targetValue」の値が正しくありません(must not be greater than 100)。',
            en: 'targetValue: must not be greater than 100',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();

    expect(byTestId('error-targetValue')?.textContent).toContain(
      '「targetValue」',
    );
    expect(byTestId('target-form-errors')?.textContent).toContain(
      '入力内容に誤りがあります。',
    );

    TestBed.inject(I18nStore).setLanguage('en');
    fixture.changeDetectorRef.markForCheck();
    await settle();
    expect(byTestId('error-targetValue')?.textContent).toContain(
      'targetValue: must not be greater than 100',
    );
  });

  it('updates an edited target with PUT and reloads the list', async () => {
    const { byTestId, http } = await render();
    byTestId<HTMLButtonElement>('target-edit-t1')?.click();
    await settle();

    type(byTestId<HTMLInputElement>('target-value'), '25');
    byTestId<HTMLButtonElement>('target-save')?.click();
    await settle();

    const request = http.expectOne(`${TARGETS_URL}/t1`);
    expect(request.request.method).toBe('PUT');
    expect(request.request.body.targetValue).toBe(25);
    request.flush({ ...target, targetValue: 25 });
    await settle();
    http.expectOne(TARGETS_URL).flush([{ ...target, targetValue: 25 }]);
  });
});
