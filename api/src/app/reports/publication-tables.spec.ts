import type { TargetProgressDto } from '@ikuboard/shared/contracts';

import { mierukaCsv } from './publication-tables';

const progress = (
  actions: string[],
  actual: number | null,
): TargetProgressDto =>
  ({
    fiscalYear: 2025,
    actual,
    trajectory: 15,
    status: 'on_track',
    measure: 'percent',
    gap: null,
    series: [],
    target: {
      id: '00000000-0000-0000-0000-000000000001',
      planId: '00000000-0000-0000-0000-000000000002',
      planName: '第5期',
      kpiCode: 'female_manager_ratio',
      orgUnitCode: null,
      targetValue: 20,
      targetFiscalYear: 2029,
      direction: 'gte',
      baselineValue: 12.34,
      baselineFiscalYear: 2024,
      actions,
    },
  }) as TargetProgressDto;

describe('the 見える化 CSV', () => {
  it('starts with a BOM, ends lines with CRLF, rounds to 0.1 and quotes what needs quoting', () => {
    const csv = mierukaCsv(
      [progress(['研修を行う, 毎年', '@SUM(A1)'], 16.25)],
      2025,
    );
    expect(
      csv.startsWith(
        '\uFEFF目標項目,数値目標,時期,最新値,時期,目標設定時最新値,時期,取組内容1,取組内容2\r\n',
      ),
    ).toBe(true);
    expect(csv.split('\r\n')[1]).toBe(
      '管理職(課長級以上)に占める女性の割合,20%以上,令和11年度,16.3%,令和7年度,12.3%,令和6年度,"研修を行う, 毎年",\'@SUM(A1)',
    );
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('leaves the latest value and its period empty without data', () => {
    expect(mierukaCsv([progress([], null)], 2025).split('\r\n')[1]).toBe(
      '管理職(課長級以上)に占める女性の割合,20%以上,令和11年度,,,12.3%,令和6年度,,',
    );
  });
});
