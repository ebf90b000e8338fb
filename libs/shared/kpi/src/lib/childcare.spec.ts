import type { KpiValueDto, LeaveType } from '@ikuboard/shared/contracts';
import { CHILDCARE_KPI_CODES } from '@ikuboard/shared/contracts';

import {
  computeChildcareKpis,
  durationBucketIndex,
  explainChildcareKpi,
} from './childcare';
import type { KpiChild, KpiDataset, KpiLeave, KpiScope } from './dataset';
import type { FixturePerson } from './kpi-dataset.fixture';
import { fixtureDataset } from './kpi-dataset.fixture';

const WHOLE_CITY: KpiScope = { unitId: null, categories: ['permanent'] };

/**
 * FY2024 = 2024-04-01 … 2025-03-31. Everyone is permanent staff in `general` (under `mayor`)
 * hired 2010-04-01 unless stated. Children and leaves per person:
 *
 *   m-early      c1 born 2024-04-01 (first day of FY2024); 出生時育休 04-01 10 d, then 育休 06-01 5 d
 *                (a second episode, same child); 配偶者出産休暇 2024-03-29 2 d (before the birth, in
 *                FY2023), 育児参加 04-15 3 d
 *   m-march      c2 born 2024-03-31 (last day of FY2023); 育休 2024-04-02 30 d
 *   m-next       c3 born 2025-03-20; 育休 2025-04-05 20 d (next FY); 配偶者出産休暇 2025-03-20 2 d
 *   m-twins      c4a, c4b born 2024-08-10; 出生時育休 c4a 08-10 5 d, 育休 c4b 09-01 3 d; 育児参加 c4a 5 d
 *   m-two-kids   c5a born 2024-05-01, c5b born 2025-02-01; 育休 c5a 05-10 7 d, 育休 c5b 02-10 14 d
 *   m-transfer   general → board on 2024-07-01; c6 born 2024-06-01; 育休 07-15 10 d
 *   m-separated  last day 2024-10-14; c7 born 2024-09-01; 育休 recorded from 10-15 10 d
 *   m-none       c8 born 2024-11-11; no leave
 *   m-part       会計年度任用(パート); c9 born 2024-06-06; 育休 07-01 20 d
 *   u-parent     gender unspecified; c10 born 2024-05-05; 育休 06-01 30 d
 *   m-again      c11 born 2023-10-01; 育休 2023-10-05 5 d (FY2023), again 2024-05-01 20 d (再度)
 *   m-birthonly  c12 born 2024-12-01; 出生時育休 only, 12-01 14 d
 *   m-spouse     c13 born 2024-07-07; 配偶者出産休暇 2 d, 育児参加 2 d
 *   f-june       c14 born 2024-06-10 → postnatal leave ends 2024-08-05; 育休 08-05 300 d
 *   f-feb        c15 born 2025-02-10 → ends 2025-04-07 (FY2025); 育休 2025-04-07 365 d
 *   f-jan        c16 born 2024-02-15 → ends 2024-04-11 (FY2024); 育休 2024-04-11 400 d
 *   f-hired      hired 2024-05-01, after c17's birth 2024-04-20; 育休 06-15 200 d
 */
const PEOPLE: FixturePerson[] = [
  ...[
    'm-early',
    'm-march',
    'm-next',
    'm-twins',
    'm-two-kids',
    'm-transfer',
    'm-none',
    'm-again',
    'm-birthonly',
    'm-spouse',
  ].map(
    (id): FixturePerson => ({
      id,
      gender: 'male',
      unit: 'general',
      stage: 'ippan',
    }),
  ),
  {
    id: 'm-separated',
    gender: 'male',
    unit: 'general',
    stage: 'ippan',
    separationDate: '2024-10-14',
  },
  {
    id: 'm-part',
    gender: 'male',
    unit: 'general',
    stage: 'ippan',
    category: 'annual_part',
  },
  { id: 'u-parent', gender: 'unspecified', unit: 'general', stage: 'ippan' },
  ...['f-june', 'f-feb', 'f-jan'].map(
    (id): FixturePerson => ({
      id,
      gender: 'female',
      unit: 'welfare',
      stage: 'ippan',
    }),
  ),
  {
    id: 'f-hired',
    gender: 'female',
    unit: 'welfare',
    stage: 'ippan',
    hireDate: '2024-05-01',
  },
];

