import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { DataSource } from 'typeorm';

import { runHousekeeping } from './housekeeping';

/** How often an API process runs the clean-up (and once soon after it starts). */
export const HOUSEKEEPING_INTERVAL_MS = 60 * 60 * 1000;
const FIRST_RUN_DELAY_MS = 30 * 1000;

/**
 * Runs runHousekeeping on a timer that never keeps the process alive. A failure is logged and
 * the next round tries again; nothing a request waits for depends on it.
 */
@Injectable()
export class HousekeepingService
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly logger = new Logger('Housekeeping');
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly dataSource: DataSource) {}

  onApplicationBootstrap(): void {
    this.schedule(FIRST_RUN_DELAY_MS);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    this.timer = setTimeout(() => void this.run(), delay);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    try {
      const done = await runHousekeeping(this.dataSource);
      if (done.expiredSessions > 0 || done.foldedInputChanges > 0)
        this.logger.log(
          `Deleted ${done.expiredSessions} expired session(s); folded ${done.foldedInputChanges} input-change row(s)`,
        );
    } catch (error) {
      this.logger.warn(`Housekeeping failed: ${(error as Error).message}`);
    } finally {
      if (this.timer) this.schedule(HOUSEKEEPING_INTERVAL_MS);
    }
  }
}
