import { HttpStatus, Injectable } from '@nestjs/common';
import {
  KPI_DEFINITIONS,
  type KpiValueDto,
  type PlanDto,
  type PlanInputDto,
  type TargetDto,
  type TargetInputDto,
  type TargetProgressDto,
} from '@ikuboard/shared/contracts';
import { targetStatus, trajectoryValue } from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import { AppError, Errors } from '../../common/app-error';
import { KpiService } from '../kpi/kpi.service';
import { OrgService } from '../org/org.service';

interface TargetRow {
  id: string;
  planId: string;
  planName: string;
  kpiCode: TargetDto['kpiCode'];
  orgUnitCode: string | null;
  targetValue: string;
  targetFiscalYear: number;
  direction: 'gte' | 'lte';
  baselineValue: string | null;
  baselineFiscalYear: number | null;
  action1: string | null;
  action2: string | null;
}

const TARGET_SELECT = `
  SELECT t.id, t.plan_id AS "planId", p.name AS "planName", t.kpi_code AS "kpiCode", u.code AS "orgUnitCode",
         t.target_value AS "targetValue", t.target_fiscal_year AS "targetFiscalYear", t.direction,
         t.baseline_value AS "baselineValue", t.baseline_fiscal_year AS "baselineFiscalYear",
         t.action_1 AS "action1", t.action_2 AS "action2"
    FROM target t
    JOIN plan p ON p.organization_id = t.organization_id AND p.id = t.plan_id
    LEFT JOIN org_unit u ON u.organization_id = t.organization_id AND u.id = t.org_unit_id
   WHERE t.organization_id = $1`;

function toDto({
  action1,
  action2,
  targetValue,
  baselineValue,
  ...row
}: TargetRow): TargetDto {
  return {
    ...row,
    targetValue: Number(targetValue),
    baselineValue: baselineValue === null ? null : Number(baselineValue),
    actions: [action1, action2].filter(
      (action): action is string => action !== null && action !== '',
    ),
  };
}

const invalid = (ja: string, en: string) => Errors.validation([{ ja, en }]);

