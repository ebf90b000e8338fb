import { WORKFORCE_KPI_CODES } from '@ikuboard/shared/contracts';

import type { KpiDataset, KpiScope } from './dataset';
import { FIXTURE_STAGES, FIXTURE_UNITS } from './kpi-dataset.fixture';
import { computeWorkforceKpis } from './workforce';
import { explainWorkforceKpi } from './workforce-explanation';

const PERMANENT: KpiScope = { unitId: null, categories: ['permanent'] };

const dataset: KpiDataset = {
  units: FIXTURE_UNITS,
  stages: FIXTURE_STAGES,
  employees: [
    {
      id: 'f1',
      gender: 'female',
      hireDate: '2024-06-01',
      separationDate: null,
      isRehire: false,
      isMidcareer: true,
    },
    {
      id: 'm1',
      gender: 'male',
      hireDate: '2010-04-01',
      separationDate: '2024-12-31',
      isRehire: false,
      isMidcareer: false,
    },
    {
      id: 'f2',
      gender: 'female',
      hireDate: '2000-04-01',
      separationDate: null,
      isRehire: false,
      isMidcareer: false,
    },
  ],
  assignments: ['f1', 'm1', 'f2'].map((employeeId) => ({
    employeeId,
    validFrom: employeeId === 'f1' ? '2024-06-01' : '2000-04-01',
    validTo: null,
    orgUnitId: 'general',
    stageId: 'ippan',
    category: 'permanent' as const,
  })),
  children: [],
  leaves: [
    {
      employeeId: 'f2',
      type: 'annual',
      startDate: '2024-05-01',
      endDate: '2024-05-01',
      days: 0.5,
      childId: null,
    },
  ],
  overtime: [
    { employeeId: 'm1', month: '2024-04', hours: 50 },
    { employeeId: 'f2', month: '2024-05', hours: 12.5 },
  ],
  pay: [
    { employeeId: 'f1', fiscalYear: 2024, amount: 3_000_000 },
    { employeeId: 'm1', fiscalYear: 2024, amount: 6_000_000 },
    { employeeId: 'f2', fiscalYear: 2024, amount: 5_000_000 },
  ],
};

describe('explainWorkforceKpi: the people behind each figure', () => {
  const values = computeWorkforceKpis(dataset, 2024, PERMANENT).filter(
    (value) => !value.dimensions,
  );

  it.each(WORKFORCE_KPI_CODES.map((code) => [code]))(
    '%s: the people (and their amounts) add up to the headline figure',
    (code) => {
      const value = values.find((v) => v.code === code)!;
      const explanation = explainWorkforceKpi(dataset, code, 2024, PERMANENT);
      expect(explanation).toMatchObject({ code, fiscalYear: 2024 });
      const amounts = (entries: typeof explanation.numerator) =>
        entries.reduce((sum, e) => sum + (e.amount ?? 1), 0);
      if (value.measure === 'count') {
        expect(explanation.numerator).toHaveLength(value.numerator);
        expect(explanation.denominator).toEqual([]);
      } else if (code.startsWith('pay_gap')) {
        const mean = (entries: typeof explanation.numerator) =>
          entries.length === 0 ? 0 : amounts(entries) / entries.length;
        expect(mean(explanation.numerator)).toBeCloseTo(value.numerator, 6);
        expect(mean(explanation.denominator)).toBeCloseTo(
          value.denominator ?? 0,
          6,
        );
      } else if (value.measure === 'percent') {
        expect(explanation.numerator).toHaveLength(value.numerator);
        expect(explanation.denominator).toHaveLength(value.denominator ?? 0);
      } else if (code === 'overtime_monthly_avg') {
        expect(amounts(explanation.numerator)).toBeCloseTo(value.numerator, 6);
        expect(amounts(explanation.denominator)).toBe(value.denominator);
      } else {
        expect(amounts(explanation.numerator)).toBeCloseTo(value.numerator, 6);
        expect(explanation.denominator).toHaveLength(value.denominator ?? 0);
      }
      for (const entry of [
        ...explanation.numerator,
        ...explanation.denominator,
      ]) {
        expect(entry.reason.ja.length).toBeGreaterThan(0);
        expect(entry.reason.en.length).toBeGreaterThan(0);
      }
    },
  );

  it('names the hire with the category at hire, in Japanese and English', () => {
    const explanation = explainWorkforceKpi(
      dataset,
      'female_hire_ratio',
      2024,
      PERMANENT,
    );
    expect(explanation.numerator).toEqual([
      {
        employeeId: 'f1',
        reason: {
          ja: '2024-06-01 採用（女性・中途採用、採用時の区分 permanent）',
          en: 'hired on 2024-06-01 (woman, mid-career, category at hire permanent)',
        },
      },
    ]);
  });
});
