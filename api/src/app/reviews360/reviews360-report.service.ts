import type { Readable } from 'node:stream';

import { HttpStatus, Injectable } from '@nestjs/common';
import {
  REVIEW360_RELATIONSHIPS,
  type Review360CellDto,
  type Review360CycleDto,
  type Review360OverviewDto,
  type Review360Relationship,
  type Review360ReportDto,
} from '@ikuboard/shared/contracts';
import {
  releasedReview360Comments,
  review360Gap,
  review360Threshold,
  summarizeReview360Group,
  type Review360Scores,
} from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import { AppError, Errors } from '../../common/app-error';
import { streamWorkbook } from '../../common/xlsx-stream';
import {
  neutralizeFormula,
  PRINT_PAGE_SETUP,
  setupPrint,
  styleHeaderRow,
} from '../imports/xlsx-writer';
import {
  review360OrgRollup,
  review360ResponseRates,
  UNIT_ON_REFERENCE,
  unitRollupDtos,
} from './reviews360-results';
import { CYCLE_SELECT, loadQuestionnaire } from './reviews360.sql';
import { Reviews360Service } from './reviews360.service';

const notReleased = () =>
  new AppError(HttpStatus.CONFLICT, 'REVIEW360_NOT_RELEASED', {
    ja: 'この多面評価の結果はまだ公開されていません。',
    en: 'The results of this 360 cycle have not been released yet.',
  });

const RELATIONSHIP_JA: Record<Review360Relationship, string> = {
  self: '本人',
  supervisor: '上司',
  subordinate: '部下',
  peer: '同僚',
};

