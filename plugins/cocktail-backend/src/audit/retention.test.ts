import { mockServices } from '@backstage/backend-test-utils';
import { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { createAuditRetentionTask } from './retention';

describe('createAuditRetentionTask', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('schedules a daily task with a ten-minute timeout', async () => {
    const scheduler = mockServices.scheduler.mock();

    await createAuditRetentionTask({
      scheduler,
      store: { deleteOlderThan: jest.fn() },
      logger: mockServices.logger.mock(),
      retentionDays: 90,
    });

    expect(scheduler.scheduleTask).toHaveBeenCalledWith({
      id: 'cocktail-audit-retention',
      frequency: { hours: 24 },
      timeout: { minutes: 10 },
      fn: expect.any(Function),
    });
  });

  it('removes rows older than the retention period when the task runs', async () => {
    const scheduler = mockServices.scheduler.mock();
    const store = { deleteOlderThan: jest.fn().mockResolvedValue(12) };
    const logger = mockServices.logger.mock();
    await createAuditRetentionTask({
      scheduler,
      store,
      logger,
      retentionDays: 30,
    });
    const fn: SchedulerServiceTaskFunction =
      scheduler.scheduleTask.mock.calls[0][0].fn;
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-23T00:00:00Z'));

    await fn(new AbortController().signal);

    expect(store.deleteOlderThan).toHaveBeenCalledWith(
      new Date('2026-10-24T00:00:00.000Z'),
    );
    expect(logger.info).toHaveBeenCalledWith(
      'Removed 12 audit log rows created before 2026-10-24T00:00:00.000Z',
    );
  });

  it('rejects a retention period that is not a positive number of days', async () => {
    await expect(
      createAuditRetentionTask({
        scheduler: mockServices.scheduler.mock(),
        store: { deleteOlderThan: jest.fn() },
        logger: mockServices.logger.mock(),
        retentionDays: 0,
      }),
    ).rejects.toThrow(
      'Audit log retention must be a positive number of days, got 0',
    );
  });
});
