import { createHash, randomUUID } from 'node:crypto';

import type { Queryable } from '../../database/queryable';
import { canonicalDeclarationText, sha256Hex } from './canonical-text';
import { requiredManagersSql } from './declarations.sql';

/**
 * みどり市's pledge list, modelled on 北九州市役所のイクボス10か条 (its items 1–8 rephrased as
 * a declarer's pledges; 9 and 10 follow the FJ 10ヵ条's spirit of enjoying one's own life).
 */
export const DEMO_IKUBOSS_PLEDGES: readonly string[] = [
  '部下が子育て・介護・地域活動などのライフに時間を割くことに理解を示します。',
  '仕事と生活を両立しながら頑張る部下を応援し、勤務時間内の成果を正当に評価します。',
  '両立支援の制度を理解し、部下に自ら取得を促します。',
  '所属する組織全体に、ライフを大切にし積極的に時間を割く風土を広めます。',
  '異動や業務分担など部下のライフに大きく影響することには、遠慮ではなく配慮をします。',
  '休暇や育児休業の取得者がいても業務が滞らないよう、情報共有とチームワークを育てます。',
  '会議の短縮、書類の削減、意思決定の迅速化など業務改善を進め、部下が時間を取りやすくします。',
  '自分の上司や人事部門にも、職員のライフを重視したマネジメントを働きかけます。',
  '時間外勤務を前提としない仕事の進め方を自ら実践し、率先して定時に退庁します。',
  '自らも仕事と私生活を楽しみ、その姿を部下に示します。',
];

const TITLE = 'みどり市イクボス宣言';
const PREAMBLE =
  '私は、職員一人ひとりの仕事と生活の両立を応援し、そのキャリアと人生を支えながら、組織としての成果も上げ、自らも仕事と私生活を楽しむ「イクボス」となることを宣言します。';

const SAMPLE_ACTIONS: readonly string[] = [
  '毎週水曜日の定時退庁日を課内で徹底し、自らも率先して定時に退庁します。',
  '子が生まれる職員とは必ずイクボス面談を行い、育児休業の取得計画を一緒に立てます。',
  '会議は原則30分以内とし、資料は事前に共有してペーパーレスで行います。',
  '年次休暇の計画表を四半期ごとに確認し、取得の少ない職員に声をかけます。',
  'ライフの予定を共有し合える職場の雰囲気づくりを行います。',
  '時間外勤務が月30時間を超えた職員とは業務の分担を見直します。',
];

/** Deterministic 0–99 from a key, so the demo is the same on every start. */
function percentile(key: string): number {
  return createHash('sha256').update(key).digest().readUInt16BE(0) % 100;
}

/**
 * The pledge template, campaigns for the last two fiscal years (every 部長級・次長級・課長級, as
 * 北九州市 did, due June 30) and signed declarations for most of the required managers. The demo `manager`
 * account declared last year but not yet this year, so the "my declaration" flow can be tried.
 */
