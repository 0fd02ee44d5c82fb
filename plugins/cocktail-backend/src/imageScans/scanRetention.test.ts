import { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { mockServices } from '@backstage/backend-test-utils';
import { createScanRetentionTask } from './scanRetention';

describe('createScanRetentionTask', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('schedules a daily task', async () => {
    const scheduler = mockServices.scheduler.mock();
    await createScanRetentionTask({
      scheduler,
      store: { deleteOlderThan: jest.fn() },
      logger: mockServices.logger.mock(),
      retentionDays: 90,
    });
    expect(scheduler.scheduleTask).toHaveBeenCalledWith(
      expect.objectContaining({
        id: 'cocktail-image-scan-retention',
        frequency: { hours: 24 },
        fn: expect.any(Function),
      }),
    );
  });

  it('removes the scans taken before the retention period when the task runs', async () => {
    const scheduler = mockServices.scheduler.mock();
    const store = { deleteOlderThan: jest.fn().mockResolvedValue(7) };
    const logger = mockServices.logger.mock();
    await createScanRetentionTask({
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
      'Removed 7 image scans taken before 2026-10-24T00:00:00.000Z (the latest scan of each image is kept)',
    );
  });

  it('rejects a retention period that is not a positive number of days', async () => {
    await expect(
      createScanRetentionTask({
        scheduler: mockServices.scheduler.mock(),
        store: { deleteOlderThan: jest.fn() },
        logger: mockServices.logger.mock(),
        retentionDays: -1,
      }),
    ).rejects.toThrow(
      'Image scan retention must be a positive number of days, got -1',
    );
  });
});