const CHILDREN: [id: string, employeeId: string, birthDate: string][] = [
  ['c1', 'm-early', '2024-04-01'],
  ['c2', 'm-march', '2024-03-31'],
  ['c3', 'm-next', '2025-03-20'],
  ['c4a', 'm-twins', '2024-08-10'],
  ['c4b', 'm-twins', '2024-08-10'],
  ['c5a', 'm-two-kids', '2024-05-01'],
  ['c5b', 'm-two-kids', '2025-02-01'],
  ['c6', 'm-transfer', '2024-06-01'],
  ['c7', 'm-separated', '2024-09-01'],
  ['c8', 'm-none', '2024-11-11'],
  ['c9', 'm-part', '2024-06-06'],
  ['c10', 'u-parent', '2024-05-05'],
  ['c11', 'm-again', '2023-10-01'],
  ['c12', 'm-birthonly', '2024-12-01'],
  ['c13', 'm-spouse', '2024-07-07'],
  ['c14', 'f-june', '2024-06-10'],
  ['c15', 'f-feb', '2025-02-10'],
  ['c16', 'f-jan', '2024-02-15'],
  ['c17', 'f-hired', '2024-04-20'],
];

const LEAVES: [
  employeeId: string,
  childId: string,
  type: LeaveType,
  startDate: string,
  days: number,
][] = [
  ['m-early', 'c1', 'birth_childcare', '2024-04-01', 10],
  ['m-early', 'c1', 'childcare', '2024-06-01', 5],
  ['m-early', 'c1', 'spouse_birth', '2024-03-29', 2],
  ['m-early', 'c1', 'childcare_participation', '2024-04-15', 3],
  ['m-march', 'c2', 'childcare', '2024-04-02', 30],
  ['m-next', 'c3', 'childcare', '2025-04-05', 20],
  ['m-next', 'c3', 'spouse_birth', '2025-03-20', 2],
  ['m-twins', 'c4a', 'birth_childcare', '2024-08-10', 5],
  ['m-twins', 'c4b', 'childcare', '2024-09-01', 3],
  ['m-twins', 'c4a', 'childcare_participation', '2024-08-20', 5],
  ['m-two-kids', 'c5a', 'childcare', '2024-05-10', 7],
  ['m-two-kids', 'c5b', 'childcare', '2025-02-10', 14],
  ['m-transfer', 'c6', 'childcare', '2024-07-15', 10],
  ['m-separated', 'c7', 'childcare', '2024-10-15', 10],
  ['m-part', 'c9', 'childcare', '2024-07-01', 20],
  ['u-parent', 'c10', 'childcare', '2024-06-01', 30],
  ['m-again', 'c11', 'childcare', '2023-10-05', 5],
  ['m-again', 'c11', 'childcare', '2024-05-01', 20],
  ['m-birthonly', 'c12', 'birth_childcare', '2024-12-01', 14],
  ['m-spouse', 'c13', 'spouse_birth', '2024-07-07', 2],
  ['m-spouse', 'c13', 'childcare_participation', '2024-07-20', 2],
  ['f-june', 'c14', 'childcare', '2024-08-05', 300],
  ['f-feb', 'c15', 'childcare', '2025-04-07', 365],
  ['f-jan', 'c16', 'childcare', '2024-04-11', 400],
  ['f-hired', 'c17', 'childcare', '2024-06-15', 200],
];

function childcareDataset(): KpiDataset {
  const base = fixtureDataset(PEOPLE);
  const assignments = base.assignments.map((assignment) =>
    assignment.employeeId === 'm-transfer'
      ? { ...assignment, validTo: '2024-07-01' }
      : assignment,
  );
  const transferred = assignments.find((a) => a.employeeId === 'm-transfer');
  const children: KpiChild[] = CHILDREN.map(([id, employeeId, birthDate]) => ({
    id,
    employeeId,
    birthDate,
  }));
  const leaves: KpiLeave[] = LEAVES.map(
    ([employeeId, childId, type, startDate, days]) => ({
      employeeId,
      childId,
      type,
      startDate,
      // Calendar days, as the import defaults them; the KPIs only read `days`.
      endDate: new Date(
        Date.parse(startDate) + (Math.ceil(days) - 1) * 86_400_000,
      )
        .toISOString()
        .slice(0, 10),
      days,
    }),
  );
  return {
    ...base,
    assignments: [
      ...assignments,
      {
        ...(transferred as NonNullable<typeof transferred>),
        validFrom: '2024-07-01',
        validTo: null,
        orgUnitId: 'board',
      },
    ],
    children,
    leaves,
  };
}

