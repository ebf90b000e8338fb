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
  Query,
  StreamableFile,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type EmployeeOptionDto,
  type IkubossInterviewDto,
  type LocalFirmDto,
  type NominationDto,
  type NudgeListDto,
  type NudgeSummaryDto,
  type PracticeGoalDto,
  type PublicAwardDto,
  type TrainingAttendanceImportDto,
  type TrainingDetailDto,
  type TrainingDto,
} from '@ikuboard/shared/contracts';

import {
  Authenticated,
  CurrentAuth,
  Public,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import { checkUpload } from '../imports/imports.controller';
import { AwardsService } from './awards.service';
import { requireLinkedEmployee } from './ikuboss-common';
import {
  AttendanceBody,
  AttendanceImportForm,
  AwardBody,
  ConsentBody,
  EmployeeSearchQuery,
  FirmDeclarationBody,
  FirmSeminarBody,
  FiscalYearQuery,
  InterviewBody,
  LocalFirmBody,
  NominationBody,
  NudgeSummaryQuery,
  OptionalFiscalYearQuery,
  PracticeGoalBody,
  RatingBody,
  TrainingBody,
} from './ikuboss-programmes.dto';
import { LocalFirmsService } from './local-firms.service';
import { NudgesService } from './nudges.service';
import { PracticeGoalsService } from './practice-goals.service';
import { TrainingsService } from './trainings.service';

const XLSX_MIME =
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

@ApiTags('ikuboss-nudges')
@Controller('ikuboss/nudges')
export class NudgesController {
  constructor(private readonly nudges: NudgesService) {}

  @Get()
  @RequirePermission(PERMISSIONS.readIkubossNudges)
  @ApiOperation({
    summary:
      "New fathers of the FY who have not started childcare leave: a manager's direct reports, or everyone for HR",
  })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: FiscalYearQuery,
  ): Promise<NudgeListDto> {
    return this.nudges.list(auth, query.fy);
  }

  @Get('summary')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({
    summary:
      'Per unit: eligible fathers, interviewed, share interviewed, already on leave',
  })
  summary(
    @CurrentAuth() auth: AuthContext,
    @Query() query: NudgeSummaryQuery,
  ): Promise<NudgeSummaryDto> {
    return query.rollup === 'true' || query.unit
      ? this.nudges.rollup(auth.organizationId, query.fy, query.unit ?? null)
      : this.nudges.summary(auth.organizationId, query.fy);
  }

  @Post('interviews')
  @RequirePermission(PERMISSIONS.readIkubossNudges)
  @ApiOperation({ summary: "Record the boss's イクボス面談 with a new father" })
  interview(
    @CurrentAuth() auth: AuthContext,
    @Body() body: InterviewBody,
  ): Promise<IkubossInterviewDto> {
    return this.nudges.recordInterview(auth, body);
  }
}

@ApiTags('ikuboss-trainings')
@Controller('ikuboss')
export class TrainingsController {
  constructor(private readonly trainings: TrainingsService) {}

  @Get('employees')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({
    summary: 'Employees in service today by number or name (pickers)',
  })
  employees(
    @CurrentAuth() auth: AuthContext,
    @Query() query: EmployeeSearchQuery,
  ): Promise<EmployeeOptionDto[]> {
    return this.trainings.searchEmployees(auth.organizationId, query.q);
  }

  @Get('nominees')
  @RequirePermission(PERMISSIONS.nominateIkuboss)
  @ApiOperation({
    summary: 'Managers in service today, to nominate for an award',
  })
  nominees(
    @CurrentAuth() auth: AuthContext,
    @Query() query: EmployeeSearchQuery,
  ): Promise<EmployeeOptionDto[]> {
    return this.trainings.searchEmployees(auth.organizationId, query.q, true);
  }

  @Get('trainings')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: 'Training sessions (optionally of one FY)' })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: OptionalFiscalYearQuery,
  ): Promise<TrainingDto[]> {
    return this.trainings.list(auth.organizationId, query.fy);
  }

  @Post('trainings')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: 'Create a training session' })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: TrainingBody,
  ): Promise<TrainingDto> {
    return this.trainings.create(auth.organizationId, body);
  }

  @Get('trainings/:id')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: 'A training session with its attendees' })
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<TrainingDetailDto> {
    return this.trainings.get(auth.organizationId, id);
  }

  @Delete('trainings/:id')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a training session and its attendance' })
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<void> {
    return this.trainings.remove(auth.organizationId, id);
  }

  @Post('trainings/:id/attendees')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: 'Add attendees picked on the form' })
  addAttendees(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: AttendanceBody,
  ): Promise<TrainingDetailDto> {
    return this.trainings.addAttendees(
      auth.organizationId,
      id,
      body.employeeNumbers,
    );
  }

  @Delete('trainings/:id/attendees/:employeeNumber')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove one attendee' })
  removeAttendee(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Param('employeeNumber') employeeNumber: string,
  ): Promise<void> {
    return this.trainings.removeAttendee(
      auth.organizationId,
      id,
      employeeNumber,
    );
  }

  @Post('trainings/:id/attendance-import')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @HttpCode(HttpStatus.OK)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({
    summary:
      'Attendance from .xlsx (職員番号 column): every row checked, dry run, all-or-nothing',
  })
  @UseInterceptors(FileInterceptor('file'))
  importAttendance(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() form: AttendanceImportForm,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<TrainingAttendanceImportDto> {
    const upload = checkUpload(file);
    return this.trainings.importAttendance(
      auth.organizationId,
      id,
      upload.buffer,
      form.dryRun === 'true',
    );
  }
}

@ApiTags('ikuboss-practice-goals')
@Controller('ikuboss/practice-goals')
export class PracticeGoalsController {
  constructor(private readonly goals: PracticeGoalsService) {}

