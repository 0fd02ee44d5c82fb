import {
  AuditorService,
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import { AuditStore } from './types';

/**
 * Schedules a task that checkpoints the chain's head at start and every
 * `frequencyMinutes`, and sends each checkpoint out of the database: to the
 * auditor service and the log. Verification compares the log with the
 * stored checkpoints; the copies outside are what a person compares them with.
 */
export async function createAuditCheckpointTask(options: {
  scheduler: SchedulerService;
  store: Pick<AuditStore, 'takeCheckpoint'>;
  logger: LoggerService;
  auditor: AuditorService;
  frequencyMinutes: number;
}): Promise<void> {
  const { scheduler, store, logger, auditor, frequencyMinutes } = options;
  if (!Number.isFinite(frequencyMinutes) || frequencyMinutes <= 0) {
    throw new Error(
      `Audit checkpoints must be taken every positive number of minutes, got ${frequencyMinutes}`,
    );
  }
  await scheduler.scheduleTask({
    id: 'cocktail-audit-checkpoint',
    frequency: { minutes: frequencyMinutes },
    timeout: { minutes: 5 },
    fn: async () => {
      const checkpoint = await store.takeCheckpoint();
      if (!checkpoint) {
        logger.info('Audit checkpoint not taken: no rows since the last one');
        return;
      }
      const event = await auditor.createEvent({
        eventId: 'audit-checkpoint',
        severityLevel: 'low',
        meta: { ...checkpoint },
      });
      await event.success();
      logger.info(
        `Audit checkpoint ${checkpoint.id}: ${checkpoint.rowCount} rows, head row ${checkpoint.headRowId} with hash ${checkpoint.headHash}, checkpoint hash ${checkpoint.hash}`,
        { ...checkpoint },
      );
    },
  });
}
