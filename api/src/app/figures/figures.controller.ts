import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Put,
  Query,
} from '@nestjs/common';
import {
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import {
  AGGREGATE_FIGURE_CODES,
  PERMISSIONS,
  type AggregateFigureCode,
  type AggregateFigureDto,
} from '@ikuboard/shared/contracts';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { DataSource } from 'typeorm';

import {
  CurrentAuth,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import { OrgService } from '../org/org.service';

class YearQuery {
  @Type(() => Number)
  @IsInt()
  @Min(1989)
  @Max(2100)
  fy!: number;
}

class FigureKeyQuery extends YearQuery {
  @IsIn(AGGREGATE_FIGURE_CODES)
  code!: AggregateFigureCode;

  @IsOptional()
  @IsString()
  @MaxLength(50)
  unit?: string;
}

class FigureBody implements AggregateFigureDto {
  @ApiProperty({ example: 2025 })
  @IsInt()
  @Min(1989)
  @Max(2100)
  fiscalYear!: number;

  @ApiProperty({ enum: AGGREGATE_FIGURE_CODES })
  @IsIn(AGGREGATE_FIGURE_CODES)
  code!: AggregateFigureCode;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(50)
  orgUnitCode!: string | null;

  @ApiProperty({ example: 412 })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 2 })
  @Min(0)
  @Max(1_000_000_000)
  value!: number;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, value) => value !== null && value !== undefined)
  @IsString()
  @MaxLength(500)
  note!: string | null;
}

/** Applicants by gender, dispatched workers and other figures no person record gives. */
@ApiTags('aggregate figures')
@Controller('aggregate-figures')
export class FiguresController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly org: OrgService,
  ) {}

  @Get()
  @RequirePermission(PERMISSIONS.readKpiFigures)
  @ApiOperation({ summary: 'The aggregate figures of a fiscal year' })
  async list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: YearQuery,
  ): Promise<AggregateFigureDto[]> {
    const rows: (Omit<AggregateFigureDto, 'value'> & { value: string })[] =
      await this.dataSource.query(
        `SELECT f.fiscal_year AS "fiscalYear", f.code, u.code AS "orgUnitCode", f.value, f.note
         FROM aggregate_figure f LEFT JOIN org_unit u ON u.organization_id = f.organization_id AND u.id = f.org_unit_id
        WHERE f.organization_id = $1 AND f.fiscal_year = $2 ORDER BY f.code, u.code NULLS FIRST`,
        [auth.organizationId, query.fy],
      );
    return rows.map((row) => ({ ...row, value: Number(row.value) }));
  }

  @Put()
  @RequirePermission(PERMISSIONS.importData)
  @ApiOperation({ summary: 'Enter or correct one aggregate figure' })
  async save(
    @CurrentAuth() auth: AuthContext,
    @Body() body: FigureBody,
  ): Promise<AggregateFigureDto> {
    const unitId = body.orgUnitCode
      ? await this.org.resolveUnit(auth.organizationId, body.orgUnitCode)
      : null;
    const note = body.note?.trim() || null;
    await this.dataSource.query(
      `INSERT INTO aggregate_figure (organization_id, fiscal_year, code, org_unit_id, value, note) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT uq_aggregate_figure DO UPDATE SET value = excluded.value, note = excluded.note, updated_at = now()`,
      [
        auth.organizationId,
        body.fiscalYear,
        body.code,
        unitId,
        body.value,
        note,
      ],
    );
    return {
      fiscalYear: body.fiscalYear,
      code: body.code,
      orgUnitCode: body.orgUnitCode ?? null,
      value: body.value,
      note,
    };
  }

  @Delete()
  @RequirePermission(PERMISSIONS.importData)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Remove one aggregate figure' })
  async remove(
    @CurrentAuth() auth: AuthContext,
    @Query() query: FigureKeyQuery,
  ): Promise<void> {
    const unitId = query.unit
      ? await this.org.resolveUnit(auth.organizationId, query.unit)
      : null;
    await this.dataSource.query(
      `DELETE FROM aggregate_figure WHERE organization_id = $1 AND fiscal_year = $2 AND code = $3 AND org_unit_id IS NOT DISTINCT FROM $4`,
      [auth.organizationId, query.fy, query.code, unitId],
    );
  }
}
