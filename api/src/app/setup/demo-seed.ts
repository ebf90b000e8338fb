import { randomUUID } from 'node:crypto';

import type { KpiCode } from '@ikuboard/shared/contracts';
import { generateDemoCity, type DemoCity } from '@ikuboard/shared/demo-data';
import { fiscalYearStart, roundHalfUp } from '@ikuboard/shared/kpi';
import type { DataSource } from 'typeorm';

import { analyzePersonTables } from '../../database/analyze';
import { seedCommitteeDemo } from '../committee/committee-demo-seed';
import type { Queryable } from '../../database/queryable';
import { seedDemoIkubossDeclarations } from '../declarations/declarations-demo-seed';
import { rebuildUnitClosure } from '../imports/import-writer';
import { refreshKpiAggregates } from '../kpi/kpi-aggregates';
import { KPI_GROUPS } from '../kpi/kpi-groups';
import { seedIkubossProgrammes } from '../ikuboss-programmes/ikuboss-demo-seed';
import { seedReviews360Demo } from '../reviews360/reviews360-demo-seed';
import { createAccount, createOrganization } from './organization-setup';

export const DEMO_PASSWORD = 'ikuboard-demo';

/** Headcount of みどり市 on every April 1; the sample roster is generated from the same city. */
export const DEMO_STAFF = 3_000;

export const DEMO_ACCOUNTS = [
  {
    username: 'admin',
    role: 'admin',
    displayName: 'システム管理者',
    ja: 'システム管理者',
  },
  { username: 'hr', role: 'hr', displayName: '人事課 担当者', ja: '人事課' },
  {
    username: 'manager',
    role: 'manager',
    displayName: '課長(デモ)',
    ja: '管理職',
  },
  { username: 'staff', role: 'staff', displayName: '職員(デモ)', ja: '職員' },
  {
    username: 'committee',
    role: 'committee',
    displayName: '推進委員会 委員',
    ja: '委員会',
  },
] as const;

const CHUNK = 20_000;

async function insertChunked<T>(
  items: readonly T[],
  insert: (chunk: readonly T[]) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < items.length; start += CHUNK)
    await insert(items.slice(start, start + CHUNK));
}

