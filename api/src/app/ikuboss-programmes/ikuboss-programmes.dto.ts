import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IKUBOSS_TRAINING_KINDS,
  LOCAL_FIRM_SIZE_BANDS,
  PRACTICE_GOAL_INDICATORS,
  PRACTICE_GOAL_RATINGS,
  type AwardInputDto,
  type ConsentInputDto,
  type IkubossInterviewInputDto,
  type IkubossTrainingKind,
  type LocalFirmDeclarationInputDto,
  type LocalFirmInputDto,
  type LocalFirmSeminarInputDto,
  type LocalFirmSizeBand,
  type NominationInputDto,
  type PracticeGoalIndicator,
  type PracticeGoalInputDto,
  type PracticeGoalRating,
  type PracticeGoalRatingInputDto,
  type TrainingAttendanceInputDto,
  type TrainingInputDto,
} from '@ikuboard/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class FiscalYearQuery {
  @ApiProperty({ example: 2025 })
  @Type(() => Number)
  @IsInt()
  @Min(1989)
  @Max(2100)
  fy!: number;
}

export class NudgeSummaryQuery extends FiscalYearQuery {
  @ApiPropertyOptional({
    description:
      'true: direct children of `unit` (or the top-level units), each counting its subtree',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  rollup?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Org-unit code of the viewed unit' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unit?: string;
}

export class OptionalFiscalYearQuery {
  @ApiPropertyOptional({ example: 2025 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1989)
  @Max(2100)
  fy?: number;
}

export class EmployeeSearchQuery {
  @ApiPropertyOptional({ description: '職員番号 or part of the name' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  q?: string;
}

export class InterviewBody implements IkubossInterviewInputDto {
  @ApiProperty() @IsString() @MaxLength(40) childId!: string;
  @ApiProperty({ example: '2025-06-01' })
  @Matches(ISO_DATE)
  interviewDate!: string;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(ISO_DATE)
  plannedStart?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Matches(ISO_DATE)
  plannedEnd?: string | null;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  noPlanReason?: string | null;
}

export class TrainingBody implements TrainingInputDto {
  @ApiProperty({ enum: IKUBOSS_TRAINING_KINDS })
  @IsIn(IKUBOSS_TRAINING_KINDS)
  kind!: IkubossTrainingKind;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string | null;
  @ApiProperty({ example: '2025-07-10' }) @Matches(ISO_DATE) heldOn!: string;
}

export class AttendanceBody implements TrainingAttendanceInputDto {
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @IsString({ each: true })
  @MaxLength(20, { each: true })
  employeeNumbers!: string[];
}

export class AttendanceImportForm {
  @IsOptional() @IsIn(['true', 'false']) dryRun?: string;
}

export class PracticeGoalBody implements PracticeGoalInputDto {
  @ApiProperty() @IsInt() @Min(1989) @Max(2100) fiscalYear!: number;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(1000) goalText!: string;
  @ApiProperty({ enum: PRACTICE_GOAL_INDICATORS, isArray: true })
  @IsArray()
  @ArrayMaxSize(PRACTICE_GOAL_INDICATORS.length)
  @IsIn(PRACTICE_GOAL_INDICATORS, { each: true })
  indicators!: PracticeGoalIndicator[];
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  selfAssessment?: string | null;
}

export class RatingBody implements PracticeGoalRatingInputDto {
  @ApiProperty({ enum: PRACTICE_GOAL_RATINGS })
  @IsIn(PRACTICE_GOAL_RATINGS)
  rating!: PracticeGoalRating;
  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string | null;
}

export class NominationBody implements NominationInputDto {
  @ApiProperty() @IsInt() @Min(1989) @Max(2100) fiscalYear!: number;
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(20)
  nomineeEmployeeNumber!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(2000) reason!: string;
  @ApiPropertyOptional() @IsOptional() @IsBoolean() nominatorConsent?: boolean;
}

export class AwardBody implements AwardInputDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) awardName!: string;
  @ApiProperty() @IsInt() @Min(1989) @Max(2100) fiscalYear!: number;
}

export class ConsentBody implements ConsentInputDto {
  @ApiProperty() @IsBoolean() consent!: boolean;
}

export class LocalFirmBody implements LocalFirmInputDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) name!: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(100) industry!: string;
  @ApiProperty({ enum: LOCAL_FIRM_SIZE_BANDS })
  @IsIn(LOCAL_FIRM_SIZE_BANDS)
  sizeBand!: LocalFirmSizeBand;
}

export class FirmDeclarationBody implements LocalFirmDeclarationInputDto {
  @ApiProperty() @Matches(ISO_DATE) declaredOn!: string;
}

export class FirmSeminarBody implements LocalFirmSeminarInputDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) seminarName!: string;
  @ApiProperty() @Matches(ISO_DATE) attendedOn!: string;
}
