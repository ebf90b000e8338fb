import type { EmploymentCategory, LeaveType } from '@ikuboard/shared/contracts';
import { fiscalYearOf, toEpochDay } from '@ikuboard/shared/kpi';

import { DemoCalendar } from './demo-calendar';
import type {
  DemoAssignment,
  DemoChild,
  DemoCityOptions,
  DemoEmployee,
  DemoLeave,
  DemoOvertime,
  DemoPay,
  DemoUnit,
} from './demo-city.types';
import {
  BUCHO,
  DEMO_STAGES,
  IPPAN,
  JICHO,
  KACHO,
  KACHO_HOSA,
  KAKARICHO,
  SHUNIN,
} from './demo-stages';
import { Prng } from './prng';

// Bound once, as in prng.ts: Jest's sandbox makes every `Math.x` lookup slow.
const { ceil, cos, exp, floor, imul, log, max, min, PI, round, sqrt } = Math;

export interface LifeEvents {
  children: DemoChild[];
  leaves: DemoLeave[];
  overtime: DemoOvertime[];
  pay: DemoPay[];
}

export interface LifeEventsInput {
  settings: Required<DemoCityOptions>;
  units: readonly DemoUnit[];
  employees: readonly DemoEmployee[];
  assignments: readonly DemoAssignment[];
}

// ── the knobs of the story the demo dashboards tell ─────────────────────────────────────────────

/** Births per person-year by age (reached within the FY), before the category factor. */
const MOTHER_BIRTH_RATE: readonly (readonly [number, number])[] = [
  [25, 0.065],
  [28, 0.11],
  [30, 0.15],
  [35, 0.11],
  [38, 0.06],
  [40, 0.028],
  [43, 0],
];
const FATHER_BIRTH_RATE: readonly (readonly [number, number])[] = [
  [25, 0.05],
  [28, 0.088],
  [30, 0.127],
  [32, 0.143],
  [37, 0.094],
  [40, 0.05],
  [43, 0],
];
const TWIN_RATE = 0.01;
/** Share of births placed on a fiscal-year boundary (03-31 or 04-01), to exercise the KPI edges. */
const BOUNDARY_BIRTH_RATE = 0.03;

/** Mothers taking 育児休業 after the postnatal leave: first and last FY. */
const MOTHER_CHILDCARE_FIRST = 0.9;
const MOTHER_CHILDCARE_LAST = 0.95;
/** Fathers taking 育児休業 or 出生時育児休業 for a birth: first and last FY (permanent staff). */
const FATHER_CHILDCARE_FIRST = 0.15;
const FATHER_CHILDCARE_LAST = 0.76;

/** Fathers' total childcare days: buckets and their weights in the first and the last FY. */
const FATHER_DAY_BUCKETS: readonly (readonly [number, number])[] = [
  [3, 13],
  [14, 30],
  [31, 90],
  [91, 180],
  [181, 365],
];
const FATHER_DAY_WEIGHTS_FIRST = [0.64, 0.2, 0.11, 0.03, 0.02];
const FATHER_DAY_WEIGHTS_LAST = [0.16, 0.25, 0.4, 0.12, 0.07];
/** Mothers' childcare months: buckets and weights. */
const MOTHER_MONTH_BUCKETS: readonly (readonly [number, number])[] = [
  [3, 6],
  [6, 12],
  [12, 18],
  [18, 24],
  [24, 36],
];
const MOTHER_MONTH_WEIGHTS = [0.07, 0.4, 0.38, 0.1, 0.05];

/** 出生時育児休業 (産後パパ育休) exists for births from this day on. */
const BIRTH_CHILDCARE_FROM = toEpochDay('2022-10-01');

/** Annual leave days per person and calendar year in the first and the last full year. */
const ANNUAL_LEAVE_FIRST = 11;
const ANNUAL_LEAVE_LAST = 14;
/** Makes up for the low-taking tail, managers and newcomers, so permanent staff average the above. */
const ANNUAL_LEAVE_NORMALIZER = 1.05;
/** Preference for a month when annual leave is taken (Golden Week, summer, year end). */
const ANNUAL_MONTH_WEIGHT = [
  0, 0.85, 0.85, 0.65, 0.7, 1.2, 0.85, 1, 1.6, 1, 0.9, 1, 1.15,
];

/** Typical overtime hours per month of each stage, before department, season and person. */
const STAGE_OVERTIME = [8, 9.5, 11, 13, 12, 11, 9.5];
const CATEGORY_OVERTIME: Readonly<Record<EmploymentCategory, number>> = {
  permanent: 1,
  fixed_term: 0.8,
  reappointed: 0.3,
  annual_full: 0.25,
  annual_part: 0.06,
  temporary: 0.2,
};
/** National and local elections: counting and polling stations mobilise most of the staff. */
const ELECTION_MONTHS = new Set([
  '2015-04',
  '2016-07',
  '2017-10',
  '2018-11',
  '2019-04',
  '2019-07',
  '2021-10',
  '2022-07',
  '2022-11',
  '2023-04',
  '2024-10',
  '2025-07',
  '2026-11',
  '2027-04',
  '2028-07',
  '2029-10',
  '2030-11',
]);
const OVERTIME_PAY_PER_HOUR = 2_700;
/** Month-to-month variation of a person's overtime. */
const MONTHLY_NOISE = noiseTable(0.3, 4096);
/** Mothers who work shorter days (部分休業) after their leave until the child turns three. */
const SHORT_HOURS_RATE = 0.45;
const SHORT_HOURS_PAY_CUT = 0.2;
/** 扶養手当 (spouse and children) in yen a year, and who draws it: mostly men, as in the payrolls. */
const DEPENDANTS_ALLOWANCE = 200_000;
const DEPENDANTS_RATE_MEN = 0.7;
const DEPENDANTS_RATE_WOMEN = 0.1;

