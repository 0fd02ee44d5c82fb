import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { ScanStore } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Schedules a daily task that removes scans taken more than `retentionDays` ago, keeping the
 * latest scan of every image however old: the deploy gate and the Image scans tab read it.
 */
export async function createScanRetentionTask(options: {
  scheduler: SchedulerService;
  store: Pick<ScanStore, 'deleteOlderThan'>;
  logger: LoggerService;
  retentionDays: number;
}): Promise<void> {
  const { scheduler, store, logger, retentionDays } = options;
  if (!Number.isFinite(retentionDays) || retentionDays <= 0) {
    throw new Error(
      `Image scan retention must be a positive number of days, got ${retentionDays}`,
    );
  }
  await scheduler.scheduleTask({
    id: 'cocktail-image-scan-retention',
    frequency: { hours: 24 },
    timeout: { minutes: 30 },
    initialDelay: { minutes: 1 },
    fn: async () => {
      const cutoff = new Date(Date.now() - retentionDays * DAY_MS);
      const deleted = await store.deleteOlderThan(cutoff);
      logger.info(
        `Removed ${deleted} image scans taken before ${cutoff.toISOString()} (the latest scan of each image is kept)`,
      );
    },
  });
}
