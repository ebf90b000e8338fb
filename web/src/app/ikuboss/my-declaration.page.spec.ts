import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type {
  IkubossCampaignDto,
  IkubossDeclarationDto,
  SessionDto,
} from '@ikuboard/shared/contracts';

import { SessionStore } from '../auth/session.store';
import { MyDeclarationPage } from './my-declaration.page';

async function settle(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    TestBed.tick();
    await new Promise((resolve) => setTimeout(resolve));
  }
}

const BASE = '/api/v1/ikuboss';
const session = {
  accountId: 'a1',
  username: 'manager',
  displayName: '課長',
  role: 'manager',
  permissions: ['ikuboss:declare', 'ikuboss:progress'],
  organization: { id: 'o1', code: 'midori', name: 'みどり市', nameEn: null },
  employeeId: 'e1',
  employeeNumber: 'M001',
  demoMode: true,
  csrfToken: 'x',
} as SessionDto;
const campaign: IkubossCampaignDto = {
  id: 'c1',
  name: '令和7年度 全管理職',
  fiscalYear: 2025,
  scopeUnitCode: null,
  scopeUnitName: null,
  stageCodes: ['kacho'],
  stageNames: ['課長級'],
  templateId: 't1',
  templateName: '10か条',
  deadline: '2025-06-30',
  required: 10,
  declared: 5,
};
const draft: IkubossDeclarationDto = {
  id: 'd1',
  fiscalYear: 2025,
  kind: 'individual',
  status: 'draft',
  campaignId: 'c1',
  previousId: null,
  renewedById: null,
  title: 'みどり市イクボス宣言',
  preamble: '私は宣言します。',
  pledges: ['理解を示します。'],
  witness: null,
  isPublic: false,
  declarers: [
    {
      employeeNumber: '0001',
      name: '課長 太郎',
      position: 1,
      actions: [],
      signedAt: null,
      nameAtSigning: null,
      titleAtSigning: null,
      unitAtSigning: null,
      isCaller: true,
    },
  ],
  signedAt: null,
  signedDate: null,
  signedText: null,
  signedHash: null,
  revokedAt: null,
  revokedReason: null,
  createdAt: '2025-04-10T00:00:00.000Z',
};

async function render(mine: IkubossDeclarationDto[]) {
  TestBed.configureTestingModule({
    providers: [
      provideRouter([]),
      provideHttpClient(),
      provideHttpClientTesting(),
      {
        provide: SessionStore,
        useValue: { session: signal(session), can: () => false },
      },
    ],
  });
  const http = TestBed.inject(HttpTestingController);
  const fixture = TestBed.createComponent(MyDeclarationPage);
  await settle();
  http.expectOne(`${BASE}/declarations/mine`).flush(mine);
  http.expectOne(`${BASE}/campaigns`).flush([campaign]);
  await settle();
  const host = fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement>(id: string) =>
    host.querySelector<T>(`[data-testid="${id}"]`);
  return { http, byTestId };
}

function required<T>(element: T | null): T {
  if (!element) throw new Error('missing element');
  return element;
}

function type(element: HTMLTextAreaElement | null, value: string): void {
  if (!element) throw new Error('no such field');
  element.value = value;
  element.dispatchEvent(new Event('input'));
}

describe('MyDeclarationPage', () => {
  it('starts the declaration of the campaign year, not of today', async () => {
    const { http, byTestId } = await render([]);
    const create = byTestId<HTMLButtonElement>('ikuboss-create');
    expect(create?.textContent).toContain('令和7年度');
    create?.click();
    await settle();
    const request = http.expectOne(`${BASE}/declarations`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({ fiscalYear: 2025 });
  });

  it('starts a joint declaration with the own 職員番号 fixed first, and shows the API error', async () => {
    const { http, byTestId } = await render([]);
    const own = required(byTestId<HTMLInputElement>('ikuboss-joint-own'));
    expect(own.value).toBe('M001');
    expect(own.readOnly).toBe(true);
    const create = () =>
      required(byTestId<HTMLButtonElement>('ikuboss-joint-create'));
    expect(create().disabled).toBe(true);

    // The own number typed again is dropped; order and separators are kept as typed.
    type(
      byTestId<HTMLTextAreaElement>('ikuboss-joint-others'),
      'M002、M001 M003,M002',
    );
    await settle();
    expect(create().disabled).toBe(false);
    create().click();
    await settle();
    const request = http.expectOne(`${BASE}/declarations`);
    expect(request.request.body).toEqual({
      fiscalYear: 2025,
      declarerEmployeeNumbers: ['M001', 'M002', 'M003'],
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
            ja: '職員番号「M003」の職員はいません。',
            en: 'No employee with number M003.',
          },
        ],
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(byTestId('ikuboss-error')?.textContent).toContain(
      '職員番号「M003」の職員はいません。',
    );
  });

  it('signs only after an action and the explicit confirmation, saving the draft first', async () => {
    const { http, byTestId } = await render([draft]);
    const sign = () => required(byTestId<HTMLButtonElement>('ikuboss-sign'));
    const confirm = required(byTestId<HTMLInputElement>('ikuboss-confirm'));
    expect(sign().disabled).toBe(true);

    confirm.click();
    await settle();
    expect(sign().disabled).toBe(true); // no action yet

    type(byTestId('ikuboss-action-1'), 'あ'.repeat(101));
    await settle();
    expect(sign().disabled).toBe(true); // over 100 characters

    type(byTestId('ikuboss-action-1'), '定時退庁日を徹底します。');
    await settle();
    expect(sign().disabled).toBe(false);

    sign().click();
    await settle();
    const save = http.expectOne(`${BASE}/declarations/d1`);
    expect(save.request.method).toBe('PUT');
    expect(save.request.body).toEqual({
      actions: ['定時退庁日を徹底します。'],
      witness: null,
      isPublic: false,
    });
    save.flush(draft);
    await settle();
    const signing = http.expectOne(`${BASE}/declarations/d1/sign`);
    expect(signing.request.body).toEqual({ confirm: true });
  });
});