interface OvertimeProfile {
  keywords: readonly string[];
  factor: number;
  /** Multiplier per calendar month, January first. */
  season: readonly number[];
}

const DEFAULT_SEASON = [
  0.95, 1.1, 1.45, 1.15, 0.85, 1, 0.95, 0.75, 1, 1, 1, 1.05,
];
/** The first profile whose keyword appears in a unit's own name or its parents' decides. */
const OVERTIME_PROFILES: readonly OvertimeProfile[] = [
  {
    keywords: ['財政課', '財政係'],
    factor: 1.7,
    season: [2, 1.8, 1.3, 0.8, 0.9, 1.1, 0.6, 0.6, 1, 1.2, 1.5, 1.7],
  },
  {
    keywords: ['人事課', '人事係', '給与係'],
    factor: 1.5,
    season: [1.5, 1.8, 2, 1.6, 0.8, 0.9, 0.7, 0.6, 0.8, 0.9, 1, 1.3],
  },
  {
    keywords: ['税'],
    factor: 1.2,
    season: [1.3, 1.6, 1.5, 1.4, 1.8, 1.5, 0.8, 0.6, 0.8, 0.8, 0.9, 1],
  },
  {
    keywords: ['議会事務局', '議事'],
    factor: 1.2,
    season: [0.7, 1, 1.6, 0.8, 0.7, 1.5, 0.7, 0.6, 1.6, 0.8, 0.8, 1.5],
  },
  {
    keywords: ['危機管理', '防災'],
    factor: 1.4,
    season: [1, 1, 1.2, 1, 0.9, 1.1, 1.4, 1.4, 1.4, 1, 0.9, 0.9],
  },
  {
    keywords: ['保険年金', '介護保険', '国保'],
    factor: 1,
    season: [0.9, 1, 1.3, 1.1, 0.9, 1.4, 1.4, 0.8, 0.9, 0.9, 0.9, 1],
  },
  {
    keywords: ['政策企画', '企画課', '情報政策'],
    factor: 1.35,
    season: DEFAULT_SEASON,
  },
  {
    keywords: ['教育', '学校'],
    factor: 0.95,
    season: [0.9, 1, 1.5, 1.4, 0.9, 0.9, 0.9, 0.6, 1, 1, 1, 1],
  },
  { keywords: ['消防'], factor: 1.1, season: Array(12).fill(1) },
];

const BUSY_FREE = 0;
/** Maternity, 配偶者出産休暇, 育児参加のための休暇: paid, but not working. */
const BUSY_PAID_LEAVE = 1;
/** 育児休業 and 出生時育児休業: unpaid by the city. */
const BUSY_UNPAID_LEAVE = 2;
const BUSY_ANNUAL = 3;

const NEVER = Number.MAX_SAFE_INTEGER;

interface Segment {
  from: number;
  /** Exclusive; NEVER while open. */
  to: number;
  stage: number;
  category: EmploymentCategory;
  profile: number;
}

interface HistoryMonth {
  first: number;
  last: number;
  /** `YYYY-MM`. */
  key: string;
  month: number;
  fiscalYear: number;
  workdays: number;
  election: boolean;
  /** Overtime falls slightly over the years. */
  trend: number;
}

interface Person {
  index: number;
  employee: DemoEmployee;
  number: string;
  hire: number;
  hireFy: number;
  birthFy: number;
  /** Last day of service; NEVER while in service. */
  lastDay: number;
  segments: Segment[];
  /** Span of the days marked in `busy`, cleared after the person. */
  resetFrom: number;
  resetTo: number;
  /** Span of the maternity, childcare and special leave days: outside it the fast paths apply. */
  leaveFrom: number;
  leaveTo: number;
  hasUnpaidLeave: boolean;
  /** 部分休業 after a birth, as [from, to] pairs: shorter days, lower pay, hardly any overtime. */
  shortHours: number[];
}

/**
 * Births, leave, overtime and pay of the demo city's history, drawn per employee from streams of
 * their own: the staff history is not disturbed, and the two annual-leave modes see the same
 * draws and therefore the same yearly totals.
 */
export function generateLifeEvents(input: LifeEventsInput): LifeEvents {
  return new LifeEventSimulation(input).run();
}

class LifeEventSimulation {
  private readonly children: DemoChild[] = [];
  private readonly leaves: DemoLeave[] = [];
  private readonly overtime: DemoOvertime[] = [];
  private readonly pay: DemoPay[] = [];
  private readonly calendar: DemoCalendar;
  private readonly busy: Uint8Array;
  private readonly historyStart: number;
  private readonly historyEnd: number;
  private readonly firstFy: number;
  private readonly lastFy: number;
  private readonly stageIndex: Map<string, number>;
  private readonly unitProfile: Map<string, number>;
  private readonly segmentsByEmployee = new Map<string, Segment[]>();
  private childNumber = 0;
  private readonly placedUses: number[] = [];
  private readonly months: HistoryMonth[] = [];
  /** Per calendar year, its working days repeated by how popular their month is for leave. */
  private readonly leaveDayPool = new Map<number, Int32Array>();

