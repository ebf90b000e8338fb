import { Injectable } from '@nestjs/common';
import type {
  EmploymentCategory,
  KpiCode,
  KpiValueDto,
} from '@ikuboard/shared/contracts';
import { DEFAULT_KPI_CATEGORIES } from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import { OrgService } from '../org/org.service';
import type { KpiGroup, KpiSqlScope } from './kpi-group';
import { KPI_GROUPS } from './kpi-groups';

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
    input: KpiScopeInput,
  ): Promise<KpiValueDto[]> {
    const scope = await this.scope(organizationId, input);
    return this.compute(KPI_GROUPS, scope, fiscalYears);
  }

  /** One KPI's headline value for every fiscal year with roster data. */
  async trend(
    organizationId: string,
    code: KpiCode,
    input: KpiScopeInput,
  ): Promise<KpiValueDto[]> {
    const scope = await this.scope(organizationId, input);
    const years = await this.org.fiscalYears(organizationId);
    const groups = KPI_GROUPS.filter((group) => group.codes.includes(code));
    const values = await this.compute(groups, scope, years);
    return values.filter(
      (value) => value.code === code && value.dimensions === undefined,
    );
  }

  private async scope(
    organizationId: string,
    input: KpiScopeInput,
  ): Promise<KpiSqlScope> {
    return {
      organizationId,
      unitId: await this.org.resolveUnit(organizationId, input.unitCode),
      categories: input.categories ?? DEFAULT_KPI_CATEGORIES,
    };
  }

  private async compute(
    groups: readonly KpiGroup[],
    scope: KpiSqlScope,
    fiscalYears: readonly number[],
  ): Promise<KpiValueDto[]> {
    if (fiscalYears.length === 0) return [];
    const results = await Promise.all(
      groups.map((group) => group.compute(this.dataSource, scope, fiscalYears)),
    );
    return results.flat();
  }
}
