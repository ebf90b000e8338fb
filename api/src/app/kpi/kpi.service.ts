import { Injectable } from '@nestjs/common';
import type {
  EmploymentCategory,
  KpiBreakdownDto,
  KpiCode,
  KpiOverviewDto,
  KpiPeopleDto,
  KpiPersonDto,
  KpiValueDto,
} from '@ikuboard/shared/contracts';
import {
  DEFAULT_KPI_CATEGORIES,
  durationBucketsFromBounds,
  explainKpi,
  fiscalYearOf as fiscalYearOfDate,
  fiscalYearStart,
  type KpiPersonEntry,
} from '@ikuboard/shared/kpi';
import { DataSource } from 'typeorm';

import { Errors } from '../../common/app-error';
import type { Queryable } from '../../database/queryable';
import {
  IKUBOSS_KPI_INPUT_COUNTS_SQL,
  ikubossKpiInputCountsOf,
  requestIkubossKpiInputVersions,
  type IkubossKpiInputCounts,
} from '../declarations/ikuboss-kpi-memo';
import { OrgService } from '../org/org.service';
import { kpiSource, kpiTrendSource, type KpiSource } from './kpi-aggregates';
import { loadKpiDataset } from './kpi-dataset.loader';
import { kpiReader } from './kpi-reader';
import type { KpiGroup, KpiSqlScope } from './kpi-group';
import { KPI_GROUPS } from './kpi-groups';
import { KPI_PEOPLE_OVERRIDES } from './kpi-people-overrides';

export interface KpiScopeInput {
  unitCode?: string;
  categories?: EmploymentCategory[];
  /** Ascending day boundaries of the leave-duration buckets. */
  durationBounds?: number[];
}

