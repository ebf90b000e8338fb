import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Post,
  Put,
  Req,
  StreamableFile,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type Review360AssignmentDto,
  type Review360CycleDto,
  type Review360ItemBankDto,
  type Review360OverviewDto,
  type Review360QuestionnaireDto,
  type Review360ReportDto,
  type Review360TaskDto,
} from '@ikuboard/shared/contracts';

import {
  Authenticated,
  CurrentAuth,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import { auditRecordFor } from '../../common/audit-policy';
import type { AuditableRequest } from '../../common/audit.recorder';
import { Reviews360ReportService } from './reviews360-report.service';
import {
  AssignmentBody,
  CycleBody,
  GenerateBody,
  QuestionnaireBody,
  SubmissionBody,
  ThresholdsBody,
} from './reviews360.dto';
import { Reviews360Service } from './reviews360.service';

const XLSX_MIME =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('reviews360')
@Controller('reviews360')
export class Reviews360Controller {
  constructor(
    private readonly reviews: Reviews360Service,
    private readonly reports: Reviews360ReportService,
  ) {}

  // ---- the rater and the person rated: their own things only ----

  @Get('my/tasks')
  @Authenticated()
  @ApiOperation({
    summary: 'Whom I am asked to rate in open cycles, and whether I answered',
  })
  tasks(@CurrentAuth() auth: AuthContext): Promise<Review360TaskDto[]> {
    return this.reviews.tasks(auth.organizationId, auth.employeeId);
  }

  @Post('cycles/:cycleId/answers/:assignmentId')
  @Authenticated()
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Submit one anonymous answer (once; nothing ties it to me)',
  })
  async submit(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
    @Param('assignmentId') assignmentId: string,
    @Body() body: SubmissionBody,
    @Req() request: AuditableRequest,
  ): Promise<void> {
    // The audit entry of an accepted answer (the fact only, the day only) is written by the same
    // statement as the answer: one round trip and one commit per submission. Refusals are audited
    // by the interceptor as usual.
    const route = (request.route as { path?: unknown } | undefined)?.path;
    const entry =
      typeof route === 'string'
        ? auditRecordFor(
            {
              method: request.method,
              route,
              params: {},
              query: {},
              ip: null,
              userAgent: null,
              auth: request.auth ?? null,
              rule: request.accessRule ?? null,
              explicitRead: false,
            },
            HttpStatus.NO_CONTENT,
          )
        : null;
    const audit =
      entry?.action === 'anonymous_submission' && entry.dayOnly ? entry : null;
    await this.reviews.submit(
      auth.organizationId,
      auth.employeeId,
      cycleId,
      assignmentId,
      body,
      audit,
    );
    if (audit) request.audited = true;
  }

  @Get('cycles/:cycleId/questionnaire')
  @Authenticated()
  @ApiOperation({ summary: "A cycle's categories and items" })
  questionnaire(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
  ): Promise<Review360QuestionnaireDto> {
    return this.reviews.questionnaire(auth.organizationId, cycleId);
  }

  @Get('my/reports')
  @Authenticated()
  @ApiOperation({ summary: 'Released cycles in which I was rated' })
  myReports(@CurrentAuth() auth: AuthContext): Promise<Review360CycleDto[]> {
    return this.reports.myCycles(auth.organizationId, auth.employeeId);
  }

  @Get('my/reports/:cycleId')
  @Authenticated()
  @ApiOperation({
    summary: 'My report after release: suppressed below the thresholds',
  })
  myReport(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
  ): Promise<Review360ReportDto> {
    return this.reports.reportFor(
      auth.organizationId,
      cycleId,
      auth.employeeId,
    );
  }

  // ---- HR ----

  @Get('cycles')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({ summary: 'Every 360 cycle of the organization' })
  cycles(@CurrentAuth() auth: AuthContext): Promise<Review360CycleDto[]> {
    return this.reviews.cycles(auth.organizationId);
  }

  @Post('cycles')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({
    summary: 'Create a draft cycle with the default Ikuboss questionnaire',
  })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: CycleBody,
  ): Promise<Review360CycleDto> {
    return this.reviews.createCycle(auth.organizationId, body);
  }

  @Get('item-bank')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({
    summary: 'The default Ikuboss item bank and scale labels to build from',
  })
  itemBank(): Review360ItemBankDto {
    return this.reviews.itemBank();
  }

  @Get('cycles/:cycleId')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({ summary: 'One cycle' })
  cycle(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
  ): Promise<Review360CycleDto> {
    return this.reviews.cycle(auth.organizationId, cycleId);
  }

  @Put('cycles/:cycleId/thresholds')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({
    summary:
      'Set minimum group sizes (never below 3; only raised after launch)',
  })
  thresholds(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
    @Body() body: ThresholdsBody,
  ): Promise<Review360CycleDto> {
    return this.reviews.setThresholds(auth.organizationId, cycleId, body);
  }

  @Put('cycles/:cycleId/questionnaire')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({ summary: 'Replace the questionnaire (draft only)' })
  replaceQuestionnaire(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
    @Body() body: QuestionnaireBody,
  ): Promise<Review360QuestionnaireDto> {
    return this.reviews.replaceQuestionnaire(
      auth.organizationId,
      cycleId,
      body,
    );
  }

  @Post('cycles/:cycleId/assignments/generate')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({
    summary:
      'Generate assignments from the reporting line (draft only); given options are stored on the cycle',
  })
  generate(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
    @Body() body: GenerateBody,
  ): Promise<Review360CycleDto> {
    return this.reviews.generateAssignments(
      auth.organizationId,
      cycleId,
      body ?? {},
    );
  }

  @Get('cycles/:cycleId/assignments')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({
    summary: 'Who is asked to rate whom (never who has answered)',
  })
  assignments(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
  ): Promise<Review360AssignmentDto[]> {
    return this.reviews.assignments(auth.organizationId, cycleId);
  }

  @Post('cycles/:cycleId/assignments')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({ summary: 'Add one assignment (draft only)' })
  addAssignment(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
    @Body() body: AssignmentBody,
  ): Promise<Review360AssignmentDto> {
    return this.reviews.addAssignment(auth.organizationId, cycleId, body);
  }

  @Delete('cycles/:cycleId/assignments/:assignmentId')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove one assignment (draft only)' })
  removeAssignment(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
    @Param('assignmentId') assignmentId: string,
  ): Promise<void> {
    return this.reviews.removeAssignment(
      auth.organizationId,
      cycleId,
      assignmentId,
    );
  }

  @Post('cycles/:cycleId/launch')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary: 'Open for answers; fixes questionnaire and thresholds',
  })
  launch(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
  ): Promise<Review360CycleDto> {
    return this.reviews.launch(auth.organizationId, cycleId);
  }

  @Post('cycles/:cycleId/close')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Stop answers and shuffle the stored responses' })
  close(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
  ): Promise<Review360CycleDto> {
    return this.reviews.close(auth.organizationId, cycleId);
  }

  @Post('cycles/:cycleId/release')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Release results to the people rated' })
  release(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
  ): Promise<Review360CycleDto> {
    return this.reviews.release(auth.organizationId, cycleId);
  }

  @Get('cycles/:cycleId/overview')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({
    summary:
      'Response-rate counts per unit; after release, per-manager scores, unit roll-ups and the distribution',
  })
  overview(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
  ): Promise<Review360OverviewDto> {
    return this.reports.overview(auth.organizationId, cycleId);
  }

  @Get('cycles/:cycleId/reports/:employeeNumber')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({ summary: "One manager's report, as HR may see it" })
  report(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
    @Param('employeeNumber') employeeNumber: string,
  ): Promise<Review360ReportDto> {
    return this.reports.reportByNumber(
      auth.organizationId,
      cycleId,
      employeeNumber,
    );
  }

  @Get('cycles/:cycleId/export')
  @RequirePermission(PERMISSIONS.manageReviews360)
  @ApiOperation({
    summary: 'Per-manager scores for the personnel evaluation (.xlsx)',
  })
  async export(
    @CurrentAuth() auth: AuthContext,
    @Param('cycleId') cycleId: string,
  ): Promise<StreamableFile> {
    const { stream, fiscalYear } = await this.reports.exportWorkbook(
      auth.organizationId,
      cycleId,
    );
    const fileName = `多面評価_${fiscalYear}年度.xlsx`;
    return new StreamableFile(stream, {
      type: XLSX_MIME,
      disposition: `attachment; filename="review360-${fiscalYear}.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
    });
  }
}