  @Get('mine')
  @RequirePermission(PERMISSIONS.setIkubossPracticeGoal)
  @ApiOperation({
    summary: "The manager's own goal with the team's indicators",
  })
  mine(
    @CurrentAuth() auth: AuthContext,
    @Query() query: FiscalYearQuery,
  ): Promise<PracticeGoalDto> {
    return this.goals.mine(
      auth.organizationId,
      requireLinkedEmployee(auth),
      query.fy,
    );
  }

  @Put('mine')
  @RequirePermission(PERMISSIONS.setIkubossPracticeGoal)
  @ApiOperation({
    summary: 'Set the goal, its indicators and the self-assessment',
  })
  saveMine(
    @CurrentAuth() auth: AuthContext,
    @Body() body: PracticeGoalBody,
  ): Promise<PracticeGoalDto> {
    return this.goals.saveMine(
      auth.organizationId,
      requireLinkedEmployee(auth),
      body,
    );
  }

  @Get()
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: "Every manager's goal of the FY" })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: FiscalYearQuery,
  ): Promise<PracticeGoalDto[]> {
    return this.goals.list(auth.organizationId, query.fy);
  }

  @Get('export')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({
    summary: 'The FY goals, indicators, self-assessments and ratings (.xlsx)',
  })
  async export(
    @CurrentAuth() auth: AuthContext,
    @Query() query: FiscalYearQuery,
  ): Promise<StreamableFile> {
    const stream = await this.goals.exportXlsx(auth.organizationId, query.fy);
    return new StreamableFile(stream, {
      type: XLSX_MIME,
      disposition: `attachment; filename="practice-goals-${query.fy}.xlsx"; filename*=UTF-8''${encodeURIComponent(`イクボス実践目標_${query.fy}年度.xlsx`)}`,
    });
  }

  @Put(':id/rating')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: "HR's rating of a goal (S/A/B/C)" })
  rate(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: RatingBody,
  ): Promise<PracticeGoalDto> {
    return this.goals.rate(auth.organizationId, id, body);
  }
}

@ApiTags('ikuboss-awards')
@Controller()
export class AwardsController {
  constructor(private readonly awards: AwardsService) {}

  @Get('ikuboss/nominations')
  @Authenticated()
  @ApiOperation({
    summary:
      'Nominations: all for reviewers, otherwise those the caller made or received',
  })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: OptionalFiscalYearQuery,
  ): Promise<NominationDto[]> {
    return this.awards.list(auth, query.fy);
  }

  @Post('ikuboss/nominations')
  @RequirePermission(PERMISSIONS.nominateIkuboss)
  @ApiOperation({ summary: 'Nominate a boss for the Ikuboss award' })
  nominate(
    @CurrentAuth() auth: AuthContext,
    @Body() body: NominationBody,
  ): Promise<NominationDto> {
    return this.awards.nominate(auth, body);
  }

  @Post('ikuboss/nominations/:id/award')
  @RequirePermission(PERMISSIONS.grantIkubossAwards)
  @ApiOperation({ summary: 'Grant an award for a nomination (committee)' })
  award(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: AwardBody,
  ): Promise<NominationDto> {
    return this.awards.award(auth, id, body);
  }

  @Put('ikuboss/nominations/:id/consent')
  @Authenticated()
  @ApiOperation({
    summary: 'The nominator or the nominee agrees to be named publicly',
  })
  consent(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: ConsentBody,
  ): Promise<NominationDto> {
    return this.awards.setConsent(auth, id, body.consent);
  }

  @Get('public/organizations/:code/awards')
  @Public()
  @ApiOperation({
    summary:
      'Ikuboss awards whose nominee and nominator both agreed to be named',
  })
  publicAwards(@Param('code') code: string): Promise<PublicAwardDto[]> {
    return this.awards.publicAwards(code);
  }
}

@ApiTags('ikuboss-local-firms')
@Controller('ikuboss/firms')
export class LocalFirmsController {
  constructor(private readonly firms: LocalFirmsService) {}

  @Get()
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: 'Local firms (イクボス宣言事業所)' })
  list(@CurrentAuth() auth: AuthContext): Promise<LocalFirmDto[]> {
    return this.firms.list(auth.organizationId);
  }

  @Post()
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: 'Register a local firm' })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: LocalFirmBody,
  ): Promise<LocalFirmDto> {
    return this.firms.create(auth.organizationId, body);
  }

  @Get(':id')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: 'A local firm with its declarations and seminars' })
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<LocalFirmDto> {
    return this.firms.get(auth.organizationId, id);
  }

  @Put(':id')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: 'Change a local firm' })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: LocalFirmBody,
  ): Promise<LocalFirmDto> {
    return this.firms.update(auth.organizationId, id, body);
  }

  @Delete(':id')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a local firm' })
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<void> {
    return this.firms.remove(auth.organizationId, id);
  }

  @Post(':id/declarations')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: "Record a firm's Ikuboss declaration" })
  declare(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: FirmDeclarationBody,
  ): Promise<LocalFirmDto> {
    return this.firms.addDeclaration(auth.organizationId, id, body);
  }

  @Delete(':id/declarations/:declarationId')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: 'Remove a declaration entered by mistake' })
  removeDeclaration(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Param('declarationId') declarationId: string,
  ): Promise<LocalFirmDto> {
    return this.firms.removeDeclaration(auth.organizationId, id, declarationId);
  }

  @Post(':id/seminars')
  @RequirePermission(PERMISSIONS.manageIkubossProgrammes)
  @ApiOperation({ summary: "Record a firm's attendance at a seminar" })
  seminar(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: FirmSeminarBody,
  ): Promise<LocalFirmDto> {
    return this.firms.addSeminar(auth.organizationId, id, body);
  }
}
