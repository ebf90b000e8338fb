import { Module } from '@nestjs/common';

import { KpiModule } from '../kpi/kpi.module';
import { AwardsService } from './awards.service';
import {
  AwardsController,
  LocalFirmsController,
  NudgesController,
  PracticeGoalsController,
  TrainingsController,
} from './ikuboss-programmes.controller';
import { LocalFirmsService } from './local-firms.service';
import { NudgesService } from './nudges.service';
import { PracticeGoalsService } from './practice-goals.service';
import { TrainingsService } from './trainings.service';

/** Ikuboss programmes: nudges, trainings, practice goals, nominations and awards, local firms. */
@Module({
  imports: [KpiModule],
  controllers: [
    NudgesController,
    TrainingsController,
    PracticeGoalsController,
    AwardsController,
    LocalFirmsController,
  ],
  providers: [
    NudgesService,
    TrainingsService,
    PracticeGoalsService,
    AwardsService,
    LocalFirmsService,
  ],
})
export class IkubossProgrammesModule {}
