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
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type PlanDto,
  type TargetDto,
  type TargetProgressDto,
} from '@ikuboard/shared/contracts';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';

import {
  CurrentAuth,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import { PlanBody, TargetBody } from './target.dto';
import { TargetsService } from './targets.service';

class ProgressQuery {
  @Type(() => Number)
  @IsInt()
  @Min(1989)
  @Max(2100)
  fy!: number;
}

@ApiTags('targets')
@Controller()
export class TargetsController {
  constructor(private readonly targets: TargetsService) {}

  @Get('plans')
  @RequirePermission(PERMISSIONS.readTargets)
  @ApiOperation({ summary: "The organization's plans (特定事業主行動計画)" })
  plans(@CurrentAuth() auth: AuthContext): Promise<PlanDto[]> {
    return this.targets.plans(auth.organizationId);
  }

  @Post('plans')
  @RequirePermission(PERMISSIONS.manageTargets)
  @ApiOperation({ summary: 'Create a plan' })
  createPlan(
    @CurrentAuth() auth: AuthContext,
    @Body() body: PlanBody,
  ): Promise<PlanDto> {
    return this.targets.createPlan(auth.organizationId, body);
  }

  @Get('targets')
  @RequirePermission(PERMISSIONS.readTargets)
  @ApiOperation({ summary: "The targets of the organization's plans" })
  list(@CurrentAuth() auth: AuthContext): Promise<TargetDto[]> {
    return this.targets.list(auth.organizationId);
  }

  @Get('targets/progress')
  @RequirePermission(PERMISSIONS.readTargets)
  @ApiOperation({
    summary:
      'Every target against the figures of a fiscal year: trajectory, status, gap, series',
  })
  progress(
    @CurrentAuth() auth: AuthContext,
    @Query() query: ProgressQuery,
  ): Promise<TargetProgressDto[]> {
    return this.targets.progress(auth.organizationId, query.fy);
  }

  @Post('targets')
  @RequirePermission(PERMISSIONS.manageTargets)
  @ApiOperation({ summary: 'Create a target' })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: TargetBody,
  ): Promise<TargetDto> {
    return this.targets.create(auth.organizationId, body);
  }

  @Put('targets/:id')
  @RequirePermission(PERMISSIONS.manageTargets)
  @ApiOperation({ summary: 'Replace a target' })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: TargetBody,
  ): Promise<TargetDto> {
    return this.targets.update(auth.organizationId, id, body);
  }

  @Delete('targets/:id')
  @RequirePermission(PERMISSIONS.manageTargets)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({ summary: 'Delete a target' })
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<void> {
    return this.targets.remove(auth.organizationId, id);
  }
}
