import { type DynamicModule, Global, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';

import { AccessGuard } from '../common/access.guard';
import { ApiExceptionFilter } from '../common/api-exception.filter';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { dataSourceOptions } from '../database/data-source-options';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { DeclarationsModule } from './declarations/declarations.module';
import { FiguresModule } from './figures/figures.module';
import { HealthController } from './health.controller';
import { IkubossProgrammesModule } from './ikuboss-programmes/ikuboss-programmes.module';
import { ImportsModule } from './imports/imports.module';
import { KpiModule } from './kpi/kpi.module';
import { OrgModule } from './org/org.module';
import { Reviews360Module } from './reviews360/reviews360.module';
import { TargetsModule } from './targets/targets.module';
import { CommitteeModule } from './committee/committee.module';
import { PublicModule } from './public/public.module';
import { ReportsModule } from './reports/reports.module';
import { AccountsModule } from './accounts/accounts.module';
import { HousekeepingModule } from './housekeeping/housekeeping.module';

@Global()
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, databaseUrl: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(
          dataSourceOptions(databaseUrl, {
            max: config.dbPoolMax,
            waitMs: config.dbPoolWaitMs,
          }),
        ),
        AuthModule,
        OrgModule,
        KpiModule,
        TargetsModule,
        ImportsModule,
        FiguresModule,
        DeclarationsModule,
        IkubossProgrammesModule,
        CommitteeModule,
        ReportsModule,
        PublicModule,
        AuditModule,
        Reviews360Module,
        AccountsModule,
        HousekeepingModule,
      ],
      controllers: [HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
      exports: [APP_CONFIG],
    };
  }
}
