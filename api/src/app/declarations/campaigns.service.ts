import { HttpStatus, Injectable } from '@nestjs/common';
import type {
  IkubossCampaignDetailDto,
  IkubossCampaignDto,
  IkubossCampaignInputDto,
  IkubossPendingManagerDto,
  IkubossTemplateDto,
  IkubossTemplateInputDto,
  IkubossUnitCompletionDto,
} from '@ikuboard/shared/contracts';
import { fiscalYearEnd, fiscalYearStart } from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import type { AuthContext } from '../../common/access.decorator';
import { AppError } from '../../common/app-error';
import { OrgService } from '../org/org.service';
import { IkubossErrors } from './declarations.errors';
import { HOLDS_DECLARATION_SQL, requiredManagersSql } from './declarations.sql';
import { ikubossViewer, type IkubossViewer } from './ikuboss-viewer';

interface CampaignRow {
  id: string;
  name: string;
  fiscalYear: number;
  scopeUnitId: string | null;
  scopeUnitCode: string | null;
  scopeUnitName: string | null;
  stageCodes: string[];
  stageNames: string[];
  templateId: string;
  templateName: string;
  deadline: string;
}

interface RequiredRow {
  campaign_id: string;
  employee_number: string;
  name: string;
  org_unit_id: string;
  unit_code: string;
  unit_name: string;
  stage_name: string;
  declared: boolean;
  draft_id: string | null;
}

const CAMPAIGN_SELECT = `
  SELECT c.id, c.name, c.fiscal_year AS "fiscalYear", c.scope_unit_id AS "scopeUnitId",
         u.code AS "scopeUnitCode", u.name AS "scopeUnitName",
         coalesce(array_agg(s.code ORDER BY s.sort_order) FILTER (WHERE s.id IS NOT NULL), '{}') AS "stageCodes",
         coalesce(array_agg(s.name ORDER BY s.sort_order) FILTER (WHERE s.id IS NOT NULL), '{}') AS "stageNames",
         c.template_id AS "templateId", t.name AS "templateName", c.deadline::text AS deadline
    FROM ikuboss_campaign c
    JOIN ikuboss_template t ON t.organization_id = c.organization_id AND t.id = c.template_id
    LEFT JOIN org_unit u ON u.organization_id = c.organization_id AND u.id = c.scope_unit_id
    LEFT JOIN ikuboss_campaign_stage cs ON cs.organization_id = c.organization_id AND cs.campaign_id = c.id
    LEFT JOIN position_stage s ON s.organization_id = c.organization_id AND s.id = cs.position_stage_id
   WHERE c.organization_id = $1`;
const CAMPAIGN_GROUP = `GROUP BY c.id, u.code, u.name, t.name`;

const percentOf = (declared: number, required: number): number | null =>
  required === 0 ? null : (declared / required) * 100;

const UUID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const conflictCampaign = (code: string, ja: string, en: string) =>
  new AppError(HttpStatus.CONFLICT, code, { ja, en });

