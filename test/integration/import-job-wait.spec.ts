import { randomUUID } from 'node:crypto';

import type { ApiErrorDto, ImportJobDto } from '@ikuboard/shared/contracts';

import type { ApiClient } from '../support/api-client';
import { closeTestDatabase, testDatabase } from '../support/database';
import { createTenant, type Tenant } from '../support/tenant';
import { UNIT_HEADER, workbook } from '../support/xlsx';

/**
 * GET /api/v1/imports/:id?wait=ms, the long poll: a running job is answered when it finishes or
 * when the wait is over. The import is held at its organization lock (the advisory lock every
 * import transaction takes first) by a transaction of the test, so "still running" is a fact of
 * the test, not a race with the import.
 */
describe('import job status with ?wait= (long poll)', () => {
  let tenant: Tenant;
  let hr: ApiClient;
  let file: Buffer;

  beforeAll(async () => {
    tenant = await createTenant('wait');
    hr = await tenant.login('hr');
    file = await workbook('所属', UNIT_HEADER, [
      ['W1', '待機課', null, 'はい'],
    ]);
  });

  afterAll(async () => {
    await closeTestDatabase();
  });

  /** Runs `body` while a transaction of the test holds the tenant's import lock. */
  async function withImportsHeld(
    body: (release: () => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const holder = await testDatabase().connect();
    let held = true;
    const release = async () => {
      if (!held) return;
      held = false;
      await holder.query('COMMIT');
    };
    try {
      await holder.query('BEGIN');
      await holder.query(
        `SELECT pg_advisory_xact_lock(hashtextextended($1, 42))`,
        [tenant.organizationId],
      );
      await body(release);
    } finally {
      await release();
      holder.release();
    }
  }

  async function upload(): Promise<ImportJobDto> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'units.xlsx');
    form.append('dryRun', 'true');
    const started = await hr.post<ImportJobDto>('/api/v1/imports/units', form);
    expect(started.status).toBe(202);
    return started.body;
  }

  it('answers a running job when it finishes, in the same request', async () => {
    await withImportsHeld(async (release) => {
      const job = await upload();
      expect(job.status).toBe('running');
      // Without a wait, and with a wait that ends first, the job is still running.
      expect(
        (await hr.get<ImportJobDto>(`/api/v1/imports/${job.id}`)).body.status,
      ).toBe('running');
      expect(
        (await hr.get<ImportJobDto>(`/api/v1/imports/${job.id}?wait=300`)).body
          .status,
      ).toBe('running');
      // A long wait is answered by the job's end: the lock is released while the request waits.
      const waited = hr.get<ImportJobDto>(
        `/api/v1/imports/${job.id}?wait=20000`,
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      await release();
      const done = await waited;
      expect(done.status).toBe(200);
      expect(done.body.status).toBe('succeeded');
      expect(done.body.summary).toMatchObject({ rows: 1 });
      expect(done.body.finishedAt).not.toBeNull();
    });
  });

  it('re-reads a job another API instance runs until it changes', async () => {
    // A job whose runner is not this process (another instance behind the same database).
    const id = randomUUID();
    const db = testDatabase();
    const [{ account_id: accountId }] = (
      await db.query(
        `SELECT id AS account_id FROM account WHERE organization_id = $1 AND username = $2`,
        [tenant.organizationId, tenant.usernames.hr],
      )
    ).rows;
    await db.query(
      `INSERT INTO import_job (id, organization_id, account_id, kind, file_name, dry_run, status,
                               processed_rows, error_count, errors, runner)
       VALUES ($1, $2, $3, 'units', 'elsewhere.xlsx', true, 'running', 0, 0, '[]', $4)`,
      [id, tenant.organizationId, accountId, randomUUID()],
    );
    const waited = hr.get<ImportJobDto>(`/api/v1/imports/${id}?wait=20000`);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await db.query(
      `UPDATE import_job SET status = 'succeeded', processed_rows = 7, total_rows = 7, finished_at = now()
        WHERE id = $1`,
      [id],
    );
    const done = await waited;
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({
      id,
      status: 'succeeded',
      processedRows: 7,
    });
  });

  it("refuses another organization's job as not found, however long the wait", async () => {
    const other = await createTenant('wait-other');
    const otherHr = await other.login('hr');
    await withImportsHeld(async () => {
      const job = await upload();
      const response = await otherHr.get<ApiErrorDto>(
        `/api/v1/imports/${job.id}?wait=20000`,
      );
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('NOT_FOUND');
      // (the held job is still running when the refusal comes back)
      expect(
        (await hr.get<ImportJobDto>(`/api/v1/imports/${job.id}`)).body.status,
      ).toBe('running');
    });
  });

  it.each(['-1', '20001', '1.5', 'soon'])(
    'refuses wait=%s with a message in Japanese and English',
    async (wait) => {
      const response = await hr.get<ApiErrorDto>(
        `/api/v1/imports/${randomUUID()}?wait=${wait}`,
      );
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.message.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(response.body.message.en).toMatch(/[A-Za-z]/);
    },
  );
});
