import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  CommitteeCommentDto,
  CommitteeReviewDto,
  CommitteeReviewStatus,
  CommitteeReviewSummaryDto,
  CommitteeSnapshotDto,
  KpiValueDto,
  SnapshotDifferenceDto,
} from '@ikuboard/shared/contracts';
import { DataSource } from 'typeorm';

import type { AuthContext } from '../../common/access.decorator';
import { AppError, Errors } from '../../common/app-error';
import { KPI_GROUPS } from '../kpi/kpi-groups';
import { KpiService } from '../kpi/kpi.service';
import { OrgService } from '../org/org.service';
import { TargetsService } from '../targets/targets.service';
import { checkPublication, defaultPublishedItems } from './publication-check';

/** How many fiscal years of history a snapshot keeps (the review year included). */
export const SNAPSHOT_YEARS = 10;

interface ReviewRow {
  id: string;
  fiscalYear: number;
  version: number;
  status: CommitteeReviewStatus;
  preparedAt: Date;
  preparedByName: string | null;
  signedAt: Date | null;
  signedByName: string | null;
  publishedAt: Date | null;
  superseded: boolean;
}

const REVIEW_SELECT = `
  SELECT r.id, r.fiscal_year AS "fiscalYear", r.version, r.status, r.prepared_at AS "preparedAt",
         r.prepared_by_name AS "preparedByName", r.signed_at AS "signedAt", r.signed_by_name AS "signedByName",
         r.published_at AS "publishedAt",
         EXISTS (SELECT 1 FROM committee_review later WHERE later.organization_id = r.organization_id
                   AND later.fiscal_year = r.fiscal_year AND later.version > r.version) AS superseded
    FROM committee_review r
   WHERE r.organization_id = $1`;

const iso = (date: Date | null) => (date === null ? null : date.toISOString());

function toSummary(row: ReviewRow): CommitteeReviewSummaryDto {
  return {
    ...row,
    preparedAt: row.preparedAt.toISOString(),
    signedAt: iso(row.signedAt),
    publishedAt: iso(row.publishedAt),
  };
}

/** A comment names `general`, a KPI of the frozen snapshot or one of its frozen targets. */
export function snapshotHasItem(
  snapshot: CommitteeSnapshotDto,
  itemKey: string,
): boolean {
  if (itemKey === 'general') return true;
  if (itemKey.startsWith('kpi:')) {
    const code = itemKey.slice('kpi:'.length);
    return (
      snapshot.groups.some((group) => group.codes.includes(code)) ||
      snapshot.organization.some((value) => value.code === code)
    );
  }
  if (itemKey.startsWith('target:')) {
    const id = itemKey.slice('target:'.length).toLowerCase();
    return snapshot.targets.some(
      (progress) => progress.target.id.toLowerCase() === id,
    );
  }
  return false;
}

const conflict = (code: string, ja: string, en: string) =>
  new AppError(HttpStatus.CONFLICT, code, { ja, en });

const figureKey = (
  scope: string | null,
  value: Pick<KpiValueDto, 'code' | 'fiscalYear' | 'dimensions'>,
) =>
  `${scope ?? ''}|${value.code}|${value.fiscalYear}|${Object.entries(
    value.dimensions ?? {},
  )
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, part]) => `${key}=${part}`)
    .join('&')}`;

const same = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) < 1e-9;

