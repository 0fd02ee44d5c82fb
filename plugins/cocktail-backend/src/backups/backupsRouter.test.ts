import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeSim, SimulatedCluster } from '@cocktailcloud/kube-sim';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import request from 'supertest';
import { createTestAuditStore } from '../audit/__testUtils__/createTestAuditStore';
import { DatabaseAuditStore } from '../audit';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import { createAuthorize } from '../service/authorize';
import { CocktailCatalog } from '../summaries/CocktailCatalog';
import { backupsRouter } from './backupsRouter';

jest.setTimeout(60_000);

const serviceMap = (name: string, cluster: string, namespace: string) => ({
  apiVersion: 'cocktailcloud.io/v1alpha1',
  kind: 'ServiceMap',
  metadata: { name, namespace: 'default' },
  spec: { service: 'payments', cluster, namespace, environment: 'dev' },
});

describe('Velero backups and restores of ServiceMaps, against a simulated cluster', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sim: KubeSim;
  let bare: SimulatedCluster;
  let app: express.Express;
  let audit: DatabaseAuditStore;
  let apps: k8s.AppsV1Api;
  const authorize = jest.fn();
  const entities = [
    serviceMap('payments-dev', 'dev', 'payments-dev'),
    serviceMap('search-dev', 'dev', 'search-dev'),
    serviceMap('payments-bare', 'bare', 'payments-bare'),
  ];

  beforeAll(async () => {
    const client: typeof k8s = await import('@kubernetes/client-node');
    sim = await KubeSim.start({
      clusters: ['dev'],
      cluster: { controllers: { podReadyDelayMs: 20, syncPeriodMs: 100 } },
    });
    bare = new SimulatedCluster({ name: 'bare', velero: false });
    await bare.listen(0);
    const configFor = (name: string) => {
      const config = new client.KubeConfig();
      const server = name === 'bare' ? bare.url : sim.cluster(name).url;
      config.loadFromOptions({
        clusters: [{ name, server, skipTLSVerify: true }],
        users: [{ name: 'u', token: 't' }],
        contexts: [{ name, cluster: name, user: 'u' }],
        currentContext: name,
      });
      return config;
    };
    const config = configFor('dev');
    apps = config.makeApiClient(client.AppsV1Api);
    const core = config.makeApiClient(client.CoreV1Api);
    await core.createNamespace({
      body: { metadata: { name: 'payments-dev' } },
    });
    await apps.createNamespacedDeployment({
      namespace: 'payments-dev',
      body: {
        metadata: { name: 'payments-api', labels: { app: 'payments-api' } },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: 'payments-api' } },
          template: {
            metadata: { labels: { app: 'payments-api' } },
            spec: { containers: [{ name: 'api', image: 'nginx:1.27' }] },
          },
        },
      },
    });
    audit = (await createTestAuditStore(databases, 'SQLITE_3')).store;
    const catalog = new CocktailCatalog({
      getEntityByRef: async (ref: string) =>
        entities.find(e => `servicemap:default/${e.metadata.name}` === ref),
      getEntities: async () => ({ items: entities }),
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    });
    app = express()
      .use(express.json())
      .use(
        backupsRouter({
          httpAuth: mockServices.httpAuth(),
          auth: mockServices.auth(),
          auditor: mockServices.auditor.mock(),
          audit,
          authorize: createAuthorize(
            mockServices.permissions.mock({ authorize }),
          ),
          catalog,
          clusters: {
            listClusters: async () => [
              { name: 'dev', entityRef: 'resource:default/dev' } as any,
            ],
            kubeConfigFor: async name => configFor(name),
          },
          operationsFor: async cluster =>
            new KubernetesOperations(client, configFor(cluster), cluster),
          now: () => new Date('2026-12-06T23:15:00Z'),
        }),
      )
      .use(middleware.error());
  });

  beforeEach(() => {
    authorize.mockReset();
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    );
  });

  afterAll(async () => {
    await sim.stop();
    await bare.close();
  });

  async function until<T>(
    read: () => Promise<T>,
    done: (v: T) => boolean,
    what: string,
  ) {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await read();
      if (done(value)) {
        return value;
      }
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for ${what}: ${JSON.stringify(value)}`,
        );
      }
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  }

  const backupsOf = async () =>
    (await request(app).get('/servicemaps/default/payments-dev/backups')).body;

  it('backs up a ServiceMap namespace after a dry run that creates nothing; the backup completes', async () => {
    const dry = await request(app)
      .post('/servicemaps/default/payments-dev/backups')
      .send({ dryRun: true, ttl: '168h0m0s' });
    expect(dry.status).toBe(200);
    expect(dry.body.result.changes).toEqual([
      'Create Backup velero/payments-dev-20261206-231500 on dev: back up namespace payments-dev now, kept for 168h0m0s',
    ]);
    expect((await backupsOf()).backups).toEqual([]);
    const created = await request(app)
      .post('/servicemaps/default/payments-dev/backups')
      .send({ ttl: '168h0m0s' });
    expect(created.status).toBe(200);
    expect(created.body.result.manifest.metadata.annotations).toEqual({
      'cocktailcloud.io/requested-by': 'user:default/mock',
    });
    const body = await until(
      backupsOf,
      b => b.backups[0]?.phase === 'Completed',
      'the backup to complete',
    );
    expect(body).toMatchObject({
      cluster: 'dev',
      namespace: 'payments-dev',
      available: true,
    });
    expect(body.backups[0]).toMatchObject({
      name: 'payments-dev-20261206-231500',
      namespaces: ['payments-dev'],
      errors: 0,
    });
    expect(body.backups[0].items).toBeGreaterThan(1);
    expect(
      (await audit.query({ action: 'backup.create' })).items[0],
    ).toMatchObject({
      entityRef: 'servicemap:default/payments-dev',
      cluster: 'dev',
      namespace: 'payments-dev',
      outcome: 'succeeded',
    });
    const again = await request(app)
      .post('/servicemaps/default/payments-dev/backups')
      .send({});
    expect(again.status).toBe(409);
    expect(again.body.error.message).toMatch(
      /^name: a Backup named payments-dev-20261206-231500 already exists/,
    );
  });

  it('restores a deleted Deployment from the backup', async () => {
    await apps.deleteNamespacedDeployment({
      name: 'payments-api',
      namespace: 'payments-dev',
    });
    const restored = await request(app)
      .post('/servicemaps/default/payments-dev/restores')
      .send({ backup: 'payments-dev-20261206-231500' });
    expect(restored.status).toBe(200);
    const body = await until(
      backupsOf,
      b => b.restores[0]?.phase === 'Completed',
      'the restore to complete',
    );
    expect(body.restores[0]).toMatchObject({
      backup: 'payments-dev-20261206-231500',
    });
    const deployment = await apps.readNamespacedDeployment({
      name: 'payments-api',
      namespace: 'payments-dev',
    });
    expect(deployment.metadata?.labels?.['velero.io/backup-name']).toBe(
      'payments-dev-20261206-231500',
    );
  });

  it('restores into a new namespace only when no ServiceMap claims it and it is not reserved', async () => {
    const claimed = await request(app)
      .post('/servicemaps/default/payments-dev/restores')
      .send({
        backup: 'payments-dev-20261206-231500',
        targetNamespace: 'search-dev',
        dryRun: true,
      });
    expect(claimed.status).toBe(409);
    expect(claimed.body.error.message).toBe(
      'targetNamespace: search-dev on cluster dev is already claimed by servicemap:default/search-dev; a namespace belongs to one ServiceMap',
    );
    const reserved = await request(app)
      .post('/servicemaps/default/payments-dev/restores')
      .send({
        backup: 'payments-dev-20261206-231500',
        targetNamespace: 'kube-system',
        dryRun: true,
      });
    expect(reserved.status).toBe(400);
    expect(reserved.body.error.message).toMatch(
      /^targetNamespace: kube-system is reserved on every cluster/,
    );
    const copy = await request(app)
      .post('/servicemaps/default/payments-dev/restores')
      .send({
        backup: 'payments-dev-20261206-231500',
        targetNamespace: 'payments-dev-copy',
        name: 'copy',
      });
    expect(copy.status).toBe(200);
    await until(
      async () =>
        apps
          .readNamespacedDeployment({
            name: 'payments-api',
            namespace: 'payments-dev-copy',
          })
          .catch(() => undefined),
      d => Boolean(d),
      'the copy',
    );
    expect(
      (await backupsOf()).restores.find((r: any) => r.name === 'copy')
        .targetNamespace,
    ).toBe('payments-dev-copy');
    const existing = await request(app)
      .post('/servicemaps/default/payments-dev/restores')
      .send({
        backup: 'payments-dev-20261206-231500',
        targetNamespace: 'payments-dev-copy',
        dryRun: true,
      });
    expect(existing.status).toBe(409);
    expect(existing.body.error.message).toBe(
      "targetNamespace: payments-dev-copy already exists on cluster dev; restore into a new namespace, or into the ServiceMap's own",
    );
  });

  it('schedules backups, lists the schedule and its first backup, and removes the schedule', async () => {
    const scheduled = await request(app)
      .post('/servicemaps/default/payments-dev/backups')
      .send({ schedule: '0 3 * * *', ttl: '720h0m0s' });
    expect(scheduled.status).toBe(200);
    const body = await until(
      backupsOf,
      b => b.backups.some((x: any) => x.schedule === 'payments-dev-scheduled'),
      'the first scheduled backup',
    );
    expect(body.schedules).toEqual([
      expect.objectContaining({
        name: 'payments-dev-scheduled',
        schedule: '0 3 * * *',
        phase: 'Enabled',
        ttl: '720h0m0s',
      }),
    ]);
    const removed = await request(app).delete(
      '/servicemaps/default/payments-dev/backup-schedules/payments-dev-scheduled',
    );
    expect(removed.status).toBe(200);
    expect((await backupsOf()).schedules).toEqual([]);
  });

  it('names what is wrong: a bad schedule, a missing or foreign backup, Velero missing', async () => {
    const badSchedule = await request(app)
      .post('/servicemaps/default/payments-dev/backups')
      .send({ schedule: 'nightly' });
    expect(badSchedule.status).toBe(400);
    expect(badSchedule.body.error.message).toMatch(
      /^schedule: expected a cron schedule of 5 fields/,
    );
    const missing = await request(app)
      .post('/servicemaps/default/payments-dev/restores')
      .send({ backup: 'nope' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe(
      'backup: no backup nope of namespace payments-dev on dev',
    );
    const foreign = await request(app)
      .post('/servicemaps/default/search-dev/restores')
      .send({ backup: 'payments-dev-20261206-231500' });
    expect(foreign.status).toBe(404);
    const bareList = (
      await request(app).get('/servicemaps/default/payments-bare/backups')
    ).body;
    expect(bareList).toMatchObject({ available: false, cluster: 'bare' });
    expect(bareList.reason).toBe(
      'Velero is not installed on cluster bare (it does not serve velero.io/v1 Backups): install the velero add-on',
    );
    const bareBackup = await request(app)
      .post('/servicemaps/default/payments-bare/backups')
      .send({});
    expect(bareBackup.status).toBe(409);
  });

  it('refuses without the permission on the ServiceMap, and audits the refusal', async () => {
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
    );
    const read = await request(app).get(
      '/servicemaps/default/payments-dev/backups',
    );
    expect(read.status).toBe(403);
    expect(read.body.error.message).toBe(
      'you are not allowed to cocktail.backup.read on servicemap:default/payments-dev',
    );
    const restore = await request(app)
      .post('/servicemaps/default/payments-dev/restores')
      .send({ backup: 'payments-dev-20261206-231500' });
    expect(restore.status).toBe(403);
    expect(restore.body.error.message).toBe(
      'you are not allowed to cocktail.backup.restore on servicemap:default/payments-dev',
    );
    expect(
      (await audit.query({ action: 'backup.restore', outcome: 'denied' }))
        .items,
    ).toHaveLength(1);
    const cluster = await request(app).post('/clusters/dev/backups').send({});
    expect(cluster.status).toBe(403);
    expect(cluster.body.error.message).toBe(
      'you are not allowed to cocktail.backup.create on resource:default/dev',
    );
  });

  it('backs up a whole cluster for those allowed on its Resource', async () => {
    const created = await request(app)
      .post('/clusters/dev/backups')
      .send({ name: 'dev-all' });
    expect(created.status).toBe(200);
    const list = await until(
      async () => (await request(app).get('/clusters/dev/backups')).body,
      b =>
        b.backups.some(
          (x: any) => x.name === 'dev-all' && x.phase === 'Completed',
        ),
      'the cluster backup',
    );
    expect(
      list.backups.find((x: any) => x.name === 'dev-all').namespaces,
    ).toEqual(['*']);
    expect((await backupsOf()).backups.map((b: any) => b.name)).toContain(
      'dev-all',
    );
  });
});
