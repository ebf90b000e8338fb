import { HttpStatus, Injectable } from '@nestjs/common';
import {
  REVIEW360_RELATIONSHIPS,
  REVIEW360_SCALE,
  REVIEW360_UNABLE,
  type LocalizedText,
  type Review360AssignmentDto,
  type Review360AssignmentInputDto,
  type Review360CycleDto,
  type Review360CycleInputDto,
  type Review360GenerateInputDto,
  type Review360ItemBankDto,
  type Review360QuestionnaireDto,
  type Review360QuestionnaireInputDto,
  type Review360Status,
  type Review360SubmissionDto,
  type Review360TaskDto,
  type Review360Thresholds,
} from '@ikuboard/shared/contracts';
import {
  DEFAULT_REVIEW360_THRESHOLDS,
  review360ThresholdViolations,
} from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import { AppError, Errors } from '../../common/app-error';
import type { AuditRecord } from '../../common/audit-policy';
import type { Queryable } from '../../database/queryable';
import { DEFAULT_REVIEW360_QUESTIONNAIRE } from './item-bank';
import {
  compactResponseTables,
  CYCLE_SELECT,
  generateReview360Assignments,
  loadQuestionnaire,
  shuffleResponses,
  writeQuestionnaire,
} from './reviews360.sql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const conflict = (code: string, ja: string, en: string) =>
  new AppError(HttpStatus.CONFLICT, code, { ja, en });

const STATUS_NAMES: Record<Review360Status, LocalizedText> = {
  draft: { ja: '準備中', en: 'draft' },
  launched: { ja: '実施中', en: 'launched' },
  closed: { ja: '締切済み', en: 'closed' },
  released: { ja: '結果公開済み', en: 'released' },
};

/**
 * The submission statement: assignment check, participation, response, comments and the audit
 * entry in one statement (see Reviews360Service.submit). Constant text, run as a named prepared
 * statement.
 */
const SUBMIT_SQL = `WITH a AS (
         SELECT x.id, x.organization_id, x.cycle_id, x.ratee_id, x.relationship
           FROM review360_assignment x
           JOIN review360_cycle c ON c.organization_id = x.organization_id AND c.id = x.cycle_id
          WHERE x.organization_id = $1 AND x.cycle_id = $2 AND x.id = $3 AND x.rater_id = $4 AND c.status = 'launched'
       ), p AS (
         INSERT INTO review360_participation (organization_id, cycle_id, assignment_id)
         SELECT organization_id, cycle_id, id FROM a
         ON CONFLICT (assignment_id) DO NOTHING
         RETURNING assignment_id
       ), r AS (
         INSERT INTO review360_response (organization_id, cycle_id, ratee_id, relationship, scores)
         SELECT a.organization_id, a.cycle_id, a.ratee_id, a.relationship, $5::jsonb FROM a JOIN p ON p.assignment_id = a.id
         RETURNING 1
       ), written_comments AS (
         INSERT INTO review360_comment (organization_id, cycle_id, ratee_id, relationship, item_id, body)
         SELECT a.organization_id, a.cycle_id, a.ratee_id, a.relationship, given.item_id, given.body
           FROM a JOIN p ON p.assignment_id = a.id
          CROSS JOIN unnest($6::uuid[], $7::text[]) AS given (item_id, body)
         RETURNING 1
       ), audited AS (
         INSERT INTO audit_log (occurred_at, organization_id, action, method, route, status)
         SELECT date_trunc('day', now(), 'UTC'), a.organization_id, 'anonymous_submission', $8::text, $9::text, $10::smallint
           FROM a JOIN p ON p.assignment_id = a.id
          WHERE $9::text IS NOT NULL
         RETURNING 1
       )
       SELECT (SELECT count(*)::int FROM a) AS assigned, (SELECT count(*)::int FROM r) AS written`;

interface QuestionnaireCache {
  rating: string[];
  text: Set<string>;
}

@Injectable()
export class Reviews360Service {
  /** Questionnaires are frozen at launch, so the submission path validates from memory. */
  private readonly frozen = new Map<string, QuestionnaireCache>();

  constructor(private readonly dataSource: DataSource) {}