@Injectable()
export class CommitteeService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly kpis: KpiService,
    private readonly targets: TargetsService,
    private readonly org: OrgService,
  ) {}

  async list(organizationId: string): Promise<CommitteeReviewSummaryDto[]> {
    const rows: ReviewRow[] = await this.dataSource.query(
      `${REVIEW_SELECT} ORDER BY r.fiscal_year DESC, r.version DESC`,
      [organizationId],
    );
    return rows.map(toSummary);
  }

  /** The figures as they are now: every KPI family, whole organization and each employer unit. */
  async takeSnapshot(
    organizationId: string,
    fiscalYear: number,
  ): Promise<CommitteeSnapshotDto> {
    const dataYears = await this.org.fiscalYears(organizationId);
    const first = Math.max(
      fiscalYear - SNAPSHOT_YEARS + 1,
      Math.min(dataYears[0] ?? fiscalYear, fiscalYear),
    );
    const years: number[] = [];
    for (let year = first; year <= fiscalYear; year++) years.push(year);
    const units: { code: string; name: string }[] = await this.dataSource.query(
      `SELECT code, name FROM org_unit WHERE organization_id = $1 AND is_employer_unit ORDER BY sort_order, code`,
      [organizationId],
    );
    const organization = await this.kpis.forFiscalYears(
      organizationId,
      years,
      {},
    );
    const employerUnits = [];
    for (const unit of units)
      employerUnits.push({
        unitCode: unit.code,
        unitName: unit.name,
        values: await this.kpis.forFiscalYears(organizationId, [fiscalYear], {
          unitCode: unit.code,
        }),
      });
    return {
      fiscalYear,
      takenAt: new Date().toISOString(),
      groups: KPI_GROUPS.map((group) => ({
        key: group.codes[0] ?? '',
        codes: [...group.codes],
      })),
      organization,
      employerUnits,
      targets: await this.targets.progress(organizationId, fiscalYear),
    };
  }

  async prepare(
    auth: AuthContext,
    fiscalYear: number,
  ): Promise<CommitteeReviewDto> {
    const existing: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM committee_review WHERE organization_id = $1 AND fiscal_year = $2`,
      [auth.organizationId, fiscalYear],
    );
    if (existing.length > 0)
      throw conflict(
        'COMMITTEE_REVIEW_EXISTS',
        'この年度の審議資料は作成済みです。内容を改める場合は「再審議」で新しい版を作成してください。',
        'A review of this fiscal year already exists. Reopen it to create a new version.',
      );
    return this.createVersion(auth, fiscalYear, 1);
  }

  /** A new version with fresh figures; the earlier versions stay readable as they were. */
  async reopen(auth: AuthContext, id: string): Promise<CommitteeReviewDto> {
    const review = await this.row(auth.organizationId, id);
    if (review.superseded)
      throw conflict(
        'COMMITTEE_REVIEW_SUPERSEDED',
        'より新しい版があります。最新の版から再審議してください。',
        'A newer version exists; reopen the latest one.',
      );
    if (review.status === 'draft')
      throw conflict(
        'COMMITTEE_REVIEW_NOT_SIGNED',
        'この版はまだ承認されていないため、そのまま審議を続けられます。',
        'This version is not signed yet; continue reviewing it.',
      );
    return this.createVersion(auth, review.fiscalYear, review.version + 1);
  }

  /**
   * One version. `compare` recomputes the review year to list what differs from the snapshot;
   * the actions skip it (the page keeps the list it has) because it costs a KPI computation per
   * employer unit.
   */
  async get(
    auth: AuthContext,
    id: string,
    compare = true,
  ): Promise<CommitteeReviewDto> {
    const review = await this.row(auth.organizationId, id);
    const detail = await this.detail(auth.organizationId, id);
    const comments: (Omit<CommitteeCommentDto, 'createdAt'> & {
      createdAt: Date;
    })[] = await this.dataSource.query(
      `SELECT id, item_key AS "itemKey", author_name AS "authorName", body, created_at AS "createdAt"
         FROM committee_comment WHERE organization_id = $1 AND review_id = $2 ORDER BY created_at, id`,
      [auth.organizationId, id],
    );
    return {
      ...toSummary(review),
      snapshot: detail.snapshot,
      publishedItems: detail.publishedItems,
      comments: comments.map((comment) => ({
        ...comment,
        createdAt: comment.createdAt.toISOString(),
      })),
      publicationCheck: checkPublication(
        detail.snapshot,
        detail.publishedItems,
      ),
      differences: await this.differences(auth.organizationId, detail.snapshot),
      canSign:
        review.status === 'draft' &&
        !review.superseded &&
        (await this.isChair(auth)),
    };
  }

  async comment(
    auth: AuthContext,
    id: string,
    itemKey: string,
    body: string,
  ): Promise<CommitteeReviewDto> {
    const review = await this.row(auth.organizationId, id);
    this.assertOpen(review);
    const { snapshot } = await this.detail(auth.organizationId, id);
    if (!snapshotHasItem(snapshot, itemKey))
      throw Errors.validation([
        {
          ja: `コメントの対象「${itemKey}」はこの審議資料にありません。`,
          en: `The item "${itemKey}" is not part of this review.`,
        },
      ]);
    const [account] = (await this.dataSource.query(
      `SELECT display_name FROM account WHERE organization_id = $1 AND id = $2`,
      [auth.organizationId, auth.accountId],
    )) as [{ display_name: string }];
    await this.dataSource.query(
      `INSERT INTO committee_comment (organization_id, review_id, item_key, account_id, author_name, body)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        auth.organizationId,
        id,
        itemKey,
        auth.accountId,
        account.display_name,
        body.trim(),
      ],
    );
    return this.get(auth, id, false);
  }

  async setPublishedItems(
    auth: AuthContext,
    id: string,
    codes: readonly string[],
  ): Promise<CommitteeReviewDto> {
    const review = await this.row(auth.organizationId, id);
    this.assertOpen(review);
    const known = new Set(
      KPI_GROUPS.flatMap((group) => group.codes as readonly string[]),
    );
    const unknown = codes.filter((code) => !known.has(code));
    if (unknown.length > 0)
      throw Errors.validation([
        {
          ja: `不明な指標コードです: ${unknown.join(', ')}`,
          en: `Unknown KPI codes: ${unknown.join(', ')}`,
        },
      ]);
    await this.dataSource.query(
      `UPDATE committee_review SET published_items = $3 WHERE organization_id = $1 AND id = $2`,
      [auth.organizationId, id, [...new Set(codes)]],
    );
    return this.get(auth, id, false);
  }

  /** The chair's sign-off freezes the snapshot (the database refuses any later change). */
  async sign(auth: AuthContext, id: string): Promise<CommitteeReviewDto> {
    const review = await this.row(auth.organizationId, id);
    this.assertOpen(review);
    if (!(await this.isChair(auth)))
      throw new AppError(HttpStatus.FORBIDDEN, 'COMMITTEE_CHAIR_ONLY', {
        ja: '承認できるのは委員長のみです。',
        en: 'Only the committee chair can sign off.',
      });
    await this.dataSource.query(
      `UPDATE committee_review
          SET status = 'signed', signed_at = now(), signed_by = $3,
              signed_by_name = (SELECT display_name FROM account WHERE organization_id = $1 AND id = $3)
        WHERE organization_id = $1 AND id = $2 AND status = 'draft'`,
      [auth.organizationId, id, auth.accountId],
    );
    return this.get(auth, id, false);
  }

  async publish(auth: AuthContext, id: string): Promise<CommitteeReviewDto> {
    const review = await this.row(auth.organizationId, id);
    if (review.status !== 'signed' || review.superseded)
      throw conflict(
        'COMMITTEE_REVIEW_NOT_SIGNED',
        '公表できるのは委員長が承認した最新の版のみです。',
        'Only the latest version signed by the chair can be published.',
      );
    const detail = await this.get(auth, id, false);
    if (!detail.publicationCheck.passed)
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        'PUBLICATION_RULE_NOT_MET',
        {
          ja: '公表項目が内閣府令第6条の要件(①から1項目以上、②から1項目以上、給与の男女の差異)を満たしていません。',
          en: 'The published items do not meet the rule (at least one item of group ①, one of group ②, and the pay gap).',
        },
        detail.publicationCheck.items
          .filter((item) => !item.passed)
          .map((item) => GROUP_MISSING[item.group]),
      );
    await this.dataSource.query(
      `UPDATE committee_review SET status = 'published', published_at = now(), published_by = $3
        WHERE organization_id = $1 AND id = $2 AND status = 'signed'`,
      [auth.organizationId, id, auth.accountId],
    );
    return this.get(auth, id, false);
  }

  /** The snapshot and the fiscal year of a review, for reports. */
  async snapshot(
    organizationId: string,
    id: string,
  ): Promise<{
    review: CommitteeReviewSummaryDto;
    snapshot: CommitteeSnapshotDto;
    publishedItems: string[];
  }> {
    const review = await this.row(organizationId, id);
    const detail = await this.detail(organizationId, id);
    return { review: toSummary(review), ...detail };
  }

  /** A review's frozen snapshot and its published items (the caller has checked the review exists). */
  private async detail(
    organizationId: string,
    id: string,
  ): Promise<{ snapshot: CommitteeSnapshotDto; publishedItems: string[] }> {
    const [detail] = (await this.dataSource.query(
      `SELECT snapshot, published_items AS "publishedItems" FROM committee_review WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    )) as [{ snapshot: CommitteeSnapshotDto; publishedItems: string[] }];
    return detail;
  }

  private async createVersion(
    auth: AuthContext,
    fiscalYear: number,
    version: number,
  ): Promise<CommitteeReviewDto> {
    const snapshot = await this.takeSnapshot(auth.organizationId, fiscalYear);
    const [{ id }] = (await this.dataSource.query(
      `INSERT INTO committee_review (organization_id, fiscal_year, version, snapshot, published_items, prepared_by, prepared_by_name)
       VALUES ($1, $2, $3, $4, $5, $6, (SELECT display_name FROM account WHERE organization_id = $1 AND id = $6))
       ON CONFLICT ON CONSTRAINT uq_committee_review_version DO NOTHING
       RETURNING id`,
      [
        auth.organizationId,
        fiscalYear,
        version,
        JSON.stringify(snapshot),
        defaultPublishedItems(snapshot),
        auth.accountId,
      ],
    )) as { id: string }[];
    if (!id)
      throw conflict(
        'COMMITTEE_REVIEW_EXISTS',
        '同じ版が同時に作成されました。一覧を再読み込みしてください。',
        'The same version was created at the same time; reload the list.',
      );
    return this.get(auth, id, false);
  }

  private assertOpen(review: ReviewRow): void {
    if (review.status !== 'draft' || review.superseded)
      throw conflict(
        'COMMITTEE_REVIEW_CLOSED',
        'この版は承認済みのため変更できません。変更するには再審議で新しい版を作成してください。',
        'This version is signed and cannot change; reopen it to create a new version.',
      );
  }

  private async isChair(auth: AuthContext): Promise<boolean> {
    if (auth.role !== 'committee') return false;
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM account WHERE organization_id = $1 AND id = $2 AND is_committee_chair`,
      [auth.organizationId, auth.accountId],
    );
    return rows.length > 0;
  }

  private async row(organizationId: string, id: string): Promise<ReviewRow> {
    const rows: ReviewRow[] = /^[0-9a-f-]{36}$/i.test(id)
      ? await this.dataSource.query(`${REVIEW_SELECT} AND r.id = $2`, [
          organizationId,
          id,
        ])
      : [];
    if (!rows[0])
      throw Errors.notFound({ ja: '審議資料', en: 'Committee review' });
    return rows[0];
  }

  /** The review year's figures now, compared with the frozen ones (whole organization, employer units, targets). */
  private async differences(
    organizationId: string,
    snapshot: CommitteeSnapshotDto,
  ): Promise<SnapshotDifferenceDto[]> {
    const fy = snapshot.fiscalYear;
    const current = new Map<string, KpiValueDto>();
    for (const value of await this.kpis.forFiscalYears(
      organizationId,
      [fy],
      {},
    ))
      current.set(figureKey(null, value), value);
    const unitCodes = new Set<string>(
      (
        (await this.dataSource.query(
          `SELECT code FROM org_unit WHERE organization_id = $1 AND is_employer_unit`,
          [organizationId],
        )) as { code: string }[]
      ).map((row) => row.code),
    );
    for (const unit of snapshot.employerUnits) {
      if (!unitCodes.has(unit.unitCode)) continue;
      for (const value of await this.kpis.forFiscalYears(organizationId, [fy], {
        unitCode: unit.unitCode,
      }))
        current.set(figureKey(unit.unitCode, value), value);
    }
    const differences: SnapshotDifferenceDto[] = [];
    const compare = (scope: string | null, frozen: KpiValueDto) => {
      const now = current.get(figureKey(scope, frozen));
      if (
        !now ||
        !same(now.value, frozen.value) ||
        now.numerator !== frozen.numerator ||
        now.denominator !== frozen.denominator
      )
        differences.push({
          scope,
          code: frozen.code,
          ...(frozen.dimensions ? { dimensions: frozen.dimensions } : {}),
          snapshot: frozen.value,
          current: now?.value ?? null,
        });
    };
    for (const value of snapshot.organization)
      if (value.fiscalYear === fy) compare(null, value);
    for (const unit of snapshot.employerUnits)
      for (const value of unit.values) compare(unit.unitCode, value);
    return differences;
  }
}

const GROUP_MISSING = {
  opportunity: {
    ja: '①(採用・登用)の項目が1つもありません。',
    en: 'No item of group ① (hiring and promotion).',
  },
  balance: {
    ja: '②(職業生活と家庭生活の両立)の項目が1つもありません。',
    en: 'No item of group ② (work–life balance).',
  },
  pay_gap: {
    ja: '職員の給与の男女の差異がありません。',
    en: 'The gender pay gap is missing.',
  },
} as const;