/** Results: only after release, only cells at or above their threshold, never a single answer. */
@Injectable()
export class Reviews360ReportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cycles: Reviews360Service,
  ) {}

  /** The released cycles in which this employee was rated. */
  async myCycles(
    organizationId: string,
    employeeId: string | null,
  ): Promise<Review360CycleDto[]> {
    if (!employeeId) return [];
    return this.dataSource.query(
      `${CYCLE_SELECT} AND c.status = 'released'
         AND EXISTS (SELECT 1 FROM review360_assignment x WHERE x.cycle_id = c.id AND x.ratee_id = $2)
       ORDER BY c.fiscal_year DESC`,
      [organizationId, employeeId],
    );
  }

  async reportFor(
    organizationId: string,
    cycleId: string,
    employeeId: string | null,
  ): Promise<Review360ReportDto> {
    const cycle = await this.cycles.cycle(organizationId, cycleId);
    if (cycle.status !== 'released') throw notReleased();
    const rated: { id: string }[] = employeeId
      ? await this.dataSource.query(
          `SELECT 1 AS id FROM review360_assignment WHERE organization_id = $1 AND cycle_id = $2 AND ratee_id = $3 LIMIT 1`,
          [organizationId, cycleId, employeeId],
        )
      : [];
    if (!rated[0])
      throw Errors.notFound({ ja: 'あなたの評価結果', en: 'Your 360 report' });
    return this.report(cycle, organizationId, employeeId!);
  }

  async reportByNumber(
    organizationId: string,
    cycleId: string,
    employeeNumber: string,
  ): Promise<Review360ReportDto> {
    const cycle = await this.cycles.cycle(organizationId, cycleId);
    if (cycle.status !== 'released') throw notReleased();
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT e.id FROM employee e
         JOIN review360_assignment x ON x.organization_id = e.organization_id AND x.ratee_id = e.id AND x.cycle_id = $2
        WHERE e.organization_id = $1 AND e.employee_number = $3`,
      [organizationId, cycleId, employeeNumber],
    );
    if (!rows[0])
      throw Errors.notFound({
        ja: `職員番号「${employeeNumber}」の評価結果`,
        en: `The 360 report of employee ${employeeNumber}`,
      });
    // Earlier cycles' figures for one person are not checked against their roll-ups here: HR gets
    // those through each cycle's overview instead.
    const report = {
      ...(await this.report(cycle, organizationId, rows[0].id)),
      trend: [],
    };
    // HR also sees the unit roll-ups: a person hidden there by complementary suppression must stay
    // hidden here, or subtracting would reveal a small group.
    const rollup = await review360OrgRollup(
      this.dataSource,
      organizationId,
      cycleId,
      cycle.thresholds,
    );
    if (rollup.managerCells.get(rows[0].id)?.status === 'released')
      return report;
    const hidden: Review360CellDto = {
      status: 'suppressed',
      mean: null,
      count: null,
    };
    const hide = (
      cells: Partial<Record<Review360Relationship, Review360CellDto>>,
    ) => {
      if (cells.subordinate && cells.subordinate.status !== 'no_data')
        cells.subordinate = hidden;
    };
    Object.values(report.itemCells).forEach(hide);
    Object.values(report.categoryCells).forEach(hide);
    hide(report.overall);
    for (const item of report.items)
      report.gaps[item.id] = { gap: null, flag: null };
    return report;
  }

  private async report(
    cycle: Review360CycleDto,
    organizationId: string,
    rateeId: string,
  ): Promise<Review360ReportDto> {
    const [questionnaire, ratee, responses, comments, history] =
      (await Promise.all([
        loadQuestionnaire(this.dataSource, organizationId, cycle.id),
        this.dataSource.query(
          `SELECT e.name, u.name AS "unitName" FROM employee e
             JOIN review360_cycle c ON c.organization_id = e.organization_id AND c.id = $3
             ${UNIT_ON_REFERENCE}
             LEFT JOIN org_unit u ON u.organization_id = e.organization_id AND u.id = ua.org_unit_id
            WHERE e.organization_id = $1 AND e.id = $2`,
          [organizationId, rateeId, cycle.id],
        ),
        this.dataSource.query(
          `SELECT relationship, scores FROM review360_response
            WHERE organization_id = $1 AND cycle_id = $2 AND ratee_id = $3`,
          [organizationId, cycle.id, rateeId],
        ),
        this.dataSource.query(
          `SELECT relationship, item_id AS "itemId", body FROM review360_comment
            WHERE organization_id = $1 AND cycle_id = $2 AND ratee_id = $3`,
          [organizationId, cycle.id, rateeId],
        ),
        this.dataSource.query(
          `SELECT c.fiscal_year AS "fiscalYear", c.min_subordinate_scores AS k, r.scores
             FROM review360_cycle c
             LEFT JOIN review360_response r ON r.cycle_id = c.id AND r.ratee_id = $2 AND r.relationship = 'subordinate'
            WHERE c.organization_id = $1 AND c.status = 'released' AND c.fiscal_year <= $3
              AND EXISTS (SELECT 1 FROM review360_assignment x WHERE x.cycle_id = c.id AND x.ratee_id = $2)
            ORDER BY c.fiscal_year`,
          [organizationId, rateeId, cycle.fiscalYear],
        ),
      ])) as [
        Awaited<ReturnType<typeof loadQuestionnaire>>,
        { name: string; unitName: string | null }[],
        { relationship: Review360Relationship; scores: Review360Scores }[],
        { relationship: Review360Relationship; itemId: string; body: string }[],
        { fiscalYear: number; k: number; scores: Review360Scores | null }[],
      ];
    const ratingItems = questionnaire.items.filter((i) => i.kind === 'rating');
    const relationships = REVIEW360_RELATIONSHIPS.filter((relationship) =>
      responses.some((r) => r.relationship === relationship),
    );
    const itemCells: Review360ReportDto['itemCells'] = {};
    const categoryCells: Review360ReportDto['categoryCells'] = {};
    const overall: Review360ReportDto['overall'] = {};
    const groupSizes = new Map<Review360Relationship, number>();
    for (const relationship of REVIEW360_RELATIONSHIPS) {
      const group = responses
        .filter((r) => r.relationship === relationship)
        .map((r) => r.scores);
      groupSizes.set(relationship, group.length);
      if (group.length === 0 && relationship !== 'subordinate') continue;
      const summary = summarizeReview360Group(
        group,
        ratingItems,
        review360Threshold(cycle.thresholds, relationship, 'scores'),
      );
      for (const item of ratingItems)
        (itemCells[item.id] ??= {})[relationship] = summary.items[item.id]!;
      for (const [categoryId, cell] of Object.entries(summary.categories))
        (categoryCells[categoryId] ??= {})[relationship] = cell;
      overall[relationship] = summary.overall;
    }
    const gaps: Review360ReportDto['gaps'] = {};
    for (const item of ratingItems)
      gaps[item.id] = review360Gap(
        itemCells[item.id]?.self,
        itemCells[item.id]?.subordinate,
      );
    const byItem: Review360ReportDto['comments']['byItem'] = [];
    let commentStatus: Review360CellDto['status'] = 'no_data';
    for (const relationship of REVIEW360_RELATIONSHIPS) {
      if (relationship === 'self') continue;
      for (const item of questionnaire.items.filter((i) => i.kind === 'text')) {
        const released = releasedReview360Comments(
          comments
            .filter(
              (c) => c.relationship === relationship && c.itemId === item.id,
            )
            .map((c) => c.body),
          groupSizes.get(relationship) ?? 0,
          review360Threshold(cycle.thresholds, relationship, 'comments'),
        );
        if (released.status === 'released') {
          commentStatus = 'released';
          if (released.bodies.length > 0)
            byItem.push({
              itemId: item.id,
              relationship,
              bodies: released.bodies,
            });
        } else if (
          released.status === 'suppressed' &&
          commentStatus === 'no_data'
        )
          commentStatus = 'suppressed';
      }
    }
    const trendYears = [...new Set(history.map((h) => h.fiscalYear))];
    const trend = trendYears.map((fiscalYear) => {
      const rows = history.filter((h) => h.fiscalYear === fiscalYear);
      const group = rows.flatMap((h) => (h.scores ? [h.scores] : []));
      return {
        fiscalYear,
        subordinate: summarizeReview360Group(group, itemsOf(group), rows[0]!.k)
          .overall,
      };
    });
    return {
      cycle,
      ratee: ratee[0]!,
      categories: questionnaire.categories,
      items: questionnaire.items,
      relationships: relationships.includes('subordinate')
        ? relationships
        : [...relationships, 'subordinate'],
      itemCells,
      categoryCells,
      overall,
      gaps,
      comments: { status: commentStatus, byItem },
      trend,
    };
  }

  async overview(
    organizationId: string,
    cycleId: string,
  ): Promise<Review360OverviewDto> {
    const cycle = await this.cycles.cycle(organizationId, cycleId);
    const rates = await review360ResponseRates(
      this.dataSource,
      organizationId,
      cycleId,
      cycle.thresholds.subordinateScores,
    );
    const base: Review360OverviewDto = {
      cycle,
      responseRates: rates.units,
      total: rates.total,
      managers: [],
      units: [],
      organization: null,
      distribution: [],
    };
    if (cycle.status !== 'released') return base;
    const rollup = await review360OrgRollup(
      this.dataSource,
      organizationId,
      cycleId,
      cycle.thresholds,
    );
    const selfMeans: { rateeId: string; scores: Review360Scores }[] =
      await this.dataSource.query(
        `SELECT ratee_id AS "rateeId", scores FROM review360_response
          WHERE organization_id = $1 AND cycle_id = $2 AND relationship = 'self'`,
        [organizationId, cycleId],
      );
    const unitOf = new Map(rollup.units.map((u) => [u.id, u]));
    const managers = rollup.ratees.map((ratee) => {
      const own = selfMeans.filter((s) => s.rateeId === ratee.id);
      return {
        employeeNumber: ratee.employeeNumber,
        name: ratee.name,
        unitCode: ratee.unitId
          ? (unitOf.get(ratee.unitId)?.code ?? null)
          : null,
        unitName: ratee.unitId
          ? (unitOf.get(ratee.unitId)?.name ?? null)
          : null,
        subordinate: rollup.managerCells.get(ratee.id)!,
        self: summarizeReview360Group(
          own.map((s) => s.scores),
          itemsOf(own.map((s) => s.scores)),
          1,
        ).overall,
      };
    });
    const distribution = Array.from({ length: 8 }, (_, index) => ({
      from: 1 + index * 0.5,
      to: 1.5 + index * 0.5,
      count: 0,
    }));
    for (const manager of managers) {
      const mean = manager.subordinate.mean;
      if (manager.subordinate.status !== 'released' || mean === null) continue;
      const band = Math.min(7, Math.max(0, Math.floor((mean - 1) / 0.5)));
      distribution[band]!.count++;
    }
    return {
      ...base,
      managers,
      units: unitRollupDtos(rollup),
      organization: rollup.organizationCell,
      distribution,
    };
  }

  /** Per-person subordinate scores for the personnel evaluation; suppressed cells stay empty. */
  async exportWorkbook(
    organizationId: string,
    cycleId: string,
  ): Promise<{ stream: Readable; fiscalYear: number }> {
    const overview = await this.overview(organizationId, cycleId);
    if (overview.cycle.status !== 'released') throw notReleased();
    // Streamed: one committed row per manager, so a large employer's file is never held whole.
    const stream = streamWorkbook(async (book) => {
      const sheet = book.addWorksheet('管理職別', {
        pageSetup: { ...PRINT_PAGE_SETUP },
      });
      sheet.columns = [
        { header: '職員番号', width: 12 },
        { header: '氏名', width: 18 },
        { header: '所属コード', width: 12 },
        { header: '所属', width: 24 },
        { header: '部下評価 平均', width: 14 },
        { header: '部下評価 回答数', width: 14 },
        { header: '本人評価 平均', width: 14 },
        { header: '備考', width: 40 },
      ];
      styleHeaderRow(sheet.getRow(1));
      // Print set-up first: the streaming writer emits it when the sheet is committed.
      setupPrint(sheet, `多面評価 ${overview.cycle.name}`);
      sheet.getRow(1).commit();
      for (const manager of overview.managers) {
        const sub = manager.subordinate;
        sheet
          .addRow([
            neutralizeFormula(manager.employeeNumber),
            neutralizeFormula(manager.name),
            manager.unitCode === null
              ? null
              : neutralizeFormula(manager.unitCode),
            manager.unitName === null
              ? null
              : neutralizeFormula(manager.unitName),
            sub.status === 'released' ? round2(sub.mean!) : null,
            sub.status === 'released' ? sub.count : null,
            manager.self.status === 'released'
              ? round2(manager.self.mean!)
              : null,
            sub.status === 'suppressed'
              ? `非表示(最低集計人数 ${overview.cycle.thresholds.subordinateScores}人の保護)`
              : sub.status === 'no_data'
                ? '回答なし'
                : '',
          ])
          .commit();
      }
      sheet.commit();
      const units = book.addWorksheet('所属別', {
        pageSetup: { ...PRINT_PAGE_SETUP },
      });
      units.columns = [
        { header: '所属コード', width: 12 },
        { header: '所属', width: 24 },
        { header: '部下評価 平均', width: 14 },
        { header: '回答数', width: 10 },
        { header: '備考', width: 40 },
      ];
      styleHeaderRow(units.getRow(1));
      units.getRow(1).commit();
      for (const unit of overview.units)
        units
          .addRow([
            neutralizeFormula(unit.unitCode),
            neutralizeFormula(unit.unitName),
            unit.subordinate.status === 'released'
              ? round2(unit.subordinate.mean!)
              : null,
            unit.subordinate.status === 'released'
              ? unit.subordinate.count
              : null,
            unit.subordinate.status === 'suppressed'
              ? '非表示(最低集計人数の保護)'
              : unit.subordinate.status === 'no_data'
                ? '回答なし'
                : '',
          ])
          .commit();
      units.commit();
      const about = book.addWorksheet('説明', {
        pageSetup: { ...PRINT_PAGE_SETUP },
      });
      about
        .addRow([
          `${RELATIONSHIP_JA.subordinate}評価は回答者ごとの平均(1〜5)の平均です。回答が最低集計人数に満たない管理職・所属、および差し引きで少人数の結果が分かってしまう管理職・所属は表示していません。`,
        ])
        .commit();
      about.commit();
    });
    return { stream, fiscalYear: overview.cycle.fiscalYear };
  }
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The item ids present in a set of responses (for figures over every item answered). */
function itemsOf(
  responses: readonly Review360Scores[],
): { id: string; categoryId: string }[] {
  const ids = new Set(responses.flatMap((r) => Object.keys(r)));
  return [...ids].map((id) => ({ id, categoryId: 'all' }));
}
