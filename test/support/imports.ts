import type { ImportJobDto } from '@ikuboard/shared/contracts';

import type { ApiClient } from './api-client';
import { workbook, type CellInput } from './xlsx';

/** Imports one sheet and expects the job to succeed with no errors; returns the job. */
export async function importSucceeded(
  client: ApiClient,
  kind: Parameters<ApiClient['import']>[0],
  sheet: string,
  headers: readonly string[],
  rows: CellInput[][],
  options: Parameters<ApiClient['import']>[2] = {},
): Promise<ImportJobDto> {
  const job = (
    await client.import(
      kind,
      await workbook(sheet, [...headers], rows),
      options,
    )
  ).body as ImportJobDto;
  expect([job.status, job.errors, job.failure]).toEqual([
    'succeeded',
    [],
    null,
  ]);
  return job;
}
