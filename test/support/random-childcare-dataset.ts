import type {
  EmploymentCategory,
  Gender,
  LeaveType,
} from '@ikuboard/shared/contracts';
import type {
  IsoDate,
  KpiAssignment,
  KpiChild,
  KpiDataset,
  KpiEmployee,
  KpiLeave,
  KpiOrgUnit,
} from '@ikuboard/shared/kpi';
import { addDays, fromEpochDay, toEpochDay } from '@ikuboard/shared/kpi';

/** Small seeded PRNG so a failing case can be replayed from the seed printed in its name. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomChildcareOptions {
  employees: number;
  /** Births fall in these fiscal years (and a little before, for 再度 and cross-FY eligibility). */
  firstFiscalYear: number;
  lastFiscalYear: number;
}

/**
 *   U1 (employer) ─┬ U1-1 ─ U1-1-1
 *                  └ U1-2
 *   U2 (employer) ─┬ U2-1
 *                  └ U2-2 ─ U2-2-1
 */
export const RANDOM_CHILDCARE_UNITS: KpiOrgUnit[] = [
  { id: 'U1', parentId: null, isEmployerUnit: true },
  { id: 'U1-1', parentId: 'U1', isEmployerUnit: false },
  { id: 'U1-1-1', parentId: 'U1-1', isEmployerUnit: false },
  { id: 'U1-2', parentId: 'U1', isEmployerUnit: false },
  { id: 'U2', parentId: null, isEmployerUnit: true },
  { id: 'U2-1', parentId: 'U2', isEmployerUnit: false },
  { id: 'U2-2', parentId: 'U2', isEmployerUnit: false },
  { id: 'U2-2-1', parentId: 'U2-2', isEmployerUnit: false },
];

const CATEGORIES: EmploymentCategory[] = [
  'permanent',
  'permanent',
  'permanent',
  'permanent',
  'annual_part',
  'fixed_term',
];

/**
 * A city whose childcare data sits in the corners the definitions care about: births on 03-31 and
 * 04-01, mothers whose postnatal leave ends in the next FY (births in February and March), twins,
 * men with two children in a year, transfers and category changes between birth and leave,
 * separations before the leave, unspecified gender, first leaves that start in the next FY,
 * second episodes (再度), half days, and 配偶者出産休暇 taken before the birth.
 */
