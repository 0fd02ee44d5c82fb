import { fakeBackend, retryableContext } from '../../__testUtils__/fakeBackend';
import { createCocktailBackupCreateAction } from './createCocktailBackupCreateAction';

describe('cocktail:backup:create', () => {
  it("backs up a ServiceMap's namespace and waits until the backup completes", async () => {
    const backend = fakeBackend();
    const action = createCocktailBackupCreateAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    const ctx = retryableContext({
      serviceMap: 'servicemap:default/payments-dev',
      ttl: '168h',
    }) as any;
    await action.handler(ctx);
    expect(backend.calls[0]).toEqual({
      method: 'createBackup',
      args: [
        { serviceMap: { namespace: 'default', name: 'payments-dev' } },
        { ttl: '168h', dryRun: false },
      ],
    });
    expect(ctx.output).toHaveBeenCalledWith('phase', 'Completed');
    expect(ctx.output).toHaveBeenCalledWith(
      'name',
      'payments-dev-20261206-231500',
    );
  });

  it('schedules backups of a whole cluster without waiting', async () => {
    const backend = fakeBackend();
    const action = createCocktailBackupCreateAction({ client: backend.client });
    const ctx = retryableContext({
      cluster: 'dev',
      schedule: '0 3 * * *',
      name: 'dev-nightly',
    }) as any;
    await action.handler(ctx);
    expect(backend.calls).toEqual([
      {
        method: 'createBackup',
        args: [
          { cluster: 'dev' },
          { name: 'dev-nightly', schedule: '0 3 * * *', dryRun: false },
        ],
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('phase', 'Scheduled');
  });

  it('fails with the phase and why when the backup does not complete', async () => {
    const backend = fakeBackend({
      backups: jest.fn(async () => ({
        available: true,
        backups: [
          {
            name: 'payments-dev-20261206-231500',
            phase: 'FailedValidation',
            namespaces: ['payments-dev'],
            validationErrors: ['the storage location default does not exist'],
          },
        ],
      })),
    });
    const action = createCocktailBackupCreateAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    await expect(
      action.handler(retryableContext({ serviceMap: 'payments-dev' }) as any),
    ).rejects.toThrow(
      'backup payments-dev-20261206-231500 ended FailedValidation: the storage location default does not exist',
    );
  });

  it('wants exactly one of serviceMap and cluster', async () => {
    const action = createCocktailBackupCreateAction({
      client: fakeBackend().client,
    });
    await expect(action.handler(retryableContext({}) as any)).rejects.toThrow(
      'serviceMap or cluster: give one of them, the ServiceMap to back up or the cluster to back up whole',
    );
  });
});