  constructor(private readonly input: LifeEventsInput) {
    const { firstFiscalYear, lastFiscalYear } = input.settings;
    this.firstFy = firstFiscalYear;
    this.lastFy = lastFiscalYear;
    this.historyStart = fyStartDay(firstFiscalYear);
    this.historyEnd = fyStartDay(lastFiscalYear + 1) - 1;
    // A warm-up year before the history (leave already running on its first day) and planned
    // ends up to three years after it.
    this.calendar = new DemoCalendar(
      this.historyStart - 500,
      this.historyEnd + 1200,
    );
    this.busy = new Uint8Array(this.calendar.length);
    this.stageIndex = new Map(
      DEMO_STAGES.map((stage, index) => [stage.code, index]),
    );
    this.unitProfile = overtimeProfiles(input.units);
    for (
      let fiscalYear = this.firstFy;
      fiscalYear <= this.lastFy;
      fiscalYear += 1
    ) {
      for (let offset = 0; offset < 12; offset += 1) {
        const month = ((offset + 3) % 12) + 1;
        const year = month >= 4 ? fiscalYear : fiscalYear + 1;
        const first = monthStartDay(year, month);
        const last =
          (month === 12
            ? monthStartDay(year + 1, 1)
            : monthStartDay(year, month + 1)) - 1;
        const key = this.calendar.monthKey(year, month);
        this.months.push({
          first,
          last,
          key,
          month,
          fiscalYear,
          workdays: this.calendar.workdaysBetween(first, last),
          election: ELECTION_MONTHS.has(key),
          trend: 1 - 0.12 * this.progress(fiscalYear),
        });
      }
    }
    for (let year = this.firstFy; year <= this.lastFy + 1; year += 1) {
      const pool: number[] = [];
      const yearEnd = monthStartDay(year + 1, 1) - 1;
      for (let day = monthStartDay(year, 1); day <= yearEnd; day += 1) {
        if (this.calendar.isWorkday(day)) {
          const copies = round(
            ANNUAL_MONTH_WEIGHT[this.calendar.monthOf(day)] * 10,
          );
          for (let copy = 0; copy < copies; copy += 1) {
            pool.push(day);
          }
        }
      }
      this.leaveDayPool.set(year, Int32Array.from(pool));
    }
    // Most assignments start on a handful of April 1 strings: parse each distinct date once.
    const days = new Map<string, number>();
    const dayOf = (date: string): number => {
      let day = days.get(date);
      if (day === undefined) {
        day = toEpochDay(date);
        days.set(date, day);
      }
      return day;
    };
    for (const assignment of input.assignments) {
      let list = this.segmentsByEmployee.get(assignment.employeeNumber);
      if (list === undefined) {
        list = [];
        this.segmentsByEmployee.set(assignment.employeeNumber, list);
      }
      list.push({
        from: dayOf(assignment.validFrom),
        to: assignment.validTo === null ? NEVER : dayOf(assignment.validTo),
        stage: this.stageIndex.get(assignment.stageCode) ?? IPPAN,
        category: assignment.category,
        profile: this.unitProfile.get(assignment.unitCode) ?? -1,
      });
    }
  }

  run(): LifeEvents {
    const { employees } = this.input;
    for (let index = 0; index < employees.length; index += 1) {
      const person = this.person(employees[index], index);
      if (person === null) {
        continue;
      }
      this.births(person);
      const leaveFactor = this.annualLeave(person);
      const overtimeByFy = this.monthlyOvertime(person, leaveFactor);
      this.annualPay(person, overtimeByFy);
      if (person.resetFrom <= person.resetTo) {
        this.busy.fill(
          BUSY_FREE,
          person.resetFrom - this.calendar.first,
          person.resetTo - this.calendar.first + 1,
        );
      }
    }
    return {
      children: this.children,
      leaves: this.leaves,
      overtime: this.overtime,
      pay: this.pay,
    };
  }

  private person(employee: DemoEmployee, index: number): Person | null {
    const hire = toEpochDay(employee.hireDate);
    const lastDay =
      employee.separationDate === null
        ? NEVER
        : toEpochDay(employee.separationDate);
    const segments = this.segmentsByEmployee.get(employee.employeeNumber);
    if (
      segments === undefined ||
      hire > this.historyEnd ||
      lastDay < this.historyStart - 400
    ) {
      return null;
    }
    segments.sort((a, b) => a.from - b.from);
    return {
      index,
      employee,
      number: employee.employeeNumber,
      hire,
      hireFy: fiscalYearOf(employee.hireDate),
      birthFy: fiscalYearOf(employee.birthDate),
      lastDay,
      segments,
      resetFrom: NEVER,
      resetTo: -NEVER,
      leaveFrom: NEVER,
      leaveTo: -NEVER,
      hasUnpaidLeave: false,
      shortHours: [],
    };
  }

  private stream(person: Person, salt: number): Prng {
    return new Prng(streamSeed(this.input.settings.seed, person.index, salt));
  }

  private progress(fiscalYear: number): number {
    if (this.lastFy === this.firstFy) {
      return 0;
    }
    return clamp01((fiscalYear - this.firstFy) / (this.lastFy - this.firstFy));
  }

  // ── births and the leave around them ───────────────────────────────────────────────────────

