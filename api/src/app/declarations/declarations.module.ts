import { Module } from '@nestjs/common';

import { OrgModule } from '../org/org.module';
import { CampaignsService } from './campaigns.service';
import {
  DeclarationsController,
  PublicIkubossController,
} from './declarations.controller';
import { DeclarationsService } from './declarations.service';

@Module({
  imports: [OrgModule],
  controllers: [DeclarationsController, PublicIkubossController],
  providers: [CampaignsService, DeclarationsService],
})
export class DeclarationsModule {}
