import { createHash } from 'node:crypto';

import type { Queryable } from '../../api/src/database/queryable';
import {
  DEMO_IKUBOSS_PLEDGES,
  insertSignedDeclarations,
  type DeclaringManager,
} from '../../api/src/app/declarations/declarations-demo-seed';
import { requiredManagersSql } from '../../api/src/app/declarations/declarations.sql';
import { DEFAULT_REVIEW360_QUESTIONNAIRE } from '../../api/src/app/reviews360/item-bank';
import {
  generateReview360Assignments,
  writeQuestionnaire,
} from '../../api/src/app/reviews360/reviews360.sql';
import { TIERS } from './tiers';

/**
 * The parts of a tier the city generator does not make (issue 8: tier L has "10 360-cycles,
 * declarations"): for every fiscal year of the tier, an Ikuboss campaign (every 部長級・次長級・
 * 課長級, due June 30) with signed declarations from a share of its required managers that grows
 * from 55 % to 91 % over the years, and a released 360 cycle (the product's defaults: direct
 * reports, thresholds 3 scores / 5 comments) whose raters answered at 70–88 %.
 *
 * The same tables and statement shapes as the product and the demo seed
 * (declarations-demo-seed.ts, reviews360-demo-seed.ts): the campaign's required managers from
 * `requiredManagersSql`, the signed text from `canonicalDeclarationText`, the assignments from
 * `generateReview360Assignments`, the questionnaire from `writeQuestionnaire`; participation and
 * responses are separate rows, the responses carry no rater and are inserted in random order, as
 * submissions store them. Set-based: a handful of statements per fiscal year. Deterministic
 * figures (hashes of the people's keys), so a tier's KPIs are the same on every build.
 */
export interface TierExtrasCounts {
  ikuboss_campaign: number;
  ikuboss_declaration: number;
  review360_cycle: number;
  review360_assignment: number;
  review360_participation: number;
  review360_response: number;
  review360_comment: number;
}

const TITLE = 'イクボス宣言';
const PREAMBLE =
  '私は、職員一人ひとりの仕事と生活の両立を応援し、そのキャリアと人生を支えながら、組織としての成果も上げ、自らも仕事と私生活を楽しむ「イクボス」となることを宣言します。';
const ACTIONS: readonly string[] = [
  '毎週水曜日の定時退庁日を課内で徹底し、自らも率先して定時に退庁します。',
  '子が生まれる職員とは必ず面談を行い、育児休業の取得計画を一緒に立てます。',
  '会議は原則30分以内とし、資料は事前に共有します。',
  '年次休暇の計画表を四半期ごとに確認し、取得の少ない職員に声をかけます。',
  '時間外勤務が月30時間を超えた職員とは業務の分担を見直します。',
];
const COMMENTS: readonly string[] = [
  '定時で帰るよう声をかけてくれるので帰りやすい。',
  '子どもの急な発熱のときも快く送り出してくれた。',
  '会議が短く、資料も最小限で助かっている。',
  'もう少し早めに方針を共有してもらえるとありがたい。',
  '休暇の取得を自ら率先してほしい。',
];

/** Deterministic 0–99 from a key. */
const percentile = (key: string) =>
  createHash('sha256').update(key).digest().readUInt16BE(0) % 100;

/** A stable number in [0, 1) from the text of its arguments (SQL). */
const HASH = (parts: string) =>
  `((hashtext(${parts}) & 2147483647) / 2147483648.0)`;

async function count(
  db: Queryable,
  table: string,
  organizationId: string,
): Promise<number> {
  const [row] = (await db.query(
    `SELECT count(*)::int AS n FROM ${table} WHERE organization_id = $1`,
    [organizationId],
  )) as { n: number }[];
  return row!.n;
}

async function ikubossYear(
  db: Queryable,
  organizationId: string,
  templateId: string,
  fiscalYear: number,
  share: number,
): Promise<void> {
  const [{ id: campaignId }] = (await db.query(
    `INSERT INTO ikuboss_campaign (organization_id, name, fiscal_year, scope_unit_id, template_id, deadline)
     VALUES ($1, $2, $3, NULL, $4, $5) RETURNING id`,
    [
      organizationId,
      `${fiscalYear}年度 全管理職イクボス宣言(課長級以上)`,
      fiscalYear,
      templateId,
      `${fiscalYear}-06-30`,
    ],
  )) as [{ id: string }];
  await db.query(
    `INSERT INTO ikuboss_campaign_stage (organization_id, campaign_id, position_stage_id)
     SELECT $1, $2, id FROM position_stage WHERE organization_id = $1 AND code IN ('bucho', 'jicho', 'kacho')`,
    [organizationId, campaignId],
  );
  const required = (await db.query(
    `SELECT DISTINCT ON (m.employee_id) m.employee_id, m.employee_number, m.name, m.stage_name, u.name AS unit_name
       FROM (${requiredManagersSql('c.id = $2')}) m
       JOIN org_unit u ON u.organization_id = $1 AND u.id = m.org_unit_id
      ORDER BY m.employee_id, m.employee_number`,
    [organizationId, campaignId],
  )) as DeclaringManager[];
  await insertSignedDeclarations(
    db,
    organizationId,
    campaignId,
    required.filter(
      (manager) =>
        percentile(`${fiscalYear}:${manager.employee_number}`) < share,
    ),
    {
      fiscalYear,
      title: TITLE,
      preamble: PREAMBLE,
      actions: ACTIONS,
      signingDays: 80,
    },
  );
}