@Injectable()
export class TargetsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgService,
    private readonly kpis: KpiService,
  ) {}

  async plans(organizationId: string): Promise<PlanDto[]> {
    return this.dataSource.query(
      `SELECT id, name, start_fiscal_year AS "startFiscalYear", end_fiscal_year AS "endFiscalYear", legal_basis AS "legalBasis"
         FROM plan WHERE organization_id = $1 ORDER BY start_fiscal_year DESC, name`,
      [organizationId],
    );
  }

  async createPlan(
    organizationId: string,
    input: PlanInputDto,
  ): Promise<PlanDto> {
    if (input.endFiscalYear < input.startFiscalYear) {
      throw invalid(
        '計画期間の終了年度が開始年度より前です。',
        'The plan ends before it starts.',
      );
    }
    const [row] = (await this.dataSource.query(
      `INSERT INTO plan (organization_id, name, start_fiscal_year, end_fiscal_year, legal_basis) VALUES ($1, $2, $3, $4, $5)
       RETURNING id, name, start_fiscal_year AS "startFiscalYear", end_fiscal_year AS "endFiscalYear", legal_basis AS "legalBasis"`,
      [
        organizationId,
        input.name.trim(),
        input.startFiscalYear,
        input.endFiscalYear,
        input.legalBasis,
      ],
    )) as PlanDto[];
    return row!;
  }

  async list(organizationId: string): Promise<TargetDto[]> {
    const rows: TargetRow[] = await this.dataSource.query(
      `${TARGET_SELECT} ORDER BY t.sort_order, t.kpi_code`,
      [organizationId],
    );
    return rows.map(toDto);
  }

  async get(organizationId: string, id: string): Promise<TargetDto> {
    const rows: TargetRow[] = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource.query(`${TARGET_SELECT} AND t.id = $2`, [
          organizationId,
          id,
        ])
      : [];
    if (!rows[0]) throw Errors.notFound({ ja: '目標', en: 'Target' });
    return toDto(rows[0]);
  }

  async create(
    organizationId: string,
    input: TargetInputDto,
  ): Promise<TargetDto> {
    const values = await this.checked(organizationId, input);
    const [{ id }] = (await this.dataSource.query(
      `INSERT INTO target (organization_id, plan_id, kpi_code, org_unit_id, target_value, target_fiscal_year, direction,
                           baseline_value, baseline_fiscal_year, action_1, action_2,
                           sort_order)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
               (SELECT coalesce(max(sort_order), 0) + 1 FROM target WHERE organization_id = $1))
       RETURNING id`,
      [organizationId, ...values],
    )) as [{ id: string }];
    return this.get(organizationId, id);
  }

  async update(
    organizationId: string,
    id: string,
    input: TargetInputDto,
  ): Promise<TargetDto> {
    await this.get(organizationId, id);
    const values = await this.checked(organizationId, input);
    await this.dataSource.query(
      `UPDATE target SET plan_id = $3, kpi_code = $4, org_unit_id = $5, target_value = $6, target_fiscal_year = $7,
              direction = $8, baseline_value = $9, baseline_fiscal_year = $10, action_1 = $11, action_2 = $12
        WHERE organization_id = $1 AND id = $2`,
      [organizationId, id, ...values],
    );
    return this.get(organizationId, id);
  }

  async remove(organizationId: string, id: string): Promise<void> {
    await this.get(organizationId, id);
    await this.dataSource.query(
      `DELETE FROM target WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    );
  }

  /**
   * Every target against the figures of `fiscalYear`, with the series from its baseline (or the
   * first year with data) to its target year for the sparkline. KPI values are computed once per
   * unit scope for all the years needed.
   */
  async progress(
    organizationId: string,
    fiscalYear: number,
  ): Promise<TargetProgressDto[]> {
    const targets = await this.list(organizationId);
    const dataYears = await this.org.fiscalYears(organizationId);
    const known = new Set(dataYears);
    const byUnit = new Map<string | null, TargetDto[]>();
    for (const target of targets)
      byUnit.set(target.orgUnitCode, [
        ...(byUnit.get(target.orgUnitCode) ?? []),
        target,
      ]);
    const results = new Map<string, TargetProgressDto>();
    for (const [unitCode, unitTargets] of byUnit) {
      const years = new Set<number>([fiscalYear]);
      for (const target of unitTargets) {
        const from = Math.min(
          target.baselineFiscalYear ?? target.targetFiscalYear,
          dataYears[0] ?? fiscalYear,
        );
        for (
          let year = from;
          year <= Math.max(target.targetFiscalYear, fiscalYear);
          year++
        )
          years.add(year);
      }
      const values = await this.kpis.forFiscalYears(
        organizationId,
        [...years].sort(),
        { unitCode: unitCode ?? undefined },
        unitTargets.map((target) => target.kpiCode),
      );
      const headline = new Map<string, KpiValueDto>();
      for (const value of values)
        if (value.dimensions === undefined)
          headline.set(`${value.code}|${value.fiscalYear}`, value);
      for (const target of unitTargets) {
        const point = (year: number) => {
          // A year without a roster snapshot has no figures: carrying the last roster forward
          // would report a projection as an actual.
          const actual = known.has(year)
            ? (headline.get(`${target.kpiCode}|${year}`)?.value ?? null)
            : null;
          return {
            fiscalYear: year,
            actual,
            trajectory: trajectoryValue(target, year),
            status: targetStatus(target, year, actual),
          };
        };
        const first = Math.max(
          target.baselineFiscalYear ?? dataYears[0] ?? fiscalYear,
          dataYears[0] ?? -Infinity,
        );
        const series = [];
        for (let year = first; year <= target.targetFiscalYear; year++)
          series.push(point(year));
        const current = point(fiscalYear);
        results.set(target.id, {
          ...current,
          target,
          measure: KPI_DEFINITIONS[target.kpiCode].measure,
          gap:
            current.actual === null || current.trajectory === null
              ? null
              : current.actual - current.trajectory,
          series,
        });
      }
    }
    return targets.map((target) => results.get(target.id)!);
  }

  /** Validates references inside the organization and returns the column values in SQL order. */
  private async checked(
    organizationId: string,
    input: TargetInputDto,
  ): Promise<unknown[]> {
    const plans: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM plan WHERE organization_id = $1 AND id = $2`,
      [organizationId, input.planId],
    );
    if (plans.length === 0) throw Errors.notFound({ ja: '計画', en: 'Plan' });
    const unitId = input.orgUnitCode
      ? await this.org.resolveUnit(organizationId, input.orgUnitCode)
      : null;
    if (
      (input.baselineValue === null) !==
      (input.baselineFiscalYear === null)
    ) {
      throw invalid(
        '基準値と基準年度は両方入力するか、両方空欄にしてください。',
        'Give both the baseline value and its fiscal year, or neither.',
      );
    }
    if (
      input.baselineFiscalYear !== null &&
      input.baselineFiscalYear >= input.targetFiscalYear
    ) {
      throw invalid(
        '基準年度は目標年度より前にしてください。',
        'The baseline year must come before the target year.',
      );
    }
    const actions = input.actions
      .map((action) => action.trim())
      .filter((action) => action !== '');
    if (actions.some((action) => [...action].length > 100)) {
      throw new AppError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', {
        ja: '取組内容は100文字以内で入力してください。',
        en: 'Each action must be at most 100 characters.',
      });
    }
    return [
      input.planId,
      input.kpiCode,
      unitId,
      input.targetValue,
      input.targetFiscalYear,
      input.direction,
      input.baselineValue,
      input.baselineFiscalYear,
      actions[0] ?? null,
      actions[1] ?? null,
    ];
  }
}