/** Writes a generated city set-based; used by the demo start-up, tests and the benchmark tiers. */
export async function loadDemoCity(
  manager: Queryable,
  city: DemoCity,
  options: { code?: string } = {},
): Promise<string> {
  const code = options.code ?? city.organization.code;
  const organizationId = await createOrganization(manager, {
    code,
    name: city.organization.name,
    nameEn: city.organization.nameEn,
    stages: city.stages,
  });
  const unitIds = new Map(city.units.map((unit) => [unit.code, randomUUID()]));
  await manager.query(
    `INSERT INTO org_unit (id, organization_id, code, name, name_en, is_employer_unit, sort_order)
     SELECT u.id, $1, u.code, u.name, u.name_en, u.employer, u.ord::int
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::boolean[]) WITH ORDINALITY AS u (id, code, name, name_en, employer, ord)`,
    [
      organizationId,
      city.units.map((u) => unitIds.get(u.code)),
      city.units.map((u) => u.code),
      city.units.map((u) => u.name),
      city.units.map((u) => u.nameEn),
      city.units.map((u) => u.isEmployerUnit),
    ],
  );
  await manager.query(
    `UPDATE org_unit u SET parent_id = l.parent FROM unnest($2::uuid[], $3::uuid[]) AS l (id, parent)
      WHERE u.organization_id = $1 AND u.id = l.id`,
    [
      organizationId,
      city.units.map((u) => unitIds.get(u.code)),
      city.units.map((u) => (u.parentCode ? unitIds.get(u.parentCode) : null)),
    ],
  );
  await rebuildUnitClosure(manager, organizationId);

  const stageIds = new Map<string, string>(
    (
      (await manager.query(
        `SELECT code, id FROM position_stage WHERE organization_id = $1`,
        [organizationId],
      )) as { code: string; id: string }[]
    ).map((row: { code: string; id: string }) => [row.code, row.id]),
  );
  const categoryIds = new Map<string, string>(
    (
      (await manager.query(
        `SELECT code, id FROM employment_category WHERE organization_id = $1`,
        [organizationId],
      )) as { code: string; id: string }[]
    ).map((row: { code: string; id: string }) => [row.code, row.id]),
  );
  const employeeIds = new Map(
    city.employees.map((employee) => [employee.employeeNumber, randomUUID()]),
  );
  await insertChunked(city.employees, (chunk) =>
    manager.query(
      `INSERT INTO employee (id, organization_id, employee_number, name, gender, hire_date, separation_date, is_rehire, is_midcareer)
       SELECT u.id, $1, u.num, u.name, u.gender, u.hire, u.sep, u.rehire, u.mid
         FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::date[], $7::date[], $8::boolean[], $9::boolean[])
           AS u (id, num, name, gender, hire, sep, rehire, mid)`,
      [
        organizationId,
        chunk.map((e) => employeeIds.get(e.employeeNumber)),
        chunk.map((e) => e.employeeNumber),
        chunk.map((e) => e.name),
        chunk.map((e) => e.gender),
        chunk.map((e) => e.hireDate),
        chunk.map((e) => e.separationDate),
        chunk.map((e) => e.isRehire),
        chunk.map((e) => e.isMidcareer),
      ],
    ),
  );
  const supervised = city.employees.filter(
    (e) => e.supervisorNumber !== null && employeeIds.has(e.supervisorNumber),
  );
  await insertChunked(supervised, (chunk) =>
    manager.query(
      `UPDATE employee e SET supervisor_id = l.sup FROM unnest($2::uuid[], $3::uuid[]) AS l (id, sup)
        WHERE e.organization_id = $1 AND e.id = l.id`,
      [
        organizationId,
        chunk.map((e) => employeeIds.get(e.employeeNumber)),
        chunk.map((e) => employeeIds.get(e.supervisorNumber!)),
      ],
    ),
  );
  await insertChunked(city.assignments, (chunk) =>
    manager.query(
      `INSERT INTO assignment (organization_id, employee_id, valid_from, valid_to, org_unit_id, position_stage_id, employment_category_id)
       SELECT $1, * FROM unnest($2::uuid[], $3::date[], $4::date[], $5::uuid[], $6::uuid[], $7::uuid[])`,
      [
        organizationId,
        chunk.map((a) => employeeIds.get(a.employeeNumber)),
        chunk.map((a) => a.validFrom),
        chunk.map((a) => a.validTo),
        chunk.map((a) => unitIds.get(a.unitCode)),
        chunk.map((a) => stageIds.get(a.stageCode)),
        chunk.map((a) => categoryIds.get(a.category)),
      ],
    ),
  );
  await loadLifeEvents(manager, organizationId, city, employeeIds);
  await analyzePersonTables(manager);
  const { firstFiscalYear, lastFiscalYear } = city.options;
  const snapshots: string[] = [];
  for (let fy = firstFiscalYear; fy <= lastFiscalYear; fy++)
    snapshots.push(fiscalYearStart(fy));
  await manager.query(
    `INSERT INTO roster_snapshot (organization_id, as_of) SELECT $1, d FROM unnest($2::date[]) AS d`,
    [organizationId, snapshots],
  );
  await refreshKpiAggregates(manager, organizationId);
  return organizationId;
}

/**
 * Children, leave episodes, monthly overtime and annual pay: millions of rows for the larger tiers,
 * so each chunk builds its column arrays from a slice and nothing holds the whole set twice.
 */
