import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  REVIEW360_RELATIONSHIPS,
  type LocalizedText,
  type Review360AssignmentInputDto,
  type Review360CycleInputDto,
  type Review360GenerateInputDto,
  type Review360QuestionnaireInputDto,
  type Review360Relationship,
  type Review360SubmissionDto,
  type Review360Thresholds,
} from '@ikuboard/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

export class ThresholdsBody implements Review360Thresholds {
  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(3)
  @Max(50)
  subordinateScores!: number;

  @ApiProperty({ example: 5 })
  @IsInt()
  @Min(3)
  @Max(50)
  subordinateComments!: number;

  @ApiProperty({ example: 3 })
  @IsInt()
  @Min(3)
  @Max(50)
  peerScores!: number;

  @ApiProperty({ example: 5 })
  @IsInt()
  @Min(3)
  @Max(50)
  peerComments!: number;
}

export class CycleBody implements Review360CycleInputDto {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1989)
  @Max(2100)
  fiscalYear!: number;

  @ApiProperty({ example: '令和7年度 多面評価' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: '2025-10-01' })
  @IsDateString({ strict: true })
  referenceDate!: string;

  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24)
  excludeHiredMonths?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  includeIndirect?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  includePeers?: boolean;

  @ApiPropertyOptional({ type: ThresholdsBody })
  @IsOptional()
  @IsObject()
  thresholds?: Partial<Review360Thresholds>;
}

class LocalizedBody implements LocalizedText {
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  ja!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(500)
  en!: string;
}

class CategoryBody {
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  code!: string;

  @ValidateNested()
  @Type(() => LocalizedBody)
  name!: LocalizedBody;
}

class ItemBody {
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  categoryCode!: string;

  @IsIn(['rating', 'text'])
  kind!: 'rating' | 'text';

  @ValidateNested()
  @Type(() => LocalizedBody)
  text!: LocalizedBody;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  source?: string | null;
}

export class QuestionnaireBody implements Review360QuestionnaireInputDto {
  @ApiProperty()
  @ValidateNested({ each: true })
  @Type(() => CategoryBody)
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  categories!: CategoryBody[];

  @ApiProperty()
  @ValidateNested({ each: true })
  @Type(() => ItemBody)
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  items!: ItemBody[];

  @ApiPropertyOptional({
    description: 'five labels of the frequency scale, 1 → 5',
  })
  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => LocalizedBody)
  @ArrayMinSize(5)
  @ArrayMaxSize(5)
  scale?: LocalizedBody[];

  @ApiPropertyOptional({ description: 'the label of 評価できない' })
  @IsOptional()
  @ValidateNested()
  @Type(() => LocalizedBody)
  unable?: LocalizedBody;
}

export class GenerateBody implements Review360GenerateInputDto {
  @ApiPropertyOptional({ example: '2025-10-01' })
  @IsOptional()
  @IsDateString({ strict: true })
  referenceDate?: string;

  @ApiPropertyOptional({ example: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(24)
  excludeHiredMonths?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  includeIndirect?: boolean;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  includePeers?: boolean;
}

export class AssignmentBody implements Review360AssignmentInputDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  rateeNumber!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  raterNumber!: string;

  @ApiProperty({ enum: REVIEW360_RELATIONSHIPS })
  @IsIn(REVIEW360_RELATIONSHIPS)
  relationship!: Review360Relationship;
}

export class SubmissionBody implements Review360SubmissionDto {
  @ApiProperty({
    description: 'rating item id → 1..5, or null for 評価できない',
  })
  @IsObject()
  scores!: Record<string, 1 | 2 | 3 | 4 | 5 | null>;

  @ApiPropertyOptional({ description: 'text item id → free text' })
  @IsOptional()
  @IsObject()
  comments?: Record<string, string>;
}