function headlines(values: KpiValueDto[]): Record<string, KpiValueDto> {
  return Object.fromEntries(
    values
      .filter((value) => value.dimensions === undefined)
      .map((value) => [value.code, value]),
  );
}

function durationRows(values: KpiValueDto[]): Record<string, number> {
  return Object.fromEntries(
    values
      .filter(
        (value) =>
          value.code === 'childcare_leave_duration' &&
          value.dimensions !== undefined,
      )
      .map((value) => [
        `${value.dimensions?.['gender']} ${value.dimensions?.['bucket']}`,
        value.numerator,
      ]),
  );
}

const dataset = childcareDataset();
const fy2024 = computeChildcareKpis(dataset, 2024, WHOLE_CITY);
const kpis = headlines(fy2024);

describe('childcare KPIs (DOMAIN.md §3), FY2024 of the fixture city', () => {
  it('returns every code in CHILDCARE_KPI_CODES order, the duration rows right after its headline', () => {
    const codes = fy2024.map((value) => value.code);
    expect([...new Set(codes)]).toEqual([...CHILDCARE_KPI_CODES]);
    const first = codes.indexOf('childcare_leave_duration');
    // headline + 2 genders × 8 buckets
    expect(codes.lastIndexOf('childcare_leave_duration') - first + 1).toBe(17);
    expect(fy2024[first]?.dimensions).toBeUndefined();
    expect(fy2024[first + 1]?.dimensions).toEqual({
      gender: 'female',
      bucket: 'lt14',
    });
    expect(fy2024[first + 16]?.dimensions).toEqual({
      gender: 'male',
      bucket: 'gt720',
    });
    expect(fy2024.every((value) => value.fiscalYear === 2024)).toBe(true);
  });

  it('male rate, period method: men whose first childcare leave for a child started in FY2024 ÷ men with a child born in FY2024', () => {
    // denominator: m-early (born 04-01), m-next, m-twins (twins: once), m-two-kids (two children:
    //   once), m-transfer, m-separated, m-none, m-birthonly, m-spouse = 9. Not m-march (born
    //   03-31 = FY2023), m-again (FY2023), m-part (part-time category), u-parent (unspecified).
    // numerator: m-early (出生時育休 04-01), m-march (child of FY2023, first leave 04-02),
    //   m-twins, m-two-kids, m-transfer, m-birthonly (出生時育休 only) = 6. Not m-next (leave
    //   starts in FY2025), m-separated (separated before the leave), m-again (再度: its first
    //   episode was in FY2023). 6 / 9 × 100 = 66.67
    expect(kpis['childcare_leave_rate_male']).toMatchObject({
      measure: 'percent',
      numerator: 6,
      denominator: 9,
    });
    expect(kpis['childcare_leave_rate_male']?.value).toBeCloseTo(66.6667, 3);
  });

  it('female rate: eligibility in the FY in which birth + 56 days falls, population judged at the birth, and it may exceed 100 %', () => {
    // denominator: f-june (ends 2024-08-05), f-jan (born FY2023, ends 2024-04-11) = 2. Not f-feb
    //   (ends 2025-04-07, FY2025), f-hired (not yet in service at the birth).
    // numerator: f-june, f-jan, f-hired (in service at her leave) = 3. 3 / 2 × 100 = 150
    expect(kpis['childcare_leave_rate_female']).toMatchObject({
      numerator: 3,
      denominator: 2,
      value: 150,
    });
  });

  it('出生時育児休業 (内数): of the new takers, those whose episodes for that child in the FY include a 出生時育児休業', () => {
    // new male takers (6, above): m-early (c1: 出生時育休 2024-04-01, then 育休), m-twins (c4a:
    //   出生時育休 2024-08-10), m-birthonly (c12) → 3; not m-march, m-two-kids, m-transfer (育休
    //   only). 3 / 9 × 100 = 33.33. Women: f-june, f-jan, f-hired took 育休 only → 0 / 2 = 0.
    const birth = (code: string) =>
      fy2024.find(
        (value) =>
          value.code === code &&
          value.dimensions?.['leaveType'] === 'birth_childcare',
      );
    expect(birth('childcare_leave_rate_male')).toMatchObject({
      measure: 'percent',
      numerator: 3,
      denominator: 9,
    });
    expect(birth('childcare_leave_rate_male')?.value).toBeCloseTo(33.3333, 3);
    expect(birth('childcare_leave_rate_female')).toMatchObject({
      numerator: 0,
      denominator: 2,
      value: 0,
    });
    // each follows its headline rate
    const index = fy2024.indexOf(birth('childcare_leave_rate_male')!);
    expect(fy2024[index - 1]).toBe(kpis['childcare_leave_rate_male']);
  });

  it('cohort method: of the eligible men, those who took childcare leave for that child at any time, no population check at the leave', () => {
    // m-early, m-next (leave in FY2025), m-twins, m-two-kids, m-transfer, m-separated (after his
    //   separation), m-birthonly = 7; not m-none, m-spouse. 7 / 9 × 100 = 77.78
    expect(kpis['childcare_leave_rate_male_cohort']).toMatchObject({
      numerator: 7,
      denominator: 9,
    });
    expect(kpis['childcare_leave_rate_male_cohort']?.value).toBeCloseTo(
      77.7778,
      3,
    );
  });

  it('minimum length: the days of that man’s episodes for that child starting in the FY, summed per child', () => {
    // per child in FY2024: m-early c1 10 + 5 = 15, m-march c2 30, m-twins c4a 5 / c4b 3 (not
    //   added across the twins), m-two-kids c5a 7 / c5b 14, m-transfer 10, m-birthonly 14.
    // ≥ 7: m-early, m-march, m-two-kids, m-transfer, m-birthonly = 5 → 5 / 9 = 55.56
    // ≥ 14: m-early, m-march, m-two-kids (c5b), m-birthonly = 4 → 4 / 9 = 44.44
    expect(kpis['childcare_leave_rate_male_min_7d']).toMatchObject({
      numerator: 5,
      denominator: 9,
    });
    expect(kpis['childcare_leave_rate_male_min_14d']).toMatchObject({
      numerator: 4,
      denominator: 9,
    });
    expect(kpis['childcare_leave_rate_male_min_14d']?.value).toBeCloseTo(
      44.4444,
      3,
    );
  });

  it('paternity leave (男の産休): of the eligible men, by type, either, and the two types together ≥ 5 days', () => {
    // spouse_birth: m-early (taken before the birth, in FY2023), m-next, m-spouse = 3
    // participation: m-early, m-twins, m-spouse = 3
    // either: m-early, m-next, m-twins, m-spouse = 4
    // five days: m-early 2 + 3 = 5, m-twins 0 + 5 (one type alone) = 2; m-spouse 2 + 2, m-next 2 no
    expect(kpis['paternity_leave_rate_spouse_birth']).toMatchObject({
      numerator: 3,
      denominator: 9,
    });
    expect(kpis['paternity_leave_rate_participation']).toMatchObject({
      numerator: 3,
      denominator: 9,
    });
    expect(kpis['paternity_leave_rate_either']).toMatchObject({
      numerator: 4,
      denominator: 9,
    });
    expect(kpis['paternity_leave_rate_five_days']).toMatchObject({
      numerator: 2,
      denominator: 9,
    });
    expect(kpis['paternity_leave_rate_five_days']?.value).toBeCloseTo(
      22.2222,
      3,
    );
  });

  it('duration: total days per (employee, child) of childcare episodes started in the FY, by gender and 総務省 bucket', () => {
    // male pairs: c1 15, c2 30, c4a 5, c4b 3, c5a 7, c5b 14, c6 10, c11 20 (its FY2024 episode),
    //   c12 14 → lt14: c4a c4b c5a c6 = 4; 14-30: c1 c2 c5b c11 c12 = 5. Not c3 (FY2025), c7
    //   (separated), c9 (part-time), c10 (unspecified).
    // female pairs: c14 300 → 271-360, c16 400 → 361-720, c17 200 → 181-270. Total 12.
    expect(kpis['childcare_leave_duration']).toEqual({
      code: 'childcare_leave_duration',
      fiscalYear: 2024,
      measure: 'count',
      numerator: 12,
      denominator: null,
      value: 12,
    });
    const rows = durationRows(fy2024);
    expect(rows).toMatchObject({
      'male lt14': 4,
      'male 14-30': 5,
      'male 31-90': 0,
      'female 181-270': 1,
      'female 271-360': 1,
      'female 361-720': 1,
      'female lt14': 0,
      'female gt720': 0,
    });
    const rowValues = fy2024.filter(
      (value) => value.code === 'childcare_leave_duration' && value.dimensions,
    );
    expect(rowValues.every((value) => value.value === value.numerator)).toBe(
      true,
    );
    expect(rowValues.every((value) => value.denominator === null)).toBe(true);
  });
});

