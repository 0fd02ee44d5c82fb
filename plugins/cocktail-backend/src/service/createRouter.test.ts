import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeSim } from '@cocktailcloud/kube-sim';
import { startSimulatedCluster } from '../__testUtils__/simulatedCluster';
import {
  WatchCache,
  createResourceClient,
} from '@cocktailcloud/plugin-cocktail-node';
import express from 'express';
import request from 'supertest';
import { DatabaseAuditStore } from '../audit';
import { createRouter } from './createRouter';

jest.setTimeout(60_000);

const entities = [
  {
    apiVersion: 'cocktailcloud.io/v1alpha1',
    kind: 'ServiceMap',
    metadata: { name: 'shop-prod', namespace: 'default' },
    spec: {
      service: 'shop',
      environment: 'production',
      cluster: 'resource:prod',
      namespace: 'shop',
    },
  },
  {
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
    },
  },
];

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/** A valid body for each server operation, so a refusal can only come from the policy. */
const VALID_BODIES: Record<string, object> = {
  'rolling-update': { images: { cart: 'shop/cart:1.1.0' } },
  scale: { replicas: 1 },
  autoscaling: { minReplicas: 1, maxReplicas: 3 },
  rollback: { revision: '1' },
};

function sendTo(app: express.Express) {
  return (method: 'get' | 'post' | 'delete', path: string) => {
    if (method !== 'post') {
      return request(app)[method](path);
    }
    const operation = path.split('/').pop()!;
    return request(app)
      .post(path)
      .send(VALID_BODIES[operation] ?? {});
  };
}

