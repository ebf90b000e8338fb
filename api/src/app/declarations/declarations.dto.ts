import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IKUBOSS_ACTION_MAX_LENGTH,
  IKUBOSS_MAX_ACTIONS,
  type IkubossCampaignInputDto,
  type IkubossDeclarationCreateDto,
  type IkubossDeclarationUpdateDto,
  type IkubossRevokeDto,
  type IkubossSignDto,
  type IkubossTemplateInputDto,
} from '@ikuboard/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

const trim = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? value.trim() : value;
const trimEach = ({ value }: { value: unknown }): unknown =>
  Array.isArray(value)
    ? value.map((item) => (typeof item === 'string' ? item.trim() : item))
    : value;

export class TemplateBody implements IkubossTemplateInputDto {
  @ApiProperty({ example: 'イクボス10か条' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  name!: string;

  @ApiProperty({ example: 'みどり市イクボス宣言' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  title!: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(1000)
  preamble!: string;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 20 })
  @Transform(trimEach)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(300, { each: true })
  pledges!: string[];
}

export class CampaignBody implements IkubossCampaignInputDto {
  @ApiProperty({ example: '令和7年度 全管理職イクボス宣言' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1989)
  @Max(2100)
  fiscalYear!: number;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Org-unit code; null = the whole organization',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  scopeUnitCode!: string | null;

  @ApiProperty({ type: [String], example: ['bucho', 'jicho', 'kacho'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  stageCodes!: string[];

  @ApiProperty()
  @IsUUID()
  templateId!: string;

  @ApiProperty({ example: '2025-06-30' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  @IsISO8601({ strict: true })
  deadline!: string;
}

export class DeclarationCreateBody implements IkubossDeclarationCreateDto {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1989)
  @Max(2100)
  fiscalYear!: number;

  @ApiPropertyOptional({
    type: [String],
    description:
      'Employee numbers of the declarers (joint when several); the caller alone by default',
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  declarerEmployeeNumbers?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  templateId?: string;
}

export class DeclarationUpdateBody implements IkubossDeclarationUpdateDto {
  @ApiPropertyOptional({ type: [String], maxItems: IKUBOSS_MAX_ACTIONS })
  @IsOptional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(IKUBOSS_MAX_ACTIONS)
  @IsString({ each: true })
  @MaxLength(IKUBOSS_ACTION_MAX_LENGTH, { each: true })
  actions?: string[];

  @ApiPropertyOptional({
    nullable: true,
    example: 'NPO法人ファザーリング・ジャパン 理事',
  })
  @IsOptional()
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(100)
  witness?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  isPublic?: boolean;
}

export class SignBody implements IkubossSignDto {
  @ApiProperty({
    description: 'Must be true: the declarer confirms the text they sign',
  })
  @IsBoolean()
  confirm!: boolean;
}

export class RevokeBody implements IkubossRevokeDto {
  @ApiProperty({ example: '異動により管理職でなくなったため' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(500)
  reason!: string;
}

export class FiscalYearQuery {
  @Type(() => Number)
  @IsInt()
  @Min(1989)
  @Max(2100)
  fy!: number;
}

export class OptionalFiscalYearQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1989)
  @Max(2100)
  fy?: number;
}

export class CampaignDetailQuery {
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unit?: string;
}
