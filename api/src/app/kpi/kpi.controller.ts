import { Controller, Get, Param, ParseEnumPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  KPI_CODES,
  PERMISSIONS,
  type KpiBreakdownDto,
  type KpiCode,
  type KpiOverviewDto,
  type KpiPeopleDto,
  type KpiValueDto,
} from '@ikuboard/shared/contracts';

import {
  CurrentAuth,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import {
  KpiBreakdownQuery,
  KpiOverviewQuery,
  KpiQuery,
  KpiTrendQuery,
} from './kpi-query.dto';
import { KpiService } from './kpi.service';

@ApiTags('kpis')
@Controller('kpis')
export class KpiController {
  constructor(private readonly kpis: KpiService) {}

  @Get()
  @RequirePermission(PERMISSIONS.readKpiFigures)
  @ApiOperation({
    summary:
      'Every KPI of one fiscal year for the organization or a unit subtree',
  })
  values(
    @CurrentAuth() auth: AuthContext,
    @Query() query: KpiQuery,
  ): Promise<KpiValueDto[]> {
    return this.kpis.forFiscalYears(
      auth.organizationId,
      [query.fy],
      {
        unitCode: query.unit,
        categories: query.category,
        durationBounds: query.buckets,
      },
      query.code,
    );
  }

  @Get('trend')
  @RequirePermission(PERMISSIONS.readKpiFigures)
  @ApiOperation({ summary: 'One KPI for every fiscal year with roster data' })
  trend(
    @CurrentAuth() auth: AuthContext,
    @Query() query: KpiTrendQuery,
  ): Promise<KpiValueDto[]> {
    return this.kpis.trend(auth.organizationId, query.code, {
      unitCode: query.unit,
      categories: query.category,
    });
  }

  @Get('overview')
  @RequirePermission(PERMISSIONS.readKpiFigures)
  @ApiOperation({
    summary:
      'The overview page in one request: every KPI of a fiscal year and of the previous one, and the trends asked',
  })
  overview(
    @CurrentAuth() auth: AuthContext,
    @Query() query: KpiOverviewQuery,
  ): Promise<KpiOverviewDto> {
    return this.kpis.overview(
      auth.organizationId,
      query.fy,
      query.trend ?? [],
      {
        unitCode: query.unit,
        categories: query.category,
        durationBounds: query.buckets,
      },
    );
  }

  @Get('breakdown')
  @RequirePermission(PERMISSIONS.readKpiFigures)
  @ApiOperation({
    summary: 'One KPI by employer unit, or by the direct children of a unit',
  })
  breakdown(
    @CurrentAuth() auth: AuthContext,
    @Query() query: KpiBreakdownQuery,
  ): Promise<KpiBreakdownDto[]> {
    return this.kpis.breakdown(
      auth.organizationId,
      query.code,
      query.fy,
      query.by,
      { unitCode: query.unit, categories: query.category },
    );
  }

  @Get(':code/people')
  @RequirePermission(PERMISSIONS.readPersonData)
  @ApiOperation({
    summary:
      'HR drill-down: the people in a KPI’s numerator and denominator, with reasons',
  })
  people(
    @CurrentAuth() auth: AuthContext,
    @Param('code', new ParseEnumPipe(KPI_CODES)) code: KpiCode,
    @Query() query: KpiQuery,
  ): Promise<KpiPeopleDto> {
    return this.kpis.people(auth.organizationId, code, query.fy, {
      unitCode: query.unit,
      categories: query.category,
    });
  }
}
