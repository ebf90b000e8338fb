import type {
  CommitteeSnapshotDto,
  KpiValueDto,
} from '@ikuboard/shared/contracts';

import { checkPublication, defaultPublishedItems } from './publication-check';

const value = (
  code: string,
  fiscalYear: number,
  figure: number | null,
  dimensions?: Record<string, string>,
): KpiValueDto =>
  ({
    code,
    fiscalYear,
    measure: 'percent',
    numerator: 1,
    denominator: figure === null ? 0 : 4,
    value: figure,
    ...(dimensions ? { dimensions } : {}),
  }) as KpiValueDto;

const snapshot = (organization: KpiValueDto[]): CommitteeSnapshotDto => ({
  fiscalYear: 2025,
  takenAt: '2026-06-01T00:00:00.000Z',
  groups: [],
  organization,
  employerUnits: [],
  targets: [],
});

describe('the publication rule (内閣府令 第6条)', () => {
  const figures = snapshot([
    value('female_manager_ratio', 2025, 25),
    value('childcare_leave_rate_male', 2025, 50),
    value('pay_gap_permanent', 2025, 80),
    value('pay_gap_other', 2025, null),
    value('overtime_monthly_avg', 2024, 10),
    value('annual_leave_avg_days', 2025, 12, { bucket: '10-14' }),
  ]);

  it('passes with one item of ①, one of ② and the pay gap, each with a figure of the review year', () => {
    expect(
      checkPublication(figures, [
        'female_manager_ratio',
        'childcare_leave_rate_male',
        'pay_gap_permanent',
      ]).passed,
    ).toBe(true);
  });

  it('fails for each missing group, and counts neither an empty figure, another year nor a breakdown row', () => {
    const result = checkPublication(figures, [
      'female_manager_ratio',
      'pay_gap_other',
      'overtime_monthly_avg',
      'annual_leave_avg_days',
    ]);
    expect(result).toEqual({
      passed: false,
      items: [
        { group: 'opportunity', passed: true, codes: ['female_manager_ratio'] },
        { group: 'balance', passed: false, codes: [] },
        { group: 'pay_gap', passed: false, codes: [] },
      ],
    });
  });

  it('KPIs outside the rule (Ikuboss, 360) never satisfy a group', () => {
    const extra = snapshot([value('ikuboss_declaration_coverage', 2025, 90)]);
    expect(
      checkPublication(extra, ['ikuboss_declaration_coverage']).passed,
    ).toBe(false);
  });

  it('proposes every headline with a figure of the review year', () => {
    expect(defaultPublishedItems(figures).sort()).toEqual([
      'childcare_leave_rate_male',
      'female_manager_ratio',
      'pay_gap_permanent',
    ]);
  });
});
