import {
  addDays,
  computeStaffRatioKpis,
  fiscalYearStart,
} from '@ikuboard/shared/kpi';

import type { DemoCity, RosterRow } from './demo-city.types';
import { generateDemoCity } from './generate-demo-city';
import { toKpiDataset } from './kpi-dataset';
import { nextYearRoster, rosterAsOf } from './roster';

const city = generateDemoCity();
const FISCAL_YEARS = [2020, 2021, 2022, 2023, 2024, 2025];

function kpi(
  target: DemoCity,
  fiscalYear: number,
  code: string,
  includeNextFiscalYear = false,
): number {
  const value = computeStaffRatioKpis(
    toKpiDataset(target, { includeNextFiscalYear }),
    fiscalYear,
  ).find((entry) => entry.code === code)?.value;
  if (value === null || value === undefined) {
    throw new Error(`no ${code} for FY${fiscalYear}`);
  }
  return value;
}

function depthOf(target: DemoCity): Map<string, number> {
  const parent = new Map(
    target.units.map((unit) => [unit.code, unit.parentCode]),
  );
  const depth = new Map<string, number>();
  for (const unit of target.units) {
    let level = 0;
    for (
      let code = unit.parentCode;
      code !== null;
      code = parent.get(code) ?? null
    ) {
      level += 1;
    }
    depth.set(unit.code, level);
  }
  return depth;
}

/** Follows every supervisor link; returns the numbers whose line dangles or loops. */
function brokenLines(links: Map<string, string | null>): string[] {
  const broken: string[] = [];
  for (const start of links.keys()) {
    const seen = new Set<string>();
    for (
      let current: string | null = start;
      current !== null;
      current = links.get(current) ?? null
    ) {
      if (!links.has(current) || seen.has(current)) {
        broken.push(start);
        break;
      }
      seen.add(current);
    }
  }
  return broken;
}