describe('childcare KPIs: scopes, categories and other fiscal years', () => {
  it('transfer out of the unit between birth and leave: in the old unit’s denominator, the new unit’s numerator', () => {
    const mayor = headlines(
      computeChildcareKpis(dataset, 2024, {
        unitId: 'mayor',
        categories: ['permanent'],
      }),
    );
    // m-transfer was in `general` at the birth and in `board` at the leave: 9 eligible, 6 − 1 = 5.
    expect(mayor['childcare_leave_rate_male']).toMatchObject({
      numerator: 5,
      denominator: 9,
    });
    // The cohort method checks no population at the leave: still 7.
    expect(mayor['childcare_leave_rate_male_cohort']).toMatchObject({
      numerator: 7,
    });
    const board = computeChildcareKpis(dataset, 2024, {
      unitId: 'board',
      categories: ['permanent'],
    });
    // empty denominator → null, never 0 % (even with a numerator of 1)
    expect(headlines(board)['childcare_leave_rate_male']).toMatchObject({
      numerator: 1,
      denominator: 0,
      value: null,
    });
    expect(durationRows(board)['male lt14']).toBe(1);
  });

  it('part-time (category) staff count only when their category is in scope', () => {
    const all = headlines(
      computeChildcareKpis(dataset, 2024, {
        unitId: null,
        categories: ['permanent', 'annual_part'],
      }),
    );
    expect(all['childcare_leave_rate_male']).toMatchObject({
      numerator: 7,
      denominator: 10,
    });
  });

  it('FY2023: a birth on 03-31 belongs to it, the leave started on 04-02 does not; empty female denominator → null', () => {
    const fy2023 = headlines(computeChildcareKpis(dataset, 2023, WHOLE_CITY));
    // eligible men: m-march (03-31), m-again (2023-10-01) = 2; first leave in FY2023: m-again = 1
    expect(fy2023['childcare_leave_rate_male']).toMatchObject({
      numerator: 1,
      denominator: 2,
      value: 50,
    });
    // m-again's 5 days in FY2023 fall short of 7
    expect(fy2023['childcare_leave_rate_male_min_7d']).toMatchObject({
      numerator: 0,
      denominator: 2,
      value: 0,
    });
    expect(fy2023['childcare_leave_rate_female']).toMatchObject({
      numerator: 0,
      denominator: 0,
      value: null,
    });
  });

  it('FY2025: a woman whose postnatal leave ends in the next FY is eligible there; the leave started in the next FY counts there', () => {
    const fy2025 = headlines(computeChildcareKpis(dataset, 2025, WHOLE_CITY));
    expect(fy2025['childcare_leave_rate_female']).toMatchObject({
      numerator: 1,
      denominator: 1,
      value: 100,
    });
    // m-next's leave of 2025-04-05 is counted in FY2025, where no man is newly eligible
    expect(fy2025['childcare_leave_rate_male']).toMatchObject({
      numerator: 1,
      denominator: 0,
      value: null,
    });
  });

  it('an empty organization yields zero counts and null rates', () => {
    const empty = computeChildcareKpis(
      { ...dataset, children: [], leaves: [] },
      2024,
      WHOLE_CITY,
    );
    for (const value of empty) {
      if (value.measure === 'percent') {
        expect(value).toMatchObject({
          numerator: 0,
          denominator: 0,
          value: null,
        });
      } else {
        expect(value).toMatchObject({ numerator: 0, value: 0 });
      }
    }
  });
});

