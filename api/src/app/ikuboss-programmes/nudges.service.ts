import { Injectable } from '@nestjs/common';
import type {
  IkubossInterviewDto,
  IkubossInterviewInputDto,
  NudgeCountsDto,
  NudgeFatherDto,
  NudgeListDto,
  NudgeSummaryDto,
} from '@ikuboard/shared/contracts';
import {
  DEFAULT_KPI_CATEGORIES,
  percent,
  toEpochDay,
} from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import type { AuthContext } from '../../common/access.decorator';
import { Errors } from '../../common/app-error';
import {
  invalid,
  isProgrammeManager,
  requireDate,
  requireLinkedEmployee,
  requireUuid,
  todayIso,
} from './ikuboss-common';

interface EligibleRow {
  employee_id: string;
  employee_number: string;
  name: string;
  supervisor_id: string | null;
  supervisor_name: string | null;
  separation_date: string | null;
  child_id: string;
  birth_date: string;
  unit_id: string;
  unit_code: string;
  unit_name: string;
  on_leave: boolean;
  interview_date: string | null;
  planned_start: string | null;
  planned_end: string | null;
  no_plan_reason: string | null;
  recorded_at: Date | null;
}

/**
 * The denominator of childcare_leave_rate_male (libs/shared/kpi childcare): men with a child born
 * in FY $2 who were in the population (in service, assignment in the categories $3) on the birth
 * date, one row per child, with whether a 育児休業/出生時育児休業 for that child has started and
 * the boss's interview. The unit is the father's unit on the birth date.
 */
const ELIGIBLE_FATHERS_SQL = `
SELECT e.id AS employee_id, e.employee_number, e.name, e.supervisor_id, sup.name AS supervisor_name,
       e.separation_date, ch.id AS child_id, ch.birth_date, u.id AS unit_id, u.code AS unit_code, u.name AS unit_name,
       EXISTS (SELECT 1 FROM leave_episode l
                WHERE l.organization_id = $1 AND l.employee_id = e.id AND l.child_id = ch.id
                  AND l.leave_type IN ('childcare', 'birth_childcare')) AS on_leave,
       iv.interview_date, iv.planned_start, iv.planned_end, iv.no_plan_reason, iv.recorded_at
  FROM child ch
  JOIN employee e ON e.organization_id = $1 AND e.id = ch.employee_id AND e.gender = 'male'
  JOIN assignment a ON a.organization_id = $1 AND a.employee_id = e.id
                   AND a.valid_from <= ch.birth_date AND (a.valid_to IS NULL OR a.valid_to > ch.birth_date)
  JOIN employment_category c ON c.organization_id = $1 AND c.id = a.employment_category_id AND c.code = ANY ($3::text[])
  JOIN org_unit u ON u.organization_id = $1 AND u.id = a.org_unit_id
  LEFT JOIN employee sup ON sup.organization_id = $1 AND sup.id = e.supervisor_id
  LEFT JOIN ikuboss_interview iv ON iv.organization_id = $1 AND iv.employee_id = e.id AND iv.child_id = ch.id
 WHERE ch.organization_id = $1
   AND ch.birth_date >= make_date($2, 4, 1) AND ch.birth_date <= make_date($2 + 1, 3, 31)
   AND e.hire_date <= ch.birth_date AND (e.separation_date IS NULL OR e.separation_date >= ch.birth_date)
 ORDER BY ch.birth_date, e.employee_number, ch.id`;

function interviewOf(row: EligibleRow): IkubossInterviewDto | null {
  if (row.interview_date === null) return null;
  return {
    interviewDate: row.interview_date,
    plannedStart: row.planned_start,
    plannedEnd: row.planned_end,
    noPlanReason: row.no_plan_reason,
    recordedAt: (row.recorded_at ?? new Date()).toISOString(),
  };
}

function counts(
  unitCode: string | null,
  unitName: string | null,
  rows: readonly EligibleRow[],
): NudgeCountsDto {
  const persons = (filter: (row: EligibleRow) => boolean) =>
    new Set(rows.filter(filter).map((row) => row.employee_id)).size;
  const eligibleFathers = persons(() => true);
  const interviewed = persons((row) => row.interview_date !== null);
  return {
    unitCode,
    unitName,
    eligibleFathers,
    interviewed,
    interviewedShare: percent(interviewed, eligibleFathers),
    onLeave: persons((row) => row.on_leave),
  };
}

