import type { EmploymentCategory, Gender } from '@ikuboard/shared/contracts';
import type {
  IsoDate,
  KpiAssignment,
  KpiDataset,
  KpiEmployee,
  KpiLeave,
  KpiOrgUnit,
  KpiOvertime,
  KpiPay,
  KpiPositionStage,
} from '@ikuboard/shared/kpi';
import { daysInMonth, fromEpochDay, toEpochDay } from '@ikuboard/shared/kpi';

/** Small seeded PRNG so a failing case can be replayed from the seed printed in its name. */
export function workforcePrng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomWorkforceOptions {
  employees: number;
  firstFiscalYear: number;
  lastFiscalYear: number;
}

/**
 *   W1 (employer) ─┬ W1-1 ─ W1-1-1
 *                  └ W1-2
 *   W2 (employer) ─┬ W2-1
 *                  └ W2-2
 */
export const RANDOM_WORKFORCE_UNITS: KpiOrgUnit[] = [
  { id: 'W1', parentId: null, isEmployerUnit: true },
  { id: 'W1-1', parentId: 'W1', isEmployerUnit: false },
  { id: 'W1-1-1', parentId: 'W1-1', isEmployerUnit: false },
  { id: 'W1-2', parentId: 'W1', isEmployerUnit: false },
  { id: 'W2', parentId: null, isEmployerUnit: true },
  { id: 'W2-1', parentId: 'W2', isEmployerUnit: false },
  { id: 'W2-2', parentId: 'W2', isEmployerUnit: false },
];

const STAGES: KpiPositionStage[] = [
  { id: 'WBU', officialStage: 'director', isManager: true, isSupervisor: true },
  {
    id: 'WKA',
    officialStage: 'section_chief',
    isManager: true,
    isSupervisor: true,
  },
  {
    id: 'WHO',
    officialStage: 'deputy_chief',
    isManager: false,
    isSupervisor: true,
  },
  {
    id: 'WKK',
    officialStage: 'subsection_chief',
    isManager: false,
    isSupervisor: true,
  },
  { id: 'WSH', officialStage: 'staff', isManager: false, isSupervisor: false },
  { id: 'WIP', officialStage: 'staff', isManager: false, isSupervisor: false },
];

const CATEGORIES: EmploymentCategory[] = [
  'permanent',
  'permanent',
  'permanent',
  'permanent',
  'permanent',
  'reappointed',
  'annual_part',
  'annual_full',
  'fixed_term',
  'temporary',
];

