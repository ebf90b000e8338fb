import type { EmploymentCategory, Gender } from '@ikuboard/shared/contracts';
import {
  fiscalYearEnd,
  fiscalYearStart as formatFiscalYearStart,
  fromEpochDay,
  toEpochDay,
} from '@ikuboard/shared/kpi';

import type {
  DemoAssignment,
  DemoCity,
  DemoCityOptions,
  DemoEmployee,
  DemoNextFiscalYear,
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
import type { OrgStructure } from './org-structure';
import { generateLifeEvents } from './life-events';
import { buildOrgStructure } from './org-structure';
import { personName } from './person-names';
import { Prng } from './prng';

export const DEFAULT_DEMO_CITY_OPTIONS: Required<DemoCityOptions> = {
  staff: 3000,
  firstFiscalYear: 2020,
  lastFiscalYear: 2025,
  seed: 20250401,
  annualLeave: 'episodes',
};

/** Women among managers on the first and last April 1: the trend the demo dashboards show. */
const WOMEN_MANAGER_SHARE_FIRST = 0.105;
const WOMEN_MANAGER_SHARE_LAST = 0.18;
/** The sample roster of the following April must visibly move the figure (DOMAIN.md demo story). */
const WOMEN_MANAGER_SHARE_NEXT_YEAR_GAIN = 0.02;

const RETIREMENT_AGE = 60;
const REAPPOINTMENT_END_AGE = 65;
const REAPPOINTMENT_RATE = 0.4;
const UNSPECIFIED_GENDER_RATE = 0.003;

/** Shares of the headcount by category; permanent staff take the rest. */
const NON_PERMANENT_SHARES: readonly (readonly [EmploymentCategory, number])[] =
  [
    ['fixed_term', 0.015],
    ['annual_full', 0.03],
    ['annual_part', 0.055],
  ];
const INITIAL_REAPPOINTED_SHARE = 0.035;

/** Youngest age (reached within the FY) at which someone is put in a post. */
const MIN_AGE: readonly number[] = [54, 52, 46, 42, 33, 0, 0];
/** Age at which a typical career reaches each stage, for the invented history before the first FY. */
const ENTRY_AGE: readonly number[] = [56, 53, 49, 45, 38, 29, 0];

interface Person {
  id: number;
  employee: DemoEmployee;
  gender: Gender;
  birthFy: number;
  hireFy: number;
  category: EmploymentCategory;
  stage: number;
  unit: number;
  previousUnit: number;
  seat: number;
  unitSince: number;
  stageSince: number;
  rotation: number;
  /** Fiscal year at whose end a fixed-term appointment ends. */
  termEndFy: number;
  /** Seniority jitter, so promotions follow age without going strictly by birth date. */
  merit: number;
  open: DemoAssignment | null;
  separated: boolean;
  promotedIn: number;
  sortKey: number;
}

interface NewPerson {
  birthFy: number;
  hireFy: number;
  hireDate?: string;
  gender: Gender;
  category: EmploymentCategory;
  stage: number;
  isMidcareer: boolean;
  isRehire: boolean;
  name?: string;
}

/**
 * Generates みどり市: its organization chart, position stages, and an effective-dated staff history
 * with a headcount of about `staff` on each April 1 from `firstFiscalYear` to `lastFiscalYear`.
 * Pure and deterministic: the same options give a deep-equal city.
 */
export function generateDemoCity(options: DemoCityOptions = {}): DemoCity {
  const settings: Required<DemoCityOptions> = {
    ...DEFAULT_DEMO_CITY_OPTIONS,
    ...options,
  };
  if (settings.lastFiscalYear < settings.firstFiscalYear) {
    throw new RangeError('lastFiscalYear must not be before firstFiscalYear');
  }
  if (!Number.isInteger(settings.staff) || settings.staff < 50) {
    throw new RangeError('staff must be an integer of at least 50');
  }
  return new CitySimulation(settings).run();
}

class CitySimulation {
  private readonly random: Prng;
  private readonly structure: OrgStructure;
  private readonly people: Person[] = [];
  private active: Person[] = [];
  private readonly subsectionCount: Int32Array;
  private readonly employees: DemoEmployee[] = [];
  private readonly assignments: DemoAssignment[] = [];
  private readonly next: DemoNextFiscalYear;
  private sink: {
    employees: DemoEmployee[];
    assignments: DemoAssignment[];
    closesHistory: boolean;
  };
  private retiredLastYear: Person[] = [];
  private heads: Int32Array;
  private readonly managerSeats: number;
  private nextNumber = 1;

  constructor(private readonly settings: Required<DemoCityOptions>) {
    this.random = new Prng(settings.seed);
    this.structure = buildOrgStructure(settings.staff, this.random.fork(1));
    this.subsectionCount = new Int32Array(this.structure.nodes.length);
    this.heads = new Int32Array(this.structure.nodes.length).fill(-1);
    this.managerSeats = this.structure.seats.filter(
      (seat) => DEMO_STAGES[seat.stage].isManager,
    ).length;
    this.next = {
      asOf: fiscalYearStart(settings.lastFiscalYear + 1),
      employees: [],
      assignments: [],
    };
    this.sink = {
      employees: this.employees,
      assignments: this.assignments,
      closesHistory: true,
    };
  }

  run(): DemoCity {
    const { firstFiscalYear, lastFiscalYear } = this.settings;
    this.createInitialStaff(firstFiscalYear);
    for (
      let fiscalYear = firstFiscalYear;
      fiscalYear <= lastFiscalYear;
      fiscalYear += 1
    ) {
      this.recordSupervisors(null);
      this.runYear(fiscalYear);
      if (fiscalYear === lastFiscalYear) {
        this.sink = {
          employees: this.next.employees,
          assignments: this.next.assignments,
          closesHistory: false,
        };
      }
      this.runAprilFirst(fiscalYear + 1);
    }
    this.recordSupervisors(new Set(this.next.employees));
    const units = this.structure.nodes.map((node) => node.unit);
    const { children, leaves, overtime, pay } = generateLifeEvents({
      settings: this.settings,
      units,
      employees: this.employees,
      assignments: this.assignments,
    });
    return {
      options: { ...this.settings },
      organization: { code: 'midori', name: 'みどり市', nameEn: 'Midori City' },
      units,
      stages: DEMO_STAGES.map((stage) => ({ ...stage })),
      employees: this.employees,
      assignments: this.assignments,
      children,
      leaves,
      overtime,
      pay,
      nextFiscalYear: this.next,
    };
  }

  // ── the first April 1 ──────────────────────────────────────────────────────────────────────

  private createInitialStaff(fiscalYear: number): void {
    const { staff } = this.settings;
    const random = this.random.fork(2);
    const newcomers: NewPerson[] = [];
    let permanent = staff - Math.round(staff * INITIAL_REAPPOINTED_SHARE);
    for (const [category, share] of NON_PERMANENT_SHARES) {
      const count = Math.round(staff * share);
      permanent -= count;
      for (let index = 0; index < count; index += 1) {
        newcomers.push(
          this.nonPermanentNewcomer(random, fiscalYear, category, true),
        );
      }
    }
    for (
      let index = Math.round(staff * INITIAL_REAPPOINTED_SHARE);
      index > 0;
      index -= 1
    ) {
      const age = random.int(RETIREMENT_AGE + 1, REAPPOINTMENT_END_AGE);
      newcomers.push({
        birthFy: fiscalYear - age,
        hireFy: fiscalYear - random.int(0, age - RETIREMENT_AGE - 1),
        gender: drawGender(random, 0.3),
        category: 'reappointed',
        stage: SHUNIN,
        isMidcareer: false,
        isRehire: true,
      });
    }
    const ageWeights = Array.from(
      { length: RETIREMENT_AGE - 18 },
      (_, index) => {
        const age = index + 19;
        return age < 23
          ? 0.15
          : age <= 30
            ? 1.1
            : age <= 40
              ? 0.85
              : age <= 50
                ? 1
                : 1.1;
      },
    );
    for (let index = 0; index < permanent; index += 1) {
      const age = 19 + random.weighted(ageWeights);
      const isMidcareer = age >= 28 && random.chance(0.18);
      const hireAge = isMidcareer
        ? random.int(26, Math.min(45, age))
        : age < 23 || random.chance(0.1)
          ? 19
          : 23;
      // Older cohorts were hired when fewer women were: about 45 % among the young, 32 % near 60.
      newcomers.push({
        birthFy: fiscalYear - age,
        hireFy: fiscalYear - (age - hireAge),
        gender: drawGender(random, 0.45 - 0.0035 * (age - 22)),
        category: 'permanent',
        stage: IPPAN,
        isMidcareer,
        isRehire: false,
      });
    }
    // Employee numbers follow the hire order, as in a real 職員番号 sequence.
    newcomers.sort((a, b) => a.hireFy - b.hireFy);
    for (const newcomer of newcomers) {
      this.createPerson(newcomer, random);
    }
    this.fillInitialPosts(fiscalYear, random);
    for (const person of this.active) {
      if (
        person.seat < 0 &&
        person.category === 'permanent' &&
        isSeniorStaff(person, fiscalYear)
      ) {
        person.stage = SHUNIN;
      }
    }
    this.placeUnplaced(fiscalYear, random);
    for (const person of this.active) {
      this.writeInitialHistory(person, fiscalYear, random);
    }
  }

  private fillInitialPosts(fiscalYear: number, random: Prng): void {
    const candidates = this.active.filter(
      (person) => person.category === 'permanent',
    );
    candidates.sort(
      (a, b) =>
        seniority(b, fiscalYear) - seniority(a, fiscalYear) || a.id - b.id,
    );
    const directors = this.seatsAt(BUCHO, false);
    const deputies = this.seatsAt(JICHO, false);
    const chiefs = this.seatsAt(KACHO, false);
    const womenManagers = Math.round(
      WOMEN_MANAGER_SHARE_FIRST * this.managerSeats,
    );
    const womenDirectors = Math.round(
      WOMEN_MANAGER_SHARE_FIRST * 0.5 * directors.length,
    );
    const womenDeputies = Math.round(
      WOMEN_MANAGER_SHARE_FIRST * 0.75 * deputies.length,
    );
    const hosa = this.seatsAt(KACHO_HOSA, false);
    const kakaricho = this.seatsAt(KAKARICHO, false);
    const plan: [number, number[], number][] = [
      [BUCHO, directors, womenDirectors],
      [JICHO, deputies, womenDeputies],
      [
        KACHO,
        chiefs,
        Math.max(0, womenManagers - womenDirectors - womenDeputies),
      ],
      [KACHO_HOSA, hosa, Math.round(0.22 * hosa.length)],
      [KAKARICHO, kakaricho, Math.round(0.3 * kakaricho.length)],
    ];
    for (const [stage, seats, women] of plan) {
      random.shuffle(seats);
      const pool = candidates.filter(
        (person) =>
          person.seat < 0 && fiscalYear - person.birthFy >= MIN_AGE[stage],
      );
      this.fillSeats(seats, pool, women, fiscalYear, true);
    }
  }

  // ── one fiscal year's events after April 1 ─────────────────────────────────────────────────

  private runYear(fiscalYear: number): void {
    const random = this.random.fork(5000 + fiscalYear);
    const yearStart = toEpochDay(fiscalYearStart(fiscalYear));
    const yearEnd = toEpochDay(fiscalYearEnd(fiscalYear));
    for (const person of this.active) {
      const age = fiscalYear - person.birthFy;
      let leaves = false;
      let midYear = false;
      switch (person.category) {
        case 'permanent':
          if (age >= RETIREMENT_AGE) {
            leaves = true;
            this.retiredLastYear.push(person);
          } else if (random.chance(resignationRate(age, person.stage))) {
            leaves = true;
            midYear = random.chance(0.5);
          }
          break;
        case 'reappointed':
          leaves = age >= REAPPOINTMENT_END_AGE || random.chance(0.2);
          break;
        case 'fixed_term':
          leaves = person.termEndFy <= fiscalYear;
          break;
        default:
          leaves = random.chance(0.2);
          midYear = leaves && random.chance(0.15);
      }
      if (!leaves) {
        continue;
      }
      const from = Math.max(
        yearStart,
        toEpochDay((person.open as DemoAssignment).validFrom),
      );
      const lastDay =
        midYear && yearEnd - from > 30
          ? random.int(from + 14, yearEnd - 1)
          : yearEnd;
      this.separate(person, lastDay);
    }
    // A few hires outside April: mid-career engineers in October, part-timers whenever needed.
    const midYearHires = Math.round(this.settings.staff * 0.004);
    const lateStarters: Person[] = [];
    for (let index = 0; index < midYearHires; index += 1) {
      const age = random.int(27, 45);
      const hireDate = random.pick([
        `${fiscalYear}-07-01`,
        `${fiscalYear}-10-01`,
        `${fiscalYear}-10-01`,
        `${fiscalYear + 1}-01-01`,
      ]);
      lateStarters.push(
        this.createPerson(
          {
            birthFy: fiscalYear - age,
            hireFy: fiscalYear,
            hireDate,
            gender: drawGender(random, 0.38),
            category: 'permanent',
            stage: age >= 32 ? SHUNIN : IPPAN,
            isMidcareer: true,
            isRehire: false,
          },
          random,
        ),
      );
    }
    for (
      let index = Math.round(this.settings.staff * 0.006);
      index > 0;
      index -= 1
    ) {
      const newcomer = this.nonPermanentNewcomer(
        random,
        fiscalYear,
        'annual_part',
        false,
      );
      newcomer.hireDate = fromEpochDay(random.int(yearStart + 1, yearEnd - 30));
      lateStarters.push(this.createPerson(newcomer, random));
    }
    this.placeUnplaced(fiscalYear, random);
    for (const person of lateStarters) {
      this.openAssignment(person, person.employee.hireDate);
      person.employee.supervisorNumber = this.supervisorOf(person);
    }
  }

  private separate(person: Person, lastDay: number): void {
    person.separated = true;
    person.employee.separationDate = fromEpochDay(lastDay);
    (person.open as DemoAssignment).validTo = fromEpochDay(lastDay + 1);
    if (person.seat >= 0) {
      this.structure.seats[person.seat].holder = -1;
      person.seat = -1;
    } else if (person.unit >= 0) {
      this.subsectionCount[person.unit] -= 1;
    }
  }

  // ── April 1: reappointments, promotions, 人事異動, hires ────────────────────────────────────

  private runAprilFirst(fiscalYear: number): void {
    const random = this.random.fork(9000 + fiscalYear);
    const date = fiscalYearStart(fiscalYear);
    this.active = this.active.filter((person) => !person.separated);

    for (const retiree of this.retiredLastYear) {
      if (random.chance(REAPPOINTMENT_RATE)) {
        this.createPerson(
          {
            birthFy: retiree.birthFy,
            hireFy: fiscalYear,
            gender: retiree.gender,
            category: 'reappointed',
            stage: SHUNIN,
            isMidcareer: false,
            isRehire: true,
            name: retiree.employee.name,
          },
          random,
        );
      }
    }
    this.retiredLastYear = [];

    this.promote(fiscalYear, random);
    this.rotate(fiscalYear, random);
    this.hire(fiscalYear, random);
    this.placeUnplaced(fiscalYear, random);

    for (const person of this.active) {
      const open = person.open;
      if (open === null) {
        this.openAssignment(person, person.employee.hireDate);
      } else if (
        !sameAssignment(
          open,
          this.unitCode(person),
          DEMO_STAGES[person.stage].code,
          person.category,
        )
      ) {
        if (this.sink.closesHistory) {
          open.validTo = date;
        }
        this.openAssignment(person, date);
      }
    }
  }

  private promote(fiscalYear: number, random: Prng): void {
    const progress = this.progress(fiscalYear);
    const sources: readonly (readonly number[])[] = [
      [JICHO, KACHO],
      [KACHO],
      [KACHO_HOSA, KAKARICHO],
      [KAKARICHO],
      [SHUNIN],
    ];
    const pools = sources.map((stages, target) =>
      this.promotionPool(fiscalYear, target, stages),
    );
    this.fillSeats(
      random.shuffle(this.seatsAt(BUCHO, true)),
      pools[BUCHO],
      null,
      fiscalYear,
      false,
    );
    this.fillSeats(
      random.shuffle(this.seatsAt(JICHO, true)),
      pools[JICHO],
      null,
      fiscalYear,
      false,
    );

    // Promotions to 課長級 are where a city moves its women-manager ratio; the plan's trajectory
    // decides how many of this April's new 課長 are women.
    const chiefSeats = random.shuffle(this.seatsAt(KACHO, true));
    let womenManagers = 0;
    for (const person of this.active) {
      if (person.gender === 'female' && DEMO_STAGES[person.stage].isManager) {
        womenManagers += 1;
      }
    }
    const womenNeeded =
      Math.round(this.womenManagerShare(fiscalYear) * this.managerSeats) -
      womenManagers;
    this.fillSeats(
      chiefSeats,
      pools[KACHO],
      Math.min(chiefSeats.length, Math.max(0, womenNeeded)),
      fiscalYear,
      false,
    );

    const hosaSeats = random.shuffle(this.seatsAt(KACHO_HOSA, true));
    this.fillSeats(
      hosaSeats,
      pools[KACHO_HOSA],
      roundRandomly((0.3 + 0.1 * progress) * hosaSeats.length, random),
      fiscalYear,
      false,
    );
    const kakarichoSeats = random.shuffle(this.seatsAt(KAKARICHO, true));
    this.fillSeats(
      kakarichoSeats,
      pools[KAKARICHO],
      roundRandomly((0.36 + 0.08 * progress) * kakarichoSeats.length, random),
      fiscalYear,
      false,
    );

    for (const person of this.active) {
      if (
        person.stage === IPPAN &&
        person.category === 'permanent' &&
        isSeniorStaff(person, fiscalYear) &&
        random.chance(0.7)
      ) {
        person.stage = SHUNIN;
        person.stageSince = fiscalYear;
      }
    }
  }

  private promotionPool(
    fiscalYear: number,
    target: number,
    sourceStages: readonly number[],
  ): Person[] {
    const eligible = (minAge: number) =>
      this.active.filter(
        (person) =>
          person.category === 'permanent' &&
          sourceStages.includes(person.stage) &&
          fiscalYear - person.birthFy >= minAge &&
          fiscalYear - person.birthFy < RETIREMENT_AGE &&
          fiscalYear - person.stageSince >= 1,
      );
    let pool = eligible(MIN_AGE[target]);
    if (pool.length < 3) {
      pool = eligible(MIN_AGE[target] - 6);
    }
    // The stage right below comes first: a 課長補佐 is promoted before a 係長 of the same age.
    for (const person of pool) {
      person.sortKey =
        seniority(person, fiscalYear) + (person.stage === target + 1 ? 3 : 0);
    }
    return pool.sort((a, b) => b.sortKey - a.sortKey || a.id - b.id);
  }

  /** 人事異動: everyone who has spent their 2–4 years in a unit moves on. */
  private rotate(fiscalYear: number, random: Prng): void {
    for (let stage = BUCHO; stage <= KAKARICHO; stage += 1) {
      const movers = this.active.filter(
        (person) =>
          person.stage === stage &&
          person.seat >= 0 &&
          person.promotedIn !== fiscalYear &&
          fiscalYear - person.unitSince >= person.rotation,
      );
      if (movers.length < 2) {
        continue;
      }
      random.shuffle(movers);
      const seats = movers.map((person) => person.seat);
      movers.forEach((person, index) => {
        const seat = seats[(index + 1) % seats.length];
        this.structure.seats[seat].holder = person.id;
        person.seat = seat;
        person.unit = this.structure.seats[seat].unit;
        person.unitSince = fiscalYear;
        person.rotation = random.int(2, 4);
      });
    }
    for (const person of this.active) {
      if (
        person.seat < 0 &&
        person.category === 'permanent' &&
        fiscalYear - person.unitSince >= person.rotation
      ) {
        this.subsectionCount[person.unit] -= 1;
        person.previousUnit = person.unit;
        person.unit = -1;
      }
    }
  }

  private hire(fiscalYear: number, random: Prng): void {
    const { staff } = this.settings;
    const byCategory = new Map<EmploymentCategory, number>();
    for (const person of this.active) {
      byCategory.set(
        person.category,
        (byCategory.get(person.category) ?? 0) + 1,
      );
    }
    for (const [category, share] of NON_PERMANENT_SHARES) {
      for (
        let missing =
          Math.round(staff * share) - (byCategory.get(category) ?? 0);
        missing > 0;
        missing -= 1
      ) {
        this.createPerson(
          this.nonPermanentNewcomer(random, fiscalYear, category, false),
          random,
        );
      }
    }
    const target = Math.round(staff * (1 + (random.next() - 0.5) * 0.01));
    const womenShare = 0.4 + 0.05 * Math.min(1, this.progress(fiscalYear));
    for (let missing = target - this.active.length; missing > 0; missing -= 1) {
      const isMidcareer = random.chance(0.15);
      const age = isMidcareer
        ? random.int(26, 45)
        : random.chance(0.12)
          ? 19
          : 23;
      this.createPerson(
        {
          birthFy: fiscalYear - age,
          hireFy: fiscalYear,
          gender: drawGender(
            random,
            isMidcareer ? womenShare - 0.05 : womenShare,
          ),
          category: 'permanent',
          stage: isMidcareer && age >= 32 ? SHUNIN : IPPAN,
          isMidcareer,
          isRehire: false,
        },
        random,
      );
    }
  }

  // ── people, posts and places ───────────────────────────────────────────────────────────────

  private createPerson(newcomer: NewPerson, random: Prng): Person {
    const number = String(this.nextNumber).padStart(7, '0');
    this.nextNumber += 1;
    const birthDay =
      toEpochDay(fiscalYearStart(newcomer.birthFy)) + random.int(1, 365);
    const employee: DemoEmployee = {
      employeeNumber: number,
      name:
        newcomer.name ??
        personName(
          newcomer.gender,
          newcomer.birthFy,
          random.next(),
          random.next(),
        ),
      gender: newcomer.gender,
      birthDate: fromEpochDay(birthDay),
      hireDate: newcomer.hireDate ?? fiscalYearStart(newcomer.hireFy),
      separationDate: null,
      isRehire: newcomer.isRehire,
      isMidcareer: newcomer.isMidcareer,
      supervisorNumber: null,
    };
    const person: Person = {
      id: this.people.length,
      employee,
      gender: newcomer.gender,
      birthFy: newcomer.birthFy,
      hireFy: newcomer.hireFy,
      category: newcomer.category,
      stage: newcomer.stage,
      unit: -1,
      previousUnit: -1,
      seat: -1,
      unitSince: newcomer.hireFy,
      stageSince: newcomer.hireFy,
      rotation: random.int(3, 4),
      termEndFy:
        newcomer.category === 'fixed_term'
          ? newcomer.hireFy + random.pick([2, 2, 4])
          : Number.POSITIVE_INFINITY,
      merit: random.next() * 4,
      open: null,
      separated: false,
      promotedIn: -1,
      sortKey: 0,
    };
    this.people.push(person);
    this.active.push(person);
    this.sink.employees.push(employee);
    return person;
  }

  private nonPermanentNewcomer(
    random: Prng,
    fiscalYear: number,
    category: EmploymentCategory,
    initial: boolean,
  ): NewPerson {
    const age =
      category === 'fixed_term' ? random.int(30, 55) : random.int(24, 66);
    const yearsAgo = initial
      ? random.int(0, category === 'fixed_term' ? 2 : 5)
      : 0;
    return {
      birthFy: fiscalYear - age,
      hireFy: fiscalYear - yearsAgo,
      gender: drawGender(random, category === 'fixed_term' ? 0.45 : 0.75),
      category,
      stage: IPPAN,
      isMidcareer: category === 'fixed_term',
      isRehire: false,
    };
  }

  /** Fills seats from a pool sorted by seniority; `women` of them go to women when any are left. */
  private fillSeats(
    seats: readonly number[],
    pool: readonly Person[],
    women: number | null,
    fiscalYear: number,
    initial: boolean,
  ): void {
    const queues = {
      women: pool.filter((person) => person.gender === 'female'),
      others: pool.filter((person) => person.gender !== 'female'),
      all: pool,
    };
    const cursor = { women: 0, others: 0, all: 0 };
    const take = (key: 'women' | 'others' | 'all'): Person | null => {
      const queue = queues[key];
      while (cursor[key] < queue.length) {
        const person = queue[cursor[key]];
        cursor[key] += 1;
        const free = initial
          ? person.seat < 0
          : person.promotedIn !== fiscalYear;
        if (free && !person.separated) {
          return person;
        }
      }
      return null;
    };
    let womenPlaced = 0;
    seats.forEach((seat, index) => {
      // Error diffusion spreads the women over the seats rather than giving them the first ones.
      const wantWoman =
        women !== null &&
        womenPlaced < Math.round((women * (index + 1)) / seats.length);
      const person =
        women === null
          ? take('all')
          : wantWoman
            ? (take('women') ?? take('others'))
            : (take('others') ?? take('women'));
      if (!person) {
        return;
      }
      if (person.gender === 'female') {
        womenPlaced += 1;
      }
      this.moveIntoSeat(person, seat, fiscalYear);
    });
  }

  private moveIntoSeat(
    person: Person,
    seatIndex: number,
    fiscalYear: number,
  ): void {
    const seat = this.structure.seats[seatIndex];
    if (person.seat >= 0) {
      this.structure.seats[person.seat].holder = -1;
    } else if (person.unit >= 0) {
      this.subsectionCount[person.unit] -= 1;
    }
    seat.holder = person.id;
    person.seat = seatIndex;
    person.unit = seat.unit;
    person.stage = seat.stage;
    person.stageSince = fiscalYear;
    person.promotedIn = fiscalYear;
    person.unitSince = fiscalYear;
    person.rotation = this.random.int(2, 4);
  }

  /** Puts everyone without a unit into the 係 furthest below its planned size. */
  private placeUnplaced(fiscalYear: number, random: Prng): void {
    const unplaced = this.active.filter(
      (person) => person.unit < 0 && !person.separated,
    );
    if (unplaced.length === 0) {
      return;
    }
    const places: number[] = [];
    for (const node of this.structure.subsections) {
      for (
        let free =
          this.structure.nodes[node].capacity - this.subsectionCount[node];
        free > 0;
        free -= 1
      ) {
        places.push(node);
      }
    }
    random.shuffle(places);
    for (const person of unplaced) {
      let unit = places.pop() ?? random.pick(this.structure.subsections);
      if (unit === person.previousUnit && places.length > 0) {
        const swapIndex = random.int(0, places.length - 1);
        [unit, places[swapIndex]] = [places[swapIndex], unit];
      }
      person.unit = unit;
      person.previousUnit = -1;
      person.unitSince = fiscalYear;
      person.rotation = random.int(3, 4);
      this.subsectionCount[unit] += 1;
    }
  }

  private seatsAt(stage: number, vacantOnly: boolean): number[] {
    const seats: number[] = [];
    this.structure.seats.forEach((seat, index) => {
      if (seat.stage === stage && (!vacantOnly || seat.holder < 0)) {
        seats.push(index);
      }
    });
    return seats;
  }

  // ── assignments and reporting lines ────────────────────────────────────────────────────────

  /** Invents the career before the first April 1: one step up the ladder at a time, and a transfer. */
  private writeInitialHistory(
    person: Person,
    fiscalYear: number,
    random: Prng,
  ): void {
    const steps: { stage: number; from: number }[] = [];
    if (person.category === 'permanent') {
      let from = fiscalYear;
      for (let stage = person.stage; stage <= IPPAN; stage += 1) {
        const skippable =
          stage !== person.stage && (stage === KACHO_HOSA || stage === JICHO);
        if (skippable && random.chance(0.5)) {
          continue;
        }
        const ideal =
          stage === IPPAN
            ? person.hireFy
            : person.birthFy + ENTRY_AGE[stage] + random.int(-1, 1);
        from =
          steps.length === 0
            ? Math.max(person.hireFy, Math.min(ideal, fiscalYear))
            : Math.min(ideal, from - 1);
        if (from < person.hireFy) {
          break;
        }
        steps.unshift({ stage, from });
      }
    } else {
      steps.push({ stage: person.stage, from: person.hireFy });
    }
    steps[0].from = person.hireFy;
    const current = steps[steps.length - 1];
    person.stageSince = current.from;
    person.unitSince =
      person.category === 'permanent'
        ? Math.max(current.from, fiscalYear - random.int(0, 3))
        : current.from;
    const closedStep = (stage: number, from: string, to: string) => {
      this.sink.assignments.push({
        employeeNumber: person.employee.employeeNumber,
        validFrom: from,
        validTo: to,
        unitCode: this.randomUnitCode(stage, random),
        stageCode: DEMO_STAGES[stage].code,
        category: person.category,
      });
    };
    steps.forEach((step, index) => {
      const from =
        index === 0 ? person.employee.hireDate : fiscalYearStart(step.from);
      if (index < steps.length - 1) {
        closedStep(step.stage, from, fiscalYearStart(steps[index + 1].from));
      } else if (person.unitSince > step.from) {
        closedStep(step.stage, from, fiscalYearStart(person.unitSince));
        this.openAssignment(person, fiscalYearStart(person.unitSince));
      } else {
        this.openAssignment(person, from);
      }
    });
  }

  private openAssignment(person: Person, from: string): void {
    const assignment: DemoAssignment = {
      employeeNumber: person.employee.employeeNumber,
      validFrom: from,
      validTo: null,
      unitCode: this.unitCode(person),
      stageCode: DEMO_STAGES[person.stage].code,
      category: person.category,
    };
    person.open = assignment;
    this.sink.assignments.push(assignment);
  }

  private randomUnitCode(stage: number, random: Prng): string {
    const { departments, sections, subsections, nodes } = this.structure;
    const level =
      stage <= JICHO && departments.length > 0
        ? departments
        : stage <= KACHO_HOSA
          ? sections
          : subsections;
    return nodes[random.pick(level)].unit.code;
  }

  private unitCode(person: Person): string {
    return this.structure.nodes[person.unit].unit.code;
  }

  /** Writes each person's boss as of now; `only` limits the writing to those records. */
  private recordSupervisors(only: Set<DemoEmployee> | null): void {
    this.heads = new Int32Array(this.structure.nodes.length).fill(-1);
    for (const person of this.active) {
      if (person.separated || person.stage > KAKARICHO) {
        continue;
      }
      const current = this.heads[person.unit];
      if (
        current < 0 ||
        person.stage < this.people[current].stage ||
        (person.stage === this.people[current].stage && person.id < current)
      ) {
        this.heads[person.unit] = person.id;
      }
    }
    for (const person of this.active) {
      if (!person.separated && (only === null || only.has(person.employee))) {
        person.employee.supervisorNumber = this.supervisorOf(person);
      }
    }
  }

  /**
   * The head of the person's own unit if they outrank the person, else the nearest head above.
   * Rank strictly rises inside a unit and the unit strictly rises otherwise, so lines never cycle.
   */
  private supervisorOf(person: Person): string | null {
    const { nodes } = this.structure;
    const ownHead = this.heads[person.unit];
    if (
      ownHead >= 0 &&
      this.people[ownHead].stage < person.stage &&
      !this.people[ownHead].separated
    ) {
      return this.people[ownHead].employee.employeeNumber;
    }
    for (
      let unit = nodes[person.unit].parent;
      unit >= 0;
      unit = nodes[unit].parent
    ) {
      const head = this.heads[unit];
      if (
        head >= 0 &&
        head !== person.id &&
        this.people[head].stage <= person.stage &&
        !this.people[head].separated
      ) {
        return this.people[head].employee.employeeNumber;
      }
    }
    return null;
  }

  private progress(fiscalYear: number): number {
    const { firstFiscalYear, lastFiscalYear } = this.settings;
    return lastFiscalYear === firstFiscalYear
      ? 0
      : (fiscalYear - firstFiscalYear) / (lastFiscalYear - firstFiscalYear);
  }

  private womenManagerShare(fiscalYear: number): number {
    const planned = (year: number) =>
      WOMEN_MANAGER_SHARE_FIRST +
      (WOMEN_MANAGER_SHARE_LAST - WOMEN_MANAGER_SHARE_FIRST) *
        this.progress(year);
    const { lastFiscalYear } = this.settings;
    return fiscalYear > lastFiscalYear
      ? planned(lastFiscalYear) + WOMEN_MANAGER_SHARE_NEXT_YEAR_GAIN
      : planned(fiscalYear);
  }
}

const fiscalYearStarts = new Map<number, string>();

/** Memoized: a million assignments then share a handful of date strings instead of a million copies. */
function fiscalYearStart(fiscalYear: number): string {
  let date = fiscalYearStarts.get(fiscalYear);
  if (date === undefined) {
    date = formatFiscalYearStart(fiscalYear);
    fiscalYearStarts.set(fiscalYear, date);
  }
  return date;
}

function seniority(person: Person, fiscalYear: number): number {
  return fiscalYear - person.birthFy + person.merit;
}

function isSeniorStaff(person: Person, fiscalYear: number): boolean {
  return fiscalYear - person.hireFy >= 8 && fiscalYear - person.birthFy >= 30;
}

function resignationRate(age: number, stage: number): number {
  if (stage <= KACHO) {
    return 0.003;
  }
  return age < 30 ? 0.03 : age < 40 ? 0.02 : age < 50 ? 0.01 : 0.008;
}

function drawGender(random: Prng, womenShare: number): Gender {
  if (random.chance(UNSPECIFIED_GENDER_RATE)) {
    return 'unspecified';
  }
  return random.chance(womenShare) ? 'female' : 'male';
}

function roundRandomly(value: number, random: Prng): number {
  const floor = Math.floor(value);
  return floor + (random.chance(value - floor) ? 1 : 0);
}

function sameAssignment(
  assignment: DemoAssignment,
  unitCode: string,
  stageCode: string,
  category: EmploymentCategory,
): boolean {
  return (
    assignment.unitCode === unitCode &&
    assignment.stageCode === stageCode &&
    assignment.category === category
  );
}
