import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  KPI_CODES,
  type KpiCode,
  type LegalBasis,
  type PlanInputDto,
  type TargetInputDto,
} from '@ikuboard/shared/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';

export class PlanBody implements PlanInputDto {
  @ApiProperty({ example: 'みどり市特定事業主行動計画(第5期)' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1989)
  @Max(2100)
  startFiscalYear!: number;

  @ApiProperty({ example: 2029 })
  @IsInt()
  @Min(1989)
  @Max(2100)
  endFiscalYear!: number;

  @ApiProperty({ enum: ['josei_katsuyaku', 'jisedai', 'both'] })
  @IsIn(['josei_katsuyaku', 'jisedai', 'both'])
  legalBasis!: LegalBasis;
}

export class TargetBody implements TargetInputDto {
  @ApiProperty()
  @IsUUID()
  planId!: string;

  @ApiProperty({ enum: KPI_CODES })
  @IsIn(KPI_CODES)
  kpiCode!: KpiCode;

  @ApiPropertyOptional({
    nullable: true,
    description: 'Org-unit code; null for the whole organization',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  orgUnitCode!: string | null;

  @ApiProperty({ example: 20 })
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  targetValue!: number;

  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1989)
  @Max(2100)
  targetFiscalYear!: number;

  @ApiProperty({ enum: ['gte', 'lte'] })
  @IsIn(['gte', 'lte'])
  direction!: 'gte' | 'lte';

  @ApiPropertyOptional({ nullable: true, example: 10.6 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  baselineValue!: number | null;

  @ApiPropertyOptional({ nullable: true, example: 2020 })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsInt()
  @Min(1989)
  @Max(2100)
  baselineFiscalYear!: number | null;

  @ApiProperty({ type: [String], maxItems: 2 })
  @IsArray()
  @ArrayMaxSize(2)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  actions!: string[];
}
