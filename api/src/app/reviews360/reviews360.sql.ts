import {
  REVIEW360_SCALE,
  REVIEW360_UNABLE,
  type LocalizedText,
  type Review360QuestionnaireDto,
  type Review360QuestionnaireInputDto,
} from '@ikuboard/shared/contracts';

import type { Queryable } from '../../database/queryable';

/** The set-based SQL of the 360 feature, free of Nest so that seeds and tests can use it. */
export const CYCLE_SELECT = `
  SELECT c.id, c.fiscal_year AS "fiscalYear", c.name, c.status, c.reference_date AS "referenceDate",
         c.exclude_hired_months AS "excludeHiredMonths", c.include_indirect AS "includeIndirect",
         c.include_peers AS "includePeers",
         json_build_object('subordinateScores', c.min_subordinate_scores, 'subordinateComments', c.min_subordinate_comments,
                           'peerScores', c.min_peer_scores, 'peerComments', c.min_peer_comments) AS thresholds,
         (SELECT count(*)::int FROM review360_assignment x WHERE x.cycle_id = c.id) AS "assignmentCount",
         (SELECT count(*)::int FROM review360_item i WHERE i.cycle_id = c.id) AS "itemCount"
    FROM review360_cycle c
   WHERE c.organization_id = $1`;

/** The reporting-line assignments of a cycle, set-based (see Reviews360Service.generateAssignments). */
export async function generateReview360Assignments(
  db: Queryable,
  organizationId: string,
  cycleId: string,
): Promise<void> {
  await db.query(
    `WITH RECURSIVE c AS (
           SELECT * FROM review360_cycle WHERE organization_id = $1 AND id = $2
         ), present AS (
           SELECT e.id, e.supervisor_id, s.is_manager,
                  e.hire_date <= (c.reference_date - make_interval(months => c.exclude_hired_months))::date AS may_rate
             FROM c
             JOIN employee e ON e.organization_id = c.organization_id
             JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.id
                              AND a.valid_from <= c.reference_date AND (a.valid_to IS NULL OR a.valid_to > c.reference_date)
             JOIN position_stage s ON s.organization_id = a.organization_id AND s.id = a.position_stage_id
            WHERE e.hire_date <= c.reference_date
              AND (e.separation_date IS NULL OR e.separation_date >= c.reference_date)
         ), ratee AS (
           SELECT * FROM present WHERE is_manager
         ), below (ratee_id, employee_id, depth) AS (
           SELECT r.id, p.id, 1 FROM ratee r JOIN present p ON p.supervisor_id = r.id
           UNION ALL
           SELECT b.ratee_id, p.id, b.depth + 1 FROM below b JOIN present p ON p.supervisor_id = b.employee_id
            WHERE (SELECT include_indirect FROM c) AND b.depth < 12
         ), pairs (ratee_id, rater_id, relationship, rank) AS (
           SELECT id, id, 'self', 0 FROM ratee
           UNION ALL
           SELECT r.id, p.id, 'supervisor', 1 FROM ratee r JOIN present p ON p.id = r.supervisor_id WHERE p.may_rate
           UNION ALL
           SELECT b.ratee_id, b.employee_id, 'subordinate', 2 FROM below b JOIN present p ON p.id = b.employee_id WHERE p.may_rate
           UNION ALL
           SELECT r.id, q.id, 'peer', 3 FROM ratee r JOIN ratee q ON q.supervisor_id = r.supervisor_id AND q.id <> r.id
            WHERE (SELECT include_peers FROM c) AND q.may_rate
         )
         INSERT INTO review360_assignment (organization_id, cycle_id, ratee_id, rater_id, relationship)
         SELECT DISTINCT ON (ratee_id, rater_id) $1::uuid, $2::uuid, ratee_id, rater_id, relationship
           FROM pairs ORDER BY ratee_id, rater_id, rank`,
    [organizationId, cycleId],
  );
}