@Injectable()
export class NudgesService {
  constructor(private readonly dataSource: DataSource) {}

  private eligible(
    organizationId: string,
    fiscalYear: number,
  ): Promise<EligibleRow[]> {
    return this.dataSource.query(ELIGIBLE_FATHERS_SQL, [
      organizationId,
      fiscalYear,
      DEFAULT_KPI_CATEGORIES,
    ]);
  }

  /**
   * Fathers still to be nudged: eligible, no childcare leave started for the child, still in
   * service. A manager sees only his direct reports; HR sees everyone.
   */
  async list(auth: AuthContext, fiscalYear: number): Promise<NudgeListDto> {
    const everyone = isProgrammeManager(auth);
    const boss = everyone ? null : requireLinkedEmployee(auth);
    const today = todayIso();
    const rows = await this.eligible(auth.organizationId, fiscalYear);
    const fathers: NudgeFatherDto[] = rows
      .filter(
        (row) =>
          !row.on_leave &&
          row.birth_date <= today &&
          (row.separation_date === null || row.separation_date >= today) &&
          (boss === null || row.supervisor_id === boss),
      )
      .map((row) => ({
        employeeNumber: row.employee_number,
        name: row.name,
        unitName: row.unit_name,
        supervisorName: row.supervisor_name,
        childId: row.child_id,
        birthDate: row.birth_date,
        daysSinceBirth: toEpochDay(today) - toEpochDay(row.birth_date),
        interview: interviewOf(row),
      }));
    return { fiscalYear, asOf: today, fathers };
  }

  /** HR: eligible fathers, interviewed, share and already on leave, per unit (persons). */
  async summary(
    organizationId: string,
    fiscalYear: number,
  ): Promise<NudgeSummaryDto> {
    const rows = await this.eligible(organizationId, fiscalYear);
    const byUnit = new Map<string, EligibleRow[]>();
    for (const row of rows) {
      const list = byUnit.get(row.unit_code) ?? [];
      list.push(row);
      byUnit.set(row.unit_code, list);
    }
    const units = [...byUnit.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([code, unitRows]) =>
        counts(code, unitRows[0]!.unit_name, unitRows),
      );
    return { fiscalYear, units, total: counts(null, null, rows) };
  }

  /**
   * HR, rolled up: the direct children of the viewed unit (or the top-level units), each counting
   * the fathers whose unit on the birth date lies in its subtree (org_unit_closure), plus a row of
   * the viewed unit itself when fathers are assigned to it directly; total = the viewed subtree.
   */
  async rollup(
    organizationId: string,
    fiscalYear: number,
    unitCode: string | null,
  ): Promise<NudgeSummaryDto> {
    let root: { id: string; code: string; name: string } | null = null;
    if (unitCode) {
      [root] = (await this.dataSource.query(
        `SELECT id, code, name FROM org_unit WHERE organization_id = $1 AND code = $2`,
        [organizationId, unitCode],
      )) as { id: string; code: string; name: string }[];
      if (!root) throw Errors.notFound({ ja: '所属', en: 'The unit' });
    }
    const children = (await this.dataSource.query(
      `SELECT u.id, u.code, u.name,
              EXISTS (SELECT 1 FROM org_unit c WHERE c.organization_id = $1 AND c.parent_id = u.id) AS "hasChildren"
         FROM org_unit u
        WHERE u.organization_id = $1 AND u.parent_id IS NOT DISTINCT FROM $2::uuid
        ORDER BY u.code`,
      [organizationId, root?.id ?? null],
    )) as { id: string; code: string; name: string; hasChildren: boolean }[];
    const closure = (await this.dataSource.query(
      `SELECT ancestor_id, descendant_id FROM org_unit_closure
        WHERE organization_id = $1 AND ancestor_id = ANY ($2::uuid[])`,
      [
        organizationId,
        [...children.map((c) => c.id), ...(root ? [root.id] : [])],
      ],
    )) as { ancestor_id: string; descendant_id: string }[];
    const under = (ancestor: string) =>
      new Set(
        closure
          .filter((row) => row.ancestor_id === ancestor)
          .map((row) => row.descendant_id),
      );
    const all = await this.eligible(organizationId, fiscalYear);
    const inRoot = root ? under(root.id) : null;
    const rows = inRoot ? all.filter((row) => inRoot.has(row.unit_id)) : all;
    const units: NudgeCountsDto[] = [];
    const direct = root ? rows.filter((row) => row.unit_id === root.id) : [];
    if (root && direct.length > 0)
      units.push({
        ...counts(root.code, root.name, direct),
        hasChildren: false,
      });
    for (const child of children) {
      const subtree = under(child.id);
      units.push({
        ...counts(
          child.code,
          child.name,
          rows.filter((row) => subtree.has(row.unit_id)),
        ),
        hasChildren: child.hasChildren,
      });
    }
    return {
      fiscalYear,
      units,
      total: counts(root?.code ?? null, root?.name ?? null, rows),
      viewRootUnitCode: root?.code ?? null,
      viewRootUnitName: root?.name ?? null,
    };
  }