export function randomChildcareDataset(
  seed: number,
  options: RandomChildcareOptions,
): KpiDataset {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T =>
    items[Math.floor(random() * items.length)] as T;
  const between = (from: IsoDate, to: IsoDate): IsoDate =>
    fromEpochDay(
      toEpochDay(from) +
        Math.floor(random() * (toEpochDay(to) - toEpochDay(from) + 1)),
    );
  const halfDays = (min: number, max: number): number =>
    Math.round((min + random() * (max - min)) * 2) / 2 || 0.5;

  const first = `${options.firstFiscalYear - 1}-04-01`;
  const last = `${options.lastFiscalYear + 1}-03-31`;
  const employees: KpiEmployee[] = [];
  const assignments: KpiAssignment[] = [];
  const children: KpiChild[] = [];
  const leaves: KpiLeave[] = [];

  const leave = (
    employeeId: string,
    type: LeaveType,
    startDate: IsoDate,
    days: number,
    childId: string | null,
  ) =>
    leaves.push({
      employeeId,
      type,
      startDate,
      endDate: addDays(startDate, Math.max(0, Math.ceil(days) - 1)),
      days,
      childId,
    });

  for (let index = 0; index < options.employees; index++) {
    const id = `E${String(index + 1).padStart(4, '0')}`;
    const roll = random();
    const gender: Gender =
      roll < 0.47 ? 'male' : roll < 0.94 ? 'female' : 'unspecified';
    // Some are hired in the middle of the period, so that a birth can precede the hire.
    const hireDate =
      random() < 0.7 ? between('2000-04-01', first) : between(first, last);
    const separationDate =
      random() < 0.15 ? between(hireDate, addDays(last, 200)) : null;
    employees.push({
      id,
      gender,
      hireDate,
      separationDate,
      isRehire: false,
      isMidcareer: false,
    });

    // Effective-dated, non-overlapping assignments; a transfer or category change now and then,
    // and rarely a gap with no assignment in force.
    let from = hireDate;
    const segments = 1 + Math.floor(random() * 3);
    for (let segment = 0; segment < segments; segment++) {
      const isLast = segment === segments - 1 || from >= last;
      const to = isLast ? null : between(addDays(from, 1), addDays(last, 100));
      assignments.push({
        employeeId: id,
        validFrom: from,
        validTo: to,
        orgUnitId: pick(RANDOM_CHILDCARE_UNITS).id,
        stageId: random() < 0.15 ? 'kacho' : 'ippan',
        category: pick(CATEGORIES),
      });
      if (to === null) break;
      from = random() < 0.05 ? addDays(to, 30) : to;
    }

    const childCount = random() < 0.55 ? 1 + (random() < 0.3 ? 1 : 0) : 0;
    for (let n = 0; n < childCount; n++) {
      const fy =
        options.firstFiscalYear -
        1 +
        Math.floor(
          random() * (options.lastFiscalYear - options.firstFiscalYear + 2),
        );
      const edge = random();
      const birthDate =
        edge < 0.1
          ? `${fy + 1}-03-31`
          : edge < 0.2
            ? `${fy}-04-01`
            : edge < 0.35
              ? between(`${fy + 1}-02-01`, `${fy + 1}-03-31`)
              : between(`${fy}-04-01`, `${fy + 1}-03-31`);
      const twins = random() < 0.06 ? 2 : 1;
      for (let twin = 0; twin < twins; twin++) {
        const childId = `${id}-c${n + 1}-${twin + 1}`;
        children.push({ id: childId, employeeId: id, birthDate });
        addChildLeaves(id, gender, childId, birthDate);
      }
    }
    if (random() < 0.5) {
      leave(id, 'annual', between(first, last), halfDays(0.5, 5), null);
    }
  }

  function addChildLeaves(
    employeeId: string,
    gender: Gender,
    childId: string,
    birthDate: IsoDate,
  ): void {
    const mother =
      gender === 'female' || (gender === 'unspecified' && random() < 0.5);
    if (mother) {
      leave(employeeId, 'maternity_post', addDays(birthDate, 1), 56, null);
    }
    if (!mother) {
      if (random() < 0.5) {
        leave(
          employeeId,
          'spouse_birth',
          addDays(birthDate, Math.floor(random() * 7) - 3),
          halfDays(0.5, 3),
          childId,
        );
      }
      if (random() < 0.4) {
        leave(
          employeeId,
          'childcare_participation',
          addDays(birthDate, Math.floor(random() * 200)),
          halfDays(0.5, 5),
          childId,
        );
      }
    }
    if (random() < (mother ? 0.85 : 0.6)) {
      const atBirth = !mother && random() < 0.4;
      // Mothers start after postnatal leave (birth + 57 or later), fathers any time, often late.
      const start = mother
        ? addDays(birthDate, 57 + Math.floor(random() * 20))
        : addDays(
            birthDate,
            Math.floor(random() * (random() < 0.3 ? 400 : 60)),
          );
      const days = mother
        ? halfDays(60, 800)
        : atBirth
          ? halfDays(1, 28)
          : random() < 0.15
            ? halfDays(120, 800)
            : halfDays(1, 120);
      leave(
        employeeId,
        atBirth ? 'birth_childcare' : 'childcare',
        start,
        days,
        childId,
      );
      if (random() < 0.3) {
        leave(
          employeeId,
          random() < 0.5 ? 'childcare' : 'birth_childcare',
          addDays(start, Math.ceil(days) + Math.floor(random() * 300)),
          halfDays(1, 90),
          childId,
        );
      }
    }
  }

  return {
    units: RANDOM_CHILDCARE_UNITS,
    stages: [
      {
        id: 'kacho',
        officialStage: 'section_chief',
        isManager: true,
        isSupervisor: true,
      },
      {
        id: 'ippan',
        officialStage: 'staff',
        isManager: false,
        isSupervisor: false,
      },
    ],
    employees,
    assignments,
    children,
    leaves,
    overtime: [],
    pay: [],
  };
}
