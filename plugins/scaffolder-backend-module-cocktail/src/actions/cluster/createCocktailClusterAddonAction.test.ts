import { fakeBackend, retryableContext } from '../../__testUtils__/fakeBackend';
import { createCocktailClusterAddonAction } from './createCocktailClusterAddonAction';

describe('cocktail:cluster:addon', () => {
  it('installs an add-on and waits until its release is deployed', async () => {
    let reads = 0;
    const backend = fakeBackend({
      clusterAddons: jest.fn(async () => {
        reads += 1;
        return {
          available: true,
          addons: [
            {
              name: 'ingress-nginx',
              status: reads > 1 ? 'deployed' : 'pending-install',
              ready: reads > 1,
            },
          ],
        };
      }),
    });
    const action = createCocktailClusterAddonAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    const ctx = retryableContext({
      name: 'demo',
      addon: 'ingress-nginx',
      action: 'install',
    }) as any;
    await action.handler(ctx);
    expect(backend.calls[0]).toEqual({
      method: 'changeClusterAddon',
      args: [
        'default',
        'demo',
        { addon: 'ingress-nginx', action: 'install', dryRun: false },
      ],
    });
    expect(ctx.output).toHaveBeenCalledWith('status', 'deployed');
    expect(reads).toBe(2);
  });

  it('only asks for a dry run in a dry run', async () => {
    const backend = fakeBackend();
    const action = createCocktailClusterAddonAction({ client: backend.client });
    const ctx = {
      ...retryableContext({ name: 'demo', addon: 'calico', action: 'remove' }),
      isDryRun: true,
    } as any;
    await action.handler(ctx);
    expect(backend.calls).toEqual([
      {
        method: 'changeClusterAddon',
        args: [
          'default',
          'demo',
          { addon: 'calico', action: 'remove', dryRun: true },
        ],
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('status', 'DryRun');
  });
});
