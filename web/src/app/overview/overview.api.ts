import { type HttpResourceRef, httpResource } from '@angular/common/http';
import { Injectable } from '@angular/core';

import type {
  FiscalYearRangeDto,
  KpiCode,
  KpiOverviewDto,
  KpiValueDto,
  OrgUnitDto,
  TargetDto,
} from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';

export interface KpiQuery {
  fiscalYear: number;
  unitCode: string | null;
}

export interface OverviewQuery {
  fiscalYear: number;
  unitCode: string | null;
  trendCodes: readonly KpiCode[];
}

export interface TrendQuery {
  code: KpiCode;
  unitCode: string | null;
}

/**
 * Typed reactive reads of the overview's endpoints. Each returns an httpResource, so it must be
 * called in an injection context (the overview store's field initializers); a query of
 * `undefined` means "not yet", e.g. before the fiscal years are known.
 */
@Injectable({ providedIn: 'root' })
export class OverviewApi {
  fiscalYears(): HttpResourceRef<FiscalYearRangeDto | undefined> {
    return httpResource<FiscalYearRangeDto>(
      () => `${API_BASE_URL}/fiscal-years`,
    );
  }

  orgUnits(): HttpResourceRef<OrgUnitDto[]> {
    return httpResource<OrgUnitDto[]>(() => `${API_BASE_URL}/org-units`, {
      defaultValue: [],
    });
  }

  targets(): HttpResourceRef<TargetDto[]> {
    return httpResource<TargetDto[]>(() => `${API_BASE_URL}/targets`, {
      defaultValue: [],
    });
  }

  kpis(query: () => KpiQuery | undefined): HttpResourceRef<KpiValueDto[]> {
    return httpResource<KpiValueDto[]>(
      () => {
        const current = query();
        return (
          current && {
            url: `${API_BASE_URL}/kpis`,
            params: withUnit({ fy: current.fiscalYear }, current.unitCode),
          }
        );
      },
      { defaultValue: [] },
    );
  }

  /**
   * The whole overview in one request: the FY's KPIs, the previous FY's and the trends (GET
   * /kpis/overview), instead of one request per year and per trend.
   */
  overview(
    query: () => OverviewQuery | undefined,
  ): HttpResourceRef<KpiOverviewDto | undefined> {
    return httpResource<KpiOverviewDto>(() => {
      const current = query();
      return (
        current && {
          url: `${API_BASE_URL}/kpis/overview`,
          params: withUnit(
            {
              fy: current.fiscalYear,
              ...(current.trendCodes.length > 0
                ? { trend: current.trendCodes.join(',') }
                : {}),
            },
            current.unitCode,
          ),
        }
      );
    });
  }

  trend(query: () => TrendQuery | undefined): HttpResourceRef<KpiValueDto[]> {
    return httpResource<KpiValueDto[]>(
      () => {
        const current = query();
        return (
          current && {
            url: `${API_BASE_URL}/kpis/trend`,
            params: withUnit({ code: current.code }, current.unitCode),
          }
        );
      },
      { defaultValue: [] },
    );
  }
}

/** The whole organization is the absence of the `unit` parameter. */
function withUnit(
  params: Record<string, string | number>,
  unitCode: string | null,
): Record<string, string | number> {
  return unitCode ? { ...params, unit: unitCode } : params;
}
