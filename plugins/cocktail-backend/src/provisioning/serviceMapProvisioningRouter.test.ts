import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeSim } from '@cocktailcloud/kube-sim';
import {
  createResourceClient,
  WatchCache,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import request from 'supertest';
import { createTestAuditStore } from '../audit/__testUtils__/createTestAuditStore';
import { DatabaseAuditStore } from '../audit';
import { startSimulatedCluster } from '../__testUtils__/simulatedCluster';
import { createRouter } from '../service/createRouter';

jest.setTimeout(60_000);

const API_VERSION = 'cocktailcloud.io/v1alpha1';

const entities = [
  {
    apiVersion: API_VERSION,
    kind: 'Service',
    metadata: { name: 'shop', namespace: 'default' },
    spec: {
      owner: 'group:shop-team',
      members: [
        { ref: 'user:alice', role: 'admin' },
        { ref: 'group:shop-devs', role: 'developer' },
      ],
    },
  },
  {
    apiVersion: API_VERSION,
    kind: 'ServiceMap',
    metadata: { name: 'shop-dev', namespace: 'default' },
    spec: {
      service: 'shop',
      environment: 'development',
      cluster: 'resource:prod',
      namespace: 'shop-dev',
      quota: { cpu: '4', memory: '8Gi', pods: 20 },
    },
  },
];

const server = {
  apiVersion: API_VERSION,
  kind: 'CocktailServer',
  metadata: { name: 'orders', namespace: 'default' },
  spec: {
    serviceMap: 'shop-dev',
    type: 'Deployment',
    replicas: 2,
    containers: [{ name: 'app', image: 'nginx:1.27' }],
  },
};

describe('the cocktail router: ServiceMap provisioning and inline deploys', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sim: KubeSim;
  let cluster: ReturnType<KubeSim['cluster']>;
  let app: express.Express;
  let audit: DatabaseAuditStore;
  let cache: WatchCache;
  const authorize = jest.fn();

  beforeAll(async () => {
    const started = await startSimulatedCluster();
    sim = started.sim;
    cluster = sim.cluster('prod');
    audit = (await createTestAuditStore(databases, 'SQLITE_3')).store;
    const logger = mockServices.logger.mock();
    const k8sClient: typeof k8s = started.client;
    cache = new WatchCache({
      logger,
      backoffMs: 50,
      clientFor: async (_cluster, resource) =>
        createResourceClient(k8sClient, started.kubeConfig, resource),
    });
    const { catalogServiceMock } = await import(
      '@backstage/plugin-catalog-node/testUtils'
    );
    const router = await createRouter({
      logger,
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      permissions: mockServices.permissions.mock({ authorize }),
      auditor: mockServices.auditor.mock(),
      catalog: catalogServiceMock({ entities }),
      clusters: {
        listClusters: async () => [{ name: 'prod', source: 'config' }],
        kubeConfigFor: async () => started.kubeConfig,
      },
      watchCache: cache,
      audit,
      loadClient: async () => k8sClient,
      requestTimeoutMs: 2_000,
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    });
    app = express().use(router).use(middleware.error());
  });

  beforeEach(() => {
    authorize.mockReset();
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    );
  });

  afterAll(async () => {
    cache.stop();
    await sim.stop();
  });

  function namespaced(resource: string, namespace: string) {
    const type = cluster.registry.all().find(t => t.plural === resource)!;
    return cluster.store.list(type, namespace).map(o => o.metadata.name);
  }

  it('plans the namespace with a dry run and creates nothing', async () => {
    const response = await request(app)
      .post('/servicemaps/default/shop-dev/provision')
      .send({ dryRun: true, defaultDenyNetworkPolicy: true });
    expect(response.status).toBe(200);
    expect(response.body.result.objects).toEqual(
      expect.arrayContaining([
        'Namespace/shop-dev',
        'ResourceQuota/cocktail-quota',
        'NetworkPolicy/default-deny',
      ]),
    );
    // The namespace does not exist yet, so the objects inside it are checked when applied.
    expect(response.body.result.uncheckedUntilApply).toContain(
      'ResourceQuota/cocktail-quota',
    );
    expect(namespaced('resourcequotas', 'shop-dev')).toEqual([]);
    expect((await audit.query({})).items).toEqual([]);
  });

  it('provisions the namespace, its quota, limits and role bindings, and audits it', async () => {
    const response = await request(app)
      .post('/servicemaps/default/shop-dev/provision')
      .send({ defaultDenyNetworkPolicy: false });
    expect(response.status).toBe(200);
    expect(namespaced('resourcequotas', 'shop-dev')).toEqual([
      'cocktail-quota',
    ]);
    expect(namespaced('limitranges', 'shop-dev')).toHaveLength(1);
    expect(namespaced('rolebindings', 'shop-dev').sort()).toEqual([
      'cocktail-admins',
      'cocktail-developers',
    ]);
    expect(namespaced('networkpolicies', 'shop-dev')).toEqual([]);
    const [row] = (await audit.query({})).items;
    expect(row).toMatchObject({
      action: 'servicemap.provision',
      entityRef: 'servicemap:default/shop-dev',
      cluster: 'prod',
      namespace: 'shop-dev',
      outcome: 'succeeded',
    });
  });

  it('runs again without error: provisioning is idempotent', async () => {
    const response = await request(app)
      .post('/servicemaps/default/shop-dev/provision')
      .send({});
    expect(response.status).toBe(200);
  });

  it('refuses without the permission, and audits the refusal', async () => {
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
    );
    const response = await request(app)
      .post('/servicemaps/default/shop-dev/provision')
      .send({});
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'you are not allowed to cocktail.servicemap.provision on servicemap:default/shop-dev',
    );
    expect(
      (await audit.query({ action: 'servicemap.provision', outcome: 'denied' }))
        .items,
    ).toHaveLength(1);
  });

  it('names the field of a bad body and the ServiceMap that is missing', async () => {
    const bad = await request(app)
      .post('/servicemaps/default/shop-dev/provision')
      .send({ dryRun: 'yes' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'dryRun: expected true or false, got "yes"',
    );
    const missing = await request(app)
      .post('/servicemaps/default/nope/provision')
      .send({});
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'no ServiceMap servicemap:default/nope in the catalog',
    );
  });

  it('deploys a server given inline and reports its status where it runs', async () => {
    const response = await request(app)
      .post('/servers/deploy')
      .send({ server });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      entityRef: 'cocktailserver:default/orders',
      cluster: 'prod',
      namespace: 'shop-dev',
    });
    expect(response.body.result.applied).toContain('Deployment/orders');
    const status = await request(app).get('/servers/inline-status').query({
      entityRef: 'cocktailserver:default/orders',
      cluster: 'prod',
      namespace: 'shop-dev',
      server: 'orders',
    });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ found: true, kind: 'Deployment' });
    expect(
      (await audit.query({ action: 'server.deploy' })).items[0],
    ).toMatchObject({
      entityRef: 'cocktailserver:default/orders',
      outcome: 'succeeded',
    });
  });

  it('lists every problem of an invalid inline server, naming the fields', async () => {
    const response = await request(app)
      .post('/servers/deploy')
      .send({
        server: {
          ...server,
          spec: { ...server.spec, type: 'DaemonSet', containers: [] },
        },
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /cocktailserver:default\/orders: spec\.replicas: must be absent when type is DaemonSet/,
    );
    expect(response.body.error.message).toMatch(/spec\.containers/);
  });
});
