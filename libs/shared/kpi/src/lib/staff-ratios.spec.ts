import fc from 'fast-check';

import type {
  EmploymentCategory,
  Gender,
  KpiValueDto,
} from '@ikuboard/shared/contracts';
import { STAFF_RATIO_KPI_CODES } from '@ikuboard/shared/contracts';

import type { KpiAssignment } from './dataset';
import type { FixturePerson } from './kpi-dataset.fixture';
import {
  FIXTURE_STAGES,
  FIXTURE_UNITS,
  fixtureDataset,
} from './kpi-dataset.fixture';
import {
  computeStaffRatioKpis,
  femaleManagerRatio,
  femaleStaffRatio,
} from './staff-ratios';

const WHOLE_CITY = { unitId: null, categories: ['permanent'] } as const;

function byCode(values: KpiValueDto[]): Record<string, KpiValueDto> {
  return Object.fromEntries(values.map((value) => [value.code, value]));
}

describe('staff-ratio KPIs (as of FY-04-01)', () => {
  const people: FixturePerson[] = [
    { id: 'bucho-f', gender: 'female', unit: 'mayor', stage: 'bucho' },
    { id: 'kacho-m1', gender: 'male', unit: 'general', stage: 'kacho' },
    { id: 'kacho-m2', gender: 'male', unit: 'welfare', stage: 'kacho' },
    { id: 'kacho-u', gender: 'unspecified', unit: 'welfare', stage: 'kacho' },
    { id: 'hosa-f', gender: 'female', unit: 'general', stage: 'hosa' },
    { id: 'kakaricho-m', gender: 'male', unit: 'welfare', stage: 'kakaricho' },
    { id: 'ippan-f1', gender: 'female', unit: 'general', stage: 'ippan' },
    { id: 'ippan-f2', gender: 'female', unit: 'board', stage: 'ippan' },
    { id: 'ippan-m', gender: 'male', unit: 'board', stage: 'ippan' },
    {
      id: 'part-f',
      gender: 'female',
      unit: 'general',
      stage: 'ippan',
      category: 'annual_part',
    },
  ];
  const kpis = byCode(
    computeStaffRatioKpis(fixtureDataset(people), 2025, WHOLE_CITY),
  );

  it('returns the seven codes in STAFF_RATIO_KPI_CODES order as percent measures of the fiscal year', () => {
    const values = computeStaffRatioKpis(
      fixtureDataset(people),
      2025,
      WHOLE_CITY,
    );
    expect(values.map((value) => value.code)).toEqual([
      ...STAFF_RATIO_KPI_CODES,
    ]);
    expect(
      values.every(
        (value) => value.measure === 'percent' && value.fiscalYear === 2025,
      ),
    ).toBe(true);
  });

  it('counts women among all permanent staff, the annual part-timer left out', () => {
    // women: bucho-f, hosa-f, ippan-f1, ippan-f2 = 4; everyone permanent = 9 → 4 / 9 × 100 = 44.44…
    expect(kpis['female_staff_ratio']).toMatchObject({
      numerator: 4,
      denominator: 9,
    });
    expect(kpis['female_staff_ratio'].value).toBeCloseTo(44.4444, 3);
  });

  it('counts unspecified gender in the denominator only', () => {
    // managers: bucho-f, kacho-m1, kacho-m2, kacho-u = 4; women 1 → 1 / 4 × 100 = 25
    expect(kpis['female_manager_ratio']).toMatchObject({
      numerator: 1,
      denominator: 4,
      value: 25,
    });
    // section chiefs: kacho-m1, kacho-m2, kacho-u = 3; women 0 → 0 %, a real zero
    expect(kpis['female_ratio_stage_section_chief']).toMatchObject({
      numerator: 0,
      denominator: 3,
      value: 0,
    });
  });

  it('counts deputy and subsection chiefs as supervisors but not managers', () => {
    // supervisors: 4 managers + hosa-f + kakaricho-m = 6; women bucho-f, hosa-f = 2 → 2 / 6 × 100 = 33.33…
    expect(kpis['female_supervisor_ratio']).toMatchObject({
      numerator: 2,
      denominator: 6,
    });
    expect(kpis['female_supervisor_ratio'].value).toBeCloseTo(33.3333, 3);
    expect(kpis['female_ratio_stage_director']).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 100,
    });
    expect(kpis['female_ratio_stage_deputy_chief']).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 100,
    });
    expect(kpis['female_ratio_stage_subsection_chief']).toMatchObject({
      numerator: 0,
      denominator: 1,
      value: 0,
    });
  });

  it('gives no value (null, not 0 %) for an empty group', () => {
    const onlyStaff = fixtureDataset([
      { id: 'a', gender: 'female', unit: 'general', stage: 'ippan' },
    ]);
    expect(femaleManagerRatio(onlyStaff, 2025, WHOLE_CITY)).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
  });

  it('excludes a sibling unit from a subtree scope', () => {
    // general: kacho-m1, hosa-f, ippan-f1 (part-f is not permanent) → 2 / 3
    expect(
      femaleStaffRatio(fixtureDataset(people), 2025, {
        unitId: 'general',
        categories: ['permanent'],
      }),
    ).toMatchObject({
      numerator: 2,
      denominator: 3,
    });
    // mayor = mayor + general + welfare: 9 permanent minus the board's 2 = 7; women bucho-f, hosa-f, ippan-f1 = 3
    expect(
      femaleStaffRatio(fixtureDataset(people), 2025, {
        unitId: 'mayor',
        categories: ['permanent'],
      }),
    ).toMatchObject({
      numerator: 3,
      denominator: 7,
    });
  });

  it('honours a category filter', () => {
    // permanent 9 (4 women) + annual_part 1 (1 woman) → 5 / 10 = 50 %
    const scope = {
      unitId: null,
      categories: ['permanent', 'annual_part'] as EmploymentCategory[],
    };
    expect(femaleStaffRatio(fixtureDataset(people), 2025, scope)).toMatchObject(
      { numerator: 5, denominator: 10, value: 50 },
    );
  });

  it('snapshots on April 1: a promotion effective that day counts, a hire that day counts, a separation the day before does not', () => {
    const dataset = fixtureDataset([
      {
        id: 'promoted',
        gender: 'female',
        unit: 'general',
        stage: 'kacho',
        hireDate: '2025-04-01',
      },
      {
        id: 'new-hire',
        gender: 'female',
        unit: 'general',
        stage: 'ippan',
        hireDate: '2025-04-01',
      },
      {
        id: 'retired',
        gender: 'male',
        unit: 'general',
        stage: 'kacho',
        separationDate: '2025-03-31',
      },
      {
        id: 'leaves-on-apr-1',
        gender: 'male',
        unit: 'general',
        stage: 'kacho',
        separationDate: '2025-04-01',
      },
    ]);
    // "promoted" held a staff post until the day before: give her an earlier assignment ending on 04-01.
    dataset.employees[0].hireDate = '2015-04-01';
    dataset.assignments[0].validFrom = '2025-04-01';
    const before: KpiAssignment = {
      employeeId: 'promoted',
      validFrom: '2015-04-01',
      validTo: '2025-04-01',
      orgUnitId: 'general',
      stageId: 'kakaricho',
      category: 'permanent',
    };
    dataset.assignments.push(before);
    // FY2025 managers: promoted (f), leaves-on-apr-1 (m) → 1 / 2 = 50 %; staff: + new-hire → 2 / 3
    const fy2025 = byCode(computeStaffRatioKpis(dataset, 2025, WHOLE_CITY));
    expect(fy2025['female_manager_ratio']).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
    expect(fy2025['female_staff_ratio']).toMatchObject({
      numerator: 2,
      denominator: 3,
    });
    // FY2024 (2024-04-01): promoted was a 係長 then; managers retired + leaves-on-apr-1 → 0 / 2
    const fy2024 = byCode(computeStaffRatioKpis(dataset, 2024, WHOLE_CITY));
    expect(fy2024['female_manager_ratio']).toMatchObject({
      numerator: 0,
      denominator: 2,
      value: 0,
    });
    expect(fy2024['female_ratio_stage_subsection_chief']).toMatchObject({
      numerator: 1,
      denominator: 1,
    });
  });
});

