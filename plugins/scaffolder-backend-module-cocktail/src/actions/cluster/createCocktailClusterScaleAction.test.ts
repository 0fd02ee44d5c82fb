import { fakeBackend, retryableContext } from '../../__testUtils__/fakeBackend';
import { createCocktailClusterScaleAction } from './createCocktailClusterScaleAction';

describe('cocktail:cluster:scale', () => {
  it('scales a node pool', async () => {
    const backend = fakeBackend();
    const action = createCocktailClusterScaleAction({ client: backend.client });
    await action.handler(
      retryableContext({
        name: 'demo',
        namespace: 'default',
        nodePool: 'workers',
        replicas: 5,
      }) as any,
    );
    expect(backend.calls).toEqual([
      {
        method: 'scaleCluster',
        args: [
          'default',
          'demo',
          { nodePool: 'workers', replicas: 5, dryRun: false },
        ],
      },
    ]);
  });

  it('adds a node pool with its autoscaling bounds', async () => {
    const backend = fakeBackend();
    const action = createCocktailClusterScaleAction({ client: backend.client });
    await action.handler({
      ...retryableContext({
        name: 'demo',
        namespace: 'default',
        addNodePool: { name: 'gpu', replicas: 1, maxReplicas: 4 },
      }),
      isDryRun: true,
    } as any);
    expect(backend.calls[0].args[2]).toEqual({
      addNodePool: {
        name: 'gpu',
        replicas: 1,
        maxReplicas: 4,
        autoscaling: { minReplicas: 1, maxReplicas: 4 },
      },
      dryRun: true,
    });
  });

  it('says which inputs are missing', async () => {
    const action = createCocktailClusterScaleAction({
      client: fakeBackend().client,
    });
    await expect(
      action.handler(
        retryableContext({
          name: 'demo',
          namespace: 'default',
          nodePool: 'workers',
        }) as any,
      ),
    ).rejects.toThrow(
      'nodePool and replicas: give both to scale a pool, or addNodePool to add one',
    );
  });
});
