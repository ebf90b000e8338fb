import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PERMISSIONS, type TargetDto } from '@ikuboard/shared/contracts';
import { DataSource } from 'typeorm';

import {
  CurrentAuth,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';

@ApiTags('targets')
@Controller('targets')
export class TargetsController {
  constructor(private readonly dataSource: DataSource) {}

  @Get()
  @RequirePermission(PERMISSIONS.readTargets)
  @ApiOperation({ summary: "The targets of the organization's plans" })
  async list(@CurrentAuth() auth: AuthContext): Promise<TargetDto[]> {
    const rows: (Omit<
      TargetDto,
      'actions' | 'targetValue' | 'baselineValue'
    > & {
      targetValue: string;
      baselineValue: string | null;
      action1: string | null;
      action2: string | null;
    })[] = await this.dataSource.query(
      `SELECT t.id, p.name AS "planName", t.kpi_code AS "kpiCode", u.code AS "orgUnitCode",
              t.target_value AS "targetValue", t.target_fiscal_year AS "targetFiscalYear", t.direction,
              t.baseline_value AS "baselineValue", t.baseline_fiscal_year AS "baselineFiscalYear",
              t.action_1 AS "action1", t.action_2 AS "action2"
         FROM target t
         JOIN plan p ON p.organization_id = t.organization_id AND p.id = t.plan_id
         LEFT JOIN org_unit u ON u.organization_id = t.organization_id AND u.id = t.org_unit_id
        WHERE t.organization_id = $1
        ORDER BY t.sort_order, t.kpi_code`,
      [auth.organizationId],
    );
    return rows.map(
      ({ action1, action2, targetValue, baselineValue, ...row }) => ({
        ...row,
        targetValue: Number(targetValue),
        baselineValue: baselineValue === null ? null : Number(baselineValue),
        actions: [action1, action2].filter(
          (action): action is string => action !== null,
        ),
      }),
    );
  }
}