  private births(person: Person): void {
    const { gender } = person.employee;
    if (gender === 'unspecified') {
      return;
    }
    const random = this.stream(person, 1);
    const rates = gender === 'female' ? MOTHER_BIRTH_RATE : FATHER_BIRTH_RATE;
    let nextAllowed = -NEVER;
    for (let fy = this.firstFy - 1; fy <= this.lastFy; fy += 1) {
      const fyStart = fyStartDay(fy);
      const fyEnd = fyStartDay(fy + 1) - 1;
      const from = max(fyStart, person.hire, nextAllowed);
      const to = min(fyEnd, person.lastDay);
      const draw = random.next();
      if (from > to) {
        continue;
      }
      const segment = segmentOn(person, from);
      if (segment === null || segment.category === 'reappointed') {
        continue;
      }
      const categoryFactor = segment.category === 'permanent' ? 1 : 0.5;
      const rate =
        interpolate(rates, fy - person.birthFy) *
        categoryFactor *
        ((to - from + 1) / (fyEnd - fyStart + 1));
      if (draw >= rate) {
        continue;
      }
      let birth = random.int(from, to);
      if (random.chance(BOUNDARY_BIRTH_RATE)) {
        const edge = random.chance(0.5) ? fyStart : fyEnd;
        if (edge >= from && edge <= to) {
          birth = edge;
        }
      }
      const twins = random.chance(TWIN_RATE);
      const childId = this.nextChildId();
      const twinId = twins ? this.nextChildId() : null;
      const leavesBefore = this.leaves.length;
      const progress = this.progress(fiscalYearOf(this.calendar.date(birth)));
      const plannedEnd =
        gender === 'female'
          ? this.motherLeaves(person, birth, twins, childId, random, progress)
          : this.fatherLeaves(
              person,
              birth,
              childId,
              random,
              progress,
              segment.category === 'permanent' ||
                segment.category === 'fixed_term'
                ? 1
                : 0.6,
            );
      // A child born before the history is listed only when one of its leaves begins inside it.
      let listed = birth >= this.historyStart;
      for (let at = leavesBefore; !listed && at < this.leaves.length; at += 1) {
        listed = this.leaves[at].childId === childId;
      }
      if (listed) {
        const birthDate = this.calendar.date(birth);
        this.children.push({
          id: childId,
          employeeNumber: person.number,
          birthDate,
        });
        if (twinId !== null) {
          this.children.push({
            id: twinId,
            employeeNumber: person.number,
            birthDate,
          });
        }
      }
      nextAllowed =
        gender === 'female'
          ? max(birth + 450, plannedEnd + 120)
          : max(birth + 450, plannedEnd + 30);
    }
  }

  private nextChildId(): string {
    this.childNumber += 1;
    return `C${String(this.childNumber).padStart(7, '0')}`;
  }

  /** 産前 (42 days, 98 for twins, the birth day included), 産後 (56 days), then 育児休業 for most. */
  private motherLeaves(
    person: Person,
    birth: number,
    twins: boolean,
    childId: string,
    random: Prng,
    progress: number,
  ): number {
    this.block(
      person,
      'maternity_pre',
      max(birth - (twins ? 97 : 41), person.hire),
      birth,
      null,
      BUSY_PAID_LEAVE,
    );
    let plannedEnd = birth + 56;
    this.block(
      person,
      'maternity_post',
      birth + 1,
      plannedEnd,
      null,
      BUSY_PAID_LEAVE,
    );
    const takes = random.chance(
      MOTHER_CHILDCARE_FIRST +
        (MOTHER_CHILDCARE_LAST - MOTHER_CHILDCARE_FIRST) * progress,
    );
    const shortHours = random.chance(SHORT_HOURS_RATE);
    if (!takes) {
      if (shortHours) {
        this.shortHoursUntilThird(person, plannedEnd + 1, birth);
      }
      return plannedEnd;
    }
    const [low, high] =
      MOTHER_MONTH_BUCKETS[random.weighted(MOTHER_MONTH_WEIGHTS)];
    const start = birth + 57;
    let total = random.int(low * 30, high * 30);
    // Many return on April 1, when the child gets a place at a nursery.
    if (random.chance(0.3)) {
      const planned = start + total - 1;
      const marchEnd =
        fyStartDay(fiscalYearOf(this.calendar.date(planned)) + 1) - 1;
      if (marchEnd - start + 1 <= high * 30 + 60) {
        total = marchEnd - start + 1;
      }
    }
    if (total >= 240 && random.chance(0.12)) {
      // 再度取得: back at work for a few weeks, then a second episode.
      const first = round(total * (0.4 + 0.3 * random.next()));
      const firstEnd = this.block(
        person,
        'childcare',
        start,
        start + first - 1,
        childId,
        BUSY_UNPAID_LEAVE,
      );
      const secondStart = start + first + random.int(20, 90);
      plannedEnd = secondStart + (total - first) - 1;
      if (firstEnd !== null && firstEnd === start + first - 1) {
        this.block(
          person,
          'childcare',
          secondStart,
          plannedEnd,
          childId,
          BUSY_UNPAID_LEAVE,
        );
      }
    } else {
      plannedEnd = start + total - 1;
      this.block(
        person,
        'childcare',
        start,
        plannedEnd,
        childId,
        BUSY_UNPAID_LEAVE,
      );
    }
    if (shortHours) {
      this.shortHoursUntilThird(person, plannedEnd + 1, birth);
    }
    return plannedEnd;
  }

  private shortHoursUntilThird(
    person: Person,
    from: number,
    birth: number,
  ): void {
    const to = min(birth + 3 * 365 - 1, person.lastDay);
    if (from <= to) {
      person.shortHours.push(from, to);
    }
  }