describe('the cocktail router', () => {
  let sim: KubeSim;
  let app: express.Express;
  let send: ReturnType<typeof sendTo>;
  let cache: WatchCache;
  let audit: DatabaseAuditStore;
  const authorize = jest.fn();
  const authorizeConditional = jest.fn();

  beforeAll(async () => {
    const started = await startSimulatedCluster({ namespace: 'shop' });
    sim = started.sim;
    const { client: k8s, kubeConfig } = started;
    const logger = mockServices.logger.mock();
    cache = new WatchCache({
      logger,
      backoffMs: 50,
      clientFor: async (_c, resource) =>
        createResourceClient(k8s, kubeConfig, resource),
    });
    const knex = await databases.init('SQLITE_3');
    audit = await DatabaseAuditStore.create({
      database: mockServices.database({ knex }),
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
      auditor: mockServices.auditor.mock({
        createEvent: async () => ({
          success: async () => {},
          fail: async () => {},
        }),
      }),
      catalog: catalogServiceMock({ entities }),
      clusters: {
        listClusters: async () => [
          { name: 'prod', source: 'config', title: 'Production' },
        ],
        kubeConfigFor: async () => kubeConfig,
      },
      watchCache: cache,
      audit,
      loadClient: async () => k8s,
      requestTimeoutMs: 1_000,
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    });
    app = express().use(router).use(middleware.error());
    send = sendTo(app);
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
  });

  /** The policy denies `name` on every entity (or only on `resourceRef`), and allows the rest. */
  const deny = (name: string, resourceRef?: string) => {
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(r => ({
        result:
          r.permission.name === name &&
          (!resourceRef || r.resourceRef === resourceRef)
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    );
    authorizeConditional.mockImplementation(async (requests: any[]) =>
      requests.map(r => ({
        result:
          r.permission.name === name && !resourceRef
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    );
  };

  /**
   * The policy allows `name` only on some entities, as a Service role does: a conditional
   * decision, resolved by the batch `authorize` to ALLOW on `readable` only.
   */
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

  it('lists the clusters with how fresh their cache is', async () => {
    const response = await request(app).get('/clusters');
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([
      expect.objectContaining({
        name: 'prod',
        title: 'Production',
        source: 'config',
        cache: expect.objectContaining({ cluster: 'prod' }),
      }),
    ]);
  });

  it('describes a cluster: version and nodes, or why it cannot be reached', async () => {
    const reachable = await request(app).get('/clusters/prod');
    expect(reachable.body).toMatchObject({
      name: 'prod',
      health: 'reachable',
      version: 'v1.33.0-kube-sim',
    });
    expect(reachable.body.nodes).toHaveLength(3);
    sim.cluster('prod').setFaults({ down: true });
    try {
      const down = await request(app).get('/clusters/prod');
      expect(down.body).toMatchObject({
        name: 'prod',
        health: 'unreachable',
        error: 'cluster prod: no answer within 1 s',
      });
    } finally {
      sim.cluster('prod').setFaults({});
    }
  });

  it('refuses a reader without permission with 403', async () => {
    deny('cocktail.cluster.read');
    const response = await request(app).get('/clusters');
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'you are not allowed to cocktail.cluster.read',
    );
  });

  it('previews a deploy without applying or auditing it, then deploys with an audit row', async () => {
    const preview = await request(app)
      .post('/servers/default/cart/deploy')
      .send({ dryRun: true });
    expect(preview.status).toBe(200);
    expect(
      preview.body.result.changes.map((c: any) => `${c.action} ${c.object}`),
    ).toEqual(['create Deployment/cart', 'create Service/cart']);
    expect((await audit.query({})).items).toEqual([]);

    const deployed = await request(app)
      .post('/servers/default/cart/deploy')
      .send({});
    expect(deployed.body.result.applied).toEqual([
      'Deployment/cart',
      'Service/cart',
    ]);
    const [row] = (await audit.query({})).items;
    expect(row).toMatchObject({
      actor: mockCredentials.user().principal.userEntityRef,
      action: 'server.deploy',
      entityRef: 'cocktailserver:default/cart',
      cluster: 'prod',
      namespace: 'shop',
      outcome: 'succeeded',
    });
  });

  it('serves the status from the cache', async () => {
    let body: any;
    for (let i = 0; i < 100; i++) {
      body = (await request(app).get('/servers/default/cart/status')).body;
      if (body.replicas?.ready === 2) break;
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    expect(body).toMatchObject({
      cluster: 'prod',
      namespace: 'shop',
      server: 'cart',
      kind: 'Deployment',
      found: true,
      stale: false,
      replicas: { desired: 2, ready: 2 },
    });
  });

  it('scales, and names the field of bad input', async () => {
    expect(
      (
        await request(app)
          .post('/servers/default/cart/scale')
          .send({ replicas: 3 })
      ).status,
    ).toBe(200);
    const bad = await request(app)
      .post('/servers/default/cart/scale')
      .send({ replicas: 'three' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(
      'replicas: expected a whole number from 0 to 1000, got "three"',
    );
    const unknown = await request(app)
      .post('/servers/default/cart/scale')
      .send({ replica: 3 });
    expect(unknown.body.error.message).toBe(
      'replicas: missing; expected a whole number from 0 to 1000; replica: not a known field; expected replicas',
    );
    const operation = await request(app)
      .post('/servers/default/cart/explode')
      .send({});
    expect(operation.status).toBe(400);
    expect(operation.body.error.message).toMatch(
      /^operation: expected one of deploy, rolling-update, restart, scale/,
    );
  });

  it('records a denied operation in the audit log and answers 403', async () => {
    deny('cocktail.server.restart');
    const response = await request(app)
      .post('/servers/default/cart/restart')
      .send({});
    expect(response.status).toBe(403);
    const [row] = (await audit.query({ action: 'server.restart' })).items;
    expect(row).toMatchObject({
      outcome: 'denied',
      error:
        'you are not allowed to cocktail.server.restart on cocktailserver:default/cart',
    });
  });

  it.each([
    ['get', '/clusters', 'cocktail.cluster.read'],
    ['get', '/clusters/prod', 'cocktail.cluster.read'],
    ['get', '/servers/default/cart/status', 'cocktail.server.read'],
    ['get', '/servers/default/cart/drift', 'cocktail.server.read'],
    ['post', '/servers/default/cart/deploy', 'cocktail.server.deploy'],
    [
      'post',
      '/servers/default/cart/rolling-update',
      'cocktail.server.rolling-update',
    ],
    ['post', '/servers/default/cart/scale', 'cocktail.server.scale'],
    ['post', '/servers/default/cart/autoscaling', 'cocktail.server.autoscale'],
    ['post', '/servers/default/cart/rollback', 'cocktail.server.rollback'],
    ['post', '/servers/default/cart/suspend', 'cocktail.server.suspend'],
    ['post', '/servers/default/cart/resume', 'cocktail.server.suspend'],
    ['delete', '/servers/default/cart', 'cocktail.server.delete'],
  ] as const)('refuses %s %s without %s', async (method, path, permission) => {
    deny(permission);
    const response = await send(method, path);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toContain(
      `you are not allowed to ${permission}`,
    );
  });

  it.each([
    ['get', '/servers/default/cart/status', 'cocktail.server.read'],
    ['get', '/servers/default/cart/drift', 'cocktail.server.read'],
    ['post', '/servers/default/cart/scale', 'cocktail.server.scale'],
    ['delete', '/servers/default/cart', 'cocktail.server.delete'],
  ] as const)(
    'refuses %s %s when %s is refused on the ServiceMap, though allowed on the server',
    async (method, path, permission) => {
      deny(permission, 'servicemap:default/shop-prod');
      const response = await send(method, path);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        `you are not allowed to ${permission} on servicemap:default/shop-prod`,
      );
    },
  );

  it.each([
    [
      '/audit',
      'Reading the audit log needs the viewer role on a Service; you have no role on any.',
    ],
    [
      '/audit/export',
      'Reading the audit log needs the viewer role on a Service; you have no role on any.',
    ],
    [
      '/audit?entityRef=cocktailserver:default/cart',
      'you are not allowed to cocktail.audit.read on cocktailserver:default/cart',
    ],
    [
      '/audit/verify',
      'Verifying the audit chain needs a platform admin: the chain spans every Service.',
    ],
  ])(
    'refuses get %s when the policy denies cocktail.audit.read',
    async (path, message) => {
      deny('cocktail.audit.read');
      const response = await request(app).get(path);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(message);
    },
  );

  it('answers the status from the cache even when every Kubernetes request fails', async () => {
    sim.cluster('prod').setFaults({ errorRate: 1, errorCode: 500 });
    try {
      const response = await request(app).get('/servers/default/cart/status');
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ found: true, kind: 'Deployment' });
    } finally {
      sim.cluster('prod').setFaults({});
    }
  });

  it("reports the API server's refusal of a change, naming the cluster", async () => {
    sim.cluster('prod').setFaults({ errorRate: 1, errorCode: 503 });
    try {
      const response = await request(app)
        .post('/servers/default/cart/restart')
        .send({});
      expect(response.status).toBe(503);
      expect(response.body.error.message).toMatch(
        /^reading Deployment\/cart on cluster prod: /,
      );
    } finally {
      sim.cluster('prod').setFaults({});
    }
  });

  it('answers 404 for a server that is not in the catalog', async () => {
    const response = await request(app).get('/servers/default/nope/status');
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'no CocktailServer cocktailserver:default/nope in the catalog',
    );
  });

  it('reports drift and lists what a delete would remove before removing it', async () => {
    const drift = await request(app).get('/servers/default/cart/drift');
    expect(drift.body.objects[0]).toMatchObject({
      object: 'Deployment/cart',
      state: 'drifted',
      changes: [{ path: 'spec.replicas', expected: 2, actual: 3 }],
    });
    const preview = await request(app).delete(
      '/servers/default/cart?dryRun=true',
    );
    expect(preview.body.result).toEqual({
      dryRun: true,
      objects: ['Deployment/cart', 'Service/cart'],
      deleted: [],
    });
    const deleted = await request(app).delete('/servers/default/cart');
    expect(deleted.body.result.deleted).toEqual([
      'Deployment/cart',
      'Service/cart',
    ]);
  });

  it('queries, exports and verifies the audit log', async () => {
    const page = await request(app).get('/audit').query({
      entityRef: 'cocktailserver:default/cart',
      outcome: 'succeeded',
      limit: 2,
    });
    expect(page.body.items.map((r: any) => r.action)).toEqual([
      'server.delete',
      'server.scale',
    ]);
    expect(page.body.nextCursor).toBeDefined();
    const csv = await request(app)
      .get('/audit/export')
      .query({ format: 'csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.text.split('\r\n')[0]).toBe(
      'id,created_at,actor,action,entity_ref,cluster,namespace,outcome,error,details,hash',
    );
    expect((await request(app).get('/audit/verify')).body).toMatchObject({
      ok: true,
    });
    const bad = await request(app).get('/audit').query({ outcome: 'maybe' });
    expect(bad.body.error.message).toBe(
      'outcome: expected one of succeeded, failed, denied, got "maybe"',
    );
  });

  describe('when the audit read is allowed on some entities only', () => {
    beforeAll(async () => {
      for (const entityRef of [
        'cocktailserver:default/cart',
        'servicemap:default/shop-prod',
        'cocktailserver:default/not-in-catalog',
      ]) {
        await audit.record({
          actor: 'user:default/someone',
          action: 'probe',
          entityRef,
          outcome: 'succeeded',
        });
      }
    });

    it('answers every row, also of entities not in the catalog, when the policy allows the audit read everywhere', async () => {
      const response = await request(app)
        .get('/audit')
        .query({ action: 'probe' });
      expect(response.body.items.map((r: any) => r.entityRef).sort()).toEqual([
        'cocktailserver:default/cart',
        'cocktailserver:default/not-in-catalog',
        'servicemap:default/shop-prod',
      ]);
    });

    it('answers only the rows of the entities the policy allows, asking about them in one batch', async () => {
      allowOnlyOn('cocktail.audit.read', ['cocktailserver:default/cart']);
      const response = await request(app)
        .get('/audit')
        .query({ action: 'probe' });
      expect(response.status).toBe(200);
      expect(response.body.items.map((r: any) => r.entityRef)).toEqual([
        'cocktailserver:default/cart',
      ]);
      const auditBatches = authorize.mock.calls.filter(([requests]) =>
        requests.some((r: any) => r.permission.name === 'cocktail.audit.read'),
      );
      expect(auditBatches).toHaveLength(1);
      expect(auditBatches[0][0].map((r: any) => r.resourceRef).sort()).toEqual([
        'cocktailserver:default/cart',
        'servicemap:default/shop-prod',
      ]);
    });

    it('never answers rows of entities that are not in the catalog', async () => {
      allowOnlyOn('cocktail.audit.read', [
        'cocktailserver:default/cart',
        'servicemap:default/shop-prod',
        'cocktailserver:default/not-in-catalog',
      ]);
      const response = await request(app)
        .get('/audit')
        .query({ action: 'probe' });
      expect(response.body.items.map((r: any) => r.entityRef).sort()).toEqual([
        'cocktailserver:default/cart',
        'servicemap:default/shop-prod',
      ]);
    });

    it('exports only the readable rows', async () => {
      allowOnlyOn('cocktail.audit.read', ['servicemap:default/shop-prod']);
      const response = await request(app)
        .get('/audit/export')
        .query({ action: 'probe', format: 'json' });
      expect(response.status).toBe(200);
      expect(JSON.parse(response.text).map((r: any) => r.entityRef)).toEqual([
        'servicemap:default/shop-prod',
      ]);
    });

    it('answers the rows of an entity asked for when it is readable, and 403 when it is not', async () => {
      allowOnlyOn('cocktail.audit.read', ['cocktailserver:default/cart']);
      const readable = await request(app)
        .get('/audit')
        .query({ action: 'probe', entityRef: 'cocktailserver:default/cart' });
      expect(readable.body.items.map((r: any) => r.entityRef)).toEqual([
        'cocktailserver:default/cart',
      ]);
      const refused = await request(app)
        .get('/audit')
        .query({ action: 'probe', entityRef: 'servicemap:default/shop-prod' });
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toBe(
        'you are not allowed to cocktail.audit.read on servicemap:default/shop-prod',
      );
    });

    it('refuses to verify the chain, which spans every Service', async () => {
      allowOnlyOn('cocktail.audit.read', [
        'cocktailserver:default/cart',
        'servicemap:default/shop-prod',
      ]);
      const response = await request(app).get('/audit/verify');
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        'Verifying the audit chain needs a platform admin: the chain spans every Service.',
      );
    });
  });
});
