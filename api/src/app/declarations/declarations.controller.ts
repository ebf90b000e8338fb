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
  type IkubossCampaignDetailDto,
  type IkubossCampaignDto,
  type IkubossDeclarationDto,
  type IkubossTemplateDto,
  type PublicIkubossListDto,
} from '@ikuboard/shared/contracts';

import {
  CurrentAuth,
  Public,
  RequirePermission,
  type AuthContext,
} from '../../common/access.decorator';
import { CampaignsService } from './campaigns.service';
import {
  CampaignBody,
  CampaignDetailQuery,
  DeclarationCreateBody,
  DeclarationUpdateBody,
  FiscalYearQuery,
  OptionalFiscalYearQuery,
  RevokeBody,
  SignBody,
  TemplateBody,
} from './declarations.dto';
import { DeclarationsService } from './declarations.service';

@ApiTags('ikuboss declarations')
@Controller('ikuboss')
export class DeclarationsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly declarations: DeclarationsService,
  ) {}

  @Get('templates')
  @RequirePermission(PERMISSIONS.manageIkubossDeclarations)
  @ApiOperation({ summary: 'Pledge templates (e.g. イクボス10か条)' })
  templates(@CurrentAuth() auth: AuthContext): Promise<IkubossTemplateDto[]> {
    return this.campaigns.templates(auth.organizationId);
  }

  @Post('templates')
  @RequirePermission(PERMISSIONS.manageIkubossDeclarations)
  @ApiOperation({ summary: 'Create a pledge template' })
  createTemplate(
    @CurrentAuth() auth: AuthContext,
    @Body() body: TemplateBody,
  ): Promise<IkubossTemplateDto> {
    return this.campaigns.createTemplate(auth.organizationId, body);
  }

  @Put('templates/:id')
  @RequirePermission(PERMISSIONS.manageIkubossDeclarations)
  @ApiOperation({
    summary: 'Edit a template (declarations keep the text they were made with)',
  })
  updateTemplate(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: TemplateBody,
  ): Promise<IkubossTemplateDto> {
    return this.campaigns.updateTemplate(auth.organizationId, id, body);
  }

  @Get('stages')
  @RequirePermission(PERMISSIONS.manageIkubossDeclarations)
  @ApiOperation({ summary: 'Position stages a campaign can require' })
  stages(@CurrentAuth() auth: AuthContext) {
    return this.campaigns.stages(auth.organizationId);
  }

  @Get('campaigns')
  @RequirePermission(PERMISSIONS.readIkubossProgress)
  @ApiOperation({
    summary:
      'Campaigns with completion (a manager sees the managers of their own subtree)',
  })
  listCampaigns(
    @CurrentAuth() auth: AuthContext,
  ): Promise<IkubossCampaignDto[]> {
    return this.campaigns.campaigns(auth);
  }

  @Post('campaigns')
  @RequirePermission(PERMISSIONS.manageIkubossDeclarations)
  @ApiOperation({ summary: 'Create a campaign' })
  createCampaign(
    @CurrentAuth() auth: AuthContext,
    @Body() body: CampaignBody,
  ): Promise<IkubossCampaignDto> {
    return this.campaigns.createCampaign(auth.organizationId, body);
  }

  @Get('campaigns/:id')
  @RequirePermission(PERMISSIONS.readIkubossProgress)
  @ApiOperation({
    summary:
      'Completion per unit and the required managers who have not declared',
  })
  campaign(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Query() query: CampaignDetailQuery,
  ): Promise<IkubossCampaignDetailDto> {
    return this.campaigns.campaign(auth, id, query.unit);
  }

  @Put('campaigns/:id')
  @RequirePermission(PERMISSIONS.manageIkubossDeclarations)
  @ApiOperation({
    summary:
      'Edit a campaign (the fiscal year is fixed once it has declarations)',
  })
  updateCampaign(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: CampaignBody,
  ): Promise<IkubossCampaignDto> {
    return this.campaigns.updateCampaign(auth.organizationId, id, body);
  }

  @Delete('campaigns/:id')
  @RequirePermission(PERMISSIONS.manageIkubossDeclarations)
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiOperation({
    summary: 'Delete a campaign without declarations (else 409)',
  })
  deleteCampaign(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<void> {
    return this.campaigns.deleteCampaign(auth.organizationId, id);
  }

  @Get('declarations/mine')
  @RequirePermission(PERMISSIONS.declareIkuboss)
  @ApiOperation({ summary: "The caller's own declarations" })
  mine(@CurrentAuth() auth: AuthContext): Promise<IkubossDeclarationDto[]> {
    return this.declarations.mine(auth);
  }

  @Get('declarations')
  @RequirePermission(PERMISSIONS.manageIkubossDeclarations)
  @ApiOperation({ summary: 'Every declaration of a fiscal year (HR)' })
  list(
    @CurrentAuth() auth: AuthContext,
    @Query() query: FiscalYearQuery,
  ): Promise<IkubossDeclarationDto[]> {
    return this.declarations.list(auth, query.fy);
  }

  @Post('declarations')
  @RequirePermission(PERMISSIONS.declareIkuboss)
  @ApiOperation({
    summary:
      'Start a declaration (individual, or joint with several declarers)',
  })
  create(
    @CurrentAuth() auth: AuthContext,
    @Body() body: DeclarationCreateBody,
  ): Promise<IkubossDeclarationDto> {
    return this.declarations.create(auth, body);
  }

  @Get('declarations/:id')
  @RequirePermission(PERMISSIONS.declareIkuboss)
  @ApiOperation({ summary: 'One declaration (its declarers and HR)' })
  get(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<IkubossDeclarationDto> {
    return this.declarations.get(auth, id);
  }

  @Put('declarations/:id')
  @RequirePermission(PERMISSIONS.declareIkuboss)
  @ApiOperation({
    summary:
      "Before signing: the caller's actions and the witness; the public-list consent",
  })
  update(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: DeclarationUpdateBody,
  ): Promise<IkubossDeclarationDto> {
    return this.declarations.update(auth, id, body);
  }

  @Post('declarations/:id/sign')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(PERMISSIONS.declareIkuboss)
  @ApiOperation({
    summary:
      'Sign as a declarer; the last signature stores the time and SHA-256 of the text',
  })
  sign(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: SignBody,
  ): Promise<IkubossDeclarationDto> {
    return this.declarations.sign(auth, id, body.confirm);
  }

  @Post('declarations/:id/revoke')
  @HttpCode(HttpStatus.OK)
  @RequirePermission(PERMISSIONS.declareIkuboss)
  @ApiOperation({ summary: 'Revoke a signed declaration with a reason' })
  revoke(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
    @Body() body: RevokeBody,
  ): Promise<IkubossDeclarationDto> {
    return this.declarations.revoke(auth, id, body.reason);
  }

  @Post('declarations/:id/renew')
  @RequirePermission(PERMISSIONS.declareIkuboss)
  @ApiOperation({
    summary: 'A draft for the next fiscal year, pre-filled from this one',
  })
  renew(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<IkubossDeclarationDto> {
    return this.declarations.renew(auth, id);
  }

  @Delete('declarations/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermission(PERMISSIONS.declareIkuboss)
  @ApiOperation({ summary: 'Delete a draft nobody has signed' })
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id') id: string,
  ): Promise<void> {
    return this.declarations.remove(auth, id);
  }
}

@ApiTags('public')
@Controller('public/organizations')
export class PublicIkubossController {
  constructor(private readonly declarations: DeclarationsService) {}

  @Get(':code/ikubosses')
  @Public()
  @ApiOperation({
    summary:
      'Declared managers who opted in to the public list: name, title, unit and fiscal year only',
  })
  ikubosses(
    @Param('code') code: string,
    @Query() query: OptionalFiscalYearQuery,
  ): Promise<PublicIkubossListDto> {
    return this.declarations.publicList(code, query.fy);
  }
}