  /** 配偶者出産休暇, 育児参加のための休暇, and for more fathers every year 育児休業 / 産後パパ育休. */
  private fatherLeaves(
    person: Person,
    birth: number,
    childId: string,
    random: Prng,
    progress: number,
    categoryFactor: number,
  ): number {
    let cursor = birth - random.int(0, 1);
    let plannedEnd = birth;
    if (random.chance((0.86 + 0.09 * progress) * categoryFactor)) {
      const placed = this.workdays(
        person,
        'spouse_birth',
        cursor,
        random.chance(0.55) ? 2 : 3,
        birth + 14,
        childId,
      );
      if (placed !== null) {
        cursor = placed + 1;
      }
    }
    if (random.chance((0.55 + 0.3 * progress) * categoryFactor)) {
      const total = random.chance(0.5 + 0.35 * progress) ? 5 : random.int(1, 4);
      const parts = total >= 4 && random.chance(0.3) ? [2, total - 2] : [total];
      let from = cursor + random.int(0, 10);
      for (const part of parts) {
        const placed = this.workdays(
          person,
          'childcare_participation',
          from,
          part,
          birth + 365,
          childId,
        );
        if (placed === null) {
          break;
        }
        cursor = max(cursor, placed + 1);
        from = placed + random.int(7, 45);
      }
    }
    const uptake =
      FATHER_CHILDCARE_FIRST +
      (FATHER_CHILDCARE_LAST - FATHER_CHILDCARE_FIRST) * progress;
    if (!random.chance(uptake * categoryFactor)) {
      return max(plannedEnd, cursor);
    }
    const weights = FATHER_DAY_WEIGHTS_FIRST.map(
      (weight, bucket) =>
        weight + (FATHER_DAY_WEIGHTS_LAST[bucket] - weight) * progress,
    );
    const [low, high] = FATHER_DAY_BUCKETS[random.weighted(weights)];
    const total = random.int(low, high);
    const nearBirth = random.chance(0.8);
    let start = nearBirth
      ? max(cursor, birth) + random.int(0, 14)
      : birth + random.int(60, 300);
    if (!nearBirth && start < cursor) {
      start = cursor;
    }
    let remaining = total;
    if (
      nearBirth &&
      birth >= BIRTH_CHILDCARE_FROM &&
      start <= birth + 50 &&
      random.chance(0.5)
    ) {
      // 産後パパ育休: up to 28 days within the 8 weeks after the birth, at most in two parts.
      const own = min(remaining, 28, birth + 56 - start + 1);
      if (own >= 10 && remaining <= 28 && random.chance(0.2)) {
        const first = floor(own / 2);
        const firstEnd = this.block(
          person,
          'birth_childcare',
          start,
          start + first - 1,
          childId,
          BUSY_UNPAID_LEAVE,
        );
        const secondStart = start + first + random.int(3, 10);
        const secondEnd = min(secondStart + own - first - 1, birth + 56);
        if (firstEnd !== null && secondStart <= secondEnd) {
          this.block(
            person,
            'birth_childcare',
            secondStart,
            secondEnd,
            childId,
            BUSY_UNPAID_LEAVE,
          );
        }
        plannedEnd = max(plannedEnd, secondEnd);
      } else {
        plannedEnd = max(plannedEnd, start + own - 1);
        this.block(
          person,
          'birth_childcare',
          start,
          start + own - 1,
          childId,
          BUSY_UNPAID_LEAVE,
        );
      }
      remaining -= own;
      start = plannedEnd + 1 + (random.chance(0.5) ? 0 : random.int(14, 120));
    }
    if (remaining > 0) {
      const ends = start + remaining - 1;
      plannedEnd = max(plannedEnd, ends);
      this.block(person, 'childcare', start, ends, childId, BUSY_UNPAID_LEAVE);
    }
    return max(plannedEnd, cursor);
  }

  /**
   * A leave of consecutive calendar days, cut at the separation and at any leave already there.
   * Returns its last day, or null when nothing was left. Written out only when it begins inside
   * the history; before it, it still keeps the days busy.
   */
  private block(
    person: Person,
    type: LeaveType,
    start: number,
    end: number,
    childId: string | null,
    busyCode: number,
  ): number | null {
    const calendarEnd = this.calendar.first + this.calendar.length - 1;
    let last = min(end, person.lastDay, calendarEnd);
    if (start < person.hire || start > last) {
      return null;
    }
    const offset = this.calendar.first;
    for (let day = start; day <= last; day += 1) {
      if (this.busy[day - offset] !== BUSY_FREE) {
        last = day - 1;
        break;
      }
    }
    if (last < start) {
      return null;
    }
    this.busy.fill(busyCode, start - offset, last - offset + 1);
    this.markBusy(person, start, last);
    if (busyCode === BUSY_UNPAID_LEAVE) {
      person.hasUnpaidLeave = true;
    }
    this.emit(person, type, start, last, last - start + 1, childId);
    return last;
  }

  /** `count` working days in a row from the first free working day at or after `from`. */
  private workdays(
    person: Person,
    type: LeaveType,
    from: number,
    count: number,
    latestStart: number,
    childId: string | null,
  ): number | null {
    const offset = this.calendar.first;
    const limit = min(
      person.lastDay,
      this.calendar.first + this.calendar.length - 1,
    );
    let start = max(from, person.hire);
    while (
      start <= limit &&
      start <= latestStart &&
      (this.calendar.workday[start - offset] === 0 ||
        this.busy[start - offset] !== BUSY_FREE)
    ) {
      start += 1;
    }
    if (start > limit || start > latestStart) {
      return null;
    }
    let end = start;
    let days = 1;
    this.busy[start - offset] = BUSY_PAID_LEAVE;
    for (let day = start + 1; days < count && day <= limit; day += 1) {
      if (this.calendar.workday[day - offset] === 0) {
        continue;
      }
      if (this.busy[day - offset] !== BUSY_FREE) {
        break;
      }
      this.busy[day - offset] = BUSY_PAID_LEAVE;
      end = day;
      days += 1;
    }
    this.markBusy(person, start, end);
    this.emit(person, type, start, end, days, childId);
    return end;
  }

  private markBusy(
    person: Person,
    from: number,
    to: number,
    isLeave = true,
  ): void {
    person.resetFrom = min(person.resetFrom, from);
    person.resetTo = max(person.resetTo, to);
    if (isLeave) {
      person.leaveFrom = min(person.leaveFrom, from);
      person.leaveTo = max(person.leaveTo, to);
    }
  }

  private emit(
    person: Person,
    type: LeaveType,
    start: number,
    end: number,
    days: number,
    childId: string | null,
  ): void {
    if (start < this.historyStart || start > this.historyEnd) {
      return;
    }
    this.leaves.push({
      employeeNumber: person.number,
      type,
      startDate: this.calendar.date(start),
      endDate:
        end === start ? this.calendar.date(start) : this.calendar.date(end),
      days,
      childId,
    });
  }

  // ── annual leave (年次休暇), per calendar year ───────────────────────────────────────────────

