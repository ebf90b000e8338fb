import { Injectable } from '@nestjs/common';
import type {
  CommitteeSnapshotDto,
  PublicDisclosureDto,
} from '@ikuboard/shared/contracts';
import { DataSource } from 'typeorm';

import { Errors } from '../../common/app-error';

interface PublishedRow {
  organizationId: string;
  code: string;
  name: string;
  nameEn: string | null;
  fiscalYear: number;
  version: number;
  publishedAt: Date;
  snapshot: CommitteeSnapshotDto;
  publishedItems: string[];
}

/**
 * What the public may see: the latest published committee review of an organization, limited to
 * the published items. Only aggregates leave this service, never live data or people.
 */
@Injectable()
export class PublicService {
  constructor(private readonly dataSource: DataSource) {}

  async published(code: string): Promise<PublishedRow> {
    const [row] = (await this.dataSource.query(
      `SELECT o.id AS "organizationId", o.code, o.name, o.name_en AS "nameEn", r.fiscal_year AS "fiscalYear", r.version,
              r.published_at AS "publishedAt", r.snapshot, r.published_items AS "publishedItems"
         FROM organization o
         JOIN committee_review r ON r.organization_id = o.id AND r.status = 'published'
        WHERE o.code = $1
        ORDER BY r.fiscal_year DESC, r.version DESC
        LIMIT 1`,
      [code],
    )) as PublishedRow[];
    if (!row)
      throw Errors.notFound({ ja: '公表資料', en: 'Published figures' });
    return row;
  }

  async disclosure(code: string): Promise<PublicDisclosureDto> {
    const row = await this.published(code);
    const items = new Set(row.publishedItems);
    const snapshot = row.snapshot;
    return {
      organization: { code: row.code, name: row.name, nameEn: row.nameEn },
      fiscalYear: row.fiscalYear,
      version: row.version,
      publishedAt: row.publishedAt.toISOString(),
      figures: snapshot.organization.filter((value) => items.has(value.code)),
      employerUnits: snapshot.employerUnits.map((unit) => ({
        unitCode: unit.unitCode,
        unitName: unit.unitName,
        values: unit.values.filter(
          (value) => items.has(value.code) && value.dimensions === undefined,
        ),
      })),
      targets: snapshot.targets.map((progress) => ({
        kpiCode: progress.target.kpiCode,
        orgUnitCode: progress.target.orgUnitCode,
        targetValue: progress.target.targetValue,
        targetFiscalYear: progress.target.targetFiscalYear,
        direction: progress.target.direction,
        baselineValue: progress.target.baselineValue,
        baselineFiscalYear: progress.target.baselineFiscalYear,
        actual: progress.actual,
        trajectory: progress.trajectory,
        status: progress.status,
        actions: progress.target.actions,
      })),
    };
  }
}
