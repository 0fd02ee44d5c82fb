import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { createAuditCheckpointTask } from './checkpointTask';
import { AuditCheckpoint } from './types';

const checkpoint: AuditCheckpoint = {
  id: '7',
  createdAt: '2026-11-24T10:00:00.000Z',
  rowCount: 120,
  headRowId: '130',
  headHash: 'a'.repeat(64),
  keyId: '0123456789abcdef',
  previousHash: 'b'.repeat(64),
  hash: 'c'.repeat(64),
};

async function scheduledTask(takeCheckpoint: jest.Mock) {
  const scheduler = mockServices.scheduler.mock();
  const logger = mockServices.logger.mock();
  const success = jest.fn();
  const auditor = mockServices.auditor.mock({
    createEvent: jest.fn(async () => ({ success, fail: jest.fn() })),
  });
  await createAuditCheckpointTask({
    scheduler,
    store: { takeCheckpoint },
    logger,
    auditor,
    frequencyMinutes: 10,
  });
  const fn: SchedulerServiceTaskFunction =
    scheduler.scheduleTask.mock.calls[0][0].fn;
  return { scheduler, logger, auditor, success, fn };
}

describe('createAuditCheckpointTask', () => {
  it('schedules a task every ten minutes', async () => {
    const { scheduler } = await scheduledTask(jest.fn());

    expect(scheduler.scheduleTask).toHaveBeenCalledWith({
      id: 'cocktail-audit-checkpoint',
      frequency: { minutes: 10 },
      timeout: { minutes: 5 },
      fn: expect.any(Function),
    });
  });

  it('sends each checkpoint to the auditor service and the log', async () => {
    const { fn, auditor, success, logger } = await scheduledTask(
      jest.fn().mockResolvedValue(checkpoint),
    );

    await fn(new AbortController().signal);

    expect(auditor.createEvent).toHaveBeenCalledWith({
      eventId: 'audit-checkpoint',
      severityLevel: 'low',
      meta: checkpoint,
    });
    expect(success).toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(
      `Audit checkpoint 7: 120 rows, head row 130 with hash ${'a'.repeat(
        64,
      )}, checkpoint hash ${'c'.repeat(64)}`,
      checkpoint,
    );
  });

  it('sends nothing out when no checkpoint was taken, and logs that it ran', async () => {
    const { fn, auditor, logger } = await scheduledTask(
      jest.fn().mockResolvedValue(undefined),
    );

    await fn(new AbortController().signal);

    expect(auditor.createEvent).not.toHaveBeenCalled();
    expect(logger.info).toHaveBeenCalledWith(
      'Audit checkpoint not taken: no rows since the last one',
    );
  });

  it('rejects a frequency that is not a positive number of minutes', async () => {
    await expect(
      createAuditCheckpointTask({
        scheduler: mockServices.scheduler.mock(),
        store: { takeCheckpoint: jest.fn() },
        logger: mockServices.logger.mock(),
        auditor: mockServices.auditor.mock(),
        frequencyMinutes: -1,
      }),
    ).rejects.toThrow(
      'Audit checkpoints must be taken every positive number of minutes, got -1',
    );
  });
});