const iso = (year: number, month: number, day: number): IsoDate =>
  `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

/**
 * Random organizations aimed at the corners of the workforce definitions: hires on 03-31, 04-01,
 * 01-01 and 01-02; separations on 12-30, 12-31, 03-31 and 04-01; people hired and gone within a
 * year; rehires; transfers, promotions to manager and category changes on 04-01, on the 1st of a
 * month and on other days; annual leave with half days starting on 31 December and 1 January;
 * overtime with missing months and heavy workers near every limit; pay records of people who left.
 * Hours are multiples of 0.25 and days of 0.5, so JavaScript sums are exact and the limits
 * (> 45 h, ≥ 100 h, > 360 h …) fall the same way in SQL and in the reference.
 */
export function randomWorkforceDataset(
  seed: number,
  options: RandomWorkforceOptions,
): KpiDataset {
  const random = workforcePrng(seed);
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(random() * items.length)] as T;
  const between = (low: number, high: number) =>
    low + Math.floor(random() * (high - low + 1));
  const { firstFiscalYear: first, lastFiscalYear: last } = options;
  const periodStart = toEpochDay(iso(first - 1, 1, 1));
  const periodEnd = toEpochDay(iso(last + 1, 12, 31));
  const randomDate = (from: number, to: number): IsoDate =>
    fromEpochDay(between(from, Math.max(from, to)));
  const cornerDate = (year: number): IsoDate =>
    pick([
      iso(year, 3, 31),
      iso(year, 4, 1),
      iso(year, 1, 1),
      iso(year, 1, 2),
      iso(year, 12, 30),
      iso(year, 12, 31),
      iso(year, 10, 1),
    ]);

  const employees: KpiEmployee[] = [];
  const assignments: KpiAssignment[] = [];
  const leaves: KpiLeave[] = [];
  const overtime: KpiOvertime[] = [];
  const pay: KpiPay[] = [];

  for (let n = 0; n < options.employees; n++) {
    const id = `W${String(n + 1).padStart(5, '0')}`;
    const genderRoll = random();
    const gender: Gender =
      genderRoll < 0.05 ? 'unspecified' : genderRoll < 0.52 ? 'female' : 'male';
    const hireRoll = random();
    const hireDate =
      hireRoll < 0.45
        ? randomDate(toEpochDay('1984-04-01'), periodStart)
        : hireRoll < 0.6
          ? cornerDate(between(first - 1, last + 1))
          : randomDate(periodStart, periodEnd);
    const hire = toEpochDay(hireDate);
    let separationDate: IsoDate | null = null;
    const sepRoll = random();
    if (sepRoll < 0.12) {
      const candidate = cornerDate(between(first - 1, last + 1));
      separationDate = candidate >= hireDate ? candidate : null;
    } else if (sepRoll < 0.3) {
      // Some leave within months of joining: hired and gone between two rosters.
      const span =
        random() < 0.3 ? between(0, 200) : between(0, periodEnd - hire);
      separationDate = fromEpochDay(hire + span);
    }
    employees.push({
      id,
      gender,
      hireDate,
      separationDate,
      isRehire: random() < 0.1,
      isMidcareer: random() < 0.2,
    });

    // Assignments from the hire date, changing 0–4 times on distinct later dates.
    const changeDays = new Set<number>();
    const changes = between(0, 4);
    for (let c = 0; c < changes; c++) {
      const year = between(first - 1, last + 1);
      const roll = random();
      const date =
        roll < 0.4
          ? iso(year, 4, 1)
          : roll < 0.7
            ? iso(year, between(1, 12), 1)
            : iso(year, between(1, 12), between(1, 28));
      const day = toEpochDay(date);
      if (day > hire) changeDays.add(day);
    }
    const starts = [hire, ...[...changeDays].sort((a, b) => a - b)];
    let stageIndex = between(2, STAGES.length - 1);
    let category = pick(CATEGORIES);
    let unit = pick(RANDOM_WORKFORCE_UNITS).id;
    starts.forEach((start, index) => {
      if (index > 0) {
        const what = random();
        if (what < 0.35) unit = pick(RANDOM_WORKFORCE_UNITS).id;
        else if (what < 0.75)
          stageIndex = Math.max(0, stageIndex - between(1, 2)); // promotion, often to manager
        else category = pick(CATEGORIES);
      }
      const next = starts[index + 1];
      assignments.push({
        employeeId: id,
        validFrom: fromEpochDay(start),
        validTo: next === undefined ? null : fromEpochDay(next),
        orgUnitId: unit,
        stageId: (STAGES[stageIndex] as KpiPositionStage).id,
        category,
      });
    });

    const lastDay = separationDate ? toEpochDay(separationDate) : periodEnd;
    // Annual leave (and some sick leave) per calendar year, with 31 Dec / 1 Jan starts and half days.
    for (let year = first - 1; year <= last + 1; year++) {
      const episodes = between(0, 7);
      for (let e = 0; e < episodes; e++) {
        const roll = random();
        const startDate =
          roll < 0.1
            ? iso(year, 12, 31)
            : roll < 0.2
              ? iso(year, 1, 1)
              : iso(year, between(1, 12), between(1, 28));
        if (
          toEpochDay(startDate) < hire ||
          toEpochDay(startDate) > lastDay + 30
        )
          continue;
        const days = pick([0.5, 0.5, 1, 1, 1.5, 2, 3, 5]);
        leaves.push({
          employeeId: id,
          type: random() < 0.85 ? 'annual' : 'sick',
          startDate,
          endDate: startDate,
          days,
          childId: null,
        });
      }
    }

    // Overtime for the months of service (a few after leaving), some months missing.
    const heavy = random() < 0.08;
    for (let fy = first - 1; fy <= last + 1; fy++) {
      for (let i = 0; i < 12; i++) {
        const month = ((i + 3) % 12) + 1;
        const year = i < 9 ? fy : fy + 1;
        const firstOfMonth = toEpochDay(iso(year, month, 1));
        const endOfMonth = toEpochDay(
          iso(year, month, daysInMonth(year, month)),
        );
        if (endOfMonth < hire || firstOfMonth > lastDay + 40) continue;
        if (random() < 0.2) continue;
        const roll = random();
        const hours = heavy
          ? between(120, 460) / 4 // 30–115 h: near 45, 80, 100 and the annual limits
          : roll < 0.8
            ? between(0, 160) / 4
            : roll < 0.95
              ? between(160, 300) / 4
              : between(300, 520) / 4;
        overtime.push({
          employeeId: id,
          month: `${year}-${String(month).padStart(2, '0')}`,
          hours,
        });
      }
    }

    // Pay for each fiscal year touched by service (a record suffices, even after leaving).
    for (let fy = first - 1; fy <= last + 1; fy++) {
      const fyStart = iso(fy, 4, 1);
      const fyEnd = iso(fy + 1, 3, 31);
      if (
        hireDate > fyEnd ||
        (separationDate !== null && separationDate < fyStart)
      )
        continue;
      if (random() < 0.08) continue;
      pay.push({
        employeeId: id,
        fiscalYear: fy,
        amount: between(1_500, 11_000) * 1000,
      });
    }
  }

  return {
    units: RANDOM_WORKFORCE_UNITS,
    stages: STAGES,
    employees,
    assignments,
    children: [],
    leaves,
    overtime,
    pay,
  };
}
