import { Injectable } from '@nestjs/common';
import type {
  IkubossDeclarationCreateDto,
  IkubossDeclarationDto,
  IkubossDeclarationUpdateDto,
  IkubossDeclarerDto,
  PublicIkubossDto,
} from '@ikuboard/shared/contracts';
import { DataSource } from 'typeorm';

import type { AuthContext } from '../../common/access.decorator';
import type { Queryable } from '../../database/queryable';
import { canonicalDeclarationText, sha256Hex } from './canonical-text';
import { IkubossErrors } from './declarations.errors';
import { isIkubossManager } from './ikuboss-viewer';

interface DeclarationRow {
  id: string;
  fiscalYear: number;
  kind: IkubossDeclarationDto['kind'];
  campaignId: string | null;
  previousId: string | null;
  renewedById: string | null;
  title: string;
  preamble: string;
  pledges: string[];
  witness: string | null;
  isPublic: boolean;
  signedAt: Date | null;
  signedDate: string | null;
  signedText: string | null;
  signedHash: string | null;
  revokedAt: Date | null;
  revokedReason: string | null;
  createdAt: Date;
}

interface DeclarerRow {
  declarationId: string;
  employeeId: string;
  employeeNumber: string;
  name: string;
  position: number;
  action1: string | null;
  action2: string | null;
  signedAt: Date | null;
  nameAtSigning: string | null;
  titleAtSigning: string | null;
  unitAtSigning: string | null;
}

const DECLARATION_SELECT = `
  SELECT d.id, d.fiscal_year AS "fiscalYear", d.kind, d.campaign_id AS "campaignId", d.previous_id AS "previousId",
         (SELECT n.id FROM ikuboss_declaration n WHERE n.organization_id = d.organization_id AND n.previous_id = d.id LIMIT 1)
           AS "renewedById",
         d.title, d.preamble, d.pledges, d.witness, d.is_public AS "isPublic", d.signed_at AS "signedAt",
         d.signed_date::text AS "signedDate", d.signed_text AS "signedText", d.signed_hash AS "signedHash",
         d.revoked_at AS "revokedAt", d.revoked_reason AS "revokedReason", d.created_at AS "createdAt"
    FROM ikuboss_declaration d
   WHERE d.organization_id = $1`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const actionsOf = (row: DeclarerRow): string[] =>
  [row.action1, row.action2].filter(
    (action): action is string => action !== null && action !== '',
  );

const iso = (value: Date | null): string | null =>
  value === null ? null : new Date(value).toISOString();

