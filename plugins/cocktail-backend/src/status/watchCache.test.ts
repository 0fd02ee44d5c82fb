import { mockServices } from '@backstage/backend-test-utils';
import { KubeSim, seedManifestDirectory } from '@cocktailcloud/kube-sim';
import { startSimulatedCluster } from '../__testUtils__/simulatedCluster';
import {
  createResourceClient,
  summarizeServerStatus,
  WatchCache,
} from '@cocktailcloud/plugin-cocktail-node';
import path from 'node:path';

jest.setTimeout(60_000);

const repoRoot = path.resolve(__dirname, '../../../..');

async function eventually<T>(
  read: () => T | undefined | false,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

describe('the watch cache against kube-sim', () => {
  let k8s: typeof import('@kubernetes/client-node');
  let sim: KubeSim;
  let cache: WatchCache;
  let kubeConfig: import('@kubernetes/client-node').KubeConfig;

  beforeAll(async () => {
    const started = await startSimulatedCluster({ historyLimit: 200 });
    ({ sim, client: k8s } = started);
    kubeConfig = started.kubeConfig;
    // Simulated CPU load follows the pods' random names, so the autoscaler would move
    // payments-api off its two replicas at random; no load keeps it at its minimum.
    sim.cluster('prod').load.factor = 0;
    const config = kubeConfig;
    await seedManifestDirectory(
      sim,
      path.join(repoRoot, 'test/fixtures/demo-manifests'),
    );
    cache = new WatchCache({
      logger: mockServices.logger.mock(),
      backoffMs: 50,
      clientFor: async (_cluster, resource) =>
        createResourceClient(k8s, config, resource),
    });
  });

  afterAll(async () => {
    cache.stop();
    await sim.stop();
  });

  const status = () => {
    const { cache: cluster, state } = cache.read('prod');
    return summarizeServerStatus(cluster, state, {
      namespace: 'payments-prod',
      server: 'payments-api',
    });
  };

  it('starts lazily, lists everything and answers a server status from the cache', async () => {
    await cache.waitForSync('prod', 10_000);
    const ready = await eventually(() => {
      const s = status();
      return s.replicas.ready === 2 && s.pods.every(p => p.ready)
        ? s
        : undefined;
    }, 'payments-api ready');
    expect(ready).toMatchObject({
      cluster: 'prod',
      namespace: 'payments-prod',
      server: 'payments-api',
      kind: 'Deployment',
      found: true,
      stale: false,
      rollout: { state: 'complete', revision: '1' },
      images: [
        { container: 'api', image: 'harbor.example.com/payments/api:1.4.2' },
      ],
      autoscaling: { minReplicas: 2, maxReplicas: 10 },
    });
    expect(ready.pods).toHaveLength(2);
    expect(ready.pods[0]).toMatchObject({
      phase: 'Running',
      ready: true,
      restarts: 0,
      revision: '1',
    });
    expect(ready.pods[0].containers[0].imageID).toMatch(
      /@sha256:[0-9a-f]{64}$/,
    );
    expect(ready.events.map(e => e.reason)).toContain('ScalingReplicaSet');
  });

  it('follows changes through the watches', async () => {
    await kubeConfig.makeApiClient(k8s.AppsV1Api).patchNamespacedDeployment(
      {
        name: 'payments-api',
        namespace: 'payments-prod',
        body: {
          spec: {
            template: {
              spec: {
                containers: [
                  {
                    name: 'api',
                    image: 'harbor.example.com/payments/api:1.5.0',
                  },
                ],
              },
            },
          },
        },
      },
      k8s.setHeaderOptions(
        'Content-Type',
        k8s.PatchStrategy.StrategicMergePatch,
      ),
    );
    // The pods' watch may deliver the old pods' deletion a moment after the Deployment's
    // status says complete, as on a real cluster where old pods terminate after the rollout.
    const rolled = await eventually(() => {
      const s = status();
      const allNew = s.pods.every(
        p => p.containers[0].image === 'harbor.example.com/payments/api:1.5.0',
      );
      return s.rollout.state === 'complete' &&
        s.rollout.revision === '2' &&
        allNew
        ? s
        : undefined;
    }, 'the rollout to revision 2 with only new pods');
    expect(rolled.pods.length).toBeGreaterThan(0);
    expect(rolled.revisions.map(r => [r.revision, r.images[0]])).toEqual([
      ['2', 'harbor.example.com/payments/api:1.5.0'],
      ['1', 'harbor.example.com/payments/api:1.4.2'],
    ]);
  });

  it('answers from the cache, marked stale with its age, while the cluster is down, and recovers', async () => {
    const cluster = sim.cluster('prod');
    cluster.setFaults({ down: true });
    const stale = await eventually(() => {
      const s = status();
      return s.stale ? s : undefined;
    }, 'the cache to turn stale');
    expect(stale.found).toBe(true);
    expect(stale.pods).toHaveLength(2);
    await new Promise(resolve => setTimeout(resolve, 1100));
    expect(status().staleForSeconds).toBeGreaterThanOrEqual(1);
    cluster.setFaults({});
    await eventually(() => !status().stale, 'the cache to recover', 20_000);
  });

  it('relists after 410 Gone when its resume point has expired', async () => {
    const cluster = sim.cluster('prod');
    cluster.setFaults({ down: true });
    await eventually(() => status().stale, 'the cache to turn stale');
    // While the watches are down, enough changes happen that their resume points expire.
    const configMaps = cluster.registry.find('', 'v1', 'configmaps')!;
    for (let i = 0; i < 250; i++) {
      cluster.store.create(configMaps, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: `churn-${i}`, namespace: 'payments-prod' },
      });
    }
    const deployments = cluster.registry.find('apps', 'v1', 'deployments')!;
    const live = cluster.store.get(
      deployments,
      'payments-prod',
      'payments-worker',
    )!;
    cluster.store.update(deployments, {
      ...live,
      spec: { ...live.spec, replicas: 4 },
      metadata: { ...live.metadata, resourceVersion: undefined },
    });
    cluster.setFaults({});
    const worker = await eventually(
      () => {
        const { cache: c, state } = cache.read('prod');
        const s = summarizeServerStatus(c, state, {
          namespace: 'payments-prod',
          server: 'payments-worker',
        });
        return !s.stale && s.replicas.desired === 4 ? s : undefined;
      },
      'the relisted worker',
      20_000,
    );
    expect(worker.replicas.desired).toBe(4);
  });
});