describe('childcare duration buckets', () => {
  it('put the boundaries where 総務省 does: < 14, 14–30 inclusive, then "over … up to"', () => {
    const label = (days: number) =>
      [
        'lt14',
        '14-30',
        '31-90',
        '91-180',
        '181-270',
        '271-360',
        '361-720',
        'gt720',
      ][durationBucketIndex(days)];
    expect(label(13.5)).toBe('lt14');
    expect(label(14)).toBe('14-30');
    expect(label(30)).toBe('14-30');
    expect(label(30.5)).toBe('31-90');
    expect(label(90)).toBe('31-90');
    expect(label(720)).toBe('361-720');
    expect(label(720.5)).toBe('gt720');
  });

  it('are configurable in the reference function', () => {
    const values = computeChildcareKpis(dataset, 2024, WHOLE_CITY, {
      durationBuckets: [
        { label: 'under-a-month', upTo: 30, inclusive: true },
        { label: 'longer', upTo: null, inclusive: false },
      ],
    });
    expect(durationRows(values)).toEqual({
      'female under-a-month': 0,
      'female longer': 3,
      'male under-a-month': 9,
      'male longer': 0,
    });
  });
});

describe('childcare KPI drill-down', () => {
  it('lists the people of the male rate with the child and the first leave, in Japanese and English', () => {
    const explanation = explainChildcareKpi(
      dataset,
      'childcare_leave_rate_male',
      2024,
      WHOLE_CITY,
    );
    expect(
      explanation.numerator.map((entry) => entry.employeeId).sort(),
    ).toEqual([
      'm-birthonly',
      'm-early',
      'm-march',
      'm-transfer',
      'm-twins',
      'm-two-kids',
    ]);
    expect(
      explanation.numerator.find((entry) => entry.employeeId === 'm-march')
        ?.reason,
    ).toEqual({
      ja: '子 2024-03-31 生まれ。最初の育児休業 2024-04-02 開始',
      en: 'child born 2024-03-31; first childcare leave started 2024-04-02',
    });
    expect(explanation.denominator).toHaveLength(9);
    expect(
      explanation.denominator.find((entry) => entry.employeeId === 'm-twins')
        ?.reason.en,
    ).toBe('child born 2024-08-10 / child born 2024-08-10');
  });

  it('says when a mother’s postnatal leave ends', () => {
    const explanation = explainChildcareKpi(
      dataset,
      'childcare_leave_rate_female',
      2024,
      WHOLE_CITY,
    );
    expect(
      explanation.denominator.find((entry) => entry.employeeId === 'f-jan')
        ?.reason,
    ).toEqual({
      ja: '子 2024-02-15 生まれ。産後休暇終了 2024-04-11',
      en: 'child born 2024-02-15; postnatal leave ends 2024-04-11',
    });
  });

  it('has as many people as the figures count, for every code', () => {
    for (const fiscalYear of [2023, 2024, 2025]) {
      const values = headlines(
        computeChildcareKpis(dataset, fiscalYear, WHOLE_CITY),
      );
      for (const code of CHILDCARE_KPI_CODES) {
        const explanation = explainChildcareKpi(
          dataset,
          code,
          fiscalYear,
          WHOLE_CITY,
        );
        expect({ code, fiscalYear, n: explanation.numerator.length }).toEqual({
          code,
          fiscalYear,
          n: values[code]?.numerator,
        });
        if (code !== 'childcare_leave_duration') {
          expect(explanation.denominator).toHaveLength(
            values[code]?.denominator ?? -1,
          );
        }
      }
    }
  });

  it('gives each duration pair its total days', () => {
    const explanation = explainChildcareKpi(
      dataset,
      'childcare_leave_duration',
      2024,
      WHOLE_CITY,
    );
    const early = explanation.numerator.find(
      (entry) => entry.employeeId === 'm-early',
    );
    expect(early?.amount).toBe(15);
    expect(early?.reason.ja).toBe(
      '子 2024-04-01 生まれ。令和6年度に開始した育児休業 計 15 日（14-30）',
    );
  });
});
