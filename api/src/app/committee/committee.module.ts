import { Module } from '@nestjs/common';

import { KpiModule } from '../kpi/kpi.module';
import { OrgModule } from '../org/org.module';
import { TargetsModule } from '../targets/targets.module';
import { CommitteeController } from './committee.controller';
import { CommitteeService } from './committee.service';

@Module({
  imports: [OrgModule, KpiModule, TargetsModule],
  controllers: [CommitteeController],
  providers: [CommitteeService],
  exports: [CommitteeService],
})
export class CommitteeModule {}
