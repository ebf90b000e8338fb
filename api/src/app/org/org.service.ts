import { Injectable } from '@nestjs/common';
import type { OrgUnitDto } from '@ikuboard/shared/contracts';
import { fiscalYearOf } from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import { Errors } from '../../common/app-error';

@Injectable()
export class OrgService {
  constructor(private readonly dataSource: DataSource) {}

  async units(organizationId: string): Promise<OrgUnitDto[]> {
    return this.dataSource.query(
      `SELECT id, code, name, parent_id AS "parentId", is_employer_unit AS "isEmployerUnit"
         FROM org_unit WHERE organization_id = $1 ORDER BY sort_order, code`,
      [organizationId],
    );
  }

  /** The unit's id, or null for the whole organization; an unknown code is a 404, not an empty result. */
  async resolveUnit(
    organizationId: string,
    unitCode: string | undefined,
  ): Promise<string | null> {
    if (!unitCode) return null;
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id FROM org_unit WHERE organization_id = $1 AND code = $2`,
      [organizationId, unitCode],
    );
    if (!rows[0])
      throw Errors.notFound({
        ja: `所属コード「${unitCode}」`,
        en: `Unit "${unitCode}"`,
      });
    return rows[0].id;
  }

  /** Every fiscal year from the first roster snapshot to the last one, ascending. */
  async fiscalYears(organizationId: string): Promise<number[]> {
    const rows: { first: string | null; last: string | null }[] =
      await this.dataSource.query(
        `SELECT min(as_of) AS first, max(as_of) AS last FROM roster_snapshot WHERE organization_id = $1`,
        [organizationId],
      );
    const { first, last } = rows[0] ?? { first: null, last: null };
    if (!first || !last) return [];
    const years: number[] = [];
    for (let fy = fiscalYearOf(first); fy <= fiscalYearOf(last); fy++)
      years.push(fy);
    return years;
  }
}