  /** Returns the person's leave-taking habit, which also lowers their overtime a little. */
  private annualLeave(person: Person): number {
    const random = this.stream(person, 2);
    const placement = this.stream(person, 3);
    // A lasting habit: most near the mean, a tail of people who hardly take any.
    const habit = random.chance(0.05)
      ? 0.15 + 0.25 * random.next()
      : logNormal(random, 0.38);
    const hireYear = Number(person.employee.hireDate.slice(0, 4));
    const from = max(person.hire, this.historyStart);
    const to = min(person.lastDay, this.historyEnd);
    // Calendar years (暦年): the history starts in April of the first and ends in March of the last.
    for (let year = this.firstFy; year <= this.lastFy + 1; year += 1) {
      const yearStart = monthStartDay(year, 1);
      const yearEnd = monthStartDay(year + 1, 1) - 1;
      const windowFrom = max(yearStart, from);
      const windowTo = min(yearEnd, to);
      const noise = 0.85 + 0.3 * random.next();
      if (windowFrom > windowTo) {
        continue;
      }
      const available = this.freeWorkdays(person, windowFrom, windowTo);
      if (available === 0) {
        continue;
      }
      const segment = segmentOn(person, windowFrom);
      if (segment === null) {
        continue;
      }
      const full = this.calendar.workdaysBetween(yearStart, yearEnd);
      const mean =
        (ANNUAL_LEAVE_FIRST +
          (ANNUAL_LEAVE_LAST - ANNUAL_LEAVE_FIRST) *
            this.calendarProgress(year)) *
        ANNUAL_LEAVE_NORMALIZER;
      const stageFactor =
        segment.stage <= KACHO ? 0.72 : segment.stage <= KAKARICHO ? 0.9 : 1.06;
      const categoryFactor =
        segment.category === 'annual_part'
          ? 0.65
          : segment.category === 'annual_full'
            ? 0.85
            : 1;
      // The first calendar year brings fewer days (15, pro rata) and less habit of taking them.
      const newcomer = year === hireYear ? 0.75 : 1;
      let total =
        mean *
        habit *
        stageFactor *
        categoryFactor *
        newcomer *
        noise *
        (available / full);
      total = min(total, 40, available);
      total = round(total * 2) / 2;
      if (total <= 0) {
        continue;
      }
      if (this.input.settings.annualLeave === 'yearly') {
        this.emit(person, 'annual', windowFrom, windowTo, total, null);
      } else {
        this.placeAnnualLeave(
          person,
          year,
          windowFrom,
          windowTo,
          total,
          available,
          placement,
        );
      }
    }
    return habit;
  }

  private calendarProgress(year: number): number {
    // Full calendar years of the history: the one after the first FY's start to the last FY's.
    const first = this.firstFy + 1;
    const last = this.lastFy;
    if (last <= first) {
      return this.progress(year);
    }
    return clamp01((year - first) / (last - first));
  }

  /** One row per use: a day, half a day, or now and then 2–3 working days in a row. */
  private placeAnnualLeave(
    person: Person,
    year: number,
    from: number,
    to: number,
    total: number,
    available: number,
    random: Prng,
  ): void {
    const offset = this.calendar.first;
    const pool = this.leaveDayPool.get(year) as Int32Array;
    // Packed as start * 4 + length (0 = half a day), so the uses sort by date without objects.
    const placed = this.placedUses;
    placed.length = 0;
    let remaining = total;
    let free = available;
    while (remaining > 0) {
      const needed = ceil(remaining);
      const roll = random.next();
      let length = 1;
      let half = remaining === 0.5;
      if (!half && roll < 0.14 && free - 1 >= ceil(remaining - 0.5)) {
        half = true;
      } else if (!half && roll > 0.93 && remaining >= 2) {
        length = remaining >= 3 && random.chance(0.4) ? 3 : 2;
      }
      const start = this.pickLeaveDay(from, to, pool, random);
      if (start < 0 || free < needed) {
        break;
      }
      let days = 1;
      this.busy[start - offset] = BUSY_ANNUAL;
      for (let day = start + 1; days < length && day <= to; day += 1) {
        if (this.calendar.workday[day - offset] === 0) {
          continue;
        }
        if (this.busy[day - offset] !== BUSY_FREE) {
          break;
        }
        this.busy[day - offset] = BUSY_ANNUAL;
        days += 1;
      }
      free -= days;
      remaining -= half ? 0.5 : days;
      placed.push(start * 4 + (half ? 0 : days));
    }
    this.markBusy(person, from, to, false);
    insertionSort(placed);
    for (const use of placed) {
      const start = floor(use / 4);
      const length = use - start * 4;
      let end = start;
      for (let counted = 1; counted < length; end += 1) {
        if (this.calendar.workday[end + 1 - offset] === 1) {
          counted += 1;
        }
      }
      this.emit(
        person,
        'annual',
        start,
        end,
        length === 0 ? 0.5 : length,
        null,
      );
    }
  }

