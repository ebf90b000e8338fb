import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  ParseEnumPipe,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  KPI_CODES,
  KPI_DEFINITIONS,
  PERMISSIONS,
  REPORT_KINDS,
  type KpiCode,
  type ReportJobDto,
  type ReportKind,
} from '@ikuboard/shared/contracts';
import { IsIn, IsUUID } from 'class-validator';
import type { Response } from 'express';

import {
  CurrentAuth,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import { CommitteeService } from '../committee/committee.service';
import { KpiQuery } from '../kpi/kpi-query.dto';
import { KpiService } from '../kpi/kpi.service';
import { OrgService } from '../org/org.service';
import { writeKpiWorkbook } from './kpi-workbook';
import { mierukaCsv } from './publication-tables';
import { kpiName } from './report-labels';
import { ReportsService } from './reports.service';

export const XLSX_MIME =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const attachment = (asciiName: string, name: string) =>
  `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`;

class ReportJobBody {
  @IsIn(REPORT_KINDS) kind!: ReportKind;
  @IsUUID() reviewId!: string;
}

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly committee: CommitteeService,
    private readonly kpis: KpiService,
    private readonly org: OrgService,
  ) {}

  @Post('jobs')
  @RequirePermission(PERMISSIONS.exportReports)
  @HttpCode(HttpStatus.ACCEPTED)
  @ApiOperation({
    summary:
      'Build the annual statistics workbook or the publication tables of a review in the background',
  })
  start(
    @CurrentAuth() auth: AuthContext,
    @Body() body: ReportJobBody,
  ): Promise<ReportJobDto> {
    return this.reports.start(auth, body.kind, body.reviewId);
  }

  @Get('jobs/:id')
  @RequirePermission(PERMISSIONS.exportReports)
  @ApiOperation({ summary: 'Progress of a report job' })
  job(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<ReportJobDto> {
    return this.reports.get(auth.organizationId, id);
  }

  @Get('jobs/:id/file')
  @RequirePermission(PERMISSIONS.exportReports)
  @ApiOperation({ summary: 'Download a finished report' })
  async file(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    const { fileName, file } = await this.reports.file(auth.organizationId, id);
    return new StreamableFile(file, {
      type: XLSX_MIME,
      disposition: attachment('report.xlsx', fileName),
    });
  }

  @Get('reviews/:id/mieruka.csv')
  @RequirePermission(PERMISSIONS.exportReports)
  @ApiOperation({
    summary:
      'The Cabinet Office 見える化 CSV of the targets of a review (UTF-8 BOM, CRLF)',
  })
  async mieruka(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<StreamableFile> {
    const { snapshot } = await this.committee.snapshot(auth.organizationId, id);
    return new StreamableFile(
      Buffer.from(mierukaCsv(snapshot.targets, snapshot.fiscalYear), 'utf8'),
      {
        type: 'text/csv; charset=utf-8',
        disposition: attachment(
          `mieruka-${snapshot.fiscalYear}.csv`,
          `見える化_目標_${snapshot.fiscalYear}.csv`,
        ),
      },
    );
  }

  @Get('kpis/:code')
  @RequirePermission(PERMISSIONS.readKpiFigures)
  @ApiOperation({
    summary:
      'Download the figures of one KPI (trend, breakdown, employer units) as Excel',
  })
  async kpi(
    @CurrentAuth() auth: AuthContext,
    @Param('code', new ParseEnumPipe(KPI_CODES)) code: KpiCode,
    @Query() query: KpiQuery,
    @Res() response: Response,
  ): Promise<void> {
    const scope = { unitCode: query.unit, categories: query.category };
    const [trend, values, employerUnits, childUnits, units] = await Promise.all(
      [
        this.kpis.trend(auth.organizationId, code, scope),
        this.kpis.forFiscalYears(auth.organizationId, [query.fy], scope, [
          code,
        ]),
        this.kpis.breakdown(
          auth.organizationId,
          code,
          query.fy,
          'employer_unit',
          { categories: query.category },
        ),
        this.kpis.breakdown(auth.organizationId, code, query.fy, 'child_unit', {
          unitCode: query.unit,
          categories: query.category,
        }),
        this.org.units(auth.organizationId),
      ],
    );
    const scopeName = query.unit
      ? (units.find((unit) => unit.code === query.unit)?.name ?? query.unit)
      : '全体';
    response.setHeader('Content-Type', XLSX_MIME);
    response.setHeader(
      'Content-Disposition',
      attachment(
        `${code}-${query.fy}.xlsx`,
        `${kpiName(code)}_${query.fy}.xlsx`,
      ),
    );
    await writeKpiWorkbook(
      {
        code,
        measure: KPI_DEFINITIONS[code].measure,
        fiscalYear: query.fy,
        scopeName,
        trend,
        values,
        employerUnits,
        childUnits,
      },
      response,
    );
  }
}
