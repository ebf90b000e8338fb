import { Injectable } from '@nestjs/common';
import type {
  EmploymentCategory,
  KpiValueDto,
} from '@ikuboard/shared/contracts';
import {
  DEFAULT_KPI_CATEGORIES,
  fiscalYearStart,
  fiscalYearOf,
  staffRatioKpis,
} from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import { OrgService } from '../org/org.service';
import { staffRatioCounts } from './staff-ratio.sql';

export interface KpiScopeInput {
  unitCode?: string;
  categories?: EmploymentCategory[];
}

@Injectable()
export class KpiService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgService,
  ) {}

  async forFiscalYears(
    organizationId: string,
    fiscalYears: readonly number[],
    scope: KpiScopeInput,
  ): Promise<KpiValueDto[]> {
    const unitId = await this.org.resolveUnit(organizationId, scope.unitCode);
    const counts = await staffRatioCounts(
      this.dataSource,
      organizationId,
      fiscalYears.map(fiscalYearStart),
      unitId,
      scope.categories ?? DEFAULT_KPI_CATEGORIES,
    );
    return counts.flatMap((row) =>
      staffRatioKpis(fiscalYearOf(row.refDate), row),
    );
  }

  async trend(
    organizationId: string,
    code: KpiValueDto['code'],
    scope: KpiScopeInput,
  ): Promise<KpiValueDto[]> {
    const years = await this.org.fiscalYears(organizationId);
    const values = await this.forFiscalYears(organizationId, years, scope);
    return values.filter((value) => value.code === code);
  }
}
