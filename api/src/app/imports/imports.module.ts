import { Module, type BeforeApplicationShutdown } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { memoryStorage } from 'multer';

import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import { ImportRunnerLease } from './import-runner-lease';
import { ImportsController } from './imports.controller';
import { ImportsService } from './imports.service';

@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        storage: memoryStorage(),
        limits: { fileSize: config.maxUploadBytes, files: 1, fields: 10 },
      }),
    }),
  ],
  controllers: [ImportsController],
  providers: [ImportsService, ImportRunnerLease],
})
export class ImportsModule implements BeforeApplicationShutdown {
  constructor(private readonly imports: ImportsService) {}

  /** Before the connection pool closes, so an import in flight commits or rolls back cleanly. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.imports.drain();
  }
}
