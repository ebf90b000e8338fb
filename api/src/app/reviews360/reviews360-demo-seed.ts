import type { Queryable } from '../../database/queryable';
import { DEFAULT_REVIEW360_QUESTIONNAIRE } from './item-bank';
import {
  generateReview360Assignments,
  writeQuestionnaire,
} from './reviews360.sql';

const COMMENTS = [
  '定時で帰るよう声をかけてくれるので帰りやすい。',
  '子どもの急な発熱のときも快く送り出してくれた。',
  '会議が短く、資料も最小限で助かっている。',
  '業務の分担を見直して、休みを取りやすくしてくれた。',
  'もう少し早めに方針を共有してもらえるとありがたい。',
  '忙しい時期でも相談に乗ってくれる。',
  '休暇の取得を自ら率先してほしい。',
  'キャリアについて話す時間をもっと取ってほしい。',
];

/** A stable number in [0, 1) from the text of its arguments (the demo must not vary run to run). */
const HASH = (parts: string) =>
  `((hashtext(${parts}) & 2147483647) / 2147483648.0)`;

/**
 * Two past, released cycles of みどり市 (FY − 2 and FY − 1 of the last year) with answers from 85 %
 * of the raters: each manager has a level, each item a bias, self-ratings run 0.5 higher and the
 * later cycle 0.2 better, so reports show gaps and a trend. Set-based: a few statements per cycle.
 */
export async function seedReviews360Demo(
  db: Queryable,
  organizationId: string,
  lastFiscalYear: number,
): Promise<void> {
  for (const [index, fiscalYear] of [
    lastFiscalYear - 2,
    lastFiscalYear - 1,
  ].entries()) {
    const [cycle] = (await db.query(
      `INSERT INTO review360_cycle (organization_id, fiscal_year, name, status, reference_date, include_indirect,
                                    launched_at, closed_at, released_at)
       VALUES ($1, $2, $3, 'draft', $4, true, $5::date, $6::date, $7::date) RETURNING id`,
      [
        organizationId,
        fiscalYear,
        `令和${fiscalYear - 2018}年度 多面評価(イクボス)`,
        `${fiscalYear}-10-01`,
        `${fiscalYear}-10-15`,
        `${fiscalYear}-11-15`,
        `${fiscalYear}-12-01`,
      ],
    )) as { id: string }[];
    const cycleId = cycle!.id;
    await writeQuestionnaire(
      db,
      organizationId,
      cycleId,
      DEFAULT_REVIEW360_QUESTIONNAIRE,
    );
    await generateReview360Assignments(db, organizationId, cycleId);
    await db.query(
      `INSERT INTO review360_participation (organization_id, cycle_id, assignment_id)
       SELECT organization_id, cycle_id, id FROM review360_assignment
        WHERE cycle_id = $1 AND ${HASH(`ratee_id::text || rater_id::text || $2::text`)} < 0.85`,
      [cycleId, String(fiscalYear)],
    );
    await db.query(
      `INSERT INTO review360_response (organization_id, cycle_id, ratee_id, relationship, scores)
       SELECT x.organization_id, x.cycle_id, x.ratee_id, x.relationship,
              (SELECT jsonb_object_agg(i.id, greatest(1, least(5, round(
                        2.4 + 1.8 * ${HASH(`x.ratee_id::text`)}
                        + CASE x.relationship WHEN 'self' THEN 0.5 ELSE 0 END + $2::numeric
                        + 0.8 * ${HASH(`i.sort_order::text`)} - 0.4
                        + 1.6 * (${HASH(`x.id::text || i.id::text`)} - 0.5))))::int)
                 FROM review360_item i
                WHERE i.cycle_id = x.cycle_id AND i.kind = 'rating'
                  AND ${HASH(`x.rater_id::text || i.sort_order::text`)} >= 0.05)
         FROM review360_assignment x
         JOIN review360_participation p ON p.assignment_id = x.id
        WHERE x.cycle_id = $1
        ORDER BY random()`,
      [cycleId, index * 0.2],
    );
    await db.query(
      `INSERT INTO review360_comment (organization_id, cycle_id, ratee_id, relationship, item_id, body)
       SELECT x.organization_id, x.cycle_id, x.ratee_id, x.relationship, i.id,
              ($2::text[])[1 + floor(${HASH(`x.rater_id::text || i.id::text`)} * array_length($2::text[], 1))::int]
         FROM review360_assignment x
         JOIN review360_participation p ON p.assignment_id = x.id
         JOIN review360_item i ON i.cycle_id = x.cycle_id AND i.kind = 'text'
        WHERE x.cycle_id = $1 AND x.relationship = 'subordinate'
          AND ${HASH(`x.id::text || i.sort_order::text`)} < 0.3
        ORDER BY random()`,
      [cycleId, COMMENTS],
    );
    await db.query(
      `UPDATE review360_cycle SET status = 'released' WHERE id = $1`,
      [cycleId],
    );
  }
}