async function loadLifeEvents(
  manager: Queryable,
  organizationId: string,
  city: DemoCity,
  employeeIds: ReadonlyMap<string, string>,
): Promise<void> {
  const employeeId = (employeeNumber: string): string => {
    const id = employeeIds.get(employeeNumber);
    if (id === undefined)
      throw new Error(`demo data names unknown employee ${employeeNumber}`);
    return id;
  };
  const childIds = new Map<string, string>();
  const childId = (id: string): string => {
    const uuid = childIds.get(id);
    if (uuid === undefined)
      throw new Error(`demo leave names unknown child ${id}`);
    return uuid;
  };
  const birthOrders: number[] = [];
  const births = new Map<string, number>();
  for (const child of city.children) {
    childIds.set(child.id, randomUUID());
    // Twins: the same employee and birth date, told apart by their order.
    const key = `${child.employeeNumber}|${child.birthDate}`;
    const order = (births.get(key) ?? 0) + 1;
    births.set(key, order);
    birthOrders.push(order);
  }
  await insertChunked(
    city.children.map((child, index) => ({ child, order: birthOrders[index] })),
    (chunk) =>
      manager.query(
        `INSERT INTO child (id, organization_id, employee_id, birth_date, birth_order)
         SELECT u.id, $1, u.emp, u.born, u.ord
           FROM unnest($2::uuid[], $3::uuid[], $4::date[], $5::smallint[]) AS u (id, emp, born, ord)`,
        [
          organizationId,
          chunk.map(({ child }) => childIds.get(child.id)),
          chunk.map(({ child }) => employeeId(child.employeeNumber)),
          chunk.map(({ child }) => child.birthDate),
          chunk.map(({ order }) => order),
        ],
      ),
  );
  await insertChunked(city.leaves, (chunk) =>
    manager.query(
      `INSERT INTO leave_episode (organization_id, employee_id, leave_type, start_date, end_date, days, child_id)
       SELECT $1, u.emp, u.type, u.start, u.finish, u.days, u.child
         FROM unnest($2::uuid[], $3::text[], $4::date[], $5::date[], $6::numeric[], $7::uuid[])
           AS u (emp, type, start, finish, days, child)`,
      [
        organizationId,
        chunk.map((leave) => employeeId(leave.employeeNumber)),
        chunk.map((leave) => leave.type),
        chunk.map((leave) => leave.startDate),
        chunk.map((leave) => leave.endDate),
        chunk.map((leave) => leave.days),
        chunk.map((leave) =>
          leave.childId === null ? null : childId(leave.childId),
        ),
      ],
    ),
  );
  await insertChunked(city.overtime, (chunk) =>
    manager.query(
      `INSERT INTO overtime_month (organization_id, employee_id, month, hours)
       SELECT $1, u.emp, (u.month || '-01')::date, u.hours
         FROM unnest($2::uuid[], $3::text[], $4::numeric[]) AS u (emp, month, hours)`,
      [
        organizationId,
        chunk.map((row) => employeeId(row.employeeNumber)),
        chunk.map((row) => row.month),
        chunk.map((row) => row.hours),
      ],
    ),
  );
  await insertChunked(city.pay, (chunk) =>
    manager.query(
      `INSERT INTO annual_pay (organization_id, employee_id, fiscal_year, amount)
       SELECT $1, u.emp, u.fy, u.amount
         FROM unnest($2::uuid[], $3::int[], $4::numeric[]) AS u (emp, fy, amount)`,
      [
        organizationId,
        chunk.map((row) => employeeId(row.employeeNumber)),
        chunk.map((row) => row.fiscalYear),
        chunk.map((row) => row.amount),
      ],
    ),
  );
}

interface DemoTarget {
  kpiCode: KpiCode;
  targetValue: number;
  direction: 'gte' | 'lte';
  /** Annual leave is counted per calendar year; the history starts in April of the first one. */
  baselineYearOffset: number;
  actions: [string, string];
}

/** DOMAIN.md §4 and issue 3: the targets a city like みどり市 publishes in its plan. */
const DEMO_TARGETS: readonly DemoTarget[] = [
  {
    kpiCode: 'female_manager_ratio',
    targetValue: 20,
    direction: 'gte',
    baselineYearOffset: 0,
    actions: [
      '係長級・課長補佐級の女性職員を対象としたキャリア研修とメンター制度を実施する。',
      '管理職登用前の職務経験(企画・人事・財政部門)への女性の配置を計画的に進める。',
    ],
  },
  {
    kpiCode: 'childcare_leave_rate_male_min_7d',
    targetValue: 85,
    direction: 'gte',
    baselineYearOffset: 0,
    actions: [
      '子が生まれる男性職員全員に、所属長がイクボス面談で1週間以上の育児休業の取得計画を確認する。',
      '育児休業中の業務を分担する職員への応援体制と人事評価上の配慮を整える。',
    ],
  },
  {
    kpiCode: 'annual_leave_avg_days',
    targetValue: 16,
    direction: 'gte',
    baselineYearOffset: 1,
    actions: [
      '年次休暇の計画表を年度当初に所属ごとに作成し、四半期ごとに取得状況を確認する。',
      '連続休暇の取得を促すため、夏季・年末年始に取得推進期間を設ける。',
    ],
  },
  {
    kpiCode: 'overtime_over_360h_year_count',
    targetValue: 0,
    direction: 'lte',
    baselineYearOffset: 0,
    actions: [
      '月45時間を超えた職員の所属長へ翌月に業務見直しの報告を求める。',
      '繁忙期の応援職員の配置と事務の外部委託を進める。',
    ],
  },
];

