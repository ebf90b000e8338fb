import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  PERMISSIONS,
  type FiscalYearRangeDto,
  type OrgUnitDto,
} from '@ikuboard/shared/contracts';

import {
  CurrentAuth,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import { OrgService } from './org.service';

@ApiTags('organization')
@Controller()
export class OrgController {
  constructor(private readonly org: OrgService) {}

  @Get('org-units')
  @RequirePermission(PERMISSIONS.readOrgStructure)
  @ApiOperation({
    summary: 'The organization unit tree (flat, linked by parentId)',
  })
  units(@CurrentAuth() auth: AuthContext): Promise<OrgUnitDto[]> {
    return this.org.units(auth.organizationId);
  }

  @Get('fiscal-years')
  @RequirePermission(PERMISSIONS.readKpiFigures)
  @ApiOperation({ summary: 'Fiscal years covered by roster data' })
  async fiscalYears(
    @CurrentAuth() auth: AuthContext,
  ): Promise<FiscalYearRangeDto> {
    return { fiscalYears: await this.org.fiscalYears(auth.organizationId) };
  }
}