export async function writeQuestionnaire(
  db: Queryable,
  organizationId: string,
  cycleId: string,
  input: Review360QuestionnaireInputDto,
): Promise<void> {
  await db.query(
    `WITH cat AS (
       INSERT INTO review360_category (organization_id, cycle_id, code, name_ja, name_en, sort_order)
       SELECT $1, $2, c.code, c.ja, c.en, c.ord::int
         FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS c (code, ja, en, ord)
       RETURNING id, code
     )
     INSERT INTO review360_item (organization_id, cycle_id, category_id, kind, text_ja, text_en, source, sort_order)
     SELECT $1, $2, cat.id, i.kind, i.ja, i.en, i.source, i.ord::int
       FROM unnest($6::text[], $7::text[], $8::text[], $9::text[], $10::text[]) WITH ORDINALITY AS i (code, kind, ja, en, source, ord)
       JOIN cat ON cat.code = i.code`,
    [
      organizationId,
      cycleId,
      input.categories.map((c) => c.code),
      input.categories.map((c) => c.name.ja),
      input.categories.map((c) => c.name.en),
      input.items.map((i) => i.categoryCode),
      input.items.map((i) => i.kind),
      input.items.map((i) => i.text.ja),
      input.items.map((i) => i.text.en),
      input.items.map((i) => i.source ?? null),
    ],
  );
  await db.query(
    `UPDATE review360_cycle SET scale_labels = $3::jsonb WHERE organization_id = $1 AND id = $2`,
    [
      organizationId,
      cycleId,
      input.scale || input.unable
        ? JSON.stringify({
            scale: (input.scale ?? REVIEW360_SCALE).map(({ ja, en }) => ({
              ja,
              en,
            })),
            unable: input.unable ?? REVIEW360_UNABLE,
          })
        : null,
    ],
  );
}

export async function loadQuestionnaire(
  db: Queryable,
  organizationId: string,
  cycleId: string,
): Promise<Review360QuestionnaireDto> {
  const [categories, items, labels] = (await Promise.all([
    db.query(
      `SELECT id, code, json_build_object('ja', name_ja, 'en', name_en) AS name
         FROM review360_category WHERE organization_id = $1 AND cycle_id = $2 ORDER BY sort_order`,
      [organizationId, cycleId],
    ),
    db.query(
      `SELECT id, category_id AS "categoryId", kind, json_build_object('ja', text_ja, 'en', text_en) AS text, source
         FROM review360_item WHERE organization_id = $1 AND cycle_id = $2 ORDER BY sort_order`,
      [organizationId, cycleId],
    ),
    db.query(
      `SELECT scale_labels FROM review360_cycle WHERE organization_id = $1 AND id = $2`,
      [organizationId, cycleId],
    ),
  ])) as [
    Review360QuestionnaireDto['categories'],
    Review360QuestionnaireDto['items'],
    {
      scale_labels: { scale: LocalizedText[]; unable: LocalizedText } | null;
    }[],
  ];
  const custom = labels[0]?.scale_labels ?? null;
  return {
    categories,
    items,
    scale: REVIEW360_SCALE.map((label, index) => ({
      value: label.value,
      ja: custom?.scale[index]?.ja ?? label.ja,
      en: custom?.scale[index]?.en ?? label.en,
    })),
    unable: custom?.unable ?? { ...REVIEW360_UNABLE },
  };
}

/**
 * Deletes the cycle's responses and comments and inserts them again in random order with fresh
 * random keys: the new rows share this transaction's xmin and sit in shuffled physical order.
 */
export async function shuffleResponses(
  db: Queryable,
  organizationId: string,
  cycleId: string,
): Promise<void> {
  await db.query(
    `WITH gone AS (
       DELETE FROM review360_response WHERE organization_id = $1 AND cycle_id = $2
       RETURNING organization_id, cycle_id, ratee_id, relationship, scores
     )
     INSERT INTO review360_response (organization_id, cycle_id, ratee_id, relationship, scores)
     SELECT organization_id, cycle_id, ratee_id, relationship, scores FROM gone ORDER BY random()`,
    [organizationId, cycleId],
  );
  await db.query(
    `WITH gone AS (
       DELETE FROM review360_comment WHERE organization_id = $1 AND cycle_id = $2
       RETURNING organization_id, cycle_id, ratee_id, relationship, item_id, body
     )
     INSERT INTO review360_comment (organization_id, cycle_id, ratee_id, relationship, item_id, body)
     SELECT organization_id, cycle_id, ratee_id, relationship, item_id, body FROM gone ORDER BY random()`,
    [organizationId, cycleId],
  );
}

/**
 * VACUUM FULL writes the tables anew, dropping the dead row versions that still carried the
 * original xmin and order. It runs outside the transaction and briefly locks the two tables.
 */
export async function compactResponseTables(db: Queryable): Promise<void> {
  await db.query(`VACUUM (FULL, ANALYZE) review360_response`);
  await db.query(`VACUUM (FULL, ANALYZE) review360_comment`);
}