/** The plan of the demo city, with baselines measured from its own figures in their first year. */
async function seedDemoPlan(
  manager: Queryable,
  organizationId: string,
  city: DemoCity,
): Promise<void> {
  const { firstFiscalYear, lastFiscalYear } = city.options;
  const [{ id: planId }] = (await manager.query(
    `INSERT INTO plan (organization_id, name, start_fiscal_year, end_fiscal_year, legal_basis)
     VALUES ($1, $2, $3, $4, 'both') RETURNING id`,
    [
      organizationId,
      'みどり市特定事業主行動計画',
      firstFiscalYear,
      lastFiscalYear,
    ],
  )) as [{ id: string }];
  const scope = {
    organizationId,
    unitId: null,
    categories: ['permanent'] as const,
  };
  for (const [index, target] of DEMO_TARGETS.entries()) {
    const baselineYear = firstFiscalYear + target.baselineYearOffset;
    const groups = KPI_GROUPS.filter((group) =>
      group.codes.includes(target.kpiCode),
    );
    const values = (
      await Promise.all(
        groups.map((group) => group.compute(manager, scope, [baselineYear])),
      )
    ).flat();
    const baseline =
      values.find(
        (value) =>
          value.code === target.kpiCode && value.dimensions === undefined,
      )?.value ?? null;
    await manager.query(
      `INSERT INTO target (organization_id, plan_id, kpi_code, target_value, target_fiscal_year, direction,
                           baseline_value, baseline_fiscal_year, action_1, action_2, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        organizationId,
        planId,
        target.kpiCode,
        target.targetValue,
        lastFiscalYear,
        target.direction,
        baseline === null ? null : roundHalfUp(baseline, 1),
        baseline === null ? null : baselineYear,
        ...target.actions,
        index + 1,
      ],
    );
  }
}

/**
 * Loads みどり市 with its demo accounts unless it is already there, so a second `npm start`
 * reuses the data. Returns whether anything was written.
 */
export async function seedDemoOrganization(
  dataSource: DataSource,
  staff = DEMO_STAFF,
): Promise<boolean> {
  const existing: unknown[] = await dataSource.query(
    `SELECT 1 FROM organization WHERE code = 'midori'`,
  );
  if (existing.length > 0) return false;
  const city = generateDemoCity({ staff });
  await dataSource.transaction(async (manager) => {
    const organizationId = await loadDemoCity(manager, city);
    await seedDemoPlan(manager, organizationId, city);
    await seedReviews360Demo(
      manager,
      organizationId,
      city.options.lastFiscalYear,
    );
    const lastApril = fiscalYearStart(city.options.lastFiscalYear);
    const pick = async (isManager: boolean): Promise<string | null> => {
      const rows = (await manager.query(
        `SELECT e.id FROM employee e
           JOIN assignment a ON a.employee_id = e.id AND a.valid_from <= $2 AND (a.valid_to IS NULL OR a.valid_to > $2)
           JOIN position_stage s ON s.id = a.position_stage_id
          WHERE e.organization_id = $1 AND s.is_manager = $3 AND s.official_stage = $4
            AND (e.separation_date IS NULL OR e.separation_date >= $2)
          ORDER BY e.employee_number LIMIT 1`,
        [
          organizationId,
          lastApril,
          isManager,
          isManager ? 'section_chief' : 'staff',
        ],
      )) as { id: string }[];
      return rows[0]?.id ?? null;
    };
    const employeeOf = {
      manager: await pick(true),
      staff: await pick(false),
    } as Record<string, string | null>;
    for (const account of DEMO_ACCOUNTS) {
      await createAccount(manager, {
        organizationId,
        username: account.username,
        displayName: account.displayName,
        password: DEMO_PASSWORD,
        role: account.role,
        employeeId: employeeOf[account.username] ?? null,
        isDemo: true,
      });
    }
    await seedDemoIkubossDeclarations(
      manager,
      organizationId,
      city.options.lastFiscalYear,
      employeeOf['manager'] ?? null,
    );
    await seedIkubossProgrammes(
      manager,
      organizationId,
      city.options.lastFiscalYear,
    );
    await seedCommitteeDemo(manager, organizationId);
  });
  return true;
}
