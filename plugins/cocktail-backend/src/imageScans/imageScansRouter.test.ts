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
import { createHash } from 'node:crypto';
import request from 'supertest';
import { DatabaseAuditStore } from '../audit';
import { createTestAuditStore } from '../audit/__testUtils__/createTestAuditStore';
import { startSimulatedCluster } from '../__testUtils__/simulatedCluster';
import { createRouter } from '../service/createRouter';
import { DatabaseScanStore } from './DatabaseScanStore';

jest.setTimeout(60_000);

const API_VERSION = 'cocktailcloud.io/v1alpha1';
// kube-sim reports a pod's imageID as `<repository>@sha256(<image>)`.
const NGINX_DIGEST = `sha256:${createHash('sha256')
  .update('nginx:1.27')
  .digest('hex')}`;

const server = (name: string, image: string) => ({
  apiVersion: API_VERSION,
  kind: 'CocktailServer',
  metadata: { name, namespace: 'default' },
  spec: {
    serviceMap: 'shop-dev',
    type: 'Deployment',
    replicas: 2,
    containers: [{ name: 'app', image }],
  },
});

const entities = [
  {
    apiVersion: API_VERSION,
    kind: 'Service',
    metadata: { name: 'shop', namespace: 'default' },
    spec: { owner: 'group:shop-team' },
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
    },
  },
  server('orders', 'nginx:1.27'),
  server('web', 'redis:7.4'),
];

function trivyReport(
  vulnerabilities: Array<{ id: string; pkg: string; severity: string }>,
) {
  return {
    SchemaVersion: 2,
    CreatedAt: '2026-11-20T10:00:00Z',
    ArtifactName: 'nginx:1.27',
    ArtifactType: 'container_image',
    Metadata: {
      RepoTags: ['nginx:1.27'],
      RepoDigests: [`nginx@${NGINX_DIGEST}`],
    },
    Results: [
      {
        Target: 'nginx:1.27 (debian 12.8)',
        Class: 'os-pkgs',
        Type: 'debian',
        Vulnerabilities: vulnerabilities.map(v => ({
          VulnerabilityID: v.id,
          PkgName: v.pkg,
          InstalledVersion: '3.0.15-1',
          FixedVersion: '3.0.16-1',
          Severity: v.severity,
          Title: `${v.pkg}: a flaw`,
        })),
      },
    ],
    Trivy: { Version: '0.58.1' },
  };
}

