import { Module } from '@nestjs/common';

import { KpiModule } from '../kpi/kpi.module';
import { OrgModule } from '../org/org.module';
import { TargetsController } from './targets.controller';
import { TargetsService } from './targets.service';

@Module({
  imports: [OrgModule, KpiModule],
  controllers: [TargetsController],
  providers: [TargetsService],
  exports: [TargetsService],
})
export class TargetsModule {}
