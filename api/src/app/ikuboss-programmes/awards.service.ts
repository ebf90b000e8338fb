import { Injectable } from '@nestjs/common';
import {
  hasPermission,
  PERMISSIONS,
  type AwardDto,
  type AwardInputDto,
  type NominationDto,
  type NominationInputDto,
  type PublicAwardDto,
} from '@ikuboard/shared/contracts';
import { DataSource } from 'typeorm';

import type { AuthContext } from '../../common/access.decorator';
import { Errors } from '../../common/app-error';
import {
  conflict,
  invalid,
  requireLinkedEmployee,
  requireUuid,
  todayIso,
} from './ikuboss-common';

const NOMINATION = { ja: '推薦', en: 'The nomination' };

interface NominationRow {
  id: string;
  fiscal_year: number;
  nominator_employee_id: string;
  nominator_name: string;
  nominee_employee_id: string;
  nominee_number: string;
  nominee_name: string;
  nominee_unit: string | null;
  reason: string;
  nominator_consent: boolean;
  nominee_consent: boolean;
  created_at: Date;
  award_id: string | null;
  award_name: string | null;
  award_fiscal_year: number | null;
  granted_at: Date | null;
}

const NOMINATION_SELECT = `
  SELECT n.id, n.fiscal_year, n.nominator_employee_id, nr.name AS nominator_name,
         n.nominee_employee_id, ne.employee_number AS nominee_number, ne.name AS nominee_name, u.name AS nominee_unit,
         n.reason, n.nominator_consent, n.nominee_consent, n.created_at,
         aw.id AS award_id, aw.award_name, aw.fiscal_year AS award_fiscal_year, aw.granted_at
    FROM ikuboss_nomination n
    JOIN employee nr ON nr.organization_id = n.organization_id AND nr.id = n.nominator_employee_id
    JOIN employee ne ON ne.organization_id = n.organization_id AND ne.id = n.nominee_employee_id
    LEFT JOIN assignment a ON a.organization_id = n.organization_id AND a.employee_id = ne.id
                          AND a.valid_from <= n.created_at::date AND (a.valid_to IS NULL OR a.valid_to > n.created_at::date)
    LEFT JOIN org_unit u ON u.organization_id = n.organization_id AND u.id = a.org_unit_id
    LEFT JOIN ikuboss_award aw ON aw.organization_id = n.organization_id AND aw.nomination_id = n.id
   WHERE n.organization_id = $1`;

@Injectable()
export class AwardsService {
  constructor(private readonly dataSource: DataSource) {}

  private toDto(auth: AuthContext, row: NominationRow): NominationDto {
    const award: AwardDto | null =
      row.award_id === null
        ? null
        : {
            id: row.award_id,
            awardName: row.award_name!,
            fiscalYear: row.award_fiscal_year!,
            grantedAt: row.granted_at!.toISOString(),
          };
    return {
      id: row.id,
      fiscalYear: row.fiscal_year,
      nominatorName: row.nominator_name,
      nomineeEmployeeNumber: row.nominee_number,
      nomineeName: row.nominee_name,
      nomineeUnitName: row.nominee_unit,
      reason: row.reason,
      status: award ? 'awarded' : 'submitted',
      nominatorConsent: row.nominator_consent,
      nomineeConsent: row.nominee_consent,
      createdAt: row.created_at.toISOString(),
      award,
      canSetNominatorConsent: auth.employeeId === row.nominator_employee_id,
      canSetNomineeConsent: auth.employeeId === row.nominee_employee_id,
    };
  }

  /** Reviewers (committee, HR) see every nomination; others the ones they made or received. */
  async list(auth: AuthContext, fiscalYear?: number): Promise<NominationDto[]> {
    const reviewer = hasPermission(auth.role, PERMISSIONS.grantIkubossAwards);
    const rows = (await this.dataSource.query(
      `${NOMINATION_SELECT}
         AND ($2::int IS NULL OR n.fiscal_year = $2)
         AND ($3::boolean OR n.nominator_employee_id = $4 OR n.nominee_employee_id = $4)
       ORDER BY n.created_at DESC`,
      [auth.organizationId, fiscalYear ?? null, reviewer, auth.employeeId],
    )) as NominationRow[];
    return rows.map((row) => this.toDto(auth, row));
  }

  private async get(auth: AuthContext, id: string): Promise<NominationDto> {
    requireUuid(id, NOMINATION);
    const [row] = (await this.dataSource.query(
      `${NOMINATION_SELECT} AND n.id = $2`,
      [auth.organizationId, id],
    )) as NominationRow[];
    if (!row) throw Errors.notFound(NOMINATION);
    return this.toDto(auth, row);
  }

