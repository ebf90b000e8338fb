import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';

import type { ImportJobDto } from '@ikuboard/shared/contracts';

import { apiInterceptor } from '../auth/api.interceptor';
import { I18nStore } from '../i18n/i18n.store';
import { ImportsPage } from './imports.page';
import { IMPORT_WAIT_MS } from './imports.store';

const baseJob: ImportJobDto = {
  id: 'job-1',
  kind: 'roster',
  fileName: 'roster.xlsx',
  dryRun: true,
  asOf: '2025-04-01',
  status: 'running',
  processedRows: 0,
  totalRows: 3,
  summary: null,
  errorCount: 0,
  errors: [],
  failure: null,
  createdAt: '2025-04-01T00:00:00Z',
  finishedAt: null,
};

const failedJob: ImportJobDto = {
  ...baseJob,
  status: 'failed',
  processedRows: 3,
  errorCount: 1500,
  errors: [
    {
      sheet: '職員',
      row: 2,
      column: '性別',
      value: 'X',
      code: 'INVALID_GENDER',
      message: { ja: '性別が読み取れません', en: 'Unknown gender' },
    },
    {
      sheet: '職員',
      row: 3,
      column: '採用日',
      value: null,
      code: 'REQUIRED',
      message: { ja: '採用日は必須です', en: 'Hire date is required' },
    },
  ],
  finishedAt: '2025-04-01T00:00:01Z',
};

describe('ImportsPage', () => {
  let fixture: ComponentFixture<ImportsPage>;
  let http: HttpTestingController;
  let host: HTMLElement;

  const byTestId = <T extends HTMLElement>(testId: string) =>
    host.querySelector<T>(`[data-testid="${testId}"]`);

  async function chooseFileAndSubmit(): Promise<void> {
    const input = byTestId<HTMLInputElement>('import-file');
    const file = new File(['xlsx'], 'roster.xlsx');
    Object.defineProperty(input, 'files', {
      value: { item: () => file, length: 1 },
    });
    input?.dispatchEvent(new Event('change'));
    byTestId<HTMLButtonElement>('import-submit')?.click();
    await fixture.whenStable();
  }

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([apiInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ImportsPage);
    host = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    // The aggregate-figures panel loads the current year's figures when it appears.
    http
      .match((request) => request.url.endsWith('/aggregate-figures'))
      .forEach((request) => request.flush([]));
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  it('sends a roster dry run as multipart with the as-of date by default', async () => {
    await chooseFileAndSubmit();

    const request = http.expectOne('/api/v1/imports/roster');
    const form = request.request.body as FormData;
    expect(request.request.method).toBe('POST');
    expect(form.get('dryRun')).toBe('true');
    expect(form.get('partial')).toBe('false');
    expect(form.get('asOf')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(form.get('file')).toBeInstanceOf(File);
    request.flush({ ...failedJob });
  });

  it('lists every reported cell error with sheet, row, column, value and reason', async () => {
    await chooseFileAndSubmit();
    http.expectOne('/api/v1/imports/roster').flush(failedJob);
    await fixture.whenStable();

    const rows = byTestId('import-errors')?.querySelectorAll('tbody tr') ?? [];
    expect(rows).toHaveLength(2);
    expect(
      [...rows[0].querySelectorAll('td')].map((cell) =>
        cell.textContent?.trim(),
      ),
    ).toEqual(['職員', '2', '性別', 'X', '性別が読み取れません']);
    expect(byTestId('import-status')?.textContent).toContain('failed');
    expect(host.textContent).toContain(
      'エラーは全部で 1500 件あります。先頭 2 件を表示しています。',
    );
    expect(byTestId('import-commit')).toBeNull();
  });

  it('shows the reasons in English after the language switch', async () => {
    await chooseFileAndSubmit();
    http.expectOne('/api/v1/imports/roster').flush(failedJob);
    TestBed.inject(I18nStore).setLanguage('en');
    await fixture.whenStable();

    expect(byTestId('import-errors')?.textContent).toContain('Unknown gender');
  });

  it('follows a running job until it finishes, then offers to import a clean dry run for real', async () => {
    await chooseFileAndSubmit();
    http.expectOne('/api/v1/imports/roster').flush(baseJob);
    await fixture.whenStable();
    expect(byTestId('import-progress')?.getAttribute('aria-valuenow')).toBe(
      '0',
    );

    // one long poll at a time: still running after the wait, with its progress
    http
      .expectOne(
        (request) =>
          request.url === '/api/v1/imports/job-1' &&
          request.params.get('wait') === String(IMPORT_WAIT_MS),
      )
      .flush({ ...baseJob, processedRows: 2 });
    await fixture.whenStable();
    expect(byTestId('import-progress')?.getAttribute('aria-valuenow')).toBe(
      '67',
    );
    http.expectOne('/api/v1/imports/job-1?wait=' + IMPORT_WAIT_MS).flush({
      ...baseJob,
      status: 'succeeded',
      processedRows: 3,
      summary: {
        rows: 3,
        created: 1,
        updated: 1,
        unchanged: 0,
        separated: 1,
        separatedEmployeeNumbers: ['E009'],
      },
    });
    await fixture.whenStable();

    expect(byTestId('import-progress')?.getAttribute('aria-valuenow')).toBe(
      '100',
    );
    expect(byTestId('import-summary')?.textContent).toContain('3');
    expect(byTestId('import-separated')?.textContent).toContain('E009');

    byTestId<HTMLButtonElement>('import-commit')?.click();
    await fixture.whenStable();
    const commit = http.expectOne('/api/v1/imports/roster');
    expect((commit.request.body as FormData).get('dryRun')).toBe('false');
    commit.flush({ ...baseJob, dryRun: false, status: 'succeeded' });
  });

  it('shows a whole-file problem from the API in the current language', async () => {
    await chooseFileAndSubmit();
    http.expectOne('/api/v1/imports/roster').flush(
      {
        statusCode: 415,
        code: 'IMPORT_NOT_XLSX',
        message: {
          ja: 'xlsx ファイルではありません',
          en: 'Not an xlsx file',
        },
      },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
    await fixture.whenStable();

    expect(byTestId('import-error')?.textContent).toContain(
      'xlsx ファイルではありません',
    );
  });

  it('asks for a file before sending anything', async () => {
    byTestId<HTMLButtonElement>('import-submit')?.click();
    await fixture.whenStable();

    http.expectNone('/api/v1/imports/roster');
    expect(host.querySelector('[role="alert"]')?.textContent).toContain(
      'ファイルを選択してください',
    );
  });

  it('saves an aggregate figure for the chosen fiscal year', async () => {
    const row = host.querySelector(
      '[data-testid=figure-applicants_female]',
    ) as HTMLElement;
    const input = row.querySelector('input[type=number]') as HTMLInputElement;
    input.value = '412';
    input.dispatchEvent(new Event('input'));
    (row.querySelector('button') as HTMLButtonElement).click();
    const request = http.expectOne(
      (r) => r.method === 'PUT' && r.url.endsWith('/aggregate-figures'),
    );
    expect(request.request.body).toMatchObject({
      code: 'applicants_female',
      value: 412,
      orgUnitCode: null,
      note: null,
    });
    request.flush(request.request.body);
    await fixture.whenStable();
    expect(row.textContent).toContain('保存しました');
  });
});
