import type {
  EmploymentCategory,
  Gender,
  KpiValueDto,
} from '@ikuboard/shared/contracts';
import { WORKFORCE_KPI_CODES } from '@ikuboard/shared/contracts';

import type {
  KpiAssignment,
  KpiDataset,
  KpiEmployee,
  KpiLeave,
  KpiOvertime,
  KpiPay,
  KpiScope,
} from './dataset';
import { FIXTURE_STAGES, FIXTURE_UNITS } from './kpi-dataset.fixture';
import { computeWorkforceKpis } from './workforce';
import { hasTwoToSixMonthAverageOver80h } from './workforce-people';
import { tenureBandOf, tenureYears } from './workforce-values';

const PERMANENT: KpiScope = { unitId: null, categories: ['permanent'] };

/** [from, unit, stage, category]: one assignment each, running until the next one starts. */
type Span = [string, string, string, EmploymentCategory?];

interface Person {
  id: string;
  gender: Gender;
  hire?: string;
  sep?: string;
  rehire?: boolean;
  mid?: boolean;
  spans?: Span[];
}

function build(
  people: Person[],
  extra: {
    leaves?: Omit<KpiLeave, 'endDate' | 'childId'>[];
    overtime?: KpiOvertime[];
    pay?: KpiPay[];
  } = {},
): KpiDataset {
  const employees: KpiEmployee[] = [];
  const assignments: KpiAssignment[] = [];
  for (const person of people) {
    const hireDate = person.hire ?? '2010-04-01';
    employees.push({
      id: person.id,
      gender: person.gender,
      hireDate,
      separationDate: person.sep ?? null,
      isRehire: person.rehire ?? false,
      isMidcareer: person.mid ?? false,
    });
    const spans = person.spans ?? [[hireDate, 'general', 'ippan']];
    spans.forEach(([from, unit, stage, category], index) => {
      assignments.push({
        employeeId: person.id,
        validFrom: from,
        validTo: spans[index + 1]?.[0] ?? null,
        orgUnitId: unit,
        stageId: stage,
        category: category ?? 'permanent',
      });
    });
  }
  return {
    units: FIXTURE_UNITS,
    stages: FIXTURE_STAGES,
    employees,
    assignments,
    children: [],
    leaves: (extra.leaves ?? []).map((leave) => ({
      ...leave,
      endDate: leave.startDate,
      childId: null,
    })),
    overtime: extra.overtime ?? [],
    pay: extra.pay ?? [],
  };
}

/** The headline row of a code, or its breakdown row with exactly these dimensions. */
function row(
  values: KpiValueDto[],
  code: string,
  dimensions?: Record<string, string>,
): KpiValueDto {
  const found = values.find(
    (value) =>
      value.code === code &&
      JSON.stringify(value.dimensions) === JSON.stringify(dimensions),
  );
  if (!found) throw new Error(`no row ${code} ${JSON.stringify(dimensions)}`);
  return found;
}

function months(
  employeeId: string,
  hours: Record<string, number>,
): KpiOvertime[] {
  return Object.entries(hours).map(([month, h]) => ({
    employeeId,
    month,
    hours: h,
  }));
}