async function review360Year(
  db: Queryable,
  organizationId: string,
  fiscalYear: number,
  responseRate: number,
  improvement: number,
): Promise<void> {
  const [cycle] = (await db.query(
    `INSERT INTO review360_cycle (organization_id, fiscal_year, name, status, reference_date,
                                  launched_at, closed_at, released_at)
     VALUES ($1, $2, $3, 'draft', $4, $5::date, $6::date, $7::date) RETURNING id`,
    [
      organizationId,
      fiscalYear,
      `${fiscalYear}年度 多面評価(イクボス)`,
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
      WHERE organization_id = $1 AND cycle_id = $2
        AND ${HASH(`ratee_id::text || rater_id::text || $3::text`)} < $4`,
    [organizationId, cycleId, String(fiscalYear), responseRate],
  );
  // Scores as the demo seed draws them (a level per manager, a bias per item, self-ratings 0.5
  // higher, "unable to answer" 5 %), the years improving slowly; no rater in the row.
  await db.query(
    `INSERT INTO review360_response (organization_id, cycle_id, ratee_id, relationship, scores)
     SELECT x.organization_id, x.cycle_id, x.ratee_id, x.relationship,
            (SELECT jsonb_object_agg(i.id, greatest(1, least(5, round(
                      2.4 + 1.8 * ${HASH(`x.ratee_id::text`)}
                      + CASE x.relationship WHEN 'self' THEN 0.5 ELSE 0 END + $3::numeric
                      + 0.8 * ${HASH(`i.sort_order::text`)} - 0.4
                      + 1.6 * (${HASH(`x.id::text || i.id::text`)} - 0.5))))::int)
               FROM review360_item i
              WHERE i.cycle_id = x.cycle_id AND i.kind = 'rating'
                AND ${HASH(`x.rater_id::text || i.sort_order::text`)} >= 0.05)
       FROM review360_assignment x
       JOIN review360_participation p ON p.assignment_id = x.id
      WHERE x.organization_id = $1 AND x.cycle_id = $2
      ORDER BY random()`,
    [organizationId, cycleId, improvement],
  );
  await db.query(
    `INSERT INTO review360_comment (organization_id, cycle_id, ratee_id, relationship, item_id, body)
     SELECT x.organization_id, x.cycle_id, x.ratee_id, x.relationship, i.id,
            ($3::text[])[1 + floor(${HASH(`x.rater_id::text || i.id::text`)} * array_length($3::text[], 1))::int]
       FROM review360_assignment x
       JOIN review360_participation p ON p.assignment_id = x.id
       JOIN review360_item i ON i.cycle_id = x.cycle_id AND i.kind = 'text'
      WHERE x.organization_id = $1 AND x.cycle_id = $2 AND x.relationship = 'subordinate'
        AND ${HASH(`x.id::text || i.sort_order::text`)} < 0.3
      ORDER BY random()`,
    [organizationId, cycleId, COMMENTS],
  );
  await db.query(
    `UPDATE review360_cycle SET status = 'released' WHERE organization_id = $1 AND id = $2`,
    [organizationId, cycleId],
  );
}

/** Adds the campaigns, declarations and released 360 cycles to a tier's organization. */
export async function addTierExtras(
  db: Queryable,
  organizationId: string,
  years: { firstFiscalYear: number; lastFiscalYear: number },
  log: (line: string) => void = () => undefined,
): Promise<TierExtrasCounts> {
  const fiscalYears: number[] = [];
  for (let fy = years.firstFiscalYear; fy <= years.lastFiscalYear; fy++)
    fiscalYears.push(fy);
  const [{ id: templateId }] = (await db.query(
    `INSERT INTO ikuboss_template (organization_id, name, title, preamble, pledges)
     VALUES ($1, 'イクボス10か条', $2, $3, $4::jsonb) RETURNING id`,
    [organizationId, TITLE, PREAMBLE, JSON.stringify(DEMO_IKUBOSS_PLEDGES)],
  )) as [{ id: string }];
  let started = Date.now();
  for (const [index, fiscalYear] of fiscalYears.entries())
    await ikubossYear(
      db,
      organizationId,
      templateId,
      fiscalYear,
      55 + Math.round((36 * index) / Math.max(1, fiscalYears.length - 1)),
    );
  log(
    `Ikuboss campaigns and declarations for ${fiscalYears.length} FYs: ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  started = Date.now();
  for (const [index, fiscalYear] of fiscalYears.entries())
    await review360Year(
      db,
      organizationId,
      fiscalYear,
      0.7 + (0.18 * index) / Math.max(1, fiscalYears.length - 1),
      (0.6 * index) / Math.max(1, fiscalYears.length - 1),
    );
  log(
    `${fiscalYears.length} released 360 cycles: ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  const counts = {} as TierExtrasCounts;
  for (const table of [
    'ikuboss_campaign',
    'ikuboss_declaration',
    'review360_cycle',
    'review360_assignment',
    'review360_participation',
    'review360_response',
    'review360_comment',
  ] as const)
    counts[table] = await count(db, table, organizationId);
  return counts;
}

/** Whether the organization already has campaigns or 360 cycles (the extras are added once). */
export async function hasTierExtras(
  db: Queryable,
  organizationId: string,
): Promise<boolean> {
  const [row] = (await db.query(
    `SELECT EXISTS (SELECT 1 FROM ikuboss_campaign WHERE organization_id = $1)
         OR EXISTS (SELECT 1 FROM review360_cycle WHERE organization_id = $1) AS present`,
    [organizationId],
  )) as { present: boolean }[];
  return row!.present;
}

/** The fiscal years of a tier (bench/src/tiers.ts). */
export function tierYears(tier: string): {
  firstFiscalYear: number;
  lastFiscalYear: number;
} {
  const options = TIERS[tier];
  if (!options) throw new Error(`unknown tier ${tier}`);
  return options;
}
