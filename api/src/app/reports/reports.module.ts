import { Module } from '@nestjs/common';

import { CommitteeModule } from '../committee/committee.module';
import { KpiModule } from '../kpi/kpi.module';
import { OrgModule } from '../org/org.module';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';

@Module({
  imports: [CommitteeModule, KpiModule, OrgModule],
  controllers: [ReportsController],
  providers: [ReportsService],
  exports: [ReportsService],
})
export class ReportsModule {}