describe('generateDemoCity (みどり市, 3,000 staff, FY2020–FY2025)', () => {
  it('is deterministic: the same options give a deep-equal city, another seed a different one', () => {
    const options = { staff: 300, seed: 7 };
    expect(generateDemoCity(options)).toEqual(generateDemoCity(options));
    expect(generateDemoCity({ ...options, seed: 8 }).employees).not.toEqual(
      generateDemoCity(options).employees,
    );
  });

  it('names the organization and has the four employer units with 局/部 → 課 → 係 below', () => {
    expect(city.organization).toEqual({
      code: 'midori',
      name: 'みどり市',
      nameEn: 'Midori City',
    });
    expect(
      city.units.filter((unit) => unit.isEmployerUnit).map((unit) => unit.name),
    ).toEqual(['市長部局', '教育委員会', '議会事務局', '上下水道局']);
    expect(city.units.some((unit) => unit.name === '人事課')).toBe(true);
    expect(city.units.some((unit) => unit.name === '子育て支援課')).toBe(true);
    const depth = depthOf(city);
    const subsections = city.units.filter(
      (unit) => unit.name.endsWith('係') && depth.get(unit.code) !== 1,
    );
    // one 係 per 8–12 staff: 3,000 staff → 250–375 係
    expect(subsections.length).toBeGreaterThanOrEqual(250);
    expect(subsections.length).toBeLessThanOrEqual(375);
  });

  it('uses the default position stages of DOMAIN.md §2 in rank order', () => {
    expect(
      city.stages.map((stage) => [
        stage.code,
        stage.officialStage,
        stage.isManager,
        stage.isSupervisor,
      ]),
    ).toEqual([
      ['bucho', 'director', true, true],
      ['jicho', 'director', true, true],
      ['kacho', 'section_chief', true, true],
      ['kacho_hosa', 'deputy_chief', false, true],
      ['kakaricho', 'subsection_chief', false, true],
      ['shunin', 'staff', false, false],
      ['ippan', 'staff', false, false],
    ]);
  });

  it('keeps the headcount of every April 1 within 5 % of the requested staff', () => {
    for (const fiscalYear of FISCAL_YEARS) {
      const headcount = rosterAsOf(city, fiscalYearStart(fiscalYear)).length;
      expect(Math.abs(headcount - 3000)).toBeLessThanOrEqual(150);
    }
  });

  it('raises women among managers from about 10 % in the first FY to about 18 % in the last', () => {
    const first = kpi(city, 2020, 'female_manager_ratio');
    const last = kpi(city, 2025, 'female_manager_ratio');
    expect(first).toBeGreaterThanOrEqual(9);
    expect(first).toBeLessThanOrEqual(12);
    expect(last).toBeGreaterThanOrEqual(16);
    expect(last).toBeLessThanOrEqual(20);
  });

  it('keeps women at 38–42 % of permanent staff', () => {
    for (const fiscalYear of FISCAL_YEARS) {
      const share = kpi(city, fiscalYear, 'female_staff_ratio');
      expect(share).toBeGreaterThanOrEqual(38);
      expect(share).toBeLessThanOrEqual(42);
    }
  });

  it('has a few unspecified genders, rehires, mid-career hires and non-permanent categories', () => {
    const unspecified = city.employees.filter(
      (employee) => employee.gender === 'unspecified',
    ).length;
    expect(unspecified).toBeGreaterThan(0);
    expect(unspecified / city.employees.length).toBeLessThan(0.01);
    expect(city.employees.some((employee) => employee.isRehire)).toBe(true);
    const categories = new Set(
      rosterAsOf(city, '2025-04-01').map((row) => row.category),
    );
    expect([...categories].sort()).toEqual([
      'annual_full',
      'annual_part',
      'fixed_term',
      'permanent',
      'reappointed',
    ]);
    const hiredIn2024 = city.employees.filter(
      (employee) =>
        employee.hireDate.startsWith('2024-04-01') && !employee.isRehire,
    );
    const midcareer =
      hiredIn2024.filter((employee) => employee.isMidcareer).length /
      hiredIn2024.length;
    expect(midcareer).toBeGreaterThan(0.05);
    expect(midcareer).toBeLessThan(0.3);
    expect(
      city.employees.some(
        (employee) =>
          employee.hireDate >= '2020-04-02' &&
          !employee.hireDate.endsWith('-04-01'),
      ),
    ).toBe(true);
  });

  it('gives every employee a unique 7-digit number and a family and given name', () => {
    const numbers = city.employees.map((employee) => employee.employeeNumber);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(numbers.every((number) => /^\d{7}$/.test(number))).toBe(true);
    expect(
      city.employees.every((employee) => /^\S+\u3000\S+$/.test(employee.name)),
    ).toBe(true);
  });

  it('writes non-overlapping assignments from the hire date to the separation, on existing units and stages', () => {
    const unitCodes = new Set(city.units.map((unit) => unit.code));
    const stageCodes = new Set(city.stages.map((stage) => stage.code));
    const problems: string[] = [];
    const byEmployee = new Map<string, typeof city.assignments>();
    for (const assignment of city.assignments) {
      if (
        !unitCodes.has(assignment.unitCode) ||
        !stageCodes.has(assignment.stageCode)
      ) {
        problems.push(`${assignment.employeeNumber}: unknown unit or stage`);
      }
      const list = byEmployee.get(assignment.employeeNumber) ?? [];
      list.push(assignment);
      byEmployee.set(assignment.employeeNumber, list);
    }
    for (const employee of city.employees) {
      const number = employee.employeeNumber;
      const list = (byEmployee.get(number) ?? []).sort((a, b) =>
        a.validFrom.localeCompare(b.validFrom),
      );
      if (list.length === 0 || list[0].validFrom !== employee.hireDate) {
        problems.push(`${number}: first assignment does not start at hire`);
        continue;
      }
      list.forEach(({ validFrom, validTo }, index) => {
        if (validTo !== null && validTo <= validFrom) {
          problems.push(`${number}: empty period at ${validFrom}`);
        }
        // contiguous: each one ends exactly where the next begins, so none overlap
        if (index < list.length - 1 && validTo !== list[index + 1].validFrom) {
          problems.push(`${number}: gap or overlap at ${validFrom}`);
        }
      });
      const lastTo = list[list.length - 1].validTo;
      const expectedTo =
        employee.separationDate === null
          ? null
          : addDays(employee.separationDate, 1);
      if (
        lastTo !== expectedTo ||
        (employee.separationDate ?? '') > '2026-03-31'
      ) {
        problems.push(
          `${number}: last assignment not closed at the separation`,
        );
      }
    }
    expect(problems).toEqual([]);
  });

  it('retires permanent staff on March 31 and makes the April 1 changes', () => {
    const separations = city.employees.filter(
      (employee) => employee.separationDate !== null,
    );
    const onMarch31 = separations.filter((employee) =>
      employee.separationDate?.endsWith('-03-31'),
    ).length;
    expect(onMarch31 / separations.length).toBeGreaterThan(0.7);
    const changesOnApril1 = city.assignments.filter(
      (assignment) => assignment.validFrom === '2024-04-01',
    ).length;
    // promotions, 3–4-year transfers and new hires: roughly a quarter to a half of the staff
    expect(changesOnApril1).toBeGreaterThan(3000 * 0.2);
    expect(changesOnApril1).toBeLessThan(3000 * 0.6);
  });

  it('reports every roster row to someone in the same roster of a higher or equal rank, without cycles', () => {
    const rankOf = new Map(
      city.stages.map((stage) => [stage.code, stage.sortOrder]),
    );
    for (const fiscalYear of [2020, 2025]) {
      const rows = rosterAsOf(city, fiscalYearStart(fiscalYear));
      const byNumber = new Map<string, RosterRow>(
        rows.map((row) => [row.employeeNumber, row]),
      );
      const withoutBoss = rows.filter((row) => row.supervisorNumber === null);
      // only the heads of the 局 and employer units report to no one on the roster (the mayor is not staff)
      expect(withoutBoss.every((row) => row.stageCode === 'bucho')).toBe(true);
      const outranked = rows.filter((row) => {
        const boss =
          row.supervisorNumber === null
            ? undefined
            : byNumber.get(row.supervisorNumber);
        return (
          row.supervisorNumber !== null &&
          (!boss ||
            (rankOf.get(boss.stageCode) as number) >
              (rankOf.get(row.stageCode) as number))
        );
      });
      expect(outranked).toEqual([]);
      expect(
        brokenLines(
          new Map(
            rows.map((row) => [row.employeeNumber, row.supervisorNumber]),
          ),
        ),
      ).toEqual([]);
    }
  });

  it('has a stored supervisor for each employee that exists and forms no cycle', () => {
    const links = new Map(
      city.employees.map((employee) => [
        employee.employeeNumber,
        employee.supervisorNumber,
      ]),
    );
    expect(brokenLines(links)).toEqual([]);
    const current = rosterAsOf(city, '2026-03-31');
    expect(
      current.filter((row) => row.supervisorNumber !== null).length,
    ).toBeGreaterThan(current.length * 0.95);
  });

  it('works for a small town of 300 staff', () => {
    const small = generateDemoCity({
      staff: 300,
      firstFiscalYear: 2022,
      lastFiscalYear: 2024,
    });
    for (const fiscalYear of [2022, 2023, 2024]) {
      expect(
        Math.abs(rosterAsOf(small, fiscalYearStart(fiscalYear)).length - 300),
      ).toBeLessThanOrEqual(15);
    }
    expect(small.units.filter((unit) => unit.isEmployerUnit)).toHaveLength(4);
    expect(nextYearRoster(small).rows.length).toBeGreaterThan(270);
  });
});