  /** The boss (or HR) records the イクボス面談; recording again replaces the earlier record. */
  async recordInterview(
    auth: AuthContext,
    input: IkubossInterviewInputDto,
  ): Promise<IkubossInterviewDto> {
    const childId = requireUuid(input.childId, {
      ja: '対象の子',
      en: 'The child',
    });
    const [father] = (await this.dataSource.query(
      `SELECT e.id, e.supervisor_id FROM child ch
         JOIN employee e ON e.organization_id = ch.organization_id AND e.id = ch.employee_id AND e.gender = 'male'
        WHERE ch.organization_id = $1 AND ch.id = $2`,
      [auth.organizationId, childId],
    )) as { id: string; supervisor_id: string | null }[];
    const mayRecord =
      father !== undefined &&
      (isProgrammeManager(auth) ||
        (auth.employeeId !== null && father.supervisor_id === auth.employeeId));
    if (!father || !mayRecord)
      throw Errors.notFound({ ja: '部下の職員', en: 'The subordinate' });
    const interviewDate = requireDate(
      input.interviewDate,
      '面談日',
      'The interview date',
    );
    if (interviewDate > todayIso())
      throw invalid(
        '面談日に未来の日付は指定できません。',
        'The interview date cannot be in the future.',
      );
    const plannedStart = input.plannedStart || null;
    const plannedEnd = input.plannedEnd || null;
    const reason = input.noPlanReason?.trim() || null;
    if (plannedStart !== null || plannedEnd !== null) {
      if (plannedStart === null || plannedEnd === null)
        throw invalid(
          '育休の予定は開始日と終了日の両方を入力してください。',
          'Give both the start and the end of the planned leave.',
        );
      requireDate(plannedStart, '予定開始日', 'The planned start');
      requireDate(plannedEnd, '予定終了日', 'The planned end');
      if (plannedEnd < plannedStart)
        throw invalid(
          '予定終了日が予定開始日より前です。',
          'The planned leave ends before it starts.',
        );
    } else if (reason === null) {
      throw invalid(
        '育休の予定がない場合は、その理由を入力してください。',
        'When no leave is planned, give the reason.',
      );
    }
    const [row] = (await this.dataSource.query(
      `INSERT INTO ikuboss_interview (organization_id, employee_id, child_id, interview_date, planned_start, planned_end, no_plan_reason, recorded_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (organization_id, employee_id, child_id) DO UPDATE
         SET interview_date = EXCLUDED.interview_date, planned_start = EXCLUDED.planned_start,
             planned_end = EXCLUDED.planned_end, no_plan_reason = EXCLUDED.no_plan_reason,
             recorded_by = EXCLUDED.recorded_by, recorded_at = now()
       RETURNING interview_date, planned_start, planned_end, no_plan_reason, recorded_at`,
      [
        auth.organizationId,
        father.id,
        childId,
        interviewDate,
        plannedStart,
        plannedEnd,
        plannedStart === null ? reason : null,
        auth.accountId,
      ],
    )) as EligibleRow[];
    return interviewOf(row!)!;
  }
}
