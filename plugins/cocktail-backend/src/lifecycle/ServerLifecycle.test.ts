import { KubeSim } from '@cocktailcloud/kube-sim';
import { startSimulatedCluster } from '../__testUtils__/simulatedCluster';
import {
  CocktailServerEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { KubernetesOperations } from './KubernetesOperations';
import { ServerLifecycle } from './ServerLifecycle';
import { ServerTarget } from './ServerTarget';

jest.setTimeout(60_000);

const serviceMap: ServiceMapEntityV1alpha1 = {
  apiVersion: 'cocktailcloud.io/v1alpha1',
  kind: 'ServiceMap',
  metadata: { name: 'shop-prod', namespace: 'default' },
  spec: {
    service: 'shop',
    environment: 'production',
    cluster: 'resource:prod',
    namespace: 'shop',
  },
};

function server(
  spec: Partial<CocktailServerEntityV1alpha1['spec']> = {},
): CocktailServerEntityV1alpha1 {
  return {
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'CocktailServer',
    metadata: { name: 'cart', namespace: 'default' },
    spec: {
      serviceMap: 'shop-prod',
      type: 'Deployment',
      replicas: 2,
      containers: [
        {
          name: 'api',
          image: 'shop/cart:1.0.0',
          ports: [{ name: 'http', containerPort: 8080 }],
        },
      ],
      ports: [{ name: 'http', port: 80, targetPort: 'http' }],
      ...spec,
    },
  };
}

async function eventually<T>(
  read: () => Promise<T | undefined | false>,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const value = await read();
    if (value) {
      return value;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}`);
    }
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

describe('ServerLifecycle against kube-sim', () => {
  let sim: KubeSim;
  let ops: KubernetesOperations;
  const lifecycle = (s = server()) =>
    new ServerLifecycle(ops, {
      entityRef: 'cocktailserver:default/cart',
      server: s,
      serviceMap,
      cluster: 'prod',
      namespace: 'shop',
    } as ServerTarget);

  beforeAll(async () => {
    const started = await startSimulatedCluster({ namespace: 'shop' });
    sim = started.sim;
    const { client: k8s, kubeConfig: config } = started;
    ops = new KubernetesOperations(k8s, config, 'prod', 1_000);
  });

  afterAll(async () => {
    await sim.stop();
  });

  const readDeployment = () =>
    ops.read({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'cart',
    });

  it('previews a first deploy as creations and applies nothing on a dry run', async () => {
    const preview = await lifecycle().deploy({ dryRun: true });
    expect(preview.changes.map(c => `${c.action} ${c.object}`)).toEqual([
      'create Deployment/cart',
      'create Service/cart',
    ]);
    expect(await readDeployment()).toBeUndefined();
  });

  it('deploys, then previews a change as the fields that differ', async () => {
    const result = await lifecycle().deploy({ dryRun: false });
    expect(result.applied).toEqual(['Deployment/cart', 'Service/cart']);
    const preview = await lifecycle(server({ replicas: 3 })).deploy({
      dryRun: true,
    });
    expect(preview.changes).toEqual([
      {
        object: 'Deployment/cart',
        action: 'update',
        changes: [{ path: 'spec.replicas', from: 2, to: 3 }],
      },
      { object: 'Service/cart', action: 'unchanged', changes: [] },
    ]);
  });

  it('prunes what the spec no longer names', async () => {
    const result = await lifecycle(server({ ports: [] })).deploy({
      dryRun: false,
    });
    expect(result.pruned).toEqual(['Service/cart']);
    expect(
      await ops.read({
        apiVersion: 'v1',
        kind: 'Service',
        namespace: 'shop',
        name: 'cart',
      }),
    ).toBeUndefined();
  });

  it('rolls out a new image, restarts, and rolls back to revision 1', async () => {
    await lifecycle().deploy({ dryRun: false });
    await lifecycle().rollingUpdate({ api: 'shop/cart:1.1.0' });
    await eventually(
      async () =>
        (
          await readDeployment()
        )?.metadata?.annotations?.['deployment.kubernetes.io/revision'] === '2',
      'revision 2',
    );
    // What the scan gate checks before a rollback: the images of the revision's ReplicaSet.
    expect(await lifecycle().rollbackImages('1')).toEqual(['shop/cart:1.0.0']);
    expect(await lifecycle().rollbackImages('2')).toEqual(['shop/cart:1.1.0']);
    await lifecycle().rollback('1');
    const rolledBack = await eventually(async () => {
      const d = await readDeployment();
      return d?.metadata?.annotations?.['deployment.kubernetes.io/revision'] ===
        '3'
        ? d
        : undefined;
    }, 'revision 3');
    expect(rolledBack.spec.template.spec.containers[0].image).toBe(
      'shop/cart:1.0.0',
    );
    await lifecycle().restart(new Date('2026-11-23T10:00:00Z'));
    expect(
      (await readDeployment()).spec.template.metadata.annotations[
        'kubectl.kubernetes.io/restartedAt'
      ],
    ).toBe('2026-11-23T10:00:00.000Z');
  });

  it('refuses an unknown container and an unknown revision with what exists', async () => {
    await expect(lifecycle().rollingUpdate({ web: 'x:1' })).rejects.toThrow(
      'images: no container named web in Deployment/cart; its containers are api',
    );
    await expect(lifecycle().rollback('9')).rejects.toThrow(
      /revision 9 of cart not found; known revisions are 2, 3/,
    );
    await expect(lifecycle().rollbackImages('9')).rejects.toThrow(
      /revision 9 of cart not found/,
    );
  });

  it('scales, refuses to scale an autoscaled server, and sets autoscaling', async () => {
    await lifecycle().scale(4);
    expect((await readDeployment()).spec.replicas).toBe(4);
    await lifecycle().autoscale({
      minReplicas: 2,
      maxReplicas: 5,
      targetCPUUtilization: 60,
    });
    await expect(lifecycle().scale(3)).rejects.toThrow(/is autoscaled/);
    await lifecycle().autoscale({ enabled: false });
    await lifecycle().scale(2);
    expect((await readDeployment()).spec.replicas).toBe(2);
  });

  it('suspends to zero replicas and resumes to what it had', async () => {
    await lifecycle().suspend();
    expect((await readDeployment()).spec.replicas).toBe(0);
    await lifecycle().resume();
    const resumed = await readDeployment();
    expect(resumed.spec.replicas).toBe(2);
    expect(
      resumed.metadata.annotations['cocktailcloud.io/replicas-before-suspend'],
    ).toBeUndefined();
  });

  it('reports drift between the catalog spec and the live objects', async () => {
    const drift = await lifecycle().drift();
    expect(drift.objects.find(o => o.object === 'Deployment/cart')).toEqual({
      object: 'Deployment/cart',
      state: 'in-sync',
      changes: [],
    });
    await ops.delete({
      apiVersion: 'v1',
      kind: 'Service',
      namespace: 'shop',
      name: 'cart',
    });
    expect(
      (await lifecycle().drift()).objects.find(
        o => o.object === 'Service/cart',
      ),
    ).toEqual({ object: 'Service/cart', state: 'missing', changes: [] });
    await lifecycle().rollingUpdate({ api: 'shop/cart:hotfix' });
    const drifted = await lifecycle().drift();
    expect(drifted.objects[0].changes).toContainEqual({
      path: 'spec.template.spec.containers[0].image',
      expected: 'shop/cart:1.0.0',
      actual: 'shop/cart:hotfix',
    });
  });

  it('lists what a delete removes, then removes it', async () => {
    const preview = await lifecycle().delete({ dryRun: true });
    expect(preview.objects).toEqual(['Deployment/cart']);
    expect(await readDeployment()).toBeDefined();
    const result = await lifecycle().delete({ dryRun: false });
    expect(result.deleted).toEqual(['Deployment/cart']);
    expect(await readDeployment()).toBeUndefined();
  });

  it('says what was applied when a deploy fails part way', async () => {
    const cluster = sim.cluster('prod');
    const original = cluster.registry.find('', 'v1', 'services')!;
    // The Service is refused by the API server on the real apply.
    cluster.registry.add({
      ...original,
      validate: () => ['spec.ports: refused for this test'],
    });
    try {
      await expect(lifecycle().deploy({ dryRun: false })).rejects.toThrow(
        /applying Service\/cart on cluster prod: .*refused for this test/,
      );
      await expect(lifecycle().deploy({ dryRun: true })).rejects.toThrow(
        /Service\/cart/,
      );
    } finally {
      cluster.registry.add(original);
    }
  });

  it('answers a clear error instead of hanging when the cluster is down', async () => {
    sim.cluster('prod').setFaults({ down: true });
    try {
      await expect(lifecycle().scale(1)).rejects.toThrow(
        'reading Deployment/cart on cluster prod: no answer within 1 s',
      );
    } finally {
      sim.cluster('prod').setFaults({});
    }
  });
});