@Injectable()
export class KpiService {
  /** The KPI families' read statements, prepared (kpi-reader.ts). */
  private readonly reader: Queryable;

  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgService,
  ) {
    this.reader = kpiReader(dataSource);
  }

  /** Every KPI (or only `codes`) for the fiscal years; only the families needed are computed. */
  async forFiscalYears(
    organizationId: string,
    fiscalYears: readonly number[],
    input: KpiScopeInput,
    codes?: readonly KpiCode[],
  ): Promise<KpiValueDto[]> {
    const scope = await this.scope(organizationId, input);
    if (!codes) return this.compute(KPI_GROUPS, scope, fiscalYears);
    const groups = KPI_GROUPS.filter((group) =>
      group.codes.some((code) => codes.includes(code)),
    );
    const values = await this.compute(groups, scope, fiscalYears, codes);
    return values.filter((value) => codes.includes(value.code));
  }

  /** One KPI's headline value for every fiscal year with roster data. */
  async trend(
    organizationId: string,
    code: KpiCode,
    input: KpiScopeInput,
  ): Promise<KpiValueDto[]> {
    const scope = await this.scope(organizationId, input);
    // The roster years and the derived tables' coverage in one round trip.
    const { years, source } = await kpiTrendSource(
      this.reader,
      organizationId,
      scope.unitId,
    );
    const groups = KPI_GROUPS.filter((group) => group.codes.includes(code));
    const values = await this.compute(groups, scope, years, [code], source);
    return values.filter(
      (value) => value.code === code && value.dimensions === undefined,
    );
  }

  /**
   * The overview page in one request: every KPI of the fiscal year and of the previous one (when
   * that year has roster data), and each trend code's headline value for every fiscal year with
   * roster data. The same figures as GET /kpis and GET /kpis/trend, from one unit resolution and
   * one look-up of the roster years and the derived tables' coverage; the families run in parallel.
   */
  async overview(
    organizationId: string,
    fiscalYear: number,
    trendCodes: readonly KpiCode[],
    input: KpiScopeInput,
  ): Promise<KpiOverviewDto> {
    const codes = [...new Set(trendCodes)];
    // The unit is resolved in the same round trip as the years, the coverage and the Ikuboss/360
    // input versions, so the coverage and 360 families start with their versions.
    const context = await this.overviewContext(organizationId, input.unitCode);
    const scope: KpiSqlScope = {
      ...(await this.scope(organizationId, { ...input, unitCode: undefined })),
      unitId: context.unitId,
      inputVersions: requestIkubossKpiInputVersions(
        this.reader,
        organizationId,
        context.inputCounts,
      ),
    };
    const previousYear = fiscalYear - 1;
    const withPrevious = context.years.includes(previousYear);
    const cardYears = withPrevious ? [previousYear, fiscalYear] : [fiscalYear];
    const trendGroups = KPI_GROUPS.filter((group) =>
      group.codes.some((code) => codes.includes(code)),
    );
    const cardSource = context.source(cardYears);
    const allYears = [...new Set([...context.years, ...cardYears])].sort(
      (a, b) => a - b,
    );
    const allSource = context.source(allYears);
    let cards: KpiValueDto[];
    let trendValues: KpiValueDto[];
    if (codes.length > 0 && cardSource !== null && allSource !== null) {
      // Both from the derived tables: a family of the trends runs once over the trend years and
      // the card years together (every code, the breakdowns of the card years only),
      // so it makes one set of statements instead of one for the cards and one for the trends.
      const merged = await Promise.all(
        KPI_GROUPS.map((group) =>
          trendGroups.includes(group)
            ? this.computeGroup(
                group,
                { ...scope, detailYears: cardYears },
                allYears,
                undefined,
                allSource,
              )
            : this.computeGroup(group, scope, cardYears, undefined, cardSource),
        ),
      );
      const all = merged.flat();
      cards = all.filter((value) => cardYears.includes(value.fiscalYear));
      trendValues = all.filter(
        (value) =>
          codes.includes(value.code) &&
          context.years.includes(value.fiscalYear),
      );
    } else {
      [cards, trendValues] = await Promise.all([
        this.compute(KPI_GROUPS, scope, cardYears, undefined, cardSource),
        codes.length === 0
          ? Promise.resolve([])
          : this.compute(
              trendGroups,
              scope,
              context.years,
              codes,
              context.source(context.years),
            ),
      ]);
    }
    return {
      fiscalYear,
      current: cards.filter((value) => value.fiscalYear === fiscalYear),
      previous: withPrevious
        ? cards.filter((value) => value.fiscalYear === previousYear)
        : [],
      trends: codes.map((code) => ({
        code,
        values: trendValues.filter(
          (value) => value.code === code && value.dimensions === undefined,
        ),
      })),
    };
  }

  /** One KPI for each employer unit, or for each direct child of a unit (the top level when none). */
  async breakdown(
    organizationId: string,
    code: KpiCode,
    fiscalYear: number,
    by: 'employer_unit' | 'child_unit',
    input: KpiScopeInput,
  ): Promise<KpiBreakdownDto[]> {
    const parentId =
      by === 'child_unit'
        ? await this.org.resolveUnit(organizationId, input.unitCode)
        : null;
    const units: { id: string; code: string; name: string }[] =
      await this.dataSource.query(
        by === 'employer_unit'
          ? `SELECT id, code, name FROM org_unit WHERE organization_id = $1 AND is_employer_unit ORDER BY sort_order, code`
          : `SELECT id, code, name FROM org_unit WHERE organization_id = $1 AND parent_id IS NOT DISTINCT FROM $2 ORDER BY sort_order, code`,
        by === 'employer_unit' ? [organizationId] : [organizationId, parentId],
      );
    const groups = KPI_GROUPS.filter((group) => group.codes.includes(code));
    const categories = input.categories ?? DEFAULT_KPI_CATEGORIES;
    const result: KpiBreakdownDto[] = [];
    for (const unit of units) {
      const values = await this.compute(
        groups,
        { organizationId, unitId: unit.id, categories },
        [fiscalYear],
        [code],
      );
      result.push({
        unitCode: unit.code,
        unitName: unit.name,
        values: values.filter((value) => value.code === code),
      });
    }
    return result;
  }

  /**
   * The people in a KPI's numerator and denominator with the reason each is counted, from the
   * reference definitions over the organization's records (person-level: HR only).
   */
  async people(
    organizationId: string,
    code: KpiCode,
    fiscalYear: number,
    input: KpiScopeInput,
  ): Promise<KpiPeopleDto> {
    const override = KPI_PEOPLE_OVERRIDES.get(code);
    if (override)
      return override(this.dataSource, {
        fiscalYear,
        scope: () => this.scope(organizationId, input),
      });
    const scope = await this.scope(organizationId, input);
    const dataset = await loadKpiDataset(this.dataSource, organizationId);
    const explanation = explainKpi(dataset, code, fiscalYear, {
      unitId: scope.unitId,
      categories: scope.categories,
    });
    const ids = [
      ...new Set(
        [...explanation.numerator, ...explanation.denominator].map(
          (entry) => entry.employeeId,
        ),
      ),
    ];
    const rows: {
      id: string;
      employee_number: string;
      name: string;
      unit_name: string | null;
    }[] = await this.dataSource.query(
      `SELECT e.id, e.employee_number, e.name, u.name AS unit_name
         FROM employee e
         LEFT JOIN assignment a ON a.organization_id = e.organization_id AND a.employee_id = e.id
                               AND a.valid_from <= $3 AND (a.valid_to IS NULL OR a.valid_to > $3)
         LEFT JOIN org_unit u ON u.organization_id = e.organization_id AND u.id = a.org_unit_id
        WHERE e.organization_id = $1 AND e.id = ANY ($2::uuid[])`,
      [organizationId, ids, fiscalYearStart(fiscalYear)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const person = (entry: KpiPersonEntry): KpiPersonDto => {
      const row = byId.get(entry.employeeId);
      return {
        employeeNumber: row?.employee_number ?? '',
        name: row?.name ?? '',
        unitName: row?.unit_name ?? null,
        reason: entry.reason,
        ...(entry.amount === undefined ? {} : { amount: entry.amount }),
      };
    };
    const byNumber = (a: KpiPersonDto, b: KpiPersonDto) =>
      a.employeeNumber.localeCompare(b.employeeNumber);
    return {
      code,
      fiscalYear,
      numerator: explanation.numerator.map(person).sort(byNumber),
      denominator: explanation.denominator.map(person).sort(byNumber),
    };
  }

  /**
   * The roster years (as OrgService.fiscalYears) and, for any set of years, how the derived
   * tables serve them (as kpiSource): one round trip for the whole overview.
   */
  private async overviewContext(
    organizationId: string,
    unitCode: string | undefined,
  ): Promise<{
    unitId: string | null;
    years: number[];
    source: (years: readonly number[]) => KpiSource | null;
    inputCounts: IkubossKpiInputCounts;
  }> {
    const [row] = (await this.reader.query(
      `WITH unit AS (SELECT id FROM org_unit WHERE organization_id = $1 AND code = $2)
       SELECT r.first::text AS first, r.last::text AS last, s.first_fy, s.last_fy,
              (SELECT id FROM unit) AS unit_id,
              $2::text IS NOT NULL AND NOT EXISTS
                (SELECT 1 FROM org_unit u WHERE u.organization_id = $1 AND u.parent_id = (SELECT id FROM unit)) AS leaf,
              (SELECT coalesce(json_agg(c), '[]') FROM (${IKUBOSS_KPI_INPUT_COUNTS_SQL}) c) AS input_counts
         FROM (SELECT min(as_of) AS first, max(as_of) AS last FROM roster_snapshot WHERE organization_id = $1) r
         LEFT JOIN kpi_refresh_state s ON s.organization_id = $1`,
      [organizationId, unitCode || null],
    )) as {
      first: string | null;
      last: string | null;
      first_fy: number | null;
      last_fy: number | null;
      unit_id: string | null;
      leaf: boolean;
      input_counts: { source: string; n: string; last: string }[];
    }[];
    // An unknown unit: the same not-found error as every KPI endpoint.
    if (unitCode && !row?.unit_id)
      await this.org.resolveUnit(organizationId, unitCode);
    const years: number[] = [];
    if (row?.first && row.last)
      for (
        let fy = fiscalYearOfDate(row.first);
        fy <= fiscalYearOfDate(row.last);
        fy++
      )
        years.push(fy);
    return {
      unitId: row?.unit_id ?? null,
      years,
      inputCounts: ikubossKpiInputCountsOf(row?.input_counts ?? []),
      source: (asked) =>
        row !== undefined &&
        row.first_fy !== null &&
        row.last_fy !== null &&
        asked.every((year) => year >= row.first_fy! && year <= row.last_fy!)
          ? { leaf: row.leaf }
          : null,
    };
  }

  private async scope(
    organizationId: string,
    input: KpiScopeInput,
  ): Promise<KpiSqlScope> {
    let durationBuckets: KpiSqlScope['durationBuckets'];
    if (input.durationBounds) {
      try {
        durationBuckets = durationBucketsFromBounds(input.durationBounds);
      } catch {
        throw Errors.validation([
          {
            ja: '期間の区切り(buckets)は1以上の整数を昇順で指定してください。',
            en: 'buckets must be ascending whole days of at least 1.',
          },
        ]);
      }
    }
    return {
      organizationId,
      unitId: await this.org.resolveUnit(organizationId, input.unitCode),
      categories: input.categories ?? DEFAULT_KPI_CATEGORIES,
      durationBuckets,
      inputVersions: requestIkubossKpiInputVersions(
        this.reader,
        organizationId,
      ),
    };
  }

  private async compute(
    groups: readonly KpiGroup[],
    scope: KpiSqlScope,
    fiscalYears: readonly number[],
    codes?: readonly KpiCode[],
    known?: KpiSource | null,
  ): Promise<KpiValueDto[]> {
    if (fiscalYears.length === 0) return [];
    const derived =
      known !== undefined
        ? known
        : await kpiSource(
            this.reader,
            scope.organizationId,
            scope.unitId,
            fiscalYears,
          );
    const results = await Promise.all(
      groups.map((group) =>
        this.computeGroup(group, scope, fiscalYears, codes, derived),
      ),
    );
    return results.flat();
  }

  /** One family's values; it is handed only the codes of its own that the caller keeps. */
  private computeGroup(
    group: KpiGroup,
    scope: KpiSqlScope,
    fiscalYears: readonly number[],
    codes: readonly KpiCode[] | undefined,
    derived: KpiSource | null,
  ): Promise<KpiValueDto[]> {
    return group.compute(
      this.reader,
      { ...scope, derived },
      fiscalYears,
      codes?.filter((code) => group.codes.includes(code)),
    );
  }
}
