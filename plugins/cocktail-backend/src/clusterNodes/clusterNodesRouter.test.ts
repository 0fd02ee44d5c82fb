import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeSim } from '@cocktailcloud/kube-sim';
import {
  ClusterPolicy,
  ClusterPolicyPerson,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import request from 'supertest';
import { createTestAuditStore } from '../audit/__testUtils__/createTestAuditStore';
import { DatabaseAuditStore } from '../audit';
import { createAuthorize } from '../service/authorize';
import { clusterNodesRouter } from './clusterNodesRouter';

jest.setTimeout(60_000);

const alice: ClusterPolicyPerson = {
  ref: 'user:default/alice',
  groups: ['user:default/alice'],
  platformAdmin: false,
};

describe('cordon and drain through the eviction API, against a simulated cluster', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sim: KubeSim;
  let app: express.Express;
  let audit: DatabaseAuditStore;
  let core: k8s.CoreV1Api;
  let apps: k8s.AppsV1Api;
  let objects: k8s.KubernetesObjectApi;
  const authorize = jest.fn();
  let person: ClusterPolicyPerson = { ...alice, platformAdmin: true };

  beforeAll(async () => {
    const client: typeof k8s = await import('@kubernetes/client-node');
    sim = await KubeSim.start({
      clusters: ['dev'],
      cluster: { controllers: { podReadyDelayMs: 20, syncPeriodMs: 100 } },
    });
    const config = new client.KubeConfig();
    config.loadFromOptions({
      clusters: [
        { name: 'dev', server: sim.cluster('dev').url, skipTLSVerify: true },
      ],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name: 'dev', cluster: 'dev', user: 'u' }],
      currentContext: 'dev',
    });
    core = config.makeApiClient(client.CoreV1Api);
    apps = config.makeApiClient(client.AppsV1Api);
    objects = client.KubernetesObjectApi.makeApiClient(config);
    audit = (await createTestAuditStore(databases, 'SQLITE_3')).store;
    const policy = await ClusterPolicy.fromConfig(
      mockServices.rootConfig({
        data: {
          cocktail: {
            clusterApi: {
              policies: [
                {
                  name: 'production-drains',
                  message: 'only platform admins drain production nodes',
                  expression:
                    "operation != 'drain-node' || request.labels['environment'] != 'production' || person.platformAdmin",
                  appliesTo: ['node'],
                },
              ],
            },
          },
        },
      }),
    );
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    });
    app = express()
      .use(express.json())
      .use(
        clusterNodesRouter({
          httpAuth: mockServices.httpAuth(),
          auth: mockServices.auth(),
          auditor: mockServices.auditor.mock(),
          audit,
          authorize: createAuthorize(
            mockServices.permissions.mock({ authorize }),
          ),
          clusters: {
            listClusters: async () => [
              { name: 'dev', entityRef: 'resource:default/dev' } as any,
            ],
            kubeConfigFor: async () => config,
          },
          catalog: {
            getEntityByRef: async () => ({
              metadata: { name: 'dev', labels: { environment: 'production' } },
            }),
            getEntities: async () => ({ items: [] }),
          },
          loadClient: async () => client,
          personOf: async () => person,
          clusterPolicy: policy,
          drainRetryIntervalMs: 50,
        }),
      )
      .use(middleware.error());
    await apps.createNamespacedDeployment({
      namespace: 'default',
      body: {
        metadata: { name: 'web', labels: { app: 'web' } },
        spec: {
          replicas: 3,
          selector: { matchLabels: { app: 'web' } },
          template: {
            metadata: { labels: { app: 'web' } },
            spec: { containers: [{ name: 'web', image: 'nginx:1.27' }] },
          },
        },
      },
    });
    await until(
      async () =>
        (await webPods()).filter(p => p.status?.phase === 'Running').length ===
        3,
      'web to run',
    );
  });

  beforeEach(() => {
    person = { ...alice, platformAdmin: true };
    authorize.mockReset();
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    );
  });

  afterAll(async () => {
    await sim.stop();
  });

  async function until(check: () => Promise<boolean>, what: string) {
    const deadline = Date.now() + 15_000;
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }

  async function webPods() {
    return (
      await core.listNamespacedPod({
        namespace: 'default',
        labelSelector: 'app=web',
      })
    ).items;
  }
  const nodeOf = async () => (await webPods())[0].spec!.nodeName!;

  it('lists the pods of a node, and cordons it after a dry run that changes nothing', async () => {
    const node = await nodeOf();
    const pods = await request(app).get(`/clusters/dev/nodes/${node}/pods`);
    expect(pods.body).toMatchObject({ node, unschedulable: false });
    expect(pods.body.pods).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          namespace: 'default',
          ownerKind: 'ReplicaSet',
        }),
      ]),
    );
    const dry = await request(app)
      .post(`/clusters/dev/nodes/${node}/cordon`)
      .send({ dryRun: true });
    expect(dry.body.result.changes).toEqual([
      `Cordon node ${node} (spec.unschedulable: true): no new pods are scheduled on it; its pods keep running`,
    ]);
    expect(
      (await core.readNode({ name: node })).spec?.unschedulable,
    ).toBeFalsy();
    const done = await request(app)
      .post(`/clusters/dev/nodes/${node}/cordon`)
      .send({});
    expect(done.status).toBe(200);
    expect((await core.readNode({ name: node })).spec?.unschedulable).toBe(
      true,
    );
    await request(app).post(`/clusters/dev/nodes/${node}/uncordon`).send({});
    expect(
      (await core.readNode({ name: node })).spec?.unschedulable,
    ).toBeFalsy();
    expect(
      (await audit.query({ action: 'cluster.node.cordon' })).items[0],
    ).toMatchObject({
      entityRef: 'resource:default/dev',
      cluster: 'dev',
      outcome: 'succeeded',
    });
  });

  it('stops at a PodDisruptionBudget that allows no disruption, leaving the node cordoned and saying why', async () => {
    await objects.create({
      apiVersion: 'policy/v1',
      kind: 'PodDisruptionBudget',
      metadata: { name: 'web', namespace: 'default' },
      spec: { minAvailable: 3, selector: { matchLabels: { app: 'web' } } },
    } as any);
    const node = await nodeOf();
    const drained = await request(app)
      .post(`/clusters/dev/nodes/${node}/drain`)
      .send({ timeoutSeconds: 1 });
    expect(drained.status).toBe(200);
    const result = drained.body.result;
    expect(result.evicted).toEqual([]);
    expect(result.blocked[0].reason).toMatch(
      /Cannot evict pod as it would violate the pod's disruption budget\. The disruption budget web needs 3 healthy pods and has 3 currently/,
    );
    expect(result.warnings[0]).toMatch(
      new RegExp(
        `^The drain stopped with \\d pods? still on ${node}; the node stays cordoned`,
      ),
    );
    expect((await core.readNode({ name: node })).spec?.unschedulable).toBe(
      true,
    );
    await request(app).post(`/clusters/dev/nodes/${node}/uncordon`).send({});
  });

  it('drains a node: its pods move to the other nodes, one disruption at a time', async () => {
    await objects.patch(
      {
        apiVersion: 'policy/v1',
        kind: 'PodDisruptionBudget',
        metadata: { name: 'web', namespace: 'default' },
        spec: { minAvailable: 2 },
      } as any,
      undefined,
      undefined,
      undefined,
      undefined,
      'application/merge-patch+json' as any,
    );
    const node = await nodeOf();
    const before = (await webPods())
      .filter(p => p.spec?.nodeName === node)
      .map(p => p.metadata!.name);
    const drained = await request(app)
      .post(`/clusters/dev/nodes/${node}/drain`)
      .send({ timeoutSeconds: 30 });
    expect(drained.status).toBe(200);
    expect(drained.body.result.blocked).toEqual([]);
    expect(drained.body.result.evicted).toEqual(
      expect.arrayContaining(before.map(name => `default/${name}`)),
    );
    await until(async () => {
      const pods = await webPods();
      return (
        pods.length === 3 &&
        pods.every(
          p => p.status?.phase === 'Running' && p.spec?.nodeName !== node,
        )
      );
    }, 'web to run on the other nodes');
    expect(
      (await audit.query({ action: 'cluster.node.drain' })).items[0],
    ).toMatchObject({ outcome: 'succeeded' });
  });

  it('refuses to drain a node with a pod no controller recreates, unless forced', async () => {
    const node = (await core.listNode()).items[0].metadata!.name!;
    await core.createNamespacedPod({
      namespace: 'default',
      body: {
        metadata: { name: 'lonely' },
        spec: { nodeName: node, containers: [{ name: 'c', image: 'busybox' }] },
      },
    });
    const refused = await request(app)
      .post(`/clusters/dev/nodes/${node}/drain`)
      .send({ dryRun: true });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      'force: default/lonely has no controller, so nothing recreates it elsewhere; drain with force to evict it anyway',
    );
    const forced = await request(app)
      .post(`/clusters/dev/nodes/${node}/drain`)
      .send({ dryRun: true, force: true });
    expect(forced.body.result.warnings).toEqual([
      'default/lonely has no controller: it is evicted and not recreated',
    ]);
  });

  it('refuses a drain the cluster policy forbids for this person, with the rule', async () => {
    person = alice;
    const node = await nodeOf();
    const refused = await request(app)
      .post(`/clusters/dev/nodes/${node}/drain`)
      .send({ dryRun: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'the cluster policy refused the request: only platform admins drain production nodes (rule production-drains)',
    );
    const cordon = await request(app)
      .post(`/clusters/dev/nodes/${node}/cordon`)
      .send({ dryRun: true });
    expect(cordon.status).toBe(200);
  });

  it('refuses without cocktail.cluster.update on the cluster, and names unknown clusters and bad nodes', async () => {
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
    );
    const node = await nodeOf();
    const denied = await request(app)
      .post(`/clusters/dev/nodes/${node}/drain`)
      .send({});
    expect(denied.status).toBe(403);
    expect(denied.body.error.message).toBe(
      'you are not allowed to cocktail.cluster.update on resource:default/dev',
    );
    const pods = await request(app).get(`/clusters/dev/nodes/${node}/pods`);
    expect(pods.status).toBe(403);
    const unknown = await request(app)
      .post(`/clusters/nowhere/nodes/${node}/cordon`)
      .send({});
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toBe(
      'cluster: no cluster named nowhere',
    );
    const bad = await request(app)
      .post('/clusters/dev/nodes/Bad_Node/drain')
      .send({ timeoutSeconds: 9999 });
    expect(bad.status).toBe(400);
  });
});