export async function seedDemoIkubossDeclarations(
  db: Queryable,
  organizationId: string,
  lastFiscalYear: number,
  demoManagerEmployeeId: string | null,
): Promise<void> {
  const [{ id: templateId }] = (await db.query(
    `INSERT INTO ikuboss_template (organization_id, name, title, preamble, pledges)
     VALUES ($1, 'イクボス10か条', $2, $3, $4::jsonb) RETURNING id`,
    [organizationId, TITLE, PREAMBLE, JSON.stringify(DEMO_IKUBOSS_PLEDGES)],
  )) as [{ id: string }];
  for (const [offset, share] of [
    [1, 92],
    [0, 78],
  ] as const) {
    const fiscalYear = lastFiscalYear - offset;
    const [{ id: campaignId }] = (await db.query(
      `INSERT INTO ikuboss_campaign (organization_id, name, fiscal_year, scope_unit_id, template_id, deadline)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        organizationId,
        `令和${fiscalYear - 2018}年度 全管理職イクボス宣言(課長級以上)`,
        fiscalYear,
        null,
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
      `SELECT m.employee_id, m.employee_number, m.name, m.stage_name, u.name AS unit_name
         FROM (${requiredManagersSql('c.id = $2')}) m
         JOIN org_unit u ON u.organization_id = $1 AND u.id = m.org_unit_id
        ORDER BY m.employee_number`,
      [organizationId, campaignId],
    )) as DeclaringManager[];
    const declaring = required.filter((manager) =>
      manager.employee_id === demoManagerEmployeeId
        ? offset === 1
        : percentile(`${fiscalYear}:${manager.employee_number}`) < share,
    );
    await insertSignedDeclarations(db, organizationId, campaignId, declaring, {
      fiscalYear,
      title: TITLE,
      preamble: PREAMBLE,
      actions: SAMPLE_ACTIONS,
      signingDays: 60,
    });
  }
}

/** A required manager of a campaign, as requiredManagersSql gives them with their unit's name. */
export interface DeclaringManager {
  employee_id: string;
  employee_number: string;
  name: string;
  stage_name: string;
  unit_name: string;
}

/**
 * Individual declarations of a campaign, signed by these managers (demo seed and bench tiers): one
 * or two of `actions` each, signed on a day within `signingDays` from April 1, 70 % public; set-based,
 * in the order the guards allow: the declarations unsigned, their (signed) declarers, then the
 * declarations' signatures.
 */
export async function insertSignedDeclarations(
  db: Queryable,
  organizationId: string,
  campaignId: string,
  managers: readonly DeclaringManager[],
  options: {
    fiscalYear: number;
    title: string;
    preamble: string;
    actions: readonly string[];
    signingDays: number;
  },
): Promise<void> {
  const { fiscalYear, title, preamble, actions: choices } = options;
  const rows = managers.map((manager) => {
    const pick = percentile(`action:${fiscalYear}:${manager.employee_number}`);
    const actions = [
      choices[pick % choices.length]!,
      ...(pick % 3 === 0 ? [choices[(pick + 1) % choices.length]!] : []),
    ];
    const date = new Date(
      Date.UTC(fiscalYear, 3, 1 + (pick % options.signingDays)),
    )
      .toISOString()
      .slice(0, 10);
    const text = canonicalDeclarationText({
      title,
      fiscalYear,
      preamble,
      pledges: DEMO_IKUBOSS_PLEDGES,
      declarers: [
        {
          name: manager.name,
          title: manager.stage_name,
          unit: manager.unit_name,
          actions,
        },
      ],
      witness: null,
      date,
    });
    return {
      id: randomUUID(),
      manager,
      actions,
      date,
      signedAt: `${date}T10:00:00+09:00`,
      text,
      isPublic: pick % 10 < 7,
    };
  });
  await db.query(
    `INSERT INTO ikuboss_declaration (id, organization_id, fiscal_year, kind, campaign_id, title, preamble, pledges, is_public)
     SELECT u.id, $1, $2, 'individual', $3, $4, $5, $6::jsonb, u.public
       FROM unnest($7::uuid[], $8::boolean[]) AS u (id, public)`,
    [
      organizationId,
      fiscalYear,
      campaignId,
      title,
      preamble,
      JSON.stringify(DEMO_IKUBOSS_PLEDGES),
      rows.map((r) => r.id),
      rows.map((r) => r.isPublic),
    ],
  );
  await db.query(
    `INSERT INTO ikuboss_declarer (organization_id, declaration_id, employee_id, position, action_1, action_2,
                                   signed_at, name_at_signing, title_at_signing, unit_at_signing)
     SELECT $1, u.id, u.emp, 1, u.a1, u.a2, u.at, u.name, u.title, u.unit
       FROM unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::text[], $8::text[], $9::text[])
         AS u (id, emp, a1, a2, at, name, title, unit)`,
    [
      organizationId,
      rows.map((r) => r.id),
      rows.map((r) => r.manager.employee_id),
      rows.map((r) => r.actions[0]),
      rows.map((r) => r.actions[1] ?? null),
      rows.map((r) => r.signedAt),
      rows.map((r) => r.manager.name),
      rows.map((r) => r.manager.stage_name),
      rows.map((r) => r.manager.unit_name),
    ],
  );
  await db.query(
    `UPDATE ikuboss_declaration d SET signed_at = u.at, signed_date = u.day, signed_text = u.text, signed_hash = u.hash
       FROM unnest($2::uuid[], $3::timestamptz[], $4::date[], $5::text[], $6::text[]) AS u (id, at, day, text, hash)
      WHERE d.organization_id = $1 AND d.id = u.id`,
    [
      organizationId,
      rows.map((r) => r.id),
      rows.map((r) => r.signedAt),
      rows.map((r) => r.date),
      rows.map((r) => r.text),
      rows.map((r) => sha256Hex(r.text)),
    ],
  );
}
