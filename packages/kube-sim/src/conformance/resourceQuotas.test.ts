import {
  deployment,
  eventually,
  startTestCluster,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

describe('ResourceQuotas: the simulated cluster counts what a namespace uses', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster();
    await t.core.createNamespace({ body: { metadata: { name: 'quota' } } });
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  const usedWhen = (name: string, expected: Record<string, string>) =>
    eventually(async () => {
      const quota = await t.core.readNamespacedResourceQuota({
        name,
        namespace: 'quota',
      });
      return JSON.stringify(quota.status?.used) === JSON.stringify(expected)
        ? quota
        : undefined;
    }, `${name} to report ${JSON.stringify(expected)}`);

  it('reports hard from the spec and used from the pods and claims, and follows changes', async () => {
    await t.core.createNamespacedResourceQuota({
      namespace: 'quota',
      body: {
        metadata: { name: 'limits' },
        spec: {
          hard: {
            pods: '10',
            'requests.cpu': '4',
            'requests.memory': '8Gi',
            'limits.memory': '16Gi',
            'requests.storage': '100Gi',
            persistentvolumeclaims: '5',
            'count/deployments.apps': '3',
          },
        },
      },
    });
    const empty = await usedWhen('limits', {
      pods: '0',
      'requests.cpu': '0',
      'requests.memory': '0',
      'limits.memory': '0',
      'requests.storage': '0',
      persistentvolumeclaims: '0',
      'count/deployments.apps': '0',
    });
    expect(empty.status?.hard).toEqual(empty.spec?.hard);

    const web = deployment('web', 'nginx:1.27', 3);
    web.metadata!.namespace = 'quota';
    web.spec!.template.spec!.containers[0].resources = {
      requests: { cpu: '500m', memory: '256Mi' },
      limits: { memory: '512Mi' },
    };
    await t.apps.createNamespacedDeployment({ namespace: 'quota', body: web });
    await t.core.createNamespacedPersistentVolumeClaim({
      namespace: 'quota',
      body: {
        metadata: { name: 'data' },
        spec: {
          accessModes: ['ReadWriteOnce'],
          resources: { requests: { storage: '20Gi' } },
        },
      },
    });
    await usedWhen('limits', {
      pods: '3',
      'requests.cpu': '1500m',
      'requests.memory': '768Mi',
      'limits.memory': '1536Mi',
      'requests.storage': '20Gi',
      persistentvolumeclaims: '1',
      'count/deployments.apps': '1',
    });

    await t.apps.deleteNamespacedDeployment({
      name: 'web',
      namespace: 'quota',
    });
    await t.core.deleteNamespacedPersistentVolumeClaim({
      name: 'data',
      namespace: 'quota',
    });
    await usedWhen('limits', {
      pods: '0',
      'requests.cpu': '0',
      'requests.memory': '0',
      'limits.memory': '0',
      'requests.storage': '0',
      persistentvolumeclaims: '0',
      'count/deployments.apps': '0',
    });
  });

  it('keeps status.hard in step when the spec changes', async () => {
    await t.core.createNamespacedResourceQuota({
      namespace: 'quota',
      body: { metadata: { name: 'pods-only' }, spec: { hard: { pods: '5' } } },
    });
    await usedWhen('pods-only', { pods: '0' });
    await t.core.replaceNamespacedResourceQuota({
      name: 'pods-only',
      namespace: 'quota',
      body: {
        metadata: { name: 'pods-only' },
        spec: { hard: { pods: '7', cpu: '2' } },
      },
    });
    const changed = await usedWhen('pods-only', { pods: '0', cpu: '0' });
    expect(changed.status?.hard).toEqual({ pods: '7', cpu: '2' });
  });
});