  /** A free working day, favouring Golden Week, summer and the year end; -1 if none is left. */
  private pickLeaveDay(
    from: number,
    to: number,
    pool: Int32Array,
    random: Prng,
  ): number {
    const offset = this.calendar.first;
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const day = pool[floor(random.next() * pool.length)];
      if (day >= from && day <= to && this.busy[day - offset] === BUSY_FREE) {
        return day;
      }
    }
    const span = to - from + 1;
    const shift = random.int(0, span - 1);
    for (let step = 0; step < span; step += 1) {
      const day = from + ((shift + step) % span);
      const index = day - offset;
      if (
        this.calendar.workday[index] === 1 &&
        this.busy[index] === BUSY_FREE
      ) {
        return day;
      }
    }
    return -1;
  }

  /** Working days in [from, to] with no leave yet. */
  private freeWorkdays(person: Person, from: number, to: number): number {
    if (to < person.leaveFrom || from > person.leaveTo) {
      return this.calendar.workdaysBetween(from, to);
    }
    const offset = this.calendar.first;
    let count = 0;
    for (let day = from; day <= to; day += 1) {
      if (
        this.calendar.workday[day - offset] === 1 &&
        this.busy[day - offset] === BUSY_FREE
      ) {
        count += 1;
      }
    }
    return count;
  }

  /** Working days in [from, to] not on maternity, childcare or special leave. */
  private workedDays(person: Person, from: number, to: number): number {
    if (to < person.leaveFrom || from > person.leaveTo) {
      return this.calendar.workdaysBetween(from, to);
    }
    const offset = this.calendar.first;
    let count = 0;
    for (let day = from; day <= to; day += 1) {
      const busy = this.busy[day - offset];
      if (
        this.calendar.workday[day - offset] === 1 &&
        (busy === BUSY_FREE || busy === BUSY_ANNUAL)
      ) {
        count += 1;
      }
    }
    return count;
  }

  // ── overtime ───────────────────────────────────────────────────────────────────────────────

  private monthlyOvertime(person: Person, leaveHabit: number): Float64Array {
    const random = this.stream(person, 4);
    const byFy = new Float64Array(this.lastFy - this.firstFy + 1);
    // Some people simply work longer; those who take little leave a bit more so.
    const drive =
      logNormal(random, 0.38) *
      (leaveHabit < 0.6 ? 1.2 : 1) *
      (random.chance(0.012) ? 1.9 : 1);
    const from = max(person.hire, this.historyStart);
    const to = min(person.lastDay, this.historyEnd);
    const { months } = this;
    for (let index = 0; index < months.length; index += 1) {
      const month = months[index];
      if (month.first > to) {
        break;
      }
      if (month.last < from) {
        continue;
      }
      const noise = MONTHLY_NOISE[floor(random.next() * MONTHLY_NOISE.length)];
      const electionRoll = random.next();
      const windowFrom = max(month.first, from);
      const segment = segmentOn(person, windowFrom);
      const worked = this.workedDays(person, windowFrom, min(month.last, to));
      if (segment === null || worked === 0) {
        continue;
      }
      const profile =
        segment.profile >= 0 ? OVERTIME_PROFILES[segment.profile] : null;
      let hours =
        STAGE_OVERTIME[segment.stage] *
        CATEGORY_OVERTIME[segment.category] *
        (profile === null
          ? DEFAULT_SEASON[month.month - 1]
          : profile.factor * profile.season[month.month - 1]) *
        month.trend *
        drive *
        noise;
      if (
        month.election &&
        segment.category !== 'annual_part' &&
        electionRoll < 0.6
      ) {
        hours += 4 + 8 * electionRoll;
      }
      if (
        person.shortHours.length > 0 &&
        overlaps(person.shortHours, month.first, month.last) > 0
      ) {
        hours *= 0.3;
      }
      hours = min(round(((hours * worked) / month.workdays) * 2) / 2, 160);
      if (hours > 0) {
        this.overtime.push({
          employeeNumber: person.number,
          month: month.key,
          hours,
        });
        if (segment.stage > KACHO) {
          byFy[month.fiscalYear - this.firstFy] += hours;
        }
      }
    }
    return byFy;
  }

  // ── pay ────────────────────────────────────────────────────────────────────────────────────

  private annualPay(person: Person, overtimeByFy: Float64Array): void {
    const random = this.stream(person, 5);
    const personal = 0.96 + 0.08 * random.next();
    const hireAge = person.hireFy - person.birthFy;
    const credited = person.employee.isMidcareer
      ? max(0, hireAge - 22) * 0.7
      : 0;
    const dependants = random.chance(
      person.employee.gender === 'male'
        ? DEPENDANTS_RATE_MEN
        : DEPENDANTS_RATE_WOMEN,
    );
    for (let fy = this.firstFy; fy <= this.lastFy; fy += 1) {
      const fyStart = fyStartDay(fy);
      const fyEnd = fyStartDay(fy + 1) - 1;
      const from = max(fyStart, person.hire);
      const to = min(fyEnd, person.lastDay);
      if (from > to) {
        continue;
      }
      const daysInFy = fyEnd - fyStart + 1;
      const experience = fy - person.hireFy + credited;
      let amount = 0;
      for (const segment of person.segments) {
        const segmentFrom = max(from, segment.from);
        const segmentTo = min(to, segment.to - 1);
        if (segmentFrom > segmentTo) {
          continue;
        }
        const paidDays =
          segmentTo -
          segmentFrom +
          1 -
          this.unpaidDays(person, segmentFrom, segmentTo);
        const shortDays = overlaps(person.shortHours, segmentFrom, segmentTo);
        const allowance =
          dependants &&
          fy - person.birthFy >= 27 &&
          (segment.category === 'permanent' ||
            segment.category === 'fixed_term')
            ? DEPENDANTS_ALLOWANCE
            : 0;
        amount +=
          ((yearlyPay(segment.stage, segment.category, experience) +
            allowance) *
            (paidDays - SHORT_HOURS_PAY_CUT * shortDays)) /
          daysInFy;
      }
      amount =
        amount * personal +
        overtimeByFy[fy - this.firstFy] * OVERTIME_PAY_PER_HOUR;
      amount = round(amount / 1000) * 1000;
      if (amount > 0) {
        this.pay.push({
          employeeNumber: person.number,
          fiscalYear: fy,
          amount,
        });
      }
    }
  }

  private unpaidDays(person: Person, from: number, to: number): number {
    if (
      !person.hasUnpaidLeave ||
      to < person.leaveFrom ||
      from > person.leaveTo
    ) {
      return 0;
    }
    const offset = this.calendar.first;
    let count = 0;
    for (let day = from; day <= to; day += 1) {
      if (this.busy[day - offset] === BUSY_UNPAID_LEAVE) {
        count += 1;
      }
    }
    return count;
  }
}

