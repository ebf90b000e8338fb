import { Module } from '@nestjs/common';

import { Reviews360Controller } from './reviews360.controller';
import { Reviews360ReportService } from './reviews360-report.service';
import { Reviews360Service } from './reviews360.service';

@Module({
  controllers: [Reviews360Controller],
  providers: [Reviews360Service, Reviews360ReportService],
})
export class Reviews360Module {}
