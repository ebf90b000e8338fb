import type { Readable } from 'node:stream';

import { Injectable } from '@nestjs/common';
import {
  PRACTICE_GOAL_INDICATORS,
  KPI_DEFINITIONS,
  type PracticeGoalDto,
  type PracticeGoalIndicator,
  type PracticeGoalInputDto,
  type PracticeGoalRatingInputDto,
} from '@ikuboard/shared/contracts';
import {
  fiscalYearEnd,
  fiscalYearStart,
  roundHalfUp,
} from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import { Errors } from '../../common/app-error';
import { streamWorkbook } from '../../common/xlsx-stream';
import { KpiService } from '../kpi/kpi.service';
import {
  neutralizeFormula,
  PRINT_PAGE_SETUP,
  setupPrint,
  styleHeaderRow,
} from '../imports/xlsx-writer';
import { invalid, requireUuid, todayIso } from './ikuboss-common';

const GOAL = { ja: 'イクボス実践目標', en: 'The practice goal' };

interface GoalRow {
  id: string | null;
  employee_id: string;
  employee_number: string;
  name: string;
  unit_code: string | null;
  unit_name: string | null;
  goal_text: string | null;
  indicators: string[] | null;
  self_assessment: string | null;
  hr_rating: PracticeGoalDto['hrRating'];
  hr_comment: string | null;
  updated_at: Date | null;
}

/**
 * A manager's goal of a fiscal year with the manager's team: the unit of the assignment in force
 * on the FY's last day (or today while the FY runs), else on April 1. $2 = FY, $3 = that day.
 */
const GOAL_SELECT = `
  SELECT g.id, e.id AS employee_id, e.employee_number, e.name, u.code AS unit_code, u.name AS unit_name,
         g.goal_text, g.indicators, g.self_assessment, g.hr_rating, g.hr_comment, g.updated_at
    FROM employee e
    LEFT JOIN ikuboss_practice_goal g ON g.organization_id = e.organization_id AND g.employee_id = e.id AND g.fiscal_year = $2
    LEFT JOIN LATERAL (
      SELECT a.org_unit_id FROM assignment a
       WHERE a.organization_id = e.organization_id AND a.employee_id = e.id
         AND a.valid_from <= $3::date AND (a.valid_to IS NULL OR a.valid_to > make_date($2, 4, 1))
       ORDER BY a.valid_from DESC LIMIT 1) team ON true
    LEFT JOIN org_unit u ON u.organization_id = e.organization_id AND u.id = team.org_unit_id
   WHERE e.organization_id = $1`;

