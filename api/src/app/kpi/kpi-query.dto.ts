import { ApiPropertyOptional } from '@nestjs/swagger';
import {
  EMPLOYMENT_CATEGORIES,
  KPI_CODES,
  type EmploymentCategory,
  type KpiCode,
} from '@ikuboard/shared/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const toList = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string'
    ? value
        .split(',')
        .map((item) => item.trim())
        .filter(Boolean)
    : value;

class KpiScopeQuery {
  @ApiPropertyOptional({
    description: 'Org-unit code; the whole organization when absent',
  })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  unit?: string;

  @ApiPropertyOptional({
    description: 'Comma-separated employment categories (default: permanent)',
    example: 'permanent',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayNotEmpty()
  @IsIn(EMPLOYMENT_CATEGORIES, { each: true })
  category?: EmploymentCategory[];

  @ApiPropertyOptional({
    description:
      'Leave-duration bucket boundaries in days, ascending (default: the 総務省 buckets)',
    example: '5,14,31',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) =>
    typeof value === 'string'
      ? value.split(',').map((item) => Number(item.trim()))
      : value,
  )
  @ArrayNotEmpty()
  @ArrayMaxSize(20)
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(3650, { each: true })
  buckets?: number[];
}

export class KpiQuery extends KpiScopeQuery {
  @ApiPropertyOptional({
    description: 'Fiscal year (April–March), e.g. 2025 for 令和7年度',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1989)
  @Max(2100)
  fy!: number;

  @ApiPropertyOptional({
    description: 'Comma-separated KPI codes to compute (default: all)',
    example: 'female_manager_ratio',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayNotEmpty()
  @IsIn(KPI_CODES, { each: true })
  code?: KpiCode[];
}

export class KpiTrendQuery extends KpiScopeQuery {
  @ApiPropertyOptional({ enum: KPI_CODES })
  @IsIn(KPI_CODES)
  code!: KpiCode;
}

export class KpiOverviewQuery extends KpiScopeQuery {
  @ApiPropertyOptional({
    description:
      'Fiscal year of the cards (April–March), e.g. 2025 for 令和7年度',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1989)
  @Max(2100)
  fy!: number;

  @ApiPropertyOptional({
    description:
      'KPI codes whose trend over every fiscal year with roster data to include (repeat the parameter or separate by commas)',
    example: 'female_manager_ratio,pay_gap_all',
  })
  @IsOptional()
  @Transform(toList)
  @ArrayNotEmpty()
  @ArrayMaxSize(10)
  @IsIn(KPI_CODES, { each: true })
  trend?: KpiCode[];
}

export class KpiBreakdownQuery extends KpiScopeQuery {
  @ApiPropertyOptional({ enum: KPI_CODES })
  @IsIn(KPI_CODES)
  code!: KpiCode;

  @ApiPropertyOptional({
    description: 'Fiscal year (the calendar year for calendar-year KPIs)',
  })
  @Type(() => Number)
  @IsInt()
  @Min(1989)
  @Max(2100)
  fy!: number;

  @ApiPropertyOptional({
    enum: ['employer_unit', 'child_unit'],
    description: 'Employer units, or the direct children of `unit`',
  })
  @IsIn(['employer_unit', 'child_unit'])
  by!: 'employer_unit' | 'child_unit';
}