describe('the image scan routes and the deploy gate', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sim: KubeSim;
  let app: express.Express;
  let audit: DatabaseAuditStore;
  let cache: WatchCache;
  const authorize = jest.fn();
  const authorizeConditional = jest.fn();

  /** The policy allows everything but the permissions named in `except`, everywhere. */
  function allow(except: string[] = []) {
    const decide = async (requests: any[]) =>
      requests.map(r => ({
        result: except.includes(r.permission.name)
          ? AuthorizeResult.DENY
          : AuthorizeResult.ALLOW,
      }));
    authorize.mockImplementation(decide);
    authorizeConditional.mockImplementation(decide);
  }

  /** The policy allows reading scans on `readable` only: conditional, as a Service role. */
  function allowScanReadsOn(readable: string[]) {
    authorizeConditional.mockImplementation(async (requests: any[]) =>
      requests.map(r =>
        r.permission.name === 'cocktail.imagescan.read'
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
          r.permission.name !== 'cocktail.imagescan.read' ||
          readable.includes(r.resourceRef)
            ? AuthorizeResult.ALLOW
            : AuthorizeResult.DENY,
      })),
    );
  }

  beforeAll(async () => {
    const started = await startSimulatedCluster({ namespace: 'shop-dev' });
    sim = started.sim;
    const { knex, store: auditStore } = await createTestAuditStore(
      databases,
      'SQLITE_3',
    );
    audit = auditStore;
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
      permissions: mockServices.permissions.mock({
        authorize,
        authorizeConditional,
      }),
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
      imageScans: {
        store: await DatabaseScanStore.create({
          database: mockServices.database({ knex }),
        }),
        blockDeployAtOrAbove: 'high',
        maxUploadBytes: 64 * 1024,
      },
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    });
    app = express().use(router).use(middleware.error());
  });

  beforeEach(() => {
    authorize.mockReset();
    authorizeConditional.mockReset();
    allow();
  });

  afterAll(async () => {
    cache.stop();
    await sim.stop();
  });

  async function runningImages(name: string) {
    for (let i = 0; i < 100; i++) {
      const response = await request(app).get(
        `/servers/default/${name}/image-scans`,
      );
      if (
        response.body.images?.[0]?.digest &&
        response.body.images[0].pods === 2
      ) {
        return response;
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    throw new Error(`the pods of ${name} never ran`);
  }

  it('lets a never-scanned image deploy, then lists it as unscanned with the digest its pods run', async () => {
    expect(
      (await request(app).post('/servers/default/orders/deploy').send({}))
        .status,
    ).toBe(200);
    const response = await runningImages('orders');
    expect(response.body).toEqual({
      entityRef: 'cocktailserver:default/orders',
      images: [
        {
          container: 'app',
          image: 'nginx:1.27',
          digest: NGINX_DIGEST,
          pods: 2,
        },
      ],
      counts: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
      fixable: { CRITICAL: 0, HIGH: 0, MEDIUM: 0, LOW: 0, UNKNOWN: 0 },
      unscanned: 1,
    });
  });

  it('takes a Trivy report streamed as the body, and audits the upload without the report', async () => {
    const response = await request(app)
      .post('/image-scans')
      .set('Content-Type', 'application/json')
      .send(
        JSON.stringify(
          trivyReport([
            { id: 'CVE-2024-0001', pkg: 'openssl', severity: 'HIGH' },
            { id: 'CVE-2024-0002', pkg: 'zlib', severity: 'LOW' },
          ]),
        ),
      );
    expect(response.status).toBe(200);
    expect(response.body.scan).toMatchObject({
      imageKey: NGINX_DIGEST,
      image: {
        registry: 'docker.io',
        repository: 'library/nginx',
        tag: '1.27',
        digest: NGINX_DIGEST,
      },
      format: 'trivy',
      source: 'upload',
      counts: { HIGH: 1, LOW: 1 },
    });
    const [row] = (await audit.query({ action: 'imagescan.upload' })).items;
    expect(row).toMatchObject({
      outcome: 'succeeded',
      details: {
        scanId: response.body.scan.id,
        image: NGINX_DIGEST,
        format: 'trivy',
        counts: { CRITICAL: 0, HIGH: 1, MEDIUM: 0, LOW: 1, UNKNOWN: 0 },
      },
    });
  });

  it("matches the scan to the server's running pods by digest and sums the counts", async () => {
    const response = await runningImages('orders');
    expect(response.body.images[0].scan).toMatchObject({
      imageKey: NGINX_DIGEST,
    });
    expect(response.body.counts).toMatchObject({ HIGH: 1, LOW: 1 });
    expect(response.body.fixable).toMatchObject({ HIGH: 1, LOW: 1 });
    expect(response.body.unscanned).toBe(0);
  });

  it('rolls the servers of a ServiceMap and of a Service up, leaving out servers the caller may not read', async () => {
    const map = await request(app).get(
      '/servicemaps/default/shop-dev/image-scans',
    );
    expect(map.status).toBe(200);
    expect(map.body).toMatchObject({
      entityRef: 'servicemap:default/shop-dev',
      counts: { HIGH: 1, LOW: 1 },
      unscanned: 0,
    });
    // web is in the catalog but not deployed: no images.
    expect(map.body.servers.map((s: any) => s.entityRef)).toEqual([
      'cocktailserver:default/orders',
      'cocktailserver:default/web',
    ]);

    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(r => ({
        result:
          r.resourceRef === 'cocktailserver:default/orders'
            ? AuthorizeResult.DENY
            : AuthorizeResult.ALLOW,
      })),
    );
    const service = await request(app).get(
      '/services/default/shop/image-scans',
    );
    expect(service.status).toBe(200);
    expect(service.body).toMatchObject({
      entityRef: 'service:default/shop',
      counts: { HIGH: 0, LOW: 0 },
    });
    expect(service.body.servers.map((s: any) => s.entityRef)).toEqual([
      'cocktailserver:default/web',
    ]);
  });

  it("lists a scan's findings with filters, and names a bad parameter", async () => {
    const { body } = await runningImages('orders');
    const scanId = body.images[0].scan.id;
    const high = await request(app)
      .get(`/image-scans/${scanId}/findings`)
      .query({ severity: 'HIGH', fixable: 'true', q: 'cve-2024' });
    expect(high.status).toBe(200);
    expect(high.body.items).toEqual([
      {
        id: 'CVE-2024-0001',
        packageName: 'openssl',
        installedVersion: '3.0.15-1',
        fixedVersion: '3.0.16-1',
        severity: 'HIGH',
        title: 'openssl: a flaw',
        isNew: false,
      },
    ]);
    const badSeverity = await request(app)
      .get(`/image-scans/${scanId}/findings`)
      .query({ severity: 'SEVERE' });
    expect(badSeverity.status).toBe(400);
    expect(badSeverity.body.error.message).toMatch(/^severity: expected/);
    const badId = await request(app).get('/image-scans/abc/findings');
    expect(badId.status).toBe(400);
    expect(badId.body.error.message).toMatch(/^id: expected/);
    const missing = await request(app).get('/image-scans/424242/findings');
    expect(missing.status).toBe(404);
  });

  it('shows the findings of a scan to a member of a Service whose readable server runs the image', async () => {
    const { body } = await runningImages('orders');
    const scanId = body.images[0].scan.id;
    allowScanReadsOn(['cocktailserver:default/orders']);
    const response = await request(app).get(`/image-scans/${scanId}/findings`);
    expect(response.status).toBe(200);
    expect(response.body.items.map((f: any) => f.id).sort()).toEqual([
      'CVE-2024-0001',
      'CVE-2024-0002',
    ]);
  });

  it('refuses the findings of a scan when no server the caller may read runs the image', async () => {
    const { body } = await runningImages('orders');
    const scanId = body.images[0].scan.id;
    // web runs redis, not the scanned nginx.
    allowScanReadsOn(['cocktailserver:default/web']);
    const response = await request(app).get(`/image-scans/${scanId}/findings`);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      `Reading the findings of scan ${scanId} needs the viewer role on a Service whose servers run the scanned image; none of yours does.`,
    );
  });

  it('refuses the findings of a scan when the policy denies reading scans everywhere', async () => {
    const { body } = await runningImages('orders');
    const scanId = body.images[0].scan.id;
    allow(['cocktail.imagescan.read']);
    const response = await request(app).get(`/image-scans/${scanId}/findings`);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(
      new RegExp(
        `^Reading the findings of scan ${scanId} needs the viewer role`,
      ),
    );
  });

  it.each([
    ['/servers/default/orders/image-scans', 'cocktailserver:default/orders'],
    [
      '/servicemaps/default/shop-dev/image-scans',
      'servicemap:default/shop-dev',
    ],
    ['/services/default/shop/image-scans', 'service:default/shop'],
  ])(
    'refuses get %s without cocktail.imagescan.read on %s',
    async (path, resourceRef) => {
      authorize.mockImplementation(async (requests: any[]) =>
        requests.map(r => ({
          result:
            r.permission.name === 'cocktail.imagescan.read' &&
            r.resourceRef === resourceRef
              ? AuthorizeResult.DENY
              : AuthorizeResult.ALLOW,
        })),
      );
      const response = await request(app).get(path);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        `you are not allowed to cocktail.imagescan.read on ${resourceRef}`,
      );
    },
  );

  it('refuses an upload without the permission, and audits the refusal', async () => {
    allow(['cocktail.imagescan.create']);
    const response = await request(app)
      .post('/image-scans')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(trivyReport([])));
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'you are not allowed to cocktail.imagescan.create',
    );
    expect(
      (await audit.query({ action: 'imagescan.upload', outcome: 'denied' }))
        .items,
    ).toHaveLength(1);
  });

  it('answers 400 naming the problem of a bad report, a bad Content-Type or a bad image', async () => {
    const unknown = await request(app)
      .post('/image-scans')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ hello: 'world' }));
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toMatch(/unknown report/);

    const badField = await request(app)
      .post('/image-scans')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify({ ...trivyReport([]), SchemaVersion: 1 }));
    expect(badField.status).toBe(400);
    expect(badField.body.error.message).toMatch(/SchemaVersion/);

    const text = await request(app)
      .post('/image-scans')
      .set('Content-Type', 'text/plain')
      .send('{}');
    expect(text.status).toBe(400);
    expect(text.body.error.message).toMatch(/^Content-Type: expected/);

    const image = await request(app)
      .post('/image-scans')
      .query({ image: 'Not An Image' })
      .set('Content-Type', 'application/json')
      .send('{}');
    expect(image.status).toBe(400);
    expect(image.body.error.message).toMatch(/^image: /);
  });

  it('answers 413 for a report above the size limit', async () => {
    const big = trivyReport(
      Array.from({ length: 2_000 }, (_, i) => ({
        id: `CVE-2024-${10000 + i}`,
        pkg: 'openssl',
        severity: 'LOW',
      })),
    );
    const response = await request(app)
      .post('/image-scans')
      .set('Content-Type', 'application/json')
      .send(JSON.stringify(big));
    expect(response.status).toBe(413);
    expect(response.body.error.message).toMatch(
      /^the report is larger than the 64 KB limit \(cocktail\.imageScans\.maxUploadMegabytes\)/,
    );
  });

  it('refuses a deploy whose image has findings at or above the threshold, naming them', async () => {
    const response = await request(app)
      .post('/servers/default/orders/deploy')
      .send({});
    expect(response.status).toBe(409);
    expect(response.body.error.message).toMatch(
      /the image scan gate blocks deploying cocktailserver:default\/orders: nginx:1\.27 \(1 at or above high\)/,
    );
    expect(response.body.error.message).toMatch(
      /CVE-2024-0001 in openssl \(HIGH, nginx:1\.27\)/,
    );
    expect(response.body.error.message).toMatch(/overrideScanGate/);
    expect(response.body.error.message).not.toMatch(/CVE-2024-0002/);

    const inline = await request(app)
      .post('/servers/deploy')
      .send({ server: server('orders', 'nginx:1.27') });
    expect(inline.status).toBe(409);
  });

  it('reports what the gate would say in a dry run instead of refusing', async () => {
    const response = await request(app)
      .post('/servers/default/orders/deploy')
      .send({ dryRun: true });
    expect(response.status).toBe(200);
    expect(response.body.result.gate).toEqual({
      threshold: 'high',
      requireScan: false,
      blocked: true,
      unscanned: [],
      images: [
        { image: 'nginx:1.27', scanId: expect.any(String), atOrAbove: 1 },
      ],
      findings: [
        {
          scanId: expect.any(String),
          image: 'nginx:1.27',
          id: 'CVE-2024-0001',
          packageName: 'openssl',
          severity: 'HIGH',
        },
      ],
    });
  });

  it('refuses an override without the override permission', async () => {
    allow(['cocktail.imagescan.override']);
    const response = await request(app)
      .post('/servers/default/orders/deploy')
      .send({ overrideScanGate: true, overrideReason: 'hotfix' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'you are not allowed to cocktail.imagescan.override on cocktailserver:default/orders',
    );
    const reasonless = await request(app)
      .post('/servers/default/orders/deploy')
      .send({ overrideScanGate: true });
    expect(reasonless.status).toBe(400);
    expect(reasonless.body.error.message).toMatch(/^overrideReason: required/);
  });

  it('deploys with an override and the permission, and audits the reason', async () => {
    const response = await request(app)
      .post('/servers/default/orders/deploy')
      .send({ overrideScanGate: true, overrideReason: 'hotfix for INC-42' });
    expect(response.status).toBe(200);
    const [row] = (
      await audit.query({ action: 'server.deploy', outcome: 'succeeded' })
    ).items;
    expect(row.details).toEqual({
      overrideScanGate: true,
      overrideReason: 'hotfix for INC-42',
    });

    const inline = await request(app)
      .post('/servers/deploy')
      .send({
        server: server('orders', 'nginx:1.27'),
        overrideScanGate: true,
        overrideReason: 'scaffolder hotfix',
      });
    expect(inline.status).toBe(200);
    const [inlineRow] = (
      await audit.query({ action: 'server.deploy', outcome: 'succeeded' })
    ).items;
    expect(inlineRow.details).toMatchObject({
      inline: true,
      overrideScanGate: true,
      overrideReason: 'scaffolder hotfix',
    });
  });
});