  /** A staff member nominates a boss: a manager in service today, not themselves. */
  async nominate(
    auth: AuthContext,
    input: NominationInputDto,
  ): Promise<NominationDto> {
    const nominatorId = requireLinkedEmployee(auth);
    const today = todayIso();
    const [nominee] = (await this.dataSource.query(
      `SELECT e.id FROM employee e
         JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.id
                          AND a.valid_from <= $3 AND (a.valid_to IS NULL OR a.valid_to > $3)
         JOIN position_stage s ON s.organization_id = e.organization_id AND s.id = a.position_stage_id AND s.is_manager
        WHERE e.organization_id = $1 AND e.employee_number = $2
          AND e.hire_date <= $3 AND (e.separation_date IS NULL OR e.separation_date >= $3)`,
      [auth.organizationId, input.nomineeEmployeeNumber.trim(), today],
    )) as { id: string }[];
    if (!nominee)
      throw invalid(
        `職員番号「${input.nomineeEmployeeNumber}」の管理職(課長級以上・在職中)が見つかりません。`,
        `No manager (section chief or above, in service) has employee number ${input.nomineeEmployeeNumber}.`,
      );
    if (nominee.id === nominatorId)
      throw invalid(
        '自分自身は推薦できません。',
        'You cannot nominate yourself.',
      );
    const reason = input.reason.trim();
    if (reason === '')
      throw invalid(
        '推薦理由を入力してください。',
        'Give the reason for the nomination.',
      );
    const [{ id }] = (await this.dataSource.query(
      `INSERT INTO ikuboss_nomination (organization_id, fiscal_year, nominator_account_id, nominator_employee_id,
                                       nominee_employee_id, reason, nominator_consent)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
      [
        auth.organizationId,
        input.fiscalYear,
        auth.accountId,
        nominatorId,
        nominee.id,
        reason,
        input.nominatorConsent ?? false,
      ],
    )) as [{ id: string }];
    return this.get(auth, id);
  }

  /** The committee grants an award for a nomination: nominee and nominator are recognised together. */
  async award(
    auth: AuthContext,
    id: string,
    input: AwardInputDto,
  ): Promise<NominationDto> {
    const nomination = await this.get(auth, id);
    if (nomination.award)
      throw conflict(
        'ALREADY_AWARDED',
        'この推薦には既に表彰が決定しています。',
        'This nomination has already been awarded.',
      );
    await this.dataSource.query(
      `INSERT INTO ikuboss_award (organization_id, nomination_id, award_name, fiscal_year, granted_by)
       VALUES ($1, $2, $3, $4, $5)`,
      [
        auth.organizationId,
        id,
        input.awardName.trim(),
        input.fiscalYear,
        auth.accountId,
      ],
    );
    return this.get(auth, id);
  }

  /** The nominator or the nominee agrees (or withdraws agreement) to be named publicly. */
  async setConsent(
    auth: AuthContext,
    id: string,
    consent: boolean,
  ): Promise<NominationDto> {
    const nomination = await this.get(auth, id);
    if (!nomination.canSetNominatorConsent && !nomination.canSetNomineeConsent)
      throw Errors.notFound(NOMINATION);
    await this.dataSource.query(
      `UPDATE ikuboss_nomination
          SET nominator_consent = CASE WHEN nominator_employee_id = $3 THEN $4 ELSE nominator_consent END,
              nominee_consent = CASE WHEN nominee_employee_id = $3 THEN $4 ELSE nominee_consent END
        WHERE organization_id = $1 AND id = $2`,
      [auth.organizationId, id, auth.employeeId, consent],
    );
    return this.get(auth, id);
  }

  /** Public: awards whose nominee and nominator both agreed to be named. */
  async publicAwards(organizationCode: string): Promise<PublicAwardDto[]> {
    const [organization] = (await this.dataSource.query(
      `SELECT id FROM organization WHERE code = $1`,
      [organizationCode],
    )) as { id: string }[];
    if (!organization)
      throw Errors.notFound({ ja: '団体', en: 'The organization' });
    const rows = (await this.dataSource.query(
      `${NOMINATION_SELECT} AND aw.id IS NOT NULL AND n.nominator_consent AND n.nominee_consent
       ORDER BY aw.fiscal_year DESC, aw.granted_at, ne.employee_number`,
      [organization.id],
    )) as NominationRow[];
    return rows.map((row) => ({
      fiscalYear: row.award_fiscal_year!,
      awardName: row.award_name!,
      nominee: { name: row.nominee_name, unitName: row.nominee_unit },
      nominator: { name: row.nominator_name },
    }));
  }
}