@Injectable()
export class CampaignsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgService,
  ) {}

  // ---- templates -------------------------------------------------------------------------

  async templates(organizationId: string): Promise<IkubossTemplateDto[]> {
    return this.dataSource.query(
      `SELECT id, name, title, preamble, pledges, updated_at AS "updatedAt"
         FROM ikuboss_template WHERE organization_id = $1 ORDER BY updated_at DESC, name`,
      [organizationId],
    );
  }

  async createTemplate(
    organizationId: string,
    input: IkubossTemplateInputDto,
  ): Promise<IkubossTemplateDto> {
    await this.checkTemplateName(organizationId, input.name, null);
    const [row] = (await this.dataSource.query(
      `INSERT INTO ikuboss_template (organization_id, name, title, preamble, pledges)
       VALUES ($1, $2, $3, $4, $5::jsonb)
       RETURNING id, name, title, preamble, pledges, updated_at AS "updatedAt"`,
      [
        organizationId,
        input.name,
        input.title,
        input.preamble,
        JSON.stringify(input.pledges),
      ],
    )) as IkubossTemplateDto[];
    return row!;
  }

  /** Editing a template changes future declarations only: each declaration keeps its own copy. */
  async updateTemplate(
    organizationId: string,
    id: string,
    input: IkubossTemplateInputDto,
  ): Promise<IkubossTemplateDto> {
    await this.checkTemplateName(organizationId, input.name, id);
    const [rows] = (await this.dataSource.query(
      `UPDATE ikuboss_template SET name = $3, title = $4, preamble = $5, pledges = $6::jsonb, updated_at = now()
        WHERE organization_id = $1 AND id = $2::uuid
        RETURNING id, name, title, preamble, pledges, updated_at AS "updatedAt"`,
      [
        organizationId,
        id,
        input.name,
        input.title,
        input.preamble,
        JSON.stringify(input.pledges),
      ],
    )) as [IkubossTemplateDto[], number];
    if (!rows[0]) throw IkubossErrors.templateNotFound();
    return rows[0];
  }

  private async checkTemplateName(
    organizationId: string,
    name: string,
    exceptId: string | null,
  ): Promise<void> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ikuboss_template WHERE organization_id = $1 AND name = $2 AND id IS DISTINCT FROM $3::uuid`,
      [organizationId, name, exceptId],
    );
    if (rows.length > 0)
      throw IkubossErrors.invalid(
        `ひな形名「${name}」はすでに使われています。`,
        `A template named "${name}" already exists.`,
      );
  }

  // ---- campaigns -------------------------------------------------------------------------

  async stages(
    organizationId: string,
  ): Promise<{ code: string; name: string; isManager: boolean }[]> {
    return this.dataSource.query(
      `SELECT code, name, is_manager AS "isManager" FROM position_stage WHERE organization_id = $1 ORDER BY sort_order`,
      [organizationId],
    );
  }

  async createCampaign(
    organizationId: string,
    input: IkubossCampaignInputDto,
  ): Promise<IkubossCampaignDto> {
    const { scopeUnitId, stageRows } = await this.checkCampaign(
      organizationId,
      input,
    );
    const id = await this.dataSource.transaction(async (manager) => {
      const [{ id }] = (await manager.query(
        `INSERT INTO ikuboss_campaign (organization_id, name, fiscal_year, scope_unit_id, template_id, deadline)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [
          organizationId,
          input.name,
          input.fiscalYear,
          scopeUnitId,
          input.templateId,
          input.deadline,
        ],
      )) as [{ id: string }];
      await manager.query(
        `INSERT INTO ikuboss_campaign_stage (organization_id, campaign_id, position_stage_id)
         SELECT $1, $2, unnest($3::uuid[])`,
        [organizationId, id, stageRows.map((row) => row.id)],
      );
      return id;
    });
    return this.campaignSummary(organizationId, id);
  }

  /**
   * Edits every field of a campaign. Declarations keep their own text, so only who is required
   * changes; the fiscal year is fixed once a declaration belongs to the campaign (409).
   */
  async updateCampaign(
    organizationId: string,
    id: string,
    input: IkubossCampaignInputDto,
  ): Promise<IkubossCampaignDto> {
    const current = await this.campaignOwnRow(organizationId, id);
    const { scopeUnitId, stageRows } = await this.checkCampaign(
      organizationId,
      input,
    );
    if (
      input.fiscalYear !== current.fiscal_year &&
      (await this.declarationCount(organizationId, id)) > 0
    )
      throw conflictCampaign(
        'IKUBOSS_CAMPAIGN_HAS_DECLARATIONS',
        'このキャンペーンにはすでに宣言があるため、年度は変更できません。',
        'This campaign already has declarations, so its fiscal year cannot change.',
      );
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE ikuboss_campaign SET name = $3, fiscal_year = $4, scope_unit_id = $5, template_id = $6, deadline = $7
          WHERE organization_id = $1 AND id = $2`,
        [
          organizationId,
          id,
          input.name,
          input.fiscalYear,
          scopeUnitId,
          input.templateId,
          input.deadline,
        ],
      );
      await manager.query(
        `DELETE FROM ikuboss_campaign_stage WHERE organization_id = $1 AND campaign_id = $2`,
        [organizationId, id],
      );
      await manager.query(
        `INSERT INTO ikuboss_campaign_stage (organization_id, campaign_id, position_stage_id)
         SELECT $1, $2, unnest($3::uuid[])`,
        [organizationId, id, stageRows.map((row) => row.id)],
      );
    });
    return this.campaignSummary(organizationId, id);
  }

  /**
   * Deletes a campaign that no declaration (draft, signed or revoked) belongs to; otherwise 409:
   * signed declarations are immutable records that name their campaign.
   */
  async deleteCampaign(organizationId: string, id: string): Promise<void> {
    await this.campaignOwnRow(organizationId, id);
    if ((await this.declarationCount(organizationId, id)) > 0)
      throw conflictCampaign(
        'IKUBOSS_CAMPAIGN_HAS_DECLARATIONS',
        'このキャンペーンにはすでに宣言(下書きを含む)があるため削除できません。名称や期限の変更はできます。',
        'This campaign already has declarations (drafts included), so it cannot be deleted. You can still edit it.',
      );
    await this.dataSource.query(
      `DELETE FROM ikuboss_campaign WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    );
  }

  private async campaignOwnRow(
    organizationId: string,
    id: string,
  ): Promise<{ fiscal_year: number }> {
    if (!UUID_PATTERN.test(id)) throw IkubossErrors.campaignNotFound();
    const [row] = (await this.dataSource.query(
      `SELECT fiscal_year FROM ikuboss_campaign WHERE organization_id = $1 AND id = $2`,
      [organizationId, id],
    )) as { fiscal_year: number }[];
    if (!row) throw IkubossErrors.campaignNotFound();
    return row;
  }

  private async declarationCount(
    organizationId: string,
    id: string,
  ): Promise<number> {
    const [row] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM ikuboss_declaration WHERE organization_id = $1 AND campaign_id = $2`,
      [organizationId, id],
    )) as { n: number }[];
    return row?.n ?? 0;
  }

  private async campaignSummary(
    organizationId: string,
    id: string,
  ): Promise<IkubossCampaignDto> {
    const [campaign] = await this.campaignRows(organizationId, id);
    const counts = await this.requiredRows(organizationId, [id], {
      kind: 'hr',
    });
    return this.summary(campaign!, counts);
  }

  private async checkCampaign(
    organizationId: string,
    input: IkubossCampaignInputDto,
  ): Promise<{
    scopeUnitId: string | null;
    stageRows: { id: string; code: string }[];
  }> {
    const scopeUnitId = await this.org.resolveUnit(
      organizationId,
      input.scopeUnitCode ?? undefined,
    );
    const templates: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM ikuboss_template WHERE organization_id = $1 AND id = $2::uuid`,
      [organizationId, input.templateId],
    );
    if (templates.length === 0) throw IkubossErrors.templateNotFound();
    const stageRows: { id: string; code: string }[] =
      await this.dataSource.query(
        `SELECT id, code FROM position_stage WHERE organization_id = $1 AND code = ANY ($2::text[])`,
        [organizationId, input.stageCodes],
      );
    const unknown = input.stageCodes.filter(
      (code) => !stageRows.some((row) => row.code === code),
    );
    if (unknown.length > 0)
      throw IkubossErrors.invalid(
        `役職段階「${unknown.join('、')}」はありません。`,
        `Unknown position stage: ${unknown.join(', ')}.`,
      );
    if (
      input.deadline < fiscalYearStart(input.fiscalYear - 1) ||
      input.deadline > fiscalYearEnd(input.fiscalYear)
    )
      throw IkubossErrors.invalid(
        '期限は前年度の初めから当該年度末までの日付にしてください。',
        'The deadline must fall between the start of the previous fiscal year and the end of this one.',
      );
    return { scopeUnitId, stageRows };
  }

  async campaigns(auth: AuthContext): Promise<IkubossCampaignDto[]> {
    const viewer = await ikubossViewer(this.dataSource, auth);
    const campaigns = await this.campaignRows(auth.organizationId, null);
    const required = await this.requiredRows(
      auth.organizationId,
      campaigns.map((c) => c.id),
      viewer,
    );
    return campaigns.map((campaign) => this.summary(campaign, required));
  }

  /**
   * Completion per unit (the direct children of the viewed root) and the managers who have not
   * declared. HR views the campaign's scope or any unit in it; a manager their own subtree.
   */
  async campaign(
    auth: AuthContext,
    id: string,
    unitCode: string | undefined,
  ): Promise<IkubossCampaignDetailDto> {
    const viewer = await ikubossViewer(this.dataSource, auth);
    const [campaign] = await this.campaignRows(auth.organizationId, id);
    if (!campaign) throw IkubossErrors.campaignNotFound();
    const requested = await this.org.resolveUnit(auth.organizationId, unitCode);
    let rootId: string | null = requested ?? campaign.scopeUnitId;
    if (viewer.kind === 'manager') {
      rootId = requested ?? viewer.unitId;
      if (!(await this.isWithin(auth.organizationId, rootId, viewer.unitId)))
        throw IkubossErrors.outsideSubtree();
    }
    const required = (
      await this.requiredRows(auth.organizationId, [id], viewer)
    ).filter((row) => row.campaign_id === id);
    const inRoot =
      rootId === null
        ? required
        : await this.withinRoot(auth.organizationId, rootId, required);
    const groups: {
      id: string;
      code: string;
      name: string;
      descendants: string[];
    }[] = await this.dataSource.query(
      `SELECT u.id, u.code, u.name, array_agg(k.descendant_id) AS descendants
         FROM org_unit u JOIN org_unit_closure k ON k.organization_id = u.organization_id AND k.ancestor_id = u.id
        WHERE u.organization_id = $1 AND u.parent_id IS NOT DISTINCT FROM $2::uuid
        GROUP BY u.id ORDER BY u.sort_order, u.code`,
      [auth.organizationId, rootId],
    );
    const groupOf = new Map<string, number>();
    groups.forEach((group, index) =>
      group.descendants.forEach((unitId) => groupOf.set(unitId, index)),
    );
    const tally = groups.map(() => ({ required: 0, declared: 0 }));
    const atRoot = { required: 0, declared: 0 };
    for (const row of inRoot) {
      const index = groupOf.get(row.org_unit_id);
      const bucket = index === undefined ? atRoot : tally[index]!;
      bucket.required += 1;
      if (row.declared) bucket.declared += 1;
    }
    const rootRows = rootId
      ? ((await this.dataSource.query(
          `SELECT code, name FROM org_unit WHERE organization_id = $1 AND id = $2`,
          [auth.organizationId, rootId],
        )) as { code: string; name: string }[])
      : [];
    const units: IkubossUnitCompletionDto[] = [];
    if (atRoot.required > 0 && rootRows[0])
      units.push({
        unitCode: rootRows[0].code,
        unitName: rootRows[0].name,
        ...atRoot,
        percent: percentOf(atRoot.declared, atRoot.required),
      });
    groups.forEach((group, index) => {
      const counts = tally[index]!;
      if (counts.required === 0) return;
      units.push({
        unitCode: group.code,
        unitName: group.name,
        ...counts,
        percent: percentOf(counts.declared, counts.required),
      });
    });
    const notDeclared: IkubossPendingManagerDto[] = inRoot
      .filter((row) => !row.declared)
      .map((row) => ({
        employeeNumber: row.employee_number,
        name: row.name,
        unitCode: row.unit_code,
        unitName: row.unit_name,
        stageName: row.stage_name,
        draftDeclarationId: row.draft_id,
      }))
      .sort(
        (a, b) =>
          a.unitCode.localeCompare(b.unitCode) ||
          a.employeeNumber.localeCompare(b.employeeNumber),
      );
    return {
      ...this.summary(campaign, inRoot),
      viewRootUnitCode: rootRows[0]?.code ?? null,
      viewRootUnitName: rootRows[0]?.name ?? null,
      units,
      notDeclared,
    };
  }

  private summary(
    campaign: CampaignRow,
    required: readonly RequiredRow[],
  ): IkubossCampaignDto {
    const own = required.filter((row) => row.campaign_id === campaign.id);
    const { scopeUnitId: _scope, ...dto } = campaign;
    return {
      ...dto,
      required: own.length,
      declared: own.filter((row) => row.declared).length,
    };
  }

  private async campaignRows(
    organizationId: string,
    id: string | null,
  ): Promise<CampaignRow[]> {
    if (id !== null && !/^[0-9a-f-]{36}$/i.test(id)) return [];
    return this.dataSource.query(
      `${CAMPAIGN_SELECT} AND ($2::uuid IS NULL OR c.id = $2::uuid) ${CAMPAIGN_GROUP}
       ORDER BY c.fiscal_year DESC, c.deadline, c.name`,
      [organizationId, id],
    );
  }

  /** The required managers of the campaigns, limited to a manager's own subtree. */
  private async requiredRows(
    organizationId: string,
    campaignIds: readonly string[],
    viewer: IkubossViewer,
  ): Promise<RequiredRow[]> {
    if (campaignIds.length === 0) return [];
    const rows: RequiredRow[] = await this.dataSource.query(
      `SELECT m.campaign_id, m.employee_number, m.name, m.org_unit_id, u.code AS unit_code, u.name AS unit_name,
              m.stage_name, ${HOLDS_DECLARATION_SQL} AS declared,
              (SELECT dx.id FROM ikuboss_declarer dd
                 JOIN ikuboss_declaration dx ON dx.organization_id = dd.organization_id AND dx.id = dd.declaration_id
                WHERE dd.organization_id = $1 AND dd.employee_id = m.employee_id AND dx.fiscal_year = m.fiscal_year
                  AND dx.signed_at IS NULL LIMIT 1) AS draft_id
         FROM (${requiredManagersSql('c.id = ANY ($2::uuid[])')}) m
         JOIN org_unit u ON u.organization_id = $1 AND u.id = m.org_unit_id
        WHERE $3::uuid IS NULL OR EXISTS (
                SELECT 1 FROM org_unit_closure k
                 WHERE k.organization_id = $1 AND k.ancestor_id = $3 AND k.descendant_id = m.org_unit_id)`,
      [
        organizationId,
        campaignIds,
        viewer.kind === 'manager' ? viewer.unitId : null,
      ],
    );
    return rows;
  }

  private async withinRoot(
    organizationId: string,
    rootId: string,
    rows: readonly RequiredRow[],
  ): Promise<RequiredRow[]> {
    const descendants = new Set(
      (
        (await this.dataSource.query(
          `SELECT descendant_id FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $2`,
          [organizationId, rootId],
        )) as { descendant_id: string }[]
      ).map((row) => row.descendant_id),
    );
    return rows.filter((row) => descendants.has(row.org_unit_id));
  }

  private async isWithin(
    organizationId: string,
    unitId: string,
    ancestorId: string,
  ): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM org_unit_closure WHERE organization_id = $1 AND ancestor_id = $2 AND descendant_id = $3`,
      [organizationId, ancestorId, unitId],
    );
    return rows.length > 0;
  }
}
