import { LoggerService, SchedulerService } from '@backstage/backend-plugin-api';
import { AuditStore } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Schedules a daily task that removes audit rows older than `retentionDays`.
 */
export async function createAuditRetentionTask(options: {
  scheduler: SchedulerService;
  store: Pick<AuditStore, 'deleteOlderThan'>;
  logger: LoggerService;
  retentionDays: number;
}): Promise<void> {
  const { scheduler, store, logger, retentionDays } = options;
  if (!Number.isFinite(retentionDays) || retentionDays <= 0) {
    throw new Error(
      `Audit log retention must be a positive number of days, got ${retentionDays}`,
    );
  }
  await scheduler.scheduleTask({
    id: 'cocktail-audit-retention',
    frequency: { hours: 24 },
    timeout: { minutes: 10 },
    fn: async () => {
      const cutoff = new Date(Date.now() - retentionDays * DAY_MS);
      const deleted = await store.deleteOlderThan(cutoff);
      logger.info(
        `Removed ${deleted} audit log rows created before ${cutoff.toISOString()}`,
      );
    },
  });
}
