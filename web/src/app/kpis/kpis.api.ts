import { type HttpResourceRef, httpResource } from '@angular/common/http';
import { Injectable } from '@angular/core';

import type {
  KpiBreakdownDto,
  KpiCode,
  KpiPeopleDto,
  KpiValueDto,
} from '@ikuboard/shared/contracts';

import { API_BASE_URL } from '../api-url';

export type BreakdownBy = 'employer_unit' | 'child_unit';

export interface KpiScope {
  code: KpiCode;
  fiscalYear: number;
  unitCode: string | null;
}

/** Typed reactive reads of the KPI endpoints; `undefined` from a query means "not yet". */
@Injectable({ providedIn: 'root' })
export class KpisApi {
  values(
    query: () => { fiscalYear: number; unitCode: string | null } | undefined,
  ): HttpResourceRef<KpiValueDto[]> {
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

  trend(
    query: () => { code: KpiCode; unitCode: string | null } | undefined,
  ): HttpResourceRef<KpiValueDto[]> {
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

  breakdown(
    by: BreakdownBy,
    query: () => KpiScope | undefined,
  ): HttpResourceRef<KpiBreakdownDto[]> {
    return httpResource<KpiBreakdownDto[]>(
      () => {
        const current = query();
        return (
          current && {
            url: `${API_BASE_URL}/kpis/breakdown`,
            params: withUnit(
              { code: current.code, fy: current.fiscalYear, by },
              current.unitCode,
            ),
          }
        );
      },
      { defaultValue: [] },
    );
  }

  people(
    query: () => KpiScope | undefined,
  ): HttpResourceRef<KpiPeopleDto | undefined> {
    return httpResource<KpiPeopleDto>(() => {
      const current = query();
      return (
        current && {
          url: `${API_BASE_URL}/kpis/${encodeURIComponent(current.code)}/people`,
          params: withUnit({ fy: current.fiscalYear }, current.unitCode),
        }
      );
    });
  }
}

function withUnit(
  params: Record<string, string | number>,
  unitCode: string | null,
): Record<string, string | number> {
  return unitCode ? { ...params, unit: unitCode } : params;
}