@Injectable()
export class DeclarationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The declarations the caller is a declarer of, newest fiscal year first. */
  async mine(auth: AuthContext): Promise<IkubossDeclarationDto[]> {
    if (!auth.employeeId) throw IkubossErrors.noLinkedEmployee();
    return this.load(
      this.dataSource,
      auth,
      `AND EXISTS (SELECT 1 FROM ikuboss_declarer x WHERE x.organization_id = d.organization_id
                      AND x.declaration_id = d.id AND x.employee_id = $2)`,
      [auth.employeeId],
    );
  }

  /** HR: every declaration of a fiscal year. */
  async list(
    auth: AuthContext,
    fiscalYear: number,
  ): Promise<IkubossDeclarationDto[]> {
    return this.load(this.dataSource, auth, `AND d.fiscal_year = $2`, [
      fiscalYear,
    ]);
  }

  /** HR and the declarers may read a declaration; to anyone else it does not exist. */
  async get(auth: AuthContext, id: string): Promise<IkubossDeclarationDto> {
    return this.visible(this.dataSource, auth, id);
  }

  async create(
    auth: AuthContext,
    input: IkubossDeclarationCreateDto,
  ): Promise<IkubossDeclarationDto> {
    const hr = isIkubossManager(auth);
    const numbers = [...new Set(input.declarerEmployeeNumbers ?? [])];
    return this.dataSource.transaction(async (db) => {
      let declarerIds: { id: string; name: string }[];
      if (numbers.length === 0) {
        if (!auth.employeeId) throw IkubossErrors.noLinkedEmployee();
        declarerIds = (await db.query(
          `SELECT id, name FROM employee WHERE organization_id = $1 AND id = $2`,
          [auth.organizationId, auth.employeeId],
        )) as { id: string; name: string }[];
      } else {
        const found = (await db.query(
          `SELECT id, name, employee_number FROM employee WHERE organization_id = $1 AND employee_number = ANY ($2::text[])`,
          [auth.organizationId, numbers],
        )) as { id: string; name: string; employee_number: string }[];
        const missing = numbers.filter(
          (n) => !found.some((row) => row.employee_number === n),
        );
        if (missing.length > 0)
          throw IkubossErrors.invalid(
            `職員番号「${missing.join('、')}」の職員はいません。`,
            `No employee with number ${missing.join(', ')}.`,
          );
        declarerIds = numbers.map(
          (n) => found.find((row) => row.employee_number === n)!,
        );
      }
      if (
        !hr &&
        !declarerIds.some((declarer) => declarer.id === auth.employeeId)
      )
        throw IkubossErrors.notDeclarer();
      await this.assertNoActiveDeclaration(
        db,
        auth.organizationId,
        declarerIds,
        input.fiscalYear,
      );
      const source = await this.templateFor(
        db,
        auth.organizationId,
        input.fiscalYear,
        input.templateId,
      );
      const [{ id }] = (await db.query(
        `INSERT INTO ikuboss_declaration (organization_id, fiscal_year, kind, campaign_id, title, preamble, pledges)
         VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING id`,
        [
          auth.organizationId,
          input.fiscalYear,
          declarerIds.length > 1 ? 'joint' : 'individual',
          source.campaignId,
          source.title,
          source.preamble,
          JSON.stringify(source.pledges),
        ],
      )) as [{ id: string }];
      await db.query(
        `INSERT INTO ikuboss_declarer (organization_id, declaration_id, employee_id, position)
         SELECT $1, $2, e, p::smallint FROM unnest($3::uuid[]) WITH ORDINALITY AS u (e, p)`,
        [auth.organizationId, id, declarerIds.map((d) => d.id)],
      );
      return this.visible(db, auth, id);
    });
  }

  /** Before anyone signs: the caller's own actions, the witness; the public consent at any time. */
  async update(
    auth: AuthContext,
    id: string,
    input: IkubossDeclarationUpdateDto,
  ): Promise<IkubossDeclarationDto> {
    return this.dataSource.transaction(async (db) => {
      const declaration = await this.lockedAsDeclarer(db, auth, id);
      const changesContent =
        input.actions !== undefined || input.witness !== undefined;
      if (changesContent) {
        if (declaration.signedAt !== null) throw IkubossErrors.alreadySigned();
        if (declaration.declarers.some((d) => d.signedAt !== null))
          throw IkubossErrors.signatureStarted();
      }
      if (input.actions !== undefined) {
        const actions = input.actions
          .map((action) => action.trim())
          .filter((a) => a !== '');
        await db.query(
          `UPDATE ikuboss_declarer SET action_1 = $4, action_2 = $5
            WHERE organization_id = $1 AND declaration_id = $2 AND employee_id = $3`,
          [
            auth.organizationId,
            id,
            auth.employeeId,
            actions[0] ?? null,
            actions[1] ?? null,
          ],
        );
      }
      if (input.witness !== undefined)
        await db.query(
          `UPDATE ikuboss_declaration SET witness = $3 WHERE organization_id = $1 AND id = $2`,
          [auth.organizationId, id, input.witness?.trim() || null],
        );
      if (
        input.isPublic !== undefined &&
        input.isPublic !== declaration.isPublic
      )
        await db.query(
          `UPDATE ikuboss_declaration SET is_public = $3 WHERE organization_id = $1 AND id = $2`,
          [auth.organizationId, id, input.isPublic],
        );
      return this.visible(db, auth, id);
    });
  }

  /**
   * The declarer's signature: captures their name, title and unit today. When the last declarer
   * signs, the canonical text is fixed and its SHA-256 stored with the time.
   */
  async sign(
    auth: AuthContext,
    id: string,
    confirm: boolean,
  ): Promise<IkubossDeclarationDto> {
    if (!confirm) throw IkubossErrors.confirmRequired();
    return this.dataSource.transaction(async (db) => {
      const declaration = await this.lockedAsDeclarer(db, auth, id);
      if (declaration.signedAt !== null) throw IkubossErrors.alreadySigned();
      const me = declaration.declarers.find((d) => d.isCaller)!;
      if (me.signedAt !== null) throw IkubossErrors.youSigned();
      if (me.actions.length === 0) throw IkubossErrors.actionsRequired();
      await db.query(
        `UPDATE ikuboss_declarer dd
            SET signed_at = now(), signed_by_account_id = $4,
                name_at_signing = e.name, title_at_signing = coalesce(p.title, '—'), unit_at_signing = coalesce(p.unit, '—')
           FROM employee e
           LEFT JOIN LATERAL (
             SELECT s.name AS title, u.name AS unit
               FROM assignment a
               JOIN position_stage s ON s.organization_id = a.organization_id AND s.id = a.position_stage_id
               JOIN org_unit u ON u.organization_id = a.organization_id AND u.id = a.org_unit_id
              WHERE a.organization_id = e.organization_id AND a.employee_id = e.id AND a.valid_from <= CURRENT_DATE
              ORDER BY a.valid_from DESC LIMIT 1) p ON true
          WHERE dd.organization_id = $1 AND dd.declaration_id = $2 AND dd.employee_id = $3
            AND e.organization_id = $1 AND e.id = dd.employee_id`,
        [auth.organizationId, id, auth.employeeId, auth.accountId],
      );
      const declarers = (await this.declarerRows(db, auth.organizationId, [
        id,
      ])) as DeclarerRow[];
      if (declarers.every((d) => d.signedAt !== null)) {
        const [{ today }] = (await db.query(
          `SELECT (now() AT TIME ZONE 'Asia/Tokyo')::date::text AS today`,
        )) as [{ today: string }];
        const text = canonicalDeclarationText({
          title: declaration.title,
          fiscalYear: declaration.fiscalYear,
          preamble: declaration.preamble,
          pledges: declaration.pledges,
          declarers: declarers.map((d) => ({
            name: d.nameAtSigning!,
            title: d.titleAtSigning!,
            unit: d.unitAtSigning!,
            actions: actionsOf(d),
          })),
          witness: declaration.witness,
          date: today,
        });
        await db.query(
          `UPDATE ikuboss_declaration SET signed_at = now(), signed_date = $3, signed_text = $4, signed_hash = $5
            WHERE organization_id = $1 AND id = $2`,
          [auth.organizationId, id, today, text, sha256Hex(text)],
        );
      }
      return this.visible(db, auth, id);
    });
  }

  async revoke(
    auth: AuthContext,
    id: string,
    reason: string,
  ): Promise<IkubossDeclarationDto> {
    return this.dataSource.transaction(async (db) => {
      const declaration = await this.lockedVisible(db, auth, id);
      if (
        !isIkubossManager(auth) &&
        !declaration.declarers.some((d) => d.isCaller)
      )
        throw IkubossErrors.notDeclarer();
      if (declaration.signedAt === null) throw IkubossErrors.notSigned();
      if (declaration.revokedAt !== null) throw IkubossErrors.alreadyRevoked();
      await db.query(
        `UPDATE ikuboss_declaration SET revoked_at = now(), revoked_reason = $3, revoked_by_account_id = $4
          WHERE organization_id = $1 AND id = $2`,
        [auth.organizationId, id, reason.trim(), auth.accountId],
      );
      return this.visible(db, auth, id);
    });
  }

  /** A draft for the next fiscal year with the same declarers and actions, from its template. */
  async renew(auth: AuthContext, id: string): Promise<IkubossDeclarationDto> {
    return this.dataSource.transaction(async (db) => {
      const previous = await this.lockedVisible(db, auth, id);
      if (
        !isIkubossManager(auth) &&
        !previous.declarers.some((d) => d.isCaller)
      )
        throw IkubossErrors.notDeclarer();
      if (previous.signedAt === null) throw IkubossErrors.notSigned();
      if (previous.renewedById !== null) throw IkubossErrors.alreadyRenewed();
      const fiscalYear = previous.fiscalYear + 1;
      const rows = (await this.declarerRows(db, auth.organizationId, [
        id,
      ])) as DeclarerRow[];
      const current = (await db.query(
        `SELECT id, name FROM employee WHERE organization_id = $1 AND id = ANY ($2::uuid[])
            AND (separation_date IS NULL OR separation_date >= CURRENT_DATE)`,
        [auth.organizationId, rows.map((r) => r.employeeId)],
      )) as { id: string; name: string }[];
      const declarers = rows.filter((r) =>
        current.some((c) => c.id === r.employeeId),
      );
      if (declarers.length === 0) throw IkubossErrors.notDeclarer();
      await this.assertNoActiveDeclaration(
        db,
        auth.organizationId,
        declarers.map((d) => ({ id: d.employeeId, name: d.name })),
        fiscalYear,
      );
      const source = await this.templateFor(
        db,
        auth.organizationId,
        fiscalYear,
        undefined,
        previous,
      );
      const [{ id: nextId }] = (await db.query(
        `INSERT INTO ikuboss_declaration
           (organization_id, fiscal_year, kind, campaign_id, previous_id, title, preamble, pledges, witness, is_public)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10) RETURNING id`,
        [
          auth.organizationId,
          fiscalYear,
          declarers.length > 1 ? 'joint' : 'individual',
          source.campaignId,
          id,
          source.title,
          source.preamble,
          JSON.stringify(source.pledges),
          previous.witness,
          previous.isPublic,
        ],
      )) as [{ id: string }];
      await db.query(
        `INSERT INTO ikuboss_declarer (organization_id, declaration_id, employee_id, position, action_1, action_2)
         SELECT $1, $2, e, p::smallint, a1, a2
           FROM unnest($3::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS u (e, a1, a2, p)`,
        [
          auth.organizationId,
          nextId,
          declarers.map((d) => d.employeeId),
          declarers.map((d) => d.action1),
          declarers.map((d) => d.action2),
        ],
      );
      return this.visible(db, auth, nextId);
    });
  }

  /** Only a draft nobody has signed yet. */
  async remove(auth: AuthContext, id: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      const declaration = await this.lockedVisible(db, auth, id);
      if (
        !isIkubossManager(auth) &&
        !declaration.declarers.some((d) => d.isCaller)
      )
        throw IkubossErrors.notDeclarer();
      if (declaration.declarers.some((d) => d.signedAt !== null))
        throw IkubossErrors.unsignedDeleteOnly();
      await db.query(
        `DELETE FROM ikuboss_declaration WHERE organization_id = $1 AND id = $2`,
        [auth.organizationId, id],
      );
    });
  }

  /** The public list: declarers of signed, unrevoked declarations whose declarers opted in. */
  async publicList(
    organizationCode: string,
    fiscalYear: number | undefined,
  ): Promise<PublicIkubossDto[]> {
    const organizations = (await this.dataSource.query(
      `SELECT id FROM organization WHERE code = $1`,
      [organizationCode],
    )) as { id: string }[];
    if (!organizations[0]) throw IkubossErrors.organizationNotFound();
    const rows = (await this.dataSource.query(
      `SELECT dd.name_at_signing AS name, dd.title_at_signing AS title, dd.unit_at_signing AS unit,
              d.fiscal_year AS "fiscalYear"
         FROM ikuboss_declaration d
         JOIN ikuboss_declarer dd ON dd.organization_id = d.organization_id AND dd.declaration_id = d.id
        WHERE d.organization_id = $1 AND d.is_public AND d.signed_at IS NOT NULL AND d.revoked_at IS NULL
          AND ($2::int IS NULL OR d.fiscal_year = $2)
        ORDER BY d.fiscal_year DESC, dd.unit_at_signing, dd.name_at_signing`,
      [organizations[0].id, fiscalYear ?? null],
    )) as PublicIkubossDto[];
    return rows.map(({ name, title, unit, fiscalYear }) => ({
      name,
      title,
      unit,
      fiscalYear: Number(fiscalYear),
    }));
  }

  // ---- internals ---------------------------------------------------------------------------

  private async assertNoActiveDeclaration(
    db: Queryable,
    organizationId: string,
    declarers: readonly { id: string; name: string }[],
    fiscalYear: number,
  ): Promise<void> {
    const taken = (await db.query(
      `SELECT DISTINCT dd.employee_id FROM ikuboss_declarer dd
         JOIN ikuboss_declaration d ON d.organization_id = dd.organization_id AND d.id = dd.declaration_id
        WHERE dd.organization_id = $1 AND dd.employee_id = ANY ($2::uuid[]) AND d.fiscal_year = $3
          AND d.revoked_at IS NULL`,
      [organizationId, declarers.map((d) => d.id), fiscalYear],
    )) as { employee_id: string }[];
    if (taken.length > 0)
      throw IkubossErrors.activeDeclarationExists(
        declarers
          .filter((d) => taken.some((t) => t.employee_id === d.id))
          .map((d) => d.name)
          .join('、'),
        fiscalYear,
      );
  }

  /**
   * Title, preamble and pledges for a new declaration: the named template, else the template of
   * the fiscal year's campaign, else (renewal) the previous text, else the newest template.
   */
  private async templateFor(
    db: Queryable,
    organizationId: string,
    fiscalYear: number,
    templateId: string | undefined,
    previous?: { title: string; preamble: string; pledges: string[] },
  ): Promise<{
    campaignId: string | null;
    title: string;
    preamble: string;
    pledges: string[];
  }> {
    const [campaign] = (await db.query(
      `SELECT id, template_id FROM ikuboss_campaign WHERE organization_id = $1 AND fiscal_year = $2
        ORDER BY created_at LIMIT 1`,
      [organizationId, fiscalYear],
    )) as { id: string; template_id: string }[];
    const campaignId = campaign?.id ?? null;
    const wanted = templateId ?? campaign?.template_id ?? null;
    if (wanted === null && previous)
      return {
        campaignId,
        title: previous.title,
        preamble: previous.preamble,
        pledges: previous.pledges,
      };
    if (wanted !== null && !UUID.test(wanted))
      throw IkubossErrors.templateNotFound();
    const [template] = (await db.query(
      `SELECT title, preamble, pledges FROM ikuboss_template
        WHERE organization_id = $1 AND ($2::uuid IS NULL OR id = $2::uuid)
        ORDER BY updated_at DESC LIMIT 1`,
      [organizationId, wanted],
    )) as { title: string; preamble: string; pledges: string[] }[];
    if (!template)
      throw wanted === null
        ? IkubossErrors.noTemplate()
        : IkubossErrors.templateNotFound();
    return { campaignId, ...template };
  }

  private async lockedVisible(
    db: Queryable,
    auth: AuthContext,
    id: string,
  ): Promise<IkubossDeclarationDto> {
    if (!UUID.test(id)) throw IkubossErrors.declarationNotFound();
    await db.query(
      `SELECT 1 FROM ikuboss_declaration WHERE organization_id = $1 AND id = $2 FOR UPDATE`,
      [auth.organizationId, id],
    );
    return this.visible(db, auth, id);
  }

  private async lockedAsDeclarer(
    db: Queryable,
    auth: AuthContext,
    id: string,
  ): Promise<IkubossDeclarationDto> {
    const declaration = await this.lockedVisible(db, auth, id);
    if (!declaration.declarers.some((d) => d.isCaller))
      throw IkubossErrors.notDeclarer();
    return declaration;
  }

  private async visible(
    db: Queryable,
    auth: AuthContext,
    id: string,
  ): Promise<IkubossDeclarationDto> {
    if (!UUID.test(id)) throw IkubossErrors.declarationNotFound();
    const [declaration] = await this.load(db, auth, `AND d.id = $2`, [id]);
    if (
      !declaration ||
      (!isIkubossManager(auth) &&
        !declaration.declarers.some((d) => d.isCaller))
    )
      throw IkubossErrors.declarationNotFound();
    return declaration;
  }

  private async load(
    db: Queryable,
    auth: AuthContext,
    filter: string,
    parameters: unknown[],
  ): Promise<IkubossDeclarationDto[]> {
    const rows = (await db.query(
      `${DECLARATION_SELECT} ${filter} ORDER BY d.fiscal_year DESC, d.created_at DESC`,
      [auth.organizationId, ...parameters],
    )) as DeclarationRow[];
    const declarers = await this.declarerRows(
      db,
      auth.organizationId,
      rows.map((row) => row.id),
    );
    return rows.map((row) => {
      const own = declarers
        .filter((d) => d.declarationId === row.id)
        .map(
          (d): IkubossDeclarerDto => ({
            employeeNumber: d.employeeNumber,
            name: d.name,
            position: d.position,
            actions: actionsOf(d),
            signedAt: iso(d.signedAt),
            nameAtSigning: d.nameAtSigning,
            titleAtSigning: d.titleAtSigning,
            unitAtSigning: d.unitAtSigning,
            isCaller:
              auth.employeeId !== null && d.employeeId === auth.employeeId,
          }),
        );
      return {
        ...row,
        status:
          row.revokedAt !== null
            ? 'revoked'
            : row.signedAt !== null
              ? 'signed'
              : 'draft',
        signedAt: iso(row.signedAt),
        revokedAt: iso(row.revokedAt),
        createdAt: iso(row.createdAt)!,
        declarers: own,
      };
    });
  }

  private async declarerRows(
    db: Queryable,
    organizationId: string,
    declarationIds: readonly string[],
  ): Promise<DeclarerRow[]> {
    if (declarationIds.length === 0) return [];
    return (await db.query(
      `SELECT dd.declaration_id AS "declarationId", dd.employee_id AS "employeeId", e.employee_number AS "employeeNumber",
              e.name, dd.position, dd.action_1 AS "action1", dd.action_2 AS "action2", dd.signed_at AS "signedAt",
              dd.name_at_signing AS "nameAtSigning", dd.title_at_signing AS "titleAtSigning",
              dd.unit_at_signing AS "unitAtSigning"
         FROM ikuboss_declarer dd
         JOIN employee e ON e.organization_id = dd.organization_id AND e.id = dd.employee_id
        WHERE dd.organization_id = $1 AND dd.declaration_id = ANY ($2::uuid[])
        ORDER BY dd.declaration_id, dd.position`,
      [organizationId, declarationIds],
    )) as DeclarerRow[];
  }
}