describe('staff-ratio KPI properties', () => {
  const genderArb = fc.constantFrom<Gender>('female', 'male', 'unspecified');
  const personArb = fc.record({
    gender: genderArb,
    unit: fc.constantFrom(...FIXTURE_UNITS.map((unit) => unit.id)),
    stage: fc.constantFrom(...FIXTURE_STAGES.map((stage) => stage.id)),
    category: fc.constantFrom<EmploymentCategory>(
      'permanent',
      'permanent',
      'annual_part',
      'reappointed',
    ),
    hireDate: fc.constantFrom('2000-04-01', '2025-04-01', '2025-04-02'),
    separationDate: fc.constantFrom<string | null>(
      null,
      null,
      '2025-03-31',
      '2025-04-01',
    ),
  });
  const peopleArb = fc
    .array(personArb, { maxLength: 40 })
    .map((rows) =>
      rows.map((row, index): FixturePerson => ({ id: `e${index}`, ...row })),
    );

  it('never has a numerator above its denominator, and null exactly when the denominator is 0', () => {
    fc.assert(
      fc.property(peopleArb, (people) => {
        for (const kpi of computeStaffRatioKpis(
          fixtureDataset(people),
          2025,
          WHOLE_CITY,
        )) {
          expect(kpi.numerator).toBeLessThanOrEqual(kpi.denominator as number);
          expect(kpi.value === null).toBe(kpi.denominator === 0);
        }
      }),
    );
  });

  it('makes the whole city the headcount-weighted sum of its employer units', () => {
    fc.assert(
      fc.property(peopleArb, (people) => {
        const dataset = fixtureDataset(people);
        const whole = femaleStaffRatio(dataset, 2025, WHOLE_CITY);
        const parts = FIXTURE_UNITS.filter((unit) => unit.isEmployerUnit).map(
          (unit) =>
            femaleStaffRatio(dataset, 2025, {
              unitId: unit.id,
              categories: ['permanent'],
            }),
        );
        const numerator = parts.reduce((sum, part) => sum + part.numerator, 0);
        const denominator = parts.reduce(
          (sum, part) => sum + (part.denominator as number),
          0,
        );
        expect(whole.numerator).toBe(numerator);
        expect(whole.denominator).toBe(denominator);
        const weighted = parts.reduce(
          (sum, part) => sum + (part.value ?? 0) * (part.denominator as number),
          0,
        );
        if (denominator > 0) {
          expect(whole.value).toBeCloseTo(weighted / denominator, 9);
        }
      }),
    );
  });
});