@Injectable()
export class PracticeGoalsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kpis: KpiService,
  ) {}

  private teamDay(fiscalYear: number): string {
    const today = todayIso();
    const end = fiscalYearEnd(fiscalYear);
    return today < end
      ? today < fiscalYearStart(fiscalYear)
        ? fiscalYearStart(fiscalYear)
        : today
      : end;
  }

  private async toDtos(
    organizationId: string,
    fiscalYear: number,
    rows: readonly GoalRow[],
  ): Promise<PracticeGoalDto[]> {
    const byUnit = new Map<
      string,
      Awaited<ReturnType<KpiService['forFiscalYears']>>
    >();
    const result: PracticeGoalDto[] = [];
    for (const row of rows) {
      const codes = (row.indicators ?? []).filter(
        (code): code is PracticeGoalIndicator =>
          (PRACTICE_GOAL_INDICATORS as readonly string[]).includes(code),
      );
      let values: Awaited<ReturnType<KpiService['forFiscalYears']>> = [];
      if (codes.length > 0 && row.unit_code !== null) {
        const cached = byUnit.get(row.unit_code);
        values =
          cached ??
          (await this.kpis.forFiscalYears(
            organizationId,
            [fiscalYear],
            { unitCode: row.unit_code },
            PRACTICE_GOAL_INDICATORS,
          ));
        byUnit.set(row.unit_code, values);
      }
      result.push({
        id: row.id,
        fiscalYear,
        employeeNumber: row.employee_number,
        managerName: row.name,
        unitCode: row.unit_code,
        unitName: row.unit_name,
        goalText: row.goal_text ?? '',
        indicators: codes.map((code) => ({
          code,
          value:
            values.find((v) => v.code === code && v.dimensions === undefined) ??
            null,
        })),
        selfAssessment: row.self_assessment,
        hrRating: row.hr_rating,
        hrComment: row.hr_comment,
        updatedAt: row.updated_at?.toISOString() ?? null,
      });
    }
    return result;
  }

  /** The manager's own goal (an empty one when not yet set) with the team's indicator values. */
  async mine(
    organizationId: string,
    employeeId: string,
    fiscalYear: number,
  ): Promise<PracticeGoalDto> {
    const rows = (await this.dataSource.query(`${GOAL_SELECT} AND e.id = $4`, [
      organizationId,
      fiscalYear,
      this.teamDay(fiscalYear),
      employeeId,
    ])) as GoalRow[];
    if (!rows[0]) throw Errors.notFound(GOAL);
    return (await this.toDtos(organizationId, fiscalYear, rows))[0]!;
  }

  async saveMine(
    organizationId: string,
    employeeId: string,
    input: PracticeGoalInputDto,
  ): Promise<PracticeGoalDto> {
    const goalText = input.goalText.trim();
    if (goalText === '')
      throw invalid('目標を入力してください。', 'Write the goal.');
    const [existing] = (await this.dataSource.query(
      `SELECT hr_rating FROM ikuboss_practice_goal WHERE organization_id = $1 AND employee_id = $2 AND fiscal_year = $3`,
      [organizationId, employeeId, input.fiscalYear],
    )) as { hr_rating: string | null }[];
    if (existing?.hr_rating)
      throw invalid(
        '人事課の評価が済んだ目標は変更できません。',
        'The goal has been rated by HR and can no longer be changed.',
      );
    await this.dataSource.query(
      `INSERT INTO ikuboss_practice_goal (organization_id, employee_id, fiscal_year, goal_text, indicators, self_assessment)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (organization_id, employee_id, fiscal_year) DO UPDATE
         SET goal_text = EXCLUDED.goal_text, indicators = EXCLUDED.indicators,
             self_assessment = EXCLUDED.self_assessment, updated_at = now()`,
      [
        organizationId,
        employeeId,
        input.fiscalYear,
        goalText,
        [...new Set(input.indicators)],
        input.selfAssessment?.trim() || null,
      ],
    );
    return this.mine(organizationId, employeeId, input.fiscalYear);
  }

  /** HR: every goal set for the fiscal year. */
  async list(
    organizationId: string,
    fiscalYear: number,
  ): Promise<PracticeGoalDto[]> {
    const rows = (await this.dataSource.query(
      `${GOAL_SELECT} AND g.id IS NOT NULL ORDER BY u.code NULLS LAST, e.employee_number`,
      [organizationId, fiscalYear, this.teamDay(fiscalYear)],
    )) as GoalRow[];
    return this.toDtos(organizationId, fiscalYear, rows);
  }

  async rate(
    organizationId: string,
    id: string,
    input: PracticeGoalRatingInputDto,
  ): Promise<PracticeGoalDto> {
    requireUuid(id, GOAL);
    const rows = (await this.dataSource.query(
      `UPDATE ikuboss_practice_goal SET hr_rating = $3, hr_comment = $4, updated_at = now()
        WHERE organization_id = $1 AND id = $2 RETURNING employee_id, fiscal_year`,
      [organizationId, id, input.rating, input.comment?.trim() || null],
    )) as [{ employee_id: string; fiscal_year: number }[], number];
    const row = rows[0][0];
    if (!row) throw Errors.notFound(GOAL);
    return this.mine(organizationId, row.employee_id, row.fiscal_year);
  }

  /** The year's goals, indicators, self-assessments and ratings for the personnel evaluation (.xlsx, streamed). */
  async exportXlsx(
    organizationId: string,
    fiscalYear: number,
  ): Promise<Readable> {
    const goals = await this.list(organizationId, fiscalYear);
    // Streamed (one committed row at a time): the file grows with the number of managers.
    return streamWorkbook(async (workbook) => {
      const title = `イクボス実践目標 ${fiscalYear}年度`;
      const sheet = workbook.addWorksheet('実践目標', {
        pageSetup: { ...PRINT_PAGE_SETUP },
        views: [{ state: 'frozen', ySplit: 1 }],
      });
      const indicatorColumns = PRACTICE_GOAL_INDICATORS.map((code) => ({
        header: KPI_DEFINITIONS[code].ja,
        key: code,
        width: 18,
      }));
      sheet.columns = [
        { header: '年度', key: 'fiscalYear', width: 8 },
        { header: '職員番号', key: 'employeeNumber', width: 12 },
        { header: '氏名', key: 'name', width: 16 },
        { header: '所属', key: 'unit', width: 20 },
        { header: '実践目標', key: 'goal', width: 40 },
        ...indicatorColumns,
        { header: '自己評価', key: 'selfAssessment', width: 40 },
        { header: '人事評価', key: 'rating', width: 10 },
        { header: '人事コメント', key: 'comment', width: 30 },
      ];
      styleHeaderRow(sheet.getRow(1));
      setupPrint(sheet, title);
      sheet.getRow(1).commit();
      const text = (value: string | null) =>
        value === null ? null : neutralizeFormula(value);
      for (const goal of goals) {
        const row: Record<string, unknown> = {
          fiscalYear,
          employeeNumber: text(goal.employeeNumber),
          name: text(goal.managerName),
          unit: text(goal.unitName),
          goal: text(goal.goalText),
          selfAssessment: text(goal.selfAssessment),
          rating: goal.hrRating,
          comment: text(goal.hrComment),
        };
        for (const indicator of goal.indicators) {
          const value = indicator.value?.value;
          row[indicator.code] =
            value === null || value === undefined ? '—' : roundHalfUp(value);
        }
        const added = sheet.addRow(row);
        added.alignment = { vertical: 'top', wrapText: true };
        added.commit();
      }
      sheet.commit();
    });
  }
}