describe('nextYearRoster (the sample roster of the following April 1)', () => {
  const roster = nextYearRoster(city);

  it('is the roster as of the April 1 after the last fiscal year', () => {
    expect(roster.asOf).toBe('2026-04-01');
    expect(Math.abs(roster.rows.length - 3000)).toBeLessThanOrEqual(150);
  });

  it('leaves out the staff who retired on March 31 and brings in the new hires', () => {
    const numbers = new Set(roster.rows.map((row) => row.employeeNumber));
    const retired = city.employees.filter(
      (employee) => employee.separationDate === '2026-03-31',
    );
    expect(retired.length).toBeGreaterThan(0);
    expect(
      retired.some((employee) => numbers.has(employee.employeeNumber)),
    ).toBe(false);
    const hires = roster.rows.filter((row) => row.hireDate === '2026-04-01');
    expect(hires.length).toBeGreaterThan(50);
    expect(
      city.employees.some((employee) => employee.hireDate === '2026-04-01'),
    ).toBe(false);
  });

  it('promotes several women to 課長級 so that women among managers rise by 1–3 points', () => {
    const before = kpi(city, 2025, 'female_manager_ratio');
    const after = kpi(city, 2026, 'female_manager_ratio', true);
    expect(after - before).toBeGreaterThanOrEqual(1);
    expect(after - before).toBeLessThanOrEqual(3);
    const lastRoster = new Map(
      rosterAsOf(city, '2026-03-31').map((row) => [row.employeeNumber, row]),
    );
    const newWomenChiefs = roster.rows.filter(
      (row) =>
        row.gender === 'female' &&
        row.stageCode === 'kacho' &&
        lastRoster.get(row.employeeNumber)?.stageCode !== 'kacho',
    );
    expect(newWomenChiefs.length).toBeGreaterThanOrEqual(3);
  });

  it('agrees with the women-manager share counted straight from its rows', () => {
    const managers = roster.rows.filter(
      (row) =>
        row.category === 'permanent' &&
        ['bucho', 'jicho', 'kacho'].includes(row.stageCode),
    );
    const women = managers.filter((row) => row.gender === 'female').length;
    expect((women / managers.length) * 100).toBeCloseTo(
      kpi(city, 2026, 'female_manager_ratio', true),
      9,
    );
  });
});