  async cycles(organizationId: string): Promise<Review360CycleDto[]> {
    return this.dataSource.query(
      `${CYCLE_SELECT} ORDER BY c.fiscal_year DESC`,
      [organizationId],
    );
  }

  async cycle(organizationId: string, id: string): Promise<Review360CycleDto> {
    const rows: Review360CycleDto[] = UUID.test(id)
      ? await this.dataSource.query(`${CYCLE_SELECT} AND c.id = $2`, [
          organizationId,
          id,
        ])
      : [];
    if (!rows[0])
      throw Errors.notFound({ ja: '多面評価の実施回', en: '360 cycle' });
    return rows[0];
  }

  async createCycle(
    organizationId: string,
    input: Review360CycleInputDto,
  ): Promise<Review360CycleDto> {
    const thresholds = {
      ...DEFAULT_REVIEW360_THRESHOLDS,
      ...input.thresholds,
    } as Review360Thresholds;
    const problems = review360ThresholdViolations(
      'draft',
      thresholds,
      thresholds,
    );
    if (problems.length > 0) throw Errors.validation(problems);
    const exists: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM review360_cycle WHERE organization_id = $1 AND fiscal_year = $2`,
      [organizationId, input.fiscalYear],
    );
    if (exists.length > 0)
      throw conflict(
        'REVIEW360_CYCLE_EXISTS',
        'この年度の多面評価はすでにあります(1年度に1回です)。',
        'A 360 cycle already exists for this fiscal year (one per year).',
      );
    const id = await this.dataSource.transaction(async (manager) => {
      const [row] = (await manager.query(
        `INSERT INTO review360_cycle (organization_id, fiscal_year, name, reference_date, exclude_hired_months,
                                      include_indirect, include_peers, min_subordinate_scores, min_subordinate_comments,
                                      min_peer_scores, min_peer_comments)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [
          organizationId,
          input.fiscalYear,
          input.name.trim(),
          input.referenceDate,
          input.excludeHiredMonths ?? 3,
          input.includeIndirect ?? false,
          input.includePeers ?? false,
          thresholds.subordinateScores,
          thresholds.subordinateComments,
          thresholds.peerScores,
          thresholds.peerComments,
        ],
      )) as { id: string }[];
      await writeQuestionnaire(
        manager,
        organizationId,
        row!.id,
        DEFAULT_REVIEW360_QUESTIONNAIRE,
      );
      return row!.id;
    });
    return this.cycle(organizationId, id);
  }

  async setThresholds(
    organizationId: string,
    id: string,
    next: Review360Thresholds,
  ): Promise<Review360CycleDto> {
    const cycle = await this.cycle(organizationId, id);
    const problems = review360ThresholdViolations(
      cycle.status,
      cycle.thresholds,
      next,
    );
    if (problems.length > 0) throw Errors.validation(problems);
    await this.dataSource.query(
      `UPDATE review360_cycle SET min_subordinate_scores = $3, min_subordinate_comments = $4,
              min_peer_scores = $5, min_peer_comments = $6
        WHERE organization_id = $1 AND id = $2`,
      [
        organizationId,
        id,
        next.subordinateScores,
        next.subordinateComments,
        next.peerScores,
        next.peerComments,
      ],
    );
    return this.cycle(organizationId, id);
  }

  /** The shipped item bank: HR copies items from it into a draft questionnaire. */
  itemBank(): Review360ItemBankDto {
    return {
      categories: DEFAULT_REVIEW360_QUESTIONNAIRE.categories.map((c) => ({
        code: c.code,
        name: { ...c.name },
      })),
      items: DEFAULT_REVIEW360_QUESTIONNAIRE.items.map((i) => ({
        categoryCode: i.categoryCode,
        kind: i.kind,
        text: { ...i.text },
        source: i.source ?? null,
      })),
      scale: REVIEW360_SCALE.map((label) => ({ ...label })),
      unable: { ...REVIEW360_UNABLE },
    };
  }

  async questionnaire(
    organizationId: string,
    cycleId: string,
  ): Promise<Review360QuestionnaireDto> {
    await this.cycle(organizationId, cycleId);
    return loadQuestionnaire(this.dataSource, organizationId, cycleId);
  }

  async replaceQuestionnaire(
    organizationId: string,
    cycleId: string,
    input: Review360QuestionnaireInputDto,
  ): Promise<Review360QuestionnaireDto> {
    await this.requireStatus(organizationId, cycleId, ['draft']);
    const codes = new Set(input.categories.map((c) => c.code));
    if (codes.size !== input.categories.length)
      throw Errors.validation([
        { ja: '分類コードが重複しています。', en: 'Category codes repeat.' },
      ]);
    const unknown = input.items.filter((i) => !codes.has(i.categoryCode));
    if (unknown.length > 0)
      throw Errors.validation([
        {
          ja: `未定義の分類コードです: ${unknown[0]!.categoryCode}`,
          en: `Unknown category code: ${unknown[0]!.categoryCode}`,
        },
      ]);
    if (!input.items.some((i) => i.kind === 'rating'))
      throw Errors.validation([
        {
          ja: '評価項目を1つ以上設けてください。',
          en: 'Add at least one rating item.',
        },
      ]);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `DELETE FROM review360_category WHERE organization_id = $1 AND cycle_id = $2`,
        [organizationId, cycleId],
      );
      await writeQuestionnaire(manager, organizationId, cycleId, input);
    });
    return loadQuestionnaire(this.dataSource, organizationId, cycleId);
  }

  /**
   * Self, supervisor, subordinates (direct, or the whole line below when includeIndirect) and,
   * optionally, peers (managers with the same supervisor), from the reporting line of the people
   * in service on the reference date. Raters hired within the last N months are left out.
   * Replaces the cycle's assignments; HR may then add or remove some before launch.
   */
  async generateAssignments(
    organizationId: string,
    cycleId: string,
    options: Review360GenerateInputDto = {},
  ): Promise<Review360CycleDto> {
    await this.requireStatus(organizationId, cycleId, ['draft']);
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE review360_cycle
            SET reference_date = COALESCE($3::date, reference_date),
                exclude_hired_months = COALESCE($4::int, exclude_hired_months),
                include_indirect = COALESCE($5::boolean, include_indirect),
                include_peers = COALESCE($6::boolean, include_peers)
          WHERE organization_id = $1 AND id = $2 AND status = 'draft'`,
        [
          organizationId,
          cycleId,
          options.referenceDate ?? null,
          options.excludeHiredMonths ?? null,
          options.includeIndirect ?? null,
          options.includePeers ?? null,
        ],
      );
      await manager.query(
        `DELETE FROM review360_assignment WHERE organization_id = $1 AND cycle_id = $2`,
        [organizationId, cycleId],
      );
      await generateReview360Assignments(manager, organizationId, cycleId);
    });
    await this.dataSource.query(`ANALYZE review360_assignment`);
    return this.cycle(organizationId, cycleId);
  }

  async assignments(
    organizationId: string,
    cycleId: string,
  ): Promise<Review360AssignmentDto[]> {
    await this.cycle(organizationId, cycleId);
    return this.dataSource.query(
      `SELECT x.id, json_build_object('employeeNumber', r.employee_number, 'name', r.name) AS ratee,
              json_build_object('employeeNumber', w.employee_number, 'name', w.name) AS rater, x.relationship
         FROM review360_assignment x
         JOIN employee r ON r.organization_id = x.organization_id AND r.id = x.ratee_id
         JOIN employee w ON w.organization_id = x.organization_id AND w.id = x.rater_id
        WHERE x.organization_id = $1 AND x.cycle_id = $2
        ORDER BY r.employee_number, array_position($3::text[], x.relationship), w.employee_number`,
      [organizationId, cycleId, [...REVIEW360_RELATIONSHIPS]],
    );
  }

  async addAssignment(
    organizationId: string,
    cycleId: string,
    input: Review360AssignmentInputDto,
  ): Promise<Review360AssignmentDto> {
    await this.requireStatus(organizationId, cycleId, ['draft']);
    const people: { id: string; employee_number: string }[] =
      await this.dataSource.query(
        `SELECT id, employee_number FROM employee WHERE organization_id = $1 AND employee_number = ANY($2::text[])`,
        [organizationId, [input.rateeNumber, input.raterNumber]],
      );
    const idOf = (n: string) => people.find((p) => p.employee_number === n)?.id;
    const ratee = idOf(input.rateeNumber);
    const rater = idOf(input.raterNumber);
    if (!ratee || !rater) throw Errors.notFound({ ja: '職員', en: 'Employee' });
    if ((input.relationship === 'self') !== (ratee === rater))
      throw Errors.validation([
        {
          ja: '本人評価は評価者と被評価者が同じ職員のときだけです。',
          en: 'A self rating needs the same person as rater and ratee, and only then.',
        },
      ]);
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO review360_assignment (organization_id, cycle_id, ratee_id, rater_id, relationship)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (cycle_id, ratee_id, rater_id) DO NOTHING RETURNING id`,
      [organizationId, cycleId, ratee, rater, input.relationship],
    );
    if (!rows[0])
      throw conflict(
        'REVIEW360_ASSIGNMENT_EXISTS',
        'この組み合わせはすでに割り当てられています。',
        'This rater is already assigned to this person.',
      );
    const all = await this.assignments(organizationId, cycleId);
    return all.find((a) => a.id === rows[0]!.id)!;
  }

  async removeAssignment(
    organizationId: string,
    cycleId: string,
    assignmentId: string,
  ): Promise<void> {
    await this.requireStatus(organizationId, cycleId, ['draft']);
    if (!UUID.test(assignmentId))
      throw Errors.notFound({ ja: '割当て', en: 'Assignment' });
    const [, count] = (await this.dataSource.query(
      `DELETE FROM review360_assignment WHERE organization_id = $1 AND cycle_id = $2 AND id = $3`,
      [organizationId, cycleId, assignmentId],
    )) as [unknown, number];
    if (count === 0) throw Errors.notFound({ ja: '割当て', en: 'Assignment' });
  }

  async launch(
    organizationId: string,
    cycleId: string,
  ): Promise<Review360CycleDto> {
    const cycle = await this.requireStatus(organizationId, cycleId, ['draft']);
    if (cycle.assignmentCount === 0)
      throw conflict(
        'REVIEW360_NO_ASSIGNMENTS',
        '評価者の割当てがありません。開始前に割当てを作成してください。',
        'There are no assignments yet. Generate them before launching.',
      );
    await this.transition(organizationId, cycleId, 'draft', 'launched');
    return this.cycle(organizationId, cycleId);
  }

  /**
   * Closing stops answers and rewrites every response and comment of the cycle in random order in
   * one transaction, then compacts the tables: xmin and physical position no longer follow the
   * order of submission, so they cannot be matched against participation rows.
   */
  async close(
    organizationId: string,
    cycleId: string,
  ): Promise<Review360CycleDto> {
    await this.requireStatus(organizationId, cycleId, ['launched']);
    await this.dataSource.transaction(async (manager) => {
      await this.transition(
        organizationId,
        cycleId,
        'launched',
        'closed',
        manager,
      );
      await shuffleResponses(manager, organizationId, cycleId);
    });
    await compactResponseTables(this.dataSource);
    this.frozen.delete(cycleId);
    return this.cycle(organizationId, cycleId);
  }

  async release(
    organizationId: string,
    cycleId: string,
  ): Promise<Review360CycleDto> {
    await this.requireStatus(organizationId, cycleId, ['closed']);
    await this.dataSource.transaction(async (manager) => {
      await shuffleResponses(manager, organizationId, cycleId);
      await this.transition(
        organizationId,
        cycleId,
        'closed',
        'released',
        manager,
      );
    });
    await compactResponseTables(this.dataSource);
    return this.cycle(organizationId, cycleId);
  }

  /** The rater's own list: whom to rate and whether they have answered (nobody else's). */
  async tasks(
    organizationId: string,
    employeeId: string | null,
  ): Promise<Review360TaskDto[]> {
    if (!employeeId) return [];
    return this.dataSource.query(
      `SELECT x.id AS "assignmentId", c.id AS "cycleId", c.name AS "cycleName", c.fiscal_year AS "fiscalYear",
              json_build_object('name', e.name, 'unitName', u.name, 'stageName', s.name) AS ratee,
              x.relationship, (p.assignment_id IS NOT NULL) AS answered,
              CASE x.relationship WHEN 'subordinate' THEN c.min_subordinate_scores WHEN 'peer' THEN c.min_peer_scores ELSE 1 END AS "minScores",
              CASE x.relationship WHEN 'subordinate' THEN c.min_subordinate_comments WHEN 'peer' THEN c.min_peer_comments ELSE 1 END AS "minComments"
         FROM review360_assignment x
         JOIN review360_cycle c ON c.organization_id = x.organization_id AND c.id = x.cycle_id
         JOIN employee e ON e.organization_id = x.organization_id AND e.id = x.ratee_id
         LEFT JOIN LATERAL (
           SELECT a.org_unit_id, a.position_stage_id FROM assignment a
            WHERE a.organization_id = e.organization_id AND a.employee_id = e.id
              AND a.valid_from <= c.reference_date AND (a.valid_to IS NULL OR a.valid_to > c.reference_date)
            ORDER BY a.valid_from DESC LIMIT 1) ua ON true
         LEFT JOIN org_unit u ON u.organization_id = x.organization_id AND u.id = ua.org_unit_id
         LEFT JOIN position_stage s ON s.organization_id = x.organization_id AND s.id = ua.position_stage_id
         LEFT JOIN review360_participation p ON p.assignment_id = x.id
        WHERE x.organization_id = $1 AND x.rater_id = $2 AND c.status = 'launched'
        ORDER BY x.relationship = 'self' DESC, e.employee_number`,
      [organizationId, employeeId],
    );
  }

  /**
   * One statement, hence one short transaction: participation and response are written together
   * or not at all; the participation key refuses a second answer, and the response row gets only
   * the cycle, the person rated and the relationship. When `audit` is given (the anonymous,
   * day-only entry of an accepted answer), the same statement writes it: one round trip and one
   * commit per accepted submission.
   */
  async submit(
    organizationId: string,
    employeeId: string | null,
    cycleId: string,
    assignmentId: string,
    body: Review360SubmissionDto,
    audit: AuditRecord | null = null,
  ): Promise<void> {
    if (!employeeId || !UUID.test(assignmentId) || !UUID.test(cycleId))
      throw notAssigned();
    const questionnaire = await this.frozenQuestionnaire(
      organizationId,
      cycleId,
    );
    const scores = validScores(questionnaire, body);
    const comments = Object.entries(body.comments ?? {})
      .map(([itemId, text]) => [itemId, String(text).trim()] as const)
      .filter(([, text]) => text.length > 0);
    for (const [itemId, text] of comments) {
      if (!questionnaire.text.has(itemId))
        throw Errors.validation([
          {
            ja: '自由記述の項目が正しくありません。',
            en: 'A comment refers to an unknown question.',
          },
        ]);
      if (text.length > 2000)
        throw Errors.validation([
          {
            ja: '自由記述は2000字以内で入力してください。',
            en: 'Comments are limited to 2,000 characters.',
          },
        ]);
    }
    const [row] = (await this.prepared('review360_submit', SUBMIT_SQL, [
      organizationId,
      cycleId,
      assignmentId,
      employeeId,
      JSON.stringify(scores),
      comments.map(([id]) => id),
      comments.map(([, text]) => text),
      audit?.method ?? null,
      audit?.route ?? null,
      audit?.status ?? null,
    ])) as { assigned: number; written: number }[];
    if (row!.written === 1) return;
    if (row!.assigned === 1)
      throw conflict(
        'REVIEW360_ALREADY_ANSWERED',
        'この評価はすでに回答済みです。回答は1回だけです。',
        'You have already answered this rating; each can be answered once.',
      );
    const open: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM review360_assignment x JOIN review360_cycle c ON c.id = x.cycle_id
        WHERE x.organization_id = $1 AND x.id = $2 AND x.rater_id = $3 AND c.status <> 'launched'`,
      [organizationId, assignmentId, employeeId],
    );
    if (open.length > 0)
      throw conflict(
        'REVIEW360_NOT_OPEN',
        'この多面評価は回答を受け付けていません。',
        'This 360 cycle is not open for answers.',
      );
    throw notAssigned();
  }

  private async frozenQuestionnaire(
    organizationId: string,
    cycleId: string,
  ): Promise<QuestionnaireCache> {
    const cached = this.frozen.get(cycleId);
    if (cached) return cached;
    const items: { id: string; kind: 'rating' | 'text'; status: string }[] =
      await this.dataSource.query(
        `SELECT i.id, i.kind, c.status FROM review360_item i
           JOIN review360_cycle c ON c.organization_id = i.organization_id AND c.id = i.cycle_id
          WHERE i.organization_id = $1 AND i.cycle_id = $2 ORDER BY i.sort_order`,
        [organizationId, cycleId],
      );
    if (items.length === 0) throw notAssigned();
    const result = {
      rating: items.filter((i) => i.kind === 'rating').map((i) => i.id),
      text: new Set(items.filter((i) => i.kind === 'text').map((i) => i.id)),
    };
    if (items[0]!.status === 'launched') this.frozen.set(cycleId, result);
    return result;
  }

  /**
   * Runs a constant statement as a named prepared statement on the pool's connection, so that
   * PostgreSQL parses and plans it once per connection instead of on every submission. Falls back
   * to an ordinary query when the driver exposes no pool.
   */
  private async prepared<T>(
    name: string,
    text: string,
    values: unknown[],
  ): Promise<T[]> {
    const pool = (
      this.dataSource.driver as unknown as {
        master?: {
          query?: (config: {
            name: string;
            text: string;
            values: unknown[];
          }) => Promise<{ rows: T[] }>;
        };
      }
    ).master;
    if (typeof pool?.query !== 'function')
      return this.dataSource.query(text, values);
    return (await pool.query({ name, text, values })).rows;
  }

  async requireStatus(
    organizationId: string,
    cycleId: string,
    allowed: Review360Status[],
  ): Promise<Review360CycleDto> {
    const cycle = await this.cycle(organizationId, cycleId);
    if (!allowed.includes(cycle.status))
      throw conflict(
        'REVIEW360_WRONG_STATUS',
        `この操作は「${allowed.map((s) => STATUS_NAMES[s].ja).join('・')}」の実施回でのみ行えます(現在: ${STATUS_NAMES[cycle.status].ja})。`,
        `This can only be done while the cycle is ${allowed.map((s) => STATUS_NAMES[s].en).join(' or ')} (it is ${STATUS_NAMES[cycle.status].en}).`,
      );
    return cycle;
  }

  private async transition(
    organizationId: string,
    cycleId: string,
    from: Review360Status,
    to: Review360Status,
    db: Queryable = this.dataSource,
  ): Promise<void> {
    const stamp =
      to === 'launched'
        ? 'launched_at'
        : to === 'closed'
          ? 'closed_at'
          : 'released_at';
    const [, count] = (await db.query(
      `UPDATE review360_cycle SET status = $4, ${stamp} = now() WHERE organization_id = $1 AND id = $2 AND status = $3`,
      [organizationId, cycleId, from, to],
    )) as [unknown, number];
    if (count !== 1)
      throw conflict(
        'REVIEW360_WRONG_STATUS',
        '実施回の状態が変わりました。画面を更新してください。',
        'The cycle changed meanwhile. Reload and try again.',
      );
  }
}

const notAssigned = () =>
  new AppError(HttpStatus.FORBIDDEN, 'REVIEW360_NOT_ASSIGNED', {
    ja: 'この評価の回答者として割り当てられていません。',
    en: 'You are not assigned to answer this rating.',
  });

function validScores(
  questionnaire: QuestionnaireCache,
  body: Review360SubmissionDto,
): Record<string, number> {
  const given = body.scores ?? {};
  const expected = new Set(questionnaire.rating);
  const keys = Object.keys(given);
  const bad =
    keys.some((k) => !expected.has(k)) ||
    questionnaire.rating.some((id) => !(id in given)) ||
    Object.values(given).some(
      (v) => v !== null && !(Number.isInteger(v) && v >= 1 && v <= 5),
    );
  if (bad)
    throw Errors.validation([
      {
        ja: 'すべての評価項目に1〜5または「評価できない」で回答してください。',
        en: 'Answer every rating item with 1–5 or “unable to rate”.',
      },
    ]);
  const scores: Record<string, number> = {};
  for (const id of questionnaire.rating) {
    const value = given[id];
    if (typeof value === 'number') scores[id] = value;
  }
  return scores;
}
