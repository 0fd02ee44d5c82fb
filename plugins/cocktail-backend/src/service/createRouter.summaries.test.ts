import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeSim } from '@cocktailcloud/kube-sim';
import {
  CocktailServerEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  createResourceClient,
  renderServerManifests,
  renderServiceMapQuota,
  WatchCache,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import request from 'supertest';
import { startSimulatedCluster } from '../__testUtils__/simulatedCluster';
import { createRouter } from './createRouter';

jest.setTimeout(60_000);

const API_VERSION = 'cocktailcloud.io/v1alpha1';

function serviceMap(
  name: string,
  spec: Partial<ServiceMapEntityV1alpha1['spec']>,
): ServiceMapEntityV1alpha1 {
  return {
    apiVersion: API_VERSION,
    kind: 'ServiceMap',
    metadata: { name, namespace: 'default', title: `Map ${name}` },
    spec: {
      service: 'shop',
      environment: 'production',
      cluster: 'resource:prod',
      namespace: 'shop',
      ...spec,
    },
  };
}

function server(
  name: string,
  serviceMapRef: string,
): CocktailServerEntityV1alpha1 {
  return {
    apiVersion: API_VERSION,
    kind: 'CocktailServer',
    metadata: { name, namespace: 'default' },
    spec: {
      serviceMap: serviceMapRef,
      type: 'Deployment',
      replicas: 2,
      containers: [
        {
          name: 'api',
          image: `shop/${name}:1.0.0`,
          resources: {
            requests: { cpu: '250m', memory: '128Mi' },
            limits: { cpu: '500m', memory: '256Mi' },
          },
        },
      ],
    },
  };
}

const shopProd = serviceMap('shop-prod', {
  quota: { cpu: '4', memory: '8Gi', pods: 20 },
});
const shopStaging = serviceMap('shop-staging', {
  service: 'service:default/shop',
  environment: 'staging',
  cluster: 'resource:default/prod',
  namespace: 'shop-staging',
  quota: { cpu: '2', memory: '4Gi', gpu: 1, pods: 10 },
});
const shopEdge = serviceMap('shop-edge', {
  environment: 'edge',
  cluster: 'resource:edge',
  namespace: 'shop-edge',
  quota: { cpu: 1, storage: '10Gi' },
});
const bareMap = serviceMap('bare-map', {
  service: 'other',
  cluster: 'resource:bare',
  namespace: 'bare',
});
const cart = server('cart', 'shop-prod');
const ledger = server('ledger', 'servicemap:default/shop-prod');
const lonely = server('lonely', 'bare-map');

const entities = [
  {
    apiVersion: API_VERSION,
    kind: 'Service',
    metadata: { name: 'shop', namespace: 'default' },
    spec: {
      owner: 'group:shop',
      quota: { cpu: '8', memory: '16Gi', gpu: 2, storage: '100Gi', pods: 40 },
    },
  },
  shopProd,
  shopStaging,
  shopEdge,
  bareMap,
  cart,
  ledger,
  lonely,
];

describe('the cocktail router: summaries and metrics', () => {
  let sim: KubeSim;
  let bare: KubeSim;
  let app: express.Express;
  let cache: WatchCache;
  const authorize = jest.fn();
  const authorizeConditional = jest.fn();

  function kubeConfigFor(client: typeof k8s, name: string, url: string) {
    const config = new client.KubeConfig();
    config.loadFromOptions({
      clusters: [{ name, server: url, skipTLSVerify: true }],
      users: [{ name: 'u', token: 't' }],
      contexts: [{ name, cluster: name, user: 'u' }],
      currentContext: name,
    });
    return config;
  }

  beforeAll(async () => {
    const started = await startSimulatedCluster({ namespace: 'shop' });
    sim = started.sim;
    const k8sClient = started.client;
    bare = await KubeSim.start({
      clusters: ['bare'],
      cluster: { controllers: false, metricsServer: false },
    });
    const configs: Record<string, k8s.KubeConfig> = {
      prod: started.kubeConfig,
      bare: kubeConfigFor(k8sClient, 'bare', bare.cluster('bare').url),
    };
    const prod = sim.cluster('prod');
    for (const object of [
      renderServiceMapQuota(shopProd)!,
      ...renderServerManifests({ server: cart, serviceMap: shopProd }),
      ...renderServerManifests({ server: ledger, serviceMap: shopProd }),
    ]) {
      prod.store.create(
        prod.registry.byKind(object.apiVersion, object.kind)!,
        object,
      );
    }
    const logger = mockServices.logger.mock();
    cache = new WatchCache({
      logger,
      backoffMs: 50,
      clientFor: async (cluster, resource) =>
        createResourceClient(k8sClient, configs[cluster], resource),
    });
    const { catalogServiceMock } = await import(
      '@backstage/plugin-catalog-node/testUtils'
    );
    const router = await createRouter({
      logger,
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      permissions: mockServices.permissions.mock({
        authorize,
        authorizeConditional,
      }),
      auditor: mockServices.auditor.mock(),
      catalog: catalogServiceMock({ entities }),
      clusters: {
        listClusters: async () => [
          { name: 'prod', source: 'config' },
          { name: 'bare', source: 'config' },
        ],
        kubeConfigFor: async name => configs[name],
      },
      watchCache: cache,
      audit: {} as any,
      loadClient: async () => k8sClient,
      requestTimeoutMs: 1_000,
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
    authorizeConditional.mockReset();
    authorizeConditional.mockImplementation(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    );
  });

  afterAll(async () => {
    cache.stop();
    await sim.stop();
    await bare.stop();
  });

  const deny = (name: string, resourceRef?: string) =>
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(r => ({
        result:
          r.permission.name === name &&
          (!resourceRef || r.resourceRef === resourceRef)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    );

  /** The policy allows `name` on `readable` only: a conditional decision, as a Service role gives. */
  const allowOnlyOn = (name: string, readable: string[]) => {
    authorizeConditional.mockImplementation(async (requests: any[]) =>
      requests.map(r =>
        r.permission.name === name
          ? {
              result: AuthorizeResult.CONDITIONAL,
              pluginId: 'catalog',
              resourceType: 'catalog-entity',
              conditions: {
                rule: 'IS_IN_COCKTAIL_SERVICE',
                resourceType: 'catalog-entity',
                params: { services: [], serviceMaps: [] },
              },
            }
          : { result: AuthorizeResult.ALLOW },
      ),
    );
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(r => ({
        result:
          r.permission.name !== name || readable.includes(r.resourceRef)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
    );
  };

  async function settledSummary() {
    let body: any;
    for (let i = 0; i < 200; i++) {
      body = (await request(app).get('/servicemaps/default/shop-prod/summary'))
        .body;
      if (
        body.quota?.used?.pods === '4' &&
        body.servers?.every((s: any) => s.replicas.ready === 2)
      ) {
        break;
      }
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    return body;
  }

  it('lists each cluster with how many ServiceMaps name it and how many servers they hold', async () => {
    const response = await request(app).get('/clusters');
    expect(response.status).toBe(200);
    expect(
      response.body.items.map((c: any) => [c.name, c.serviceMaps, c.servers]),
    ).toEqual([
      ['prod', 2, 2],
      ['bare', 1, 1],
    ]);
  });

  it('counts only the ServiceMaps and servers the caller may read, asking about them in one batch', async () => {
    allowOnlyOn('cocktail.server.read', [
      'servicemap:default/shop-prod',
      'cocktailserver:default/cart',
      'cocktailserver:default/lonely',
    ]);
    const response = await request(app).get('/clusters');
    expect(response.status).toBe(200);
    expect(
      response.body.items.map((c: any) => [c.name, c.serviceMaps, c.servers]),
    ).toEqual([
      ['prod', 1, 1],
      // lonely is readable, but its ServiceMap is not: it counts nowhere.
      ['bare', 0, 0],
    ]);
    const readBatches = authorize.mock.calls.filter(([requests]) =>
      requests.some((r: any) => r.permission.name === 'cocktail.server.read'),
    );
    expect(readBatches).toHaveLength(1);
    expect(readBatches[0][0].map((r: any) => r.resourceRef).sort()).toEqual([
      'cocktailserver:default/cart',
      'cocktailserver:default/ledger',
      'cocktailserver:default/lonely',
      'servicemap:default/bare-map',
      'servicemap:default/shop-edge',
      'servicemap:default/shop-prod',
      'servicemap:default/shop-staging',
    ]);
  });

  it("summarizes a ServiceMap: its servers' health from the cache and its namespace's quota", async () => {
    const body = await settledSummary();
    expect(body).toMatchObject({
      entityRef: 'servicemap:default/shop-prod',
      name: 'shop-prod',
      title: 'Map shop-prod',
      environment: 'production',
      cluster: 'prod',
      namespace: 'shop',
      assigned: { cpu: '4', memory: '8Gi', pods: 20 },
      clusterState: { cluster: 'prod', synced: true, stale: false },
      quota: {
        cluster: 'prod',
        namespace: 'shop',
        found: true,
        hard: { 'requests.cpu': '4', 'requests.memory': '8Gi', pods: '20' },
        used: { 'requests.cpu': '1', 'requests.memory': '512Mi', pods: '4' },
      },
    });
    expect(body.servers).toEqual([
      {
        entityRef: 'cocktailserver:default/cart',
        name: 'cart',
        type: 'Deployment',
        kind: 'Deployment',
        found: true,
        stale: false,
        replicas: expect.objectContaining({ desired: 2, ready: 2 }),
        rollout: expect.objectContaining({ state: 'complete' }),
      },
      expect.objectContaining({ name: 'ledger', found: true }),
    ]);
  });

  it('leaves out the servers the caller may not read, asking about all of them at once', async () => {
    deny('cocktail.server.read', 'cocktailserver:default/ledger');
    const response = await request(app).get(
      '/servicemaps/default/shop-prod/summary',
    );
    expect(response.status).toBe(200);
    expect(response.body.servers.map((s: any) => s.name)).toEqual(['cart']);
    const readBatches = authorize.mock.calls
      .map(([requests]) => requests)
      .filter((requests: any[]) =>
        requests.some(r => r.permission.name === 'cocktail.server.read'),
      );
    // The ServiceMap itself is checked first, on its own.
    expect(readBatches[0].map((r: any) => r.resourceRef)).toEqual([
      'servicemap:default/shop-prod',
    ]);
    const serverBatches = readBatches.filter((requests: any[]) =>
      requests.some(r => r.resourceRef.startsWith('cocktailserver:')),
    );
    expect(serverBatches).toHaveLength(1);
    expect(serverBatches[0].map((r: any) => r.resourceRef).sort()).toEqual([
      'cocktailserver:default/cart',
      'cocktailserver:default/ledger',
    ]);
  });

  it('reports a namespace without a ResourceQuota as not found', async () => {
    const response = await request(app).get(
      '/servicemaps/default/shop-staging/summary',
    );
    expect(response.body).toMatchObject({
      cluster: 'prod',
      namespace: 'shop-staging',
      quota: { found: false, hard: {}, used: {} },
      servers: [],
    });
    expect(response.body.quota.error).toBeUndefined();
  });

  it('reports an unreachable cluster in the quota instead of failing', async () => {
    await settledSummary();
    sim.cluster('prod').setFaults({ down: true });
    try {
      const response = await request(app).get(
        '/servicemaps/default/shop-prod/summary',
      );
      expect(response.status).toBe(200);
      expect(response.body.quota).toEqual({
        cluster: 'prod',
        namespace: 'shop',
        found: false,
        hard: {},
        used: {},
        error:
          'cluster prod: reading the ResourceQuotas of namespace shop failed: no answer within 1 s',
      });
      expect(response.body.servers.map((s: any) => s.found)).toEqual([
        true,
        true,
      ]);
    } finally {
      sim.cluster('prod').setFaults({});
    }
  });

  it('summarizes a Service: its quota, what its ServiceMaps assign and what they use', async () => {
    await settledSummary();
    const response = await request(app).get('/services/default/shop/summary');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      entityRef: 'service:default/shop',
      name: 'shop',
      allocated: { cpu: '8', memory: '16Gi', gpu: 2, pods: 40 },
      assigned: {
        cpu: 7,
        memory: 12 * 2 ** 30,
        gpu: 1,
        storage: 10 * 2 ** 30,
        pods: 30,
      },
      used: { cpu: 1, memory: 512 * 2 ** 20, gpu: 0, storage: 0, pods: 4 },
    });
    expect(
      response.body.serviceMaps.map((m: any) => [m.name, m.quota.found]),
    ).toEqual([
      ['shop-edge', false],
      ['shop-prod', true],
      ['shop-staging', false],
    ]);
  });

  it('reports a ServiceMap on a cluster the plugin does not know without asking it', async () => {
    const response = await request(app).get(
      '/servicemaps/default/shop-edge/summary',
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      cluster: 'edge',
      clusterState: {
        cluster: 'edge',
        synced: false,
        stale: true,
        error: 'cluster edge is not registered with the cocktail plugin',
      },
      quota: {
        found: false,
        error: 'cluster edge is not registered with the cocktail plugin',
      },
    });
  });

  it('answers 404 for a ServiceMap or Service that is not in the catalog, and 400 for a bad name', async () => {
    const map = await request(app).get('/servicemaps/default/nope/summary');
    expect(map.status).toBe(404);
    expect(map.body.error.message).toBe(
      'no ServiceMap servicemap:default/nope in the catalog',
    );
    const service = await request(app).get('/services/default/nope/summary');
    expect(service.status).toBe(404);
    expect(service.body.error.message).toBe(
      'no Service service:default/nope in the catalog',
    );
    const bad = await request(app).get(
      '/servicemaps/Default/shop-prod/summary',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'namespace: expected a catalog namespace (lowercase letters, digits and "-", at most 63 characters), got "Default"',
    );
    const badName = await request(app).get('/servers/default/-cart/metrics');
    expect(badName.status).toBe(400);
    expect(badName.body.error.message).toMatch(
      /^name: expected an entity name .*, got "-cart"$/,
    );
  });

  it("reports a server's usage per pod and container next to its requests and limits", async () => {
    await settledSummary();
    const response = await request(app).get('/servers/default/cart/metrics');
    expect(response.status).toBe(200);
    expect(response.body.available).toBe(true);
    expect(Date.parse(response.body.timestamp)).not.toBeNaN();
    expect(response.body.pods).toHaveLength(2);
    for (const pod of response.body.pods) {
      expect(pod.name).toMatch(/^cart-/);
      expect(pod.containers).toEqual([
        {
          name: 'api',
          cpu: {
            usageMillicores: expect.any(Number),
            requestMillicores: 250,
            limitMillicores: 500,
          },
          memory: {
            usageBytes: expect.any(Number),
            requestBytes: 128 * 2 ** 20,
            limitBytes: 256 * 2 ** 20,
          },
        },
      ]);
      expect(pod.containers[0].cpu.usageMillicores).toBeGreaterThan(0);
    }
  });

  it('says to install metrics-server when the cluster serves no metrics API', async () => {
    const response = await request(app).get('/servers/default/lonely/metrics');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      available: false,
      error:
        'cluster bare serves no metrics.k8s.io API; install metrics-server to see usage',
      pods: [],
    });
  });

  it('reports an unreachable cluster in the metrics instead of failing', async () => {
    sim.cluster('prod').setFaults({ down: true });
    try {
      const response = await request(app).get('/servers/default/cart/metrics');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        available: false,
        error:
          'cluster prod: reading metrics.k8s.io failed: no answer within 1 s',
        pods: [],
      });
    } finally {
      sim.cluster('prod').setFaults({});
    }
  });

  it('answers 404 for metrics of a server that is not in the catalog', async () => {
    const response = await request(app).get('/servers/default/nope/metrics');
    expect(response.status).toBe(404);
  });

  it.each([
    ['/servicemaps/default/shop-prod/summary', 'servicemap:default/shop-prod'],
    ['/services/default/shop/summary', 'service:default/shop'],
    ['/servers/default/cart/metrics', 'cocktailserver:default/cart'],
    ['/servers/default/cart/metrics', 'servicemap:default/shop-prod'],
  ])(
    'refuses get %s without cocktail.server.read on %s',
    async (path, resourceRef) => {
      deny('cocktail.server.read', resourceRef);
      const response = await request(app).get(path);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        `you are not allowed to cocktail.server.read on ${resourceRef}`,
      );
    },
  );
});
