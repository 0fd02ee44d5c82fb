import path from 'node:path';
import fs from 'node:fs';
import { kubeConfigFor } from './__testUtils__/clientFor';
import {
  deployment,
  eventually,
  startTestCluster,
  statusOf,
  TestCluster,
} from './__testUtils__/testCluster';

jest.setTimeout(30_000);

const crdDirectory = path.resolve(
  __dirname,
  '../../../../../shared/fixtures/crds',
);
const clusterCrd = path.join(crdDirectory, 'cluster.x-k8s.io_clusters.yaml');

describe('subresources, tokens, metrics, namespaces and CRDs', () => {
  let t: TestCluster;

  beforeAll(async () => {
    t = await startTestCluster({
      token: 'static-token',
      crdPaths: fs.existsSync(clusterCrd) ? [clusterCrd] : [],
    });
    await t.apps.createNamespacedDeployment({
      namespace: 'default',
      body: deployment('web', 'nginx:1.27', 2),
    });
    await eventually(
      async () =>
        (
          await t.apps.readNamespacedDeployment({
            name: 'web',
            namespace: 'default',
          })
        ).status?.readyReplicas === 2,
      'web ready',
    );
  });

  afterAll(async () => {
    await t.sim.stop();
  });

  it('reads and writes the scale subresource', async () => {
    const scale = await t.apps.readNamespacedDeploymentScale({
      name: 'web',
      namespace: 'default',
    });
    expect(scale).toMatchObject({
      kind: 'Scale',
      spec: { replicas: 2 },
      status: { replicas: 2, selector: 'app=web' },
    });
    await t.apps.patchNamespacedDeploymentScale(
      { name: 'web', namespace: 'default', body: { spec: { replicas: 3 } } },
      t.k8s.setHeaderOptions('Content-Type', t.k8s.PatchStrategy.MergePatch),
    );
    await eventually(
      async () =>
        (
          await t.apps.readNamespacedDeployment({
            name: 'web',
            namespace: 'default',
          })
        ).status?.readyReplicas === 3,
      'three ready',
    );
  });

  it('changes only status through the status subresource, and never status through the main resource', async () => {
    const current = await t.apps.readNamespacedDeployment({
      name: 'web',
      namespace: 'default',
    });
    await t.apps.replaceNamespacedDeployment({
      name: 'web',
      namespace: 'default',
      body: { ...current, status: { replicas: 99 } },
    });
    expect(
      (
        await t.apps.readNamespacedDeployment({
          name: 'web',
          namespace: 'default',
        })
      ).status?.replicas,
    ).not.toBe(99);
    const cm = await t.core.createNamespacedConfigMap({
      namespace: 'default',
      body: { metadata: { name: 'plain' } },
    });
    expect(cm.metadata?.name).toBe('plain');
  });

  it('serves pod logs, by container and tail', async () => {
    const pods = await t.core.listNamespacedPod({
      namespace: 'default',
      labelSelector: 'app=web',
    });
    const name = pods.items[0].metadata!.name!;
    const log = await t.core.readNamespacedPodLog({
      name,
      namespace: 'default',
      tailLines: 2,
    });
    expect(log.trim().split('\n')).toHaveLength(2);
    expect(log).toContain(`${name} main:`);
    const status = await statusOf(
      t.core.readNamespacedPodLog({
        name,
        namespace: 'default',
        container: 'nope',
      }),
    );
    expect(status).toMatchObject({
      reason: 'BadRequest',
      code: 400,
      message: `container nope is not valid for pod ${name}`,
    });
  });

  it('issues ServiceAccount tokens that the cluster accepts, and refuses requests without one', async () => {
    await t.core.createNamespacedServiceAccount({
      namespace: 'default',
      body: { metadata: { name: 'deployer' } },
    });
    const request = await t.core.createNamespacedServiceAccountToken({
      name: 'deployer',
      namespace: 'default',
      body: { spec: { audiences: [], expirationSeconds: 600 } },
    });
    expect(request.status?.token).toMatch(/^kube-sim\./);
    expect(
      new Date(request.status!.expirationTimestamp!).getTime(),
    ).toBeGreaterThan(Date.now() + 590_000);
    await t.objects.create({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata: { name: 'deployer-view', namespace: 'default' },
      roleRef: {
        apiGroup: 'rbac.authorization.k8s.io',
        kind: 'ClusterRole',
        name: 'view',
      },
      subjects: [{ kind: 'ServiceAccount', name: 'deployer' }],
    } as any);
    const asDeployer = kubeConfigFor(
      t.k8s,
      t.url,
      request.status!.token,
    ).makeApiClient(t.k8s.CoreV1Api);
    expect(
      (await asDeployer.listNamespacedPod({ namespace: 'default' })).items
        .length,
    ).toBeGreaterThan(0);
    const anonymous = kubeConfigFor(t.k8s, t.url, 'wrong').makeApiClient(
      t.k8s.CoreV1Api,
    );
    expect(
      (await statusOf(anonymous.listNamespacedPod({ namespace: 'default' })))
        .httpCode,
    ).toBe(401);
    const response = await fetch(`${t.url}/api/v1/pods`);
    expect(await response.json()).toMatchObject({
      kind: 'Status',
      reason: 'Unauthorized',
      code: 401,
    });
  });

  it('refuses tokens shorter than ten minutes', async () => {
    const status = await statusOf(
      t.core.createNamespacedServiceAccountToken({
        name: 'deployer',
        namespace: 'default',
        body: { spec: { audiences: [], expirationSeconds: 60 } },
      }),
    );
    expect(status).toMatchObject({ reason: 'Invalid', code: 422 });
  });

  it('serves pod and node metrics from metrics.k8s.io', async () => {
    const metrics = new t.k8s.Metrics(t.config);
    const pods = await metrics.getPodMetrics('default');
    expect(pods.items.length).toBeGreaterThanOrEqual(3);
    expect(pods.items[0].containers[0].usage.cpu).toMatch(/^\d+m$/);
    const nodes = await metrics.getNodeMetrics();
    expect(nodes.items.map(n => n.metadata.name)).toEqual([
      'test-node-1',
      'test-node-2',
      'test-node-3',
    ]);
  });

  it('reports simulated nodes with capacity', async () => {
    const nodes = await t.core.listNode();
    expect(nodes.items[0].status?.capacity).toMatchObject({
      cpu: '8',
      memory: '32Gi',
      pods: '110',
    });
    expect(
      nodes.items[0].status?.conditions?.find(c => c.type === 'Ready')?.status,
    ).toBe('True');
  });

  it('finalizes a deleted namespace: Terminating, then gone with everything in it', async () => {
    await t.core.createNamespace({ body: { metadata: { name: 'doomed' } } });
    await eventually(
      async () =>
        (await t.core.readNamespace({ name: 'doomed' })).status?.phase ===
        'Active',
      'Active',
    );
    await t.core.createNamespacedConfigMap({
      namespace: 'doomed',
      body: { metadata: { name: 'inside' } },
    });
    const deleted = await fetch(`${t.url}/api/v1/namespaces/doomed`, {
      method: 'DELETE',
      headers: { Authorization: 'Bearer static-token' },
    });
    expect((await deleted.json()).status.phase).toBe('Terminating');
    await eventually(
      () =>
        t.core.readNamespace({ name: 'doomed' }).then(
          () => false,
          error => error.code === 404,
        ),
      'the namespace gone',
    );
    expect(
      (
        await statusOf(
          t.core.readNamespacedConfigMap({
            name: 'inside',
            namespace: 'doomed',
          }),
        )
      ).code,
    ).toBe(404);
  });

  it('deletes dependents with their owner unless told to orphan them', async () => {
    await t.apps.createNamespacedDeployment({
      namespace: 'default',
      body: deployment('owned', 'nginx:1.27', 1),
    });
    await eventually(
      async () =>
        (
          await t.core.listNamespacedPod({
            namespace: 'default',
            labelSelector: 'app=owned',
          })
        ).items.length === 1,
      'a pod',
    );
    await t.apps.deleteNamespacedDeployment({
      name: 'owned',
      namespace: 'default',
    });
    await eventually(
      async () =>
        (
          await t.core.listNamespacedPod({
            namespace: 'default',
            labelSelector: 'app=owned',
          })
        ).items.length === 0,
      'the pods gone',
    );
    expect(
      (
        await t.apps.listNamespacedReplicaSet({
          namespace: 'default',
          labelSelector: 'app=owned',
        })
      ).items,
    ).toEqual([]);
  });

  (fs.existsSync(clusterCrd) ? describe : describe.skip)(
    'custom resources from CRD files',
    () => {
      const cluster = (spec: Record<string, unknown>) => ({
        apiVersion: 'cluster.x-k8s.io/v1beta2',
        kind: 'Cluster',
        metadata: { name: 'edge', namespace: 'default' },
        spec,
      });

      it('serves the CRD group in discovery and stores valid objects', async () => {
        const groups = await t.config
          .makeApiClient(t.k8s.ApisApi)
          .getAPIVersions();
        expect(groups.groups.map(g => g.name)).toContain('cluster.x-k8s.io');
        const created = await t.objects.create(
          cluster({ clusterNetwork: { apiServerPort: 6443 } }) as any,
        );
        expect(created.metadata?.uid).toBeTruthy();
      });

      it('enforces the CRD schema with 422 Invalid naming the field', async () => {
        const status = await statusOf(
          t.objects.create({
            ...cluster({ clusterNetwork: { apiServerPort: 'six' } }),
            metadata: { name: 'bad', namespace: 'default' },
          } as any),
        );
        expect(status).toMatchObject({
          kind: 'Status',
          reason: 'Invalid',
          code: 422,
        });
        expect(status.details.causes[0].field).toBe(
          'spec.clusterNetwork.apiServerPort',
        );
      });
    },
  );
});