describe('workforce KPIs: shape', () => {
  const values = computeWorkforceKpis(build([]), 2024, PERMANENT);

  it('lists every code in WORKFORCE_KPI_CODES order, each headline before its breakdown rows', () => {
    const headlines = values.filter((value) => !value.dimensions);
    expect(headlines.map((value) => value.code)).toEqual([
      ...WORKFORCE_KPI_CODES,
    ]);
    expect(values).toHaveLength(51);
    let lastHeadline = '';
    for (const value of values) {
      if (!value.dimensions) lastHeadline = value.code;
      else expect(value.code).toBe(lastHeadline);
    }
  });

  it('empty denominators give null values, never 0 %, and counts of 0', () => {
    for (const value of values) {
      if (value.measure === 'count') {
        expect(value).toMatchObject({
          numerator: 0,
          denominator: null,
          value: 0,
        });
      } else {
        expect(value.value).toBeNull();
      }
    }
  });

  it('the overtime breakdown runs April to March as YYYY-MM', () => {
    const monthRows = values.filter(
      (value) => value.code === 'overtime_monthly_avg' && value.dimensions,
    );
    expect(monthRows.map((value) => value.dimensions?.['month'])).toEqual([
      '2024-04',
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
  });
});

describe('female_hire_ratio and midcareer_hires (FY2024)', () => {
  /*
   * Counted in FY2024 (permanent at hire, whole city):
   *   h1 F 2024-04-01, h2 M mid-career 2024-06-15, h3 F hired 2024-05-01 and gone 2024-09-30,
   *   h6 U mid-career 2025-03-31, h9 M (permanent at hire, fixed-term later), h10 F (board)
   * Not counted: h4 (rehire), h5 (2024-03-31 is FY2023), h7 (annual_part), h8 (annual_part at
   * hire, permanent from October).
   * female_hire_ratio = 3 women (h1 h3 h10) ÷ 6 = 50 %; midcareer_hires = 2 (male 1, unspecified 1).
   * Mayor subtree: h1 h2 h3 h6 h9 → 2 ÷ 5 = 40 %.
   */
  const people: Person[] = [
    { id: 'h1', gender: 'female', hire: '2024-04-01' },
    { id: 'h2', gender: 'male', hire: '2024-06-15', mid: true },
    {
      id: 'h3',
      gender: 'female',
      hire: '2024-05-01',
      sep: '2024-09-30',
      spans: [['2024-05-01', 'welfare', 'ippan']],
    },
    { id: 'h4', gender: 'male', hire: '2024-04-01', rehire: true },
    { id: 'h5', gender: 'female', hire: '2024-03-31' },
    { id: 'h6', gender: 'unspecified', hire: '2025-03-31', mid: true },
    {
      id: 'h7',
      gender: 'female',
      hire: '2024-07-01',
      spans: [['2024-07-01', 'general', 'ippan', 'annual_part']],
    },
    {
      id: 'h8',
      gender: 'female',
      hire: '2024-06-01',
      spans: [
        ['2024-06-01', 'general', 'ippan', 'annual_part'],
        ['2024-10-01', 'general', 'ippan', 'permanent'],
      ],
    },
    {
      id: 'h9',
      gender: 'male',
      hire: '2024-06-01',
      spans: [
        ['2024-06-01', 'welfare', 'ippan', 'permanent'],
        ['2024-10-01', 'welfare', 'ippan', 'fixed_term'],
      ],
    },
    {
      id: 'h10',
      gender: 'female',
      hire: '2024-04-01',
      spans: [['2024-04-01', 'board', 'ippan']],
    },
  ];
  const dataset = build(people);
  const values = computeWorkforceKpis(dataset, 2024, PERMANENT);

  it('women ÷ all hired in the fiscal year, unspecified gender in the denominator', () => {
    expect(row(values, 'female_hire_ratio')).toMatchObject({
      fiscalYear: 2024,
      measure: 'percent',
      numerator: 3,
      denominator: 6,
      value: 50,
    });
  });

  it('rehire excluded; people hired and separated between two rosters count', () => {
    const withoutH3 = build(people.filter((p) => p.id !== 'h3'));
    expect(
      row(
        computeWorkforceKpis(withoutH3, 2024, PERMANENT),
        'female_hire_ratio',
      ),
    ).toMatchObject({ numerator: 2, denominator: 5 });
    const h4Counted = build(
      people.map((p) => (p.id === 'h4' ? { ...p, rehire: false } : p)),
    );
    expect(
      row(
        computeWorkforceKpis(h4Counted, 2024, PERMANENT),
        'female_hire_ratio',
      ),
    ).toMatchObject({ numerator: 3, denominator: 7 });
  });

  it('a hire on 03-31 belongs to the previous fiscal year, one on 04-01 to the new one', () => {
    expect(
      row(computeWorkforceKpis(dataset, 2023, PERMANENT), 'female_hire_ratio'),
    ).toMatchObject({ numerator: 1, denominator: 1, value: 100 });
  });

  it('category and unit are taken at hire', () => {
    const partTime = computeWorkforceKpis(dataset, 2024, {
      unitId: null,
      categories: ['annual_part'],
    });
    // h7 and h8 were annual_part on their hire dates, whatever h8 became later.
    expect(row(partTime, 'female_hire_ratio')).toMatchObject({
      numerator: 2,
      denominator: 2,
    });
    const mayor = computeWorkforceKpis(dataset, 2024, {
      unitId: 'mayor',
      categories: ['permanent'],
    });
    expect(row(mayor, 'female_hire_ratio')).toMatchObject({
      numerator: 2,
      denominator: 5,
      value: 40,
    });
  });

  it('mid-career hires: total, then female, male and unspecified counts', () => {
    const rows = values.filter((value) => value.code === 'midcareer_hires');
    expect(rows).toEqual([
      {
        code: 'midcareer_hires',
        fiscalYear: 2024,
        measure: 'count',
        numerator: 2,
        denominator: null,
        value: 2,
      },
      {
        code: 'midcareer_hires',
        fiscalYear: 2024,
        measure: 'count',
        numerator: 0,
        denominator: null,
        value: 0,
        dimensions: { gender: 'female' },
      },
      {
        code: 'midcareer_hires',
        fiscalYear: 2024,
        measure: 'count',
        numerator: 1,
        denominator: null,
        value: 1,
        dimensions: { gender: 'male' },
      },
      {
        code: 'midcareer_hires',
        fiscalYear: 2024,
        measure: 'count',
        numerator: 1,
        denominator: null,
        value: 1,
        dimensions: { gender: 'unspecified' },
      },
    ]);
  });
});

describe('annual leave (calendar year 2024)', () => {
  /*
   * Population: in service every day of 2024, permanent on 2024-01-01:
   *   a1 3 + 0.5 = 3.5 days (the leave started 2023-12-31 is 2023's, the one started 2024-12-31 is 2024's)
   *   a2 10 + 0.5 = 10.5; a5 (separated 2024-12-31) 0; a6 (hired 2024-01-01) 22;
   *   a8 (annual_part only from June) 5; a9 0 (sick leave is not annual leave)
   * Left out: a3 hired 2024-01-02, a4 separated 2024-12-30, a7 annual_part on 1 January.
   * avg = (3.5 + 10.5 + 0 + 22 + 5 + 0) ÷ 6 = 41 ÷ 6 = 6.833…; under 5 days: a1 a5 a9 = 3 ÷ 6 = 50 %
   * buckets 0-4: 3, 5-9: 1 (a8), 10-14: 1 (a2), 15-19: 0, 20+: 1 (a6)
   */
  const dataset = build(
    [
      { id: 'a1', gender: 'female' },
      { id: 'a2', gender: 'male' },
      { id: 'a3', gender: 'female', hire: '2024-01-02' },
      { id: 'a4', gender: 'male', sep: '2024-12-30' },
      { id: 'a5', gender: 'male', sep: '2024-12-31' },
      { id: 'a6', gender: 'female', hire: '2024-01-01' },
      {
        id: 'a7',
        gender: 'female',
        spans: [
          ['2010-04-01', 'general', 'ippan', 'annual_part'],
          ['2024-02-01', 'general', 'ippan', 'permanent'],
        ],
      },
      {
        id: 'a8',
        gender: 'unspecified',
        spans: [
          ['2010-04-01', 'general', 'ippan', 'permanent'],
          ['2024-06-01', 'general', 'ippan', 'annual_part'],
        ],
      },
      { id: 'a9', gender: 'male' },
    ],
    {
      leaves: [
        { employeeId: 'a1', type: 'annual', startDate: '2023-12-31', days: 2 },
        { employeeId: 'a1', type: 'annual', startDate: '2024-01-01', days: 3 },
        {
          employeeId: 'a1',
          type: 'annual',
          startDate: '2024-12-31',
          days: 0.5,
        },
        { employeeId: 'a2', type: 'annual', startDate: '2024-05-01', days: 10 },
        {
          employeeId: 'a2',
          type: 'annual',
          startDate: '2024-08-10',
          days: 0.5,
        },
        { employeeId: 'a3', type: 'annual', startDate: '2024-03-01', days: 20 },
        { employeeId: 'a4', type: 'annual', startDate: '2024-03-01', days: 20 },
        { employeeId: 'a6', type: 'annual', startDate: '2024-02-01', days: 22 },
        { employeeId: 'a7', type: 'annual', startDate: '2024-03-01', days: 20 },
        { employeeId: 'a8', type: 'annual', startDate: '2024-09-01', days: 5 },
        { employeeId: 'a9', type: 'sick', startDate: '2024-09-01', days: 10 },
      ],
    },
  );
  const values = computeWorkforceKpis(dataset, 2024, PERMANENT);

  it('average days: leave started in the calendar year ÷ those in service all year (half days kept)', () => {
    const avg = row(values, 'annual_leave_avg_days');
    expect(avg).toMatchObject({
      fiscalYear: 2024,
      measure: 'days',
      numerator: 41,
      denominator: 6,
    });
    expect(avg.value).toBeCloseTo(41 / 6, 10);
  });

  it('share under 5 days, and the head count per bucket for the histogram', () => {
    expect(row(values, 'annual_leave_under_5_days_ratio')).toMatchObject({
      numerator: 3,
      denominator: 6,
      value: 50,
    });
    const buckets = values
      .filter((v) => v.code === 'annual_leave_avg_days' && v.dimensions)
      .map((v) => [v.dimensions?.['bucket'], v.value, v.measure]);
    expect(buckets).toEqual([
      ['0-4', 3, 'count'],
      ['5-9', 1, 'count'],
      ['10-14', 1, 'count'],
      ['15-19', 0, 'count'],
      ['20+', 1, 'count'],
    ]);
  });

  it('a leave started on 31 December counts in that year; one started 1 January in the next', () => {
    const next = computeWorkforceKpis(dataset, 2023, PERMANENT);
    // 2023: a1 a2 a4 a5 a8 a9 in service all year; only a1's leave started 2023-12-31 is 2023's.
    expect(row(next, 'annual_leave_avg_days')).toMatchObject({
      numerator: 2,
      denominator: 6,
    });
  });
});

describe('overtime (FY2024)', () => {
  /*
   * Eligible = population on the 1st of each month with a non-manager stage; missing month = 0 h.
   *   o1 F staff: 50 h Apr–Oct (7 months > 45 h), nothing after → 350 h over 12 eligible months
   *   o2 M 係長 promoted to 課長 on 2024-10-01: Apr 100, May 70, Oct 120 (a manager month: not
   *      eligible, but part of his year total 290 h) → 170 h over 6 eligible months (Apr–Sep)
   *   o3 M hired 2024-10-15: Nov 40, Dec 40 → 80 h over 5 eligible months (Nov–Mar)
   *   o4 部長 all year with 60 h a month → never eligible
   *   o5 F staff: 61 h every month → 732 h over 12
   *   o6 M separated 2024-06-15: Apr 10, Jul 5 (after leaving) → 10 h over 3 (Apr–Jun)
   * monthly average = (350 + 170 + 80 + 732 + 10) ÷ (12 + 6 + 5 + 12 + 3) = 1342 ÷ 38 = 35.315…
   * April: (50 + 100 + 61 + 10) ÷ 4 = 55.25; October: (50 + 61) ÷ 2 = 55.5
   * > 45 h in a month: o1 o2 o5 = 3; year > 360 h: o5 = 1 (o1 has 350); ≥ 100 h month: o2 = 1;
   * year > 720 h: o5 = 1; > 6 months over 45 h: o1 (7) o5 (12) = 2;
   * a 2–6-month average over 80 h: o2 (Apr + May = 170 > 160) = 1
   */
  const dataset = build(
    [
      { id: 'o1', gender: 'female' },
      {
        id: 'o2',
        gender: 'male',
        spans: [
          ['2010-04-01', 'general', 'kakaricho'],
          ['2024-10-01', 'general', 'kacho'],
        ],
      },
      { id: 'o3', gender: 'male', hire: '2024-10-15' },
      { id: 'o4', gender: 'male', spans: [['2010-04-01', 'mayor', 'bucho']] },
      { id: 'o5', gender: 'female' },
      { id: 'o6', gender: 'male', sep: '2024-06-15' },
    ],
    {
      overtime: [
        ...months('o1', {
          '2024-04': 50,
          '2024-05': 50,
          '2024-06': 50,
          '2024-07': 50,
          '2024-08': 50,
          '2024-09': 50,
          '2024-10': 50,
        }),
        ...months('o2', { '2024-04': 100, '2024-05': 70, '2024-10': 120 }),
        ...months('o3', { '2024-11': 40, '2024-12': 40 }),
        ...months('o4', { '2024-04': 60, '2024-05': 60, '2024-06': 60 }),
        ...months(
          'o5',
          Object.fromEntries(
            [
              '2024-04',
              '2024-05',
              '2024-06',
              '2024-07',
              '2024-08',
              '2024-09',
              '2024-10',
              '2024-11',
              '2024-12',
              '2025-01',
              '2025-02',
              '2025-03',
            ].map((m) => [m, 61]),
          ),
        ),
        ...months('o6', { '2024-04': 10, '2024-07': 5 }),
        // Outside FY2024: must not count.
        ...months('o5', { '2024-03': 200, '2025-04': 200 }),
      ],
    },
  );
  const values = computeWorkforceKpis(dataset, 2024, PERMANENT);

  it('monthly average: Σ hours in eligible months ÷ eligible person-months (a missing month is 0 h)', () => {
    const avg = row(values, 'overtime_monthly_avg');
    expect(avg).toMatchObject({
      measure: 'hours',
      numerator: 1342,
      denominator: 38,
    });
    expect(avg.value).toBeCloseTo(1342 / 38, 10);
  });

  it('the month rows: a manager month is excluded, promotion mid-year changes who is eligible', () => {
    expect(
      row(values, 'overtime_monthly_avg', { month: '2024-04' }),
    ).toMatchObject({
      numerator: 221,
      denominator: 4,
      value: 55.25,
    });
    expect(
      row(values, 'overtime_monthly_avg', { month: '2024-10' }),
    ).toMatchObject({
      numerator: 111,
      denominator: 2,
      value: 55.5,
    });
    expect(
      row(values, 'overtime_monthly_avg', { month: '2025-01' }),
    ).toMatchObject({
      numerator: 61,
      denominator: 3,
    });
  });

  it('counts of distinct employees over the limits', () => {
    const counts = Object.fromEntries(
      values
        .filter((v) => v.measure === 'count' && v.code.startsWith('overtime'))
        .map((v) => [v.code, v.value]),
    );
    expect(counts).toEqual({
      overtime_over_45h_count: 3,
      overtime_over_360h_year_count: 1,
      overtime_over_100h_month_count: 1,
      overtime_over_720h_year_count: 1,
      overtime_over_45h_6_months_count: 2,
      overtime_avg_80h_2_to_6_months_count: 1,
    });
  });

  it('the 2–6-month rule looks at runs inside the fiscal year and needs strictly more than 80 h', () => {
    const year = (pairs: Record<number, number>) =>
      Array.from({ length: 12 }, (_, i) => pairs[i] ?? 0);
    expect(hasTwoToSixMonthAverageOver80h(year({ 0: 80, 1: 80 }))).toBe(false);
    expect(hasTwoToSixMonthAverageOver80h(year({ 0: 80, 1: 80.5 }))).toBe(true);
    expect(hasTwoToSixMonthAverageOver80h(year({ 11: 200 }))).toBe(true);
    expect(hasTwoToSixMonthAverageOver80h(year({ 0: 81, 2: 81 }))).toBe(false);
    expect(
      hasTwoToSixMonthAverageOver80h(
        year({ 0: 70, 1: 70, 2: 70, 3: 70, 4: 70, 5: 131 }),
      ),
    ).toBe(true);
  });
});

describe('pay gap (FY2024)', () => {
  /*
   * Category judged on the later of 2024-04-01 and the hire date; the record suffices.
   *   p1 F permanent 係長, tenure 15: 5,000,000   p2 M permanent 係長, tenure 15: 6,000,000
   *   p3 M permanent 課長, hired 1985 (tenure 40): 9,000,000
   *   p4 F permanent staff hired 2020-04-01 (tenure 5), separated 2024-09-30: 2,000,000
   *   p5 F hired 2024-06-01 as annual_part (permanent from October) → other: 1,000,000
   *   p6 M reappointed → other: 3,000,000     p7 unspecified → left out
   *   p8 has no FY2024 record; p9 only an FY2023 one.
   * permanent: (5M + 2M)/2 = 3.5M ÷ (6M + 9M)/2 = 7.5M → 46.666… %
   * other: 1M ÷ 3M → 33.333… %; all: 8M/3 ÷ 18M/3 → 44.444… %
   * by stage: subsection_chief 5M ÷ 6M → 83.333… %; section_chief no women → null; staff no men → null
   * by tenure: 11-15 → 83.333… %; 1-5 (p4) and 36+ (p3) → null
   */
  const people: Person[] = [
    {
      id: 'p1',
      gender: 'female',
      spans: [['2010-04-01', 'general', 'kakaricho']],
    },
    {
      id: 'p2',
      gender: 'male',
      spans: [['2010-04-01', 'welfare', 'kakaricho']],
    },
    {
      id: 'p3',
      gender: 'male',
      hire: '1985-04-01',
      spans: [['1985-04-01', 'board', 'kacho']],
    },
    { id: 'p4', gender: 'female', hire: '2020-04-01', sep: '2024-09-30' },
    {
      id: 'p5',
      gender: 'female',
      hire: '2024-06-01',
      spans: [
        ['2024-06-01', 'general', 'ippan', 'annual_part'],
        ['2024-10-01', 'general', 'ippan', 'permanent'],
      ],
    },
    {
      id: 'p6',
      gender: 'male',
      spans: [['2010-04-01', 'general', 'ippan', 'reappointed']],
    },
    { id: 'p7', gender: 'unspecified' },
    { id: 'p8', gender: 'male' },
    { id: 'p9', gender: 'female' },
  ];
  const pay: KpiPay[] = [
    { employeeId: 'p1', fiscalYear: 2024, amount: 5_000_000 },
    { employeeId: 'p2', fiscalYear: 2024, amount: 6_000_000 },
    { employeeId: 'p3', fiscalYear: 2024, amount: 9_000_000 },
    { employeeId: 'p4', fiscalYear: 2024, amount: 2_000_000 },
    { employeeId: 'p5', fiscalYear: 2024, amount: 1_000_000 },
    { employeeId: 'p6', fiscalYear: 2024, amount: 3_000_000 },
    { employeeId: 'p7', fiscalYear: 2024, amount: 4_000_000 },
    { employeeId: 'p9', fiscalYear: 2023, amount: 4_000_000 },
  ];
  const dataset = build(people, { pay });
  const values = computeWorkforceKpis(dataset, 2024, PERMANENT);

  it("numerator = women's mean, denominator = men's mean, value = their ratio × 100", () => {
    const permanent = row(values, 'pay_gap_permanent');
    expect(permanent).toMatchObject({
      measure: 'percent',
      numerator: 3_500_000,
      denominator: 7_500_000,
    });
    expect(permanent.value).toBeCloseTo(46.6667, 4);
    expect(row(values, 'pay_gap_other').value).toBeCloseTo(33.3333, 4);
    const all = row(values, 'pay_gap_all');
    expect(all.numerator).toBeCloseTo(8_000_000 / 3, 6);
    expect(all.denominator).toBe(6_000_000);
    expect(all.value).toBeCloseTo(44.4444, 4);
  });

  it('the pay record of a separated employee still counts; category judged on the hire date for a June hire', () => {
    // p4 left in September and is in the permanent mean; p5 is "other" though permanent from October.
    expect(row(values, 'pay_gap_permanent').numerator).toBe(3_500_000);
    expect(row(values, 'pay_gap_other').numerator).toBe(1_000_000);
  });

  it('breakdown by official stage and tenure band; no men (or no women) gives null', () => {
    expect(
      row(values, 'pay_gap_permanent', { stage: 'subsection_chief' }).value,
    ).toBeCloseTo(83.3333, 4);
    expect(
      row(values, 'pay_gap_permanent', { stage: 'section_chief' }),
    ).toMatchObject({
      numerator: 0,
      denominator: 9_000_000,
      value: null,
    });
    expect(row(values, 'pay_gap_permanent', { stage: 'staff' })).toMatchObject({
      numerator: 2_000_000,
      denominator: 0,
      value: null,
    });
    expect(
      row(values, 'pay_gap_permanent', { stage: 'director' }).value,
    ).toBeNull();
    expect(
      row(values, 'pay_gap_permanent', { tenureBand: '11-15' }).value,
    ).toBeCloseTo(83.3333, 4);
    expect(
      row(values, 'pay_gap_permanent', { tenureBand: '1-5' }).value,
    ).toBeNull();
    expect(
      row(values, 'pay_gap_permanent', { tenureBand: '36+' }).denominator,
    ).toBe(9_000_000);
  });

  it("ignores the scope's categories but applies its unit on the judging date", () => {
    const partTime = computeWorkforceKpis(dataset, 2024, {
      unitId: null,
      categories: ['annual_part'],
    });
    expect(row(partTime, 'pay_gap_permanent')).toEqual(
      row(values, 'pay_gap_permanent'),
    );
    const mayor = computeWorkforceKpis(dataset, 2024, {
      unitId: 'mayor',
      categories: ['permanent'],
    });
    // p3 is in the board: men's permanent mean is p2 alone.
    expect(row(mayor, 'pay_gap_permanent')).toMatchObject({
      numerator: 3_500_000,
      denominator: 6_000_000,
    });
  });

  it('tenure counts the hire fiscal year as year 1, in bands of five up to 36+', () => {
    expect(tenureYears('2024-03-31', 2024)).toBe(2);
    expect(tenureYears('2024-04-01', 2024)).toBe(1);
    expect([1, 5, 6, 35, 36, 50, 0].map(tenureBandOf)).toEqual([
      '1-5',
      '1-5',
      '6-10',
      '31-35',
      '36+',
      '36+',
      null,
    ]);
  });
});

describe('tenure and separations (FY2024)', () => {
  /*
   * Permanent in service on 2024-04-01:
   *   men t1 (hired 2024-04-01: 1), t2 (2024-03-31: FY2023 → 2), t8 (2010: 15) → 18 ÷ 3 = 6 years
   *   women t3 (2000: 25), t4 (2015-10-01: 10), t9 (15), t10 (15) → 65 ÷ 4 = 16.25 years
   *   t5 reappointed, t6 unspecified, t7 separated 2024-03-31: left out.
   * Separations within FY2024: men t8 (on 2024-04-01) → 1 ÷ 3 = 33.3 %;
   *   women t9 (2025-03-31) → 1 ÷ 4 = 25 % (t10 leaves 2025-04-01, next year)
   */
  const dataset = build([
    { id: 't1', gender: 'male', hire: '2024-04-01' },
    { id: 't2', gender: 'male', hire: '2024-03-31' },
    { id: 't3', gender: 'female', hire: '2000-04-01' },
    { id: 't4', gender: 'female', hire: '2015-10-01' },
    {
      id: 't5',
      gender: 'male',
      spans: [['2010-04-01', 'general', 'ippan', 'reappointed']],
      sep: '2024-06-30',
    },
    { id: 't6', gender: 'unspecified' },
    { id: 't7', gender: 'male', sep: '2024-03-31' },
    { id: 't8', gender: 'male', sep: '2024-04-01' },
    { id: 't9', gender: 'female', sep: '2025-03-31' },
    { id: 't10', gender: 'female', sep: '2025-04-01' },
  ]);
  const values = computeWorkforceKpis(dataset, 2024, PERMANENT);

  it('average tenure of permanent staff by gender, hire FY = year 1', () => {
    expect(row(values, 'tenure_avg_years_male')).toMatchObject({
      measure: 'years',
      numerator: 18,
      denominator: 3,
      value: 6,
    });
    expect(row(values, 'tenure_avg_years_female')).toMatchObject({
      numerator: 65,
      denominator: 4,
      value: 16.25,
    });
  });

  it('separation rate: of the population on 04-01, those whose last day falls within the fiscal year', () => {
    const male = row(values, 'separation_rate_male');
    expect(male).toMatchObject({ numerator: 1, denominator: 3 });
    expect(male.value).toBeCloseTo(33.3333, 4);
    expect(row(values, 'separation_rate_female')).toMatchObject({
      numerator: 1,
      denominator: 4,
      value: 25,
    });
  });

  it('tenure stays permanent-only when the scope adds categories; separations follow the scope', () => {
    const wider = computeWorkforceKpis(dataset, 2024, {
      unitId: null,
      categories: ['permanent', 'reappointed'],
    });
    expect(row(wider, 'tenure_avg_years_male')).toEqual(
      row(values, 'tenure_avg_years_male'),
    );
    expect(row(wider, 'separation_rate_male')).toMatchObject({
      numerator: 2,
      denominator: 4,
      value: 50,
    });
  });

  it('unspecified gender is left out of the gender-specific KPIs', () => {
    const onlyUnspecified = build([
      { id: 'u', gender: 'unspecified', sep: '2024-05-01' },
    ]);
    const result = computeWorkforceKpis(onlyUnspecified, 2024, PERMANENT);
    for (const code of [
      'tenure_avg_years_male',
      'tenure_avg_years_female',
      'separation_rate_male',
      'separation_rate_female',
    ]) {
      expect(row(result, code)).toMatchObject({
        numerator: 0,
        denominator: 0,
        value: null,
      });
    }
  });
});
