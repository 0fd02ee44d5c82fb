import { NotFoundError } from '@backstage/errors';
import { fakeBackend, retryableContext } from '../../__testUtils__/fakeBackend';
import { createCocktailClusterDeleteAction } from './createCocktailClusterDeleteAction';

describe('cocktail:cluster:delete', () => {
  it('lists what would go in a dry run, deleting nothing', async () => {
    const backend = fakeBackend();
    const action = createCocktailClusterDeleteAction({
      client: backend.client,
    });
    const ctx = {
      ...retryableContext({ name: 'sandbox' }),
      isDryRun: true,
    } as any;
    await action.handler(ctx);
    expect(backend.calls).toEqual([
      {
        method: 'deleteCluster',
        args: [
          'default',
          'sandbox',
          { confirm: 'sandbox', force: false, dryRun: true },
        ],
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('changes', [
      'Delete Cluster/sandbox in default on management cluster dev',
    ]);
  });

  it('deletes once, waits until the Cluster is gone, and deletes nothing again when retried', async () => {
    let reads = 0;
    const backend = fakeBackend({
      clusterStatus: jest.fn(async () => {
        reads += 1;
        if (reads > 1) {
          throw new NotFoundError(
            'no Cluster default/sandbox on management cluster dev',
          );
        }
        return { phase: 'Deleting' };
      }),
    });
    const action = createCocktailClusterDeleteAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    const store = new Map();
    await action.handler(
      retryableContext({ name: 'sandbox', force: true }, store) as any,
    );
    await action.handler(
      retryableContext({ name: 'sandbox', force: true }, store) as any,
    );
    expect(backend.calls.filter(c => c.method === 'deleteCluster')).toEqual([
      {
        method: 'deleteCluster',
        args: [
          'default',
          'sandbox',
          { confirm: 'sandbox', force: true, dryRun: false },
        ],
      },
    ]);
    expect(reads).toBeGreaterThanOrEqual(2);
  });

  it("passes on the backend's refusal with its message", async () => {
    const backend = fakeBackend({
      deleteCluster: jest.fn(async () => {
        throw new Error(
          'sandbox still has 1 ServiceMap bound to it (servicemap:default/payments-sandbox); move or delete them first, or a platform admin can force the deletion',
        );
      }),
    });
    const action = createCocktailClusterDeleteAction({
      client: backend.client,
    });
    await expect(
      action.handler(retryableContext({ name: 'sandbox' }) as any),
    ).rejects.toThrow(/still has 1 ServiceMap bound to it/);
  });
});