/**
 * Full-time annual pay in yen (給料, 手当 and 期末・勤勉手当): 一般 3.5–4.5 M rising with the years,
 * 課長級 8–9 M, 部長級 10–11 M; 会計年度任用 much lower, part-timers lowest.
 */
function yearlyPay(
  stage: number,
  category: EmploymentCategory,
  experience: number,
): number {
  const years = (from: number, cap: number) =>
    clampNumber(experience - from, 0, cap);
  switch (category) {
    case 'annual_part':
      return 1_250_000 + 30_000 * years(0, 5);
    case 'annual_full':
    case 'temporary':
      return 2_500_000 + 40_000 * years(0, 5);
    case 'reappointed':
      return 4_100_000;
    case 'fixed_term':
      return 4_700_000 + 60_000 * years(0, 4);
    default:
      break;
  }
  switch (stage) {
    case BUCHO:
      return 10_000_000 + 60_000 * years(25, 15);
    case JICHO:
      return 9_200_000 + 40_000 * years(25, 15);
    case KACHO:
      return 8_000_000 + 50_000 * years(20, 20);
    case KACHO_HOSA:
      return 6_900_000 + 30_000 * years(15, 20);
    case KAKARICHO:
      return 5_800_000 + 40_000 * years(12, 20);
    case SHUNIN:
      return 4_600_000 + 70_000 * years(8, 15);
    default:
      return 3_450_000 + 105_000 * years(0, 10);
  }
}

function overtimeProfiles(units: readonly DemoUnit[]): Map<string, number> {
  const byCode = new Map(units.map((unit) => [unit.code, unit]));
  const profiles = new Map<string, number>();
  for (const unit of units) {
    let found = -1;
    for (
      let current: DemoUnit | undefined = unit;
      current !== undefined && found < 0;
      current =
        current.parentCode === null ? undefined : byCode.get(current.parentCode)
    ) {
      const name = current.name;
      found = OVERTIME_PROFILES.findIndex((profile) =>
        profile.keywords.some((keyword) => name.includes(keyword)),
      );
    }
    profiles.set(unit.code, found);
  }
  return profiles;
}

/** A dozen uses a year: insertion sort beats Array.prototype.sort and its comparator calls. */
function insertionSort(values: number[]): void {
  for (let index = 1; index < values.length; index += 1) {
    const value = values[index];
    let at = index - 1;
    while (at >= 0 && values[at] > value) {
      values[at + 1] = values[at];
      at -= 1;
    }
    values[at + 1] = value;
  }
}

/** Random draws of exp(N(0, sigma)) with mean 1, made once: a lookup per month instead of logs. */
function noiseTable(sigma: number, size: number): Float64Array {
  const random = new Prng(0x6f766572);
  const table = new Float64Array(size);
  for (let index = 0; index < size; index += 1) {
    table[index] = logNormal(random, sigma);
  }
  return table;
}

/** Days of [from, to] covered by the [from, to] pairs of `spans`. */
function overlaps(spans: readonly number[], from: number, to: number): number {
  let days = 0;
  for (let index = 0; index < spans.length; index += 2) {
    const start = max(from, spans[index]);
    const end = min(to, spans[index + 1]);
    if (start <= end) {
      days += end - start + 1;
    }
  }
  return days;
}

function segmentOn(person: Person, day: number): Segment | null {
  const { segments } = person;
  for (let index = segments.length - 1; index >= 0; index -= 1) {
    const segment = segments[index];
    if (segment.from <= day) {
      return day < segment.to ? segment : null;
    }
  }
  return null;
}

/** Linear between the (age, rate) points; 0 outside them. */
function interpolate(
  points: readonly (readonly [number, number])[],
  age: number,
): number {
  if (age < points[0][0] || age >= points[points.length - 1][0]) {
    return 0;
  }
  for (let index = 1; index < points.length; index += 1) {
    const [age1, rate1] = points[index];
    if (age < age1) {
      const [age0, rate0] = points[index - 1];
      return rate0 + ((rate1 - rate0) * (age - age0)) / (age1 - age0);
    }
  }
  return 0;
}

/** exp(N(0, sigma)) scaled to a mean of 1. */
function logNormal(random: Prng, sigma: number): number {
  const u = 1 - random.next();
  const v = random.next();
  const normal = sqrt(-2 * log(u)) * cos(2 * PI * v);
  return exp(sigma * normal - (sigma * sigma) / 2);
}

function streamSeed(seed: number, index: number, salt: number): number {
  let hash =
    imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^
    imul(index + 1, 0xc2b2ae35) ^
    imul(salt, 0x27d4eb2f);
  hash ^= hash >>> 16;
  hash = imul(hash, 0x7feb352d);
  hash ^= hash >>> 15;
  hash = imul(hash, 0x846ca68b);
  hash ^= hash >>> 16;
  return hash;
}

const monthStarts = new Map<number, number>();

/** The first day of a calendar month as an epoch day; memoized, Date.UTC is slow in a hot loop. */
function monthStartDay(year: number, month: number): number {
  const key = year * 12 + month - 1;
  let day = monthStarts.get(key);
  if (day === undefined) {
    day = floor(Date.UTC(year, month - 1, 1) / 86_400_000);
    monthStarts.set(key, day);
  }
  return day;
}

/** April 1 of a fiscal year as an epoch day. */
function fyStartDay(fiscalYear: number): number {
  return monthStartDay(fiscalYear, 4);
}

function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

function clampNumber(value: number, low: number, high: number): number {
  return value < low ? low : value > high ? high : value;
}
