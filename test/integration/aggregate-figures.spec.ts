import type {
  AggregateFigureDto,
  ApiErrorDto,
} from '@ikuboard/shared/contracts';

import { closeTestDatabase } from '../support/database';
import { createTenant } from '../support/tenant';

describe('aggregate figures entered by HR', () => {
  afterAll(closeTestDatabase);

  it('HR enters and corrects a figure; it is read back per fiscal year; another organization sees nothing', async () => {
    const tenant = await createTenant('fig');
    const hr = await tenant.login('hr');
    const figure: AggregateFigureDto = {
      fiscalYear: 2025,
      code: 'applicants_female',
      orgUnitCode: null,
      value: 412,
      note: ' 上級・初級試験の合計 ',
    };
    expect(
      (await hr.request('PUT', '/api/v1/aggregate-figures', figure)).status,
    ).toBe(200);
    expect(
      (
        await hr.request('PUT', '/api/v1/aggregate-figures', {
          ...figure,
          value: 415,
        })
      ).status,
    ).toBe(200);
    const listed = (
      await hr.get<AggregateFigureDto[]>('/api/v1/aggregate-figures?fy=2025')
    ).body;
    expect(listed).toEqual([
      {
        fiscalYear: 2025,
        code: 'applicants_female',
        orgUnitCode: null,
        value: 415,
        note: '上級・初級試験の合計',
      },
    ]);
    expect(
      (await hr.get<AggregateFigureDto[]>('/api/v1/aggregate-figures?fy=2024'))
        .body,
    ).toEqual([]);

    const other = await (await createTenant('fig-other')).login('hr');
    expect(
      (
        await other.get<AggregateFigureDto[]>(
          '/api/v1/aggregate-figures?fy=2025',
        )
      ).body,
    ).toEqual([]);

    expect(
      (
        await hr.request(
          'DELETE',
          '/api/v1/aggregate-figures?fy=2025&code=applicants_female',
        )
      ).status,
    ).toBe(204);
    expect(
      (await hr.get<AggregateFigureDto[]>('/api/v1/aggregate-figures?fy=2025'))
        .body,
    ).toEqual([]);
  });

  it('bad figures are refused in both languages; staff and committee may read but not write', async () => {
    const tenant = await createTenant('fig-bad');
    const hr = await tenant.login('hr');
    for (const change of [
      { value: -1 },
      { value: 1.234 },
      { code: 'salary' },
      { fiscalYear: 1900 },
      { orgUnitCode: 'NOPE' },
    ]) {
      const response = await hr.request<ApiErrorDto>(
        'PUT',
        '/api/v1/aggregate-figures',
        {
          fiscalYear: 2025,
          code: 'dispatched_workers_male',
          orgUnitCode: null,
          value: 3,
          note: null,
          ...change,
        },
      );
      expect([400, 404]).toContain(response.status);
      expect(response.body.message.ja.length).toBeGreaterThan(0);
      expect(response.body.message.en.length).toBeGreaterThan(0);
    }
    for (const role of ['staff', 'committee'] as const) {
      const client = await tenant.login(role);
      expect(
        (await client.get('/api/v1/aggregate-figures?fy=2025')).status,
      ).toBe(200);
      expect(
        (
          await client.request('PUT', '/api/v1/aggregate-figures', {
            fiscalYear: 2025,
            code: 'applicants_male',
            orgUnitCode: null,
            value: 1,
            note: null,
          })
        ).status,
      ).toBe(403);
    }
  });
});
