import { fakeBackend, retryableContext } from '../../__testUtils__/fakeBackend';
import { createCocktailClusterUpgradeAction } from './createCocktailClusterUpgradeAction';

const input = {
  name: 'demo',
  namespace: 'default',
  version: 'v1.34.0',
  timeoutMinutes: 1,
};

describe('cocktail:cluster:upgrade', () => {
  it('upgrades the control plane, waits for it, then the node pools', async () => {
    const statuses = [
      { phase: 'Provisioned', controlPlane: { version: 'v1.33.1' } },
      { phase: 'Provisioned', controlPlane: { version: 'v1.34.0' } },
    ];
    const backend = fakeBackend({
      clusterStatus: jest.fn(async () => statuses.shift() ?? statuses[0]),
    });
    const action = createCocktailClusterUpgradeAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    const ctx = retryableContext(input);
    await action.handler(ctx as any);
    expect(
      backend.calls
        .filter(c => c.method === 'upgradeCluster')
        .map(c => (c.args[2] as any).stage),
    ).toEqual(['control-plane', 'node-pools']);
    expect(ctx.output).toHaveBeenCalledWith('changes', [
      { object: 'KubeadmControlPlane/demo', to: 'v1.34.0' },
      { object: 'MachineDeployment/demo-workers', to: 'v1.34.0' },
    ]);
  });

  it('changes nothing more when a retried task had already finished each stage', async () => {
    const backend = fakeBackend({
      clusterStatus: jest.fn(async () => ({
        phase: 'Provisioned',
        controlPlane: { version: 'v1.34.0' },
      })),
    });
    const action = createCocktailClusterUpgradeAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    const store = new Map();
    await action.handler(retryableContext(input, store) as any);
    await action.handler(retryableContext(input, store) as any);
    expect(
      backend.calls.filter(c => c.method === 'upgradeCluster'),
    ).toHaveLength(2);
  });

  it('stops after one stage for a ClusterClass cluster, whose topology upgrades everything', async () => {
    const backend = fakeBackend({
      upgradeCluster: jest.fn(async () => ({
        stage: 'topology',
        changes: [{ object: 'Cluster/demo' }],
      })),
    });
    const action = createCocktailClusterUpgradeAction({
      client: backend.client,
      pollIntervalMs: 1,
    });
    const ctx = retryableContext(input);
    await action.handler(ctx as any);
    expect(backend.mocks.upgradeCluster).toHaveBeenCalledTimes(1);
    expect(ctx.output).toHaveBeenCalledWith('changes', [
      { object: 'Cluster/demo' },
    ]);
  });

  it('plans without changing anything in a dry run', async () => {
    const backend = fakeBackend();
    const action = createCocktailClusterUpgradeAction({
      client: backend.client,
    });
    await action.handler({ ...retryableContext(input), isDryRun: true } as any);
    expect(backend.calls).toEqual([
      {
        method: 'upgradeCluster',
        args: [
          'default',
          'demo',
          { version: 'v1.34.0', stage: 'control-plane', dryRun: true },
        ],
      },
    ]);
  });
});
