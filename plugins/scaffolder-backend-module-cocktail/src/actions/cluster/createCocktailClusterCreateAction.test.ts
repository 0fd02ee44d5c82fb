import { createMockActionContext } from '@backstage/plugin-scaffolder-node-test-utils';
import { fakeBackend, retryableContext } from '../../__testUtils__/fakeBackend';
import { createCocktailClusterCreateAction } from './createCocktailClusterCreateAction';

const input = {
  name: 'demo',
  provider: 'aws',
  region: 'eu-west-1',
  nodePools: [{ name: 'workers', replicas: 3, minReplicas: 2, maxReplicas: 6 }],
  waitForProvisioned: false,
  timeoutMinutes: 30,
};

describe('cocktail:cluster:create', () => {
  it('outputs the rendered manifests in a dry run and applies nothing', async () => {
    const backend = fakeBackend();
    const action = createCocktailClusterCreateAction({
      client: backend.client,
    });
    const ctx = createMockActionContext({ input: input as any });
    await action.handler({ ...ctx, isDryRun: true } as any);
    expect(backend.calls).toEqual([
      {
        method: 'createCluster',
        args: [
          {
            request: {
              name: 'demo',
              provider: 'aws',
              region: 'eu-west-1',
              nodePools: [
                {
                  name: 'workers',
                  replicas: 3,
                  autoscaling: { minReplicas: 2, maxReplicas: 6 },
                },
              ],
            },
            dryRun: true,
            owner: undefined,
          },
        ],
      },
    ]);
    expect(ctx.output).toHaveBeenCalledWith('manifests', [
      expect.objectContaining({ kind: 'Cluster' }),
    ]);
    expect(ctx.output).toHaveBeenCalledWith('phase', 'DryRun');
  });

  it('applies once even when the task is retried', async () => {
    const backend = fakeBackend();
    const action = createCocktailClusterCreateAction({
      client: backend.client,
    });
    const store = new Map();
    await action.handler(retryableContext(input, store) as any);
    await action.handler(retryableContext(input, store) as any);
    expect(
      backend.calls.filter(c => c.method === 'createCluster'),
    ).toHaveLength(1);
  });

  it('waits until the cluster is provisioned, logging each phase', async () => {
    const phases = ['Pending', 'Provisioning', 'Provisioned'];
    const backend = fakeBackend({
      clusterStatus: jest.fn(async () => ({
        phase: phases.shift() ?? 'Provisioned',
        kubeconfigSecret: phases.length === 0,
        conditions: [],
      })),
    });
    const action = createCocktailClusterCreateAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    const ctx = retryableContext({ ...input, waitForProvisioned: true });
    const info = jest.spyOn(ctx.logger, 'info');
    await action.handler(ctx as any);
    expect(info.mock.calls.map(c => c[0])).toEqual(
      expect.arrayContaining([
        'Cluster demo: Pending',
        'Cluster demo: Provisioning',
        'Cluster demo: Provisioned',
      ]),
    );
    expect(ctx.output).toHaveBeenCalledWith('phase', 'Provisioned');
    expect(ctx.output).toHaveBeenCalledWith(
      'entityRef',
      'resource:default/demo',
    );
  });

  it('says what state is left when provisioning does not finish in time', async () => {
    const backend = fakeBackend({
      clusterStatus: jest.fn(async () => ({
        phase: 'Provisioning',
        kubeconfigSecret: false,
        conditions: [],
      })),
    });
    const action = createCocktailClusterCreateAction({
      client: backend.client,
      pollIntervalMs: 5,
    });
    await expect(
      action.handler(
        retryableContext({
          ...input,
          waitForProvisioned: true,
          timeoutMinutes: 0.0001,
        }) as any,
      ),
    ).rejects.toThrow(
      'cluster demo did not become Provisioned within 0.0001 min (last phase Provisioning); its Cluster API objects stay on the management cluster',
    );
  });

  it("passes on the backend's validation and policy messages as they are", async () => {
    const backend = fakeBackend({
      createCluster: jest.fn(async () => {
        throw new Error(
          'the cluster policy refused the request: Only aws, azure and docker clusters may be created (rule allowed-providers)',
        );
      }),
    });
    const action = createCocktailClusterCreateAction({
      client: backend.client,
    });
    await expect(
      action.handler(retryableContext({ ...input, provider: 'gcp' }) as any),
    ).rejects.toThrow(/rule allowed-providers/);
  });
});
