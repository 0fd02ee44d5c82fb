import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import {
  mockCredentials,
  mockServices,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { KubeSim } from '@cocktailcloud/kube-sim';
import {
  ServiceRoleDirectory,
  WatchCache,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import request from 'supertest';
import { parse as parseYaml } from 'yaml';
import { AccessExplainer } from '../access/AccessExplainer';
import { createTestAuditStore } from '../audit/__testUtils__/createTestAuditStore';
import { DatabaseAuditStore } from '../audit';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';
import { createRouter } from '../service/createRouter';
import { startSimulatedCluster } from '../__testUtils__/simulatedCluster';
import { roleTableAuthorize } from './__testUtils__/roleTableAuthorize';
import { sweepExpiredGrants, SWEEP_ACTOR } from './accessGrantSweep';
import { tokenFingerprint } from './issueGrant';
import { DatabaseAccessGrantStore } from './DatabaseAccessGrantStore';
import { AccessGranter } from './AccessGranter';

jest.setTimeout(60_000);

const API_VERSION = 'cocktailcloud.io/v1alpha1';

const serviceMap = (name: string, environment: string) => ({
  apiVersion: API_VERSION,
  kind: 'ServiceMap',
  metadata: { name, namespace: 'default' },
  spec: {
    service: 'payments',
    environment,
    cluster: 'resource:prod',
    namespace: name,
  },
});

const entities = [
  {
    apiVersion: API_VERSION,
    kind: 'Service',
    metadata: { name: 'payments', namespace: 'default', title: 'Payments' },
    spec: {
      owner: 'group:payments-team',
      members: [
        { ref: 'user:alice', role: 'admin' },
        { ref: 'user:bob', role: 'developer' },
        { ref: 'user:carol', role: 'viewer' },
      ],
    },
  },
  serviceMap('payments-dev', 'development'),
  serviceMap('payments-prod', 'production'),
];

const as = (user: string) =>
  mockCredentials.user.header(`user:default/${user}`);
const ACCESS = '/servicemaps/default/payments-dev/access';
const GRANT = {
  role: 'edit',
  durationMinutes: 10,
  reason: 'debug a failing job',
};

describe('time-limited cluster access: /servicemaps/:namespace/:name/access', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sim: KubeSim;
  let client: typeof k8s;
  let app: express.Express;
  let audit: DatabaseAuditStore;
  let store: DatabaseAccessGrantStore;
  let granter: AccessGranter;
  let cache: WatchCache;

  beforeAll(async () => {
    const started = await startSimulatedCluster({ namespace: 'payments-dev' });
    sim = started.sim;
    client = started.client;
    const cluster = sim.cluster('prod');
    cluster.store.create(cluster.registry.find('', 'v1', 'namespaces')!, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'payments-prod' },
    });
    const { knex, store: auditStore } = await createTestAuditStore(
      databases,
      'SQLITE_3',
    );
    audit = auditStore;
    store = await DatabaseAccessGrantStore.create({
      database: mockServices.database({ knex }),
    });
    const catalog = catalogServiceMock({ entities });
    const directory = new ServiceRoleDirectory({
      catalog,
      credentials: async () => mockCredentials.service('plugin:cocktail'),
      platformAdmins: ['group:default/platform-team'],
      refreshMs: 10_000,
    });
    // erin is a platform admin, through the platform team.
    const ownershipOf = (userRef: string) =>
      userRef === 'user:default/erin'
        ? [userRef, 'group:default/platform-team']
        : [userRef];
    const explainer = new AccessExplainer({
      directory,
      catalog,
      auth: mockServices.auth(),
      userInfo: {
        getUserInfo: async credentials => {
          const userEntityRef = (credentials.principal as any).userEntityRef;
          return {
            userEntityRef,
            ownershipEntityRefs: ownershipOf(userEntityRef),
          };
        },
      },
    });
    granter = new AccessGranter({
      kubeConfigFor: async () => started.kubeConfig,
      operationsFor: async name =>
        new KubernetesOperations(client, started.kubeConfig, name, 5_000),
    });
    const logger = mockServices.logger.mock();
    cache = new WatchCache({ logger, clientFor: async () => ({} as any) });
    const router = await createRouter({
      logger,
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      permissions: mockServices.permissions.mock({
        authorize: roleTableAuthorize(directory, ownershipOf, ref =>
          catalog.getEntityByRef(ref, {
            credentials: mockCredentials.service(),
          }),
        ) as any,
      }),
      auditor: mockServices.auditor.mock(),
      catalog,
      clusters: {
        listClusters: async () => [{ name: 'prod', source: 'config' }],
        kubeConfigFor: async () => started.kubeConfig,
      },
      watchCache: cache,
      audit,
      loadClient: async () => client,
      explainer,
      accessGrants: { store, granter, maxDurationMinutes: 480 },
    });
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    });
    app = express().use(router).use(middleware.error());
  });

  afterAll(async () => {
    cache.stop();
    await sim.stop();
  });

  /** A client that reaches the cluster with a handed-out kubeconfig, as kubectl would. */
  function clientsFrom(kubeconfig: string) {
    const config = new client.KubeConfig();
    config.loadFromString(kubeconfig);
    return {
      config,
      core: config.makeApiClient(client.CoreV1Api),
      apps: config.makeApiClient(client.AppsV1Api),
    };
  }

  async function httpCodeOf(promise: Promise<unknown>) {
    try {
      await promise;
      return 200;
    } catch (error: any) {
      return error.code;
    }
  }

  async function grantFor(user: string, body: object = GRANT) {
    const response = await request(app)
      .post(ACCESS)
      .set('Authorization', as(user))
      .send(body);
    expect(response.status).toBe(201);
    return response.body.result;
  }

  it('gives a developer an edit kubeconfig for the namespace that works there and nowhere else', async () => {
    const response = await request(app)
      .post(ACCESS)
      .set('Authorization', as('bob'))
      .send(GRANT);
    expect(response.status).toBe(201);
    expect(response.headers['cache-control']).toBe('no-store');
    const { grant, kubeconfig, fileName } = response.body.result;
    expect(grant).toMatchObject({
      entityRef: 'servicemap:default/payments-dev',
      userRef: 'user:default/bob',
      role: 'edit',
      namespace: 'payments-dev',
      cluster: 'prod',
      reason: 'debug a failing job',
    });
    expect(grant.serviceAccount).toMatch(/^cocktail-access-bob-[0-9a-f]{8}$/);
    expect(fileName).toBe(
      `payments-dev-${grant.serviceAccount.slice(16)}.kubeconfig`,
    );
    expect(
      new Date(grant.expiresAt).getTime() - new Date(grant.createdAt).getTime(),
    ).toBe(10 * 60_000);

    const parsed = parseYaml(kubeconfig);
    const token = parsed.users[0].user.token;
    expect(parsed.contexts[0].context.namespace).toBe('payments-dev');
    expect(parsed.clusters[0].cluster.server).toBe(sim.cluster('prod').url);
    expect(grant.tokenFingerprint).toBe(tokenFingerprint(token));

    const bob = clientsFrom(kubeconfig);
    await bob.core.createNamespacedConfigMap({
      namespace: 'payments-dev',
      body: { metadata: { name: 'from-bob' }, data: { a: 'b' } },
    });
    expect(
      await httpCodeOf(
        bob.core.listNamespacedPod({ namespace: 'payments-prod' }),
      ),
    ).toBe(403);
    expect(
      await httpCodeOf(
        bob.apps.deleteCollectionNamespacedDeployment({
          namespace: 'payments-prod',
        }),
      ),
    ).toBe(403);

    const rows = await audit.query({
      entityRefs: ['servicemap:default/payments-dev'],
      action: 'access.grant',
      includeIntents: true,
    });
    expect(rows.items.map(r => [r.actor, r.outcome])).toEqual([
      ['user:default/bob', 'succeeded'],
      ['user:default/bob', 'requested'],
    ]);
    expect(rows.items[0].details).toMatchObject({
      grantId: grant.id,
      role: 'edit',
      durationMinutes: 10,
    });
    expect(JSON.stringify(rows.items)).not.toContain(token);
    expect(JSON.stringify(await store.get(grant.id))).not.toContain(token);
  });

  it('refuses a viewer edit, naming the role field, the role needed and theirs, and audits the refusal', async () => {
    const response = await request(app)
      .post(ACCESS)
      .set('Authorization', as('carol'))
      .send(GRANT);
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'role: the Kubernetes role edit needs the developer role on Payments; your role there is viewer, which allows view',
    );
    const denied = await audit.query({
      actor: 'user:default/carol',
      action: 'access.grant',
    });
    expect(denied.items.map(r => r.outcome)).toEqual(['denied']);
    expect(
      (await grantFor('carol', { ...GRANT, role: 'view' })).grant.role,
    ).toBe('view');
  });

  it('refuses a developer admin, and anyone without a role on the Service', async () => {
    const bob = await request(app)
      .post(ACCESS)
      .set('Authorization', as('bob'))
      .send({ ...GRANT, role: 'admin' });
    expect(bob.status).toBe(403);
    expect(bob.body.error.message).toContain(
      'the Kubernetes role admin needs the admin role on Payments; your role there is developer',
    );
    const dave = await request(app)
      .post(ACCESS)
      .set('Authorization', as('dave'))
      .send({ ...GRANT, role: 'view' });
    expect(dave.status).toBe(403);
    expect(dave.body.error.message).toContain('Payments');
  });

  it.each([
    [{ ...GRANT, durationMinutes: 0 }, 'durationMinutes', 'from 1 to 480'],
    [{ ...GRANT, durationMinutes: 481 }, 'durationMinutes', 'from 1 to 480'],
    [{ ...GRANT, durationMinutes: 1.5 }, 'durationMinutes', 'whole number'],
    [{ ...GRANT, role: 'cluster-admin' }, 'role', 'view, edit or admin'],
    [{ ...GRANT, reason: ' ' }, 'reason', 'saying why'],
    [{ ...GRANT, reason: 'why' }, 'reason', 'at least 5 characters'],
    [{ ...GRANT, namespace: 'kube-system' }, 'namespace', ''],
  ])('refuses %j, naming %s', async (body, field, expected) => {
    const response = await request(app)
      .post(ACCESS)
      .set('Authorization', as('bob'))
      .send(body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(field);
    expect(response.body.error.message).toContain(expected);
  });

  it("lists a person's own grants, and everyone's to Service admins", async () => {
    const bobs = await grantFor('bob');
    const list = async (user: string) =>
      request(app).get(ACCESS).set('Authorization', as(user));
    const bob = (await list('bob')).body;
    expect(bob.scope).toBe('own');
    expect(bob.allowedRoles).toEqual(['view', 'edit']);
    expect(bob.maxDurationMinutes).toBe(480);
    expect(bob.items.every((g: any) => g.userRef === 'user:default/bob')).toBe(
      true,
    );
    expect(bob.items.map((g: any) => g.id)).toContain(bobs.grant.id);
    const alice = (await list('alice')).body;
    expect(alice.scope).toBe('all');
    expect(alice.allowedRoles).toEqual(['view', 'edit', 'admin']);
    expect(alice.items.map((g: any) => g.id)).toContain(bobs.grant.id);
    const carol = (await list('carol')).body;
    expect(carol.items.map((g: any) => g.id)).not.toContain(bobs.grant.id);
    expect((await list('dave')).status).toBe(403);
    expect(JSON.stringify(alice)).not.toContain(
      bobs.kubeconfig.split('token: ')[1],
    );
  });

  it("lets an admin revoke someone's grant, after which its token gets 401; others may not", async () => {
    const { grant, kubeconfig } = await grantFor('bob');
    const revoke = (user: string) =>
      request(app)
        .delete(`${ACCESS}/${grant.id}`)
        .set('Authorization', as(user));
    const byCarol = await revoke('carol');
    expect(byCarol.status).toBe(403);
    expect(byCarol.body.error.message).toContain('admin role on Payments');

    const bob = clientsFrom(kubeconfig);
    expect(
      await httpCodeOf(
        bob.core.listNamespacedPod({ namespace: 'payments-dev' }),
      ),
    ).toBe(200);
    const byAlice = await revoke('alice');
    expect(byAlice.status).toBe(200);
    expect(byAlice.body.result).toMatchObject({
      id: grant.id,
      endedBy: 'user:default/alice',
      endReason: 'revoked',
    });
    expect(
      await httpCodeOf(
        bob.core.listNamespacedPod({ namespace: 'payments-dev' }),
      ),
    ).toBe(401);
    const cluster = sim.cluster('prod');
    expect(
      cluster.store.get(
        cluster.registry.find('', 'v1', 'serviceaccounts')!,
        'payments-dev',
        grant.serviceAccount,
      ),
    ).toBeUndefined();
    const again = await revoke('alice');
    expect(again.status).toBe(409);
    expect(again.body.error.message).toContain('already ended');
    const rows = await audit.query({ action: 'access.revoke' });
    expect(rows.items.map(r => [r.actor, r.outcome])).toEqual([
      ['user:default/alice', 'failed'],
      ['user:default/alice', 'succeeded'],
      ['user:default/carol', 'denied'],
    ]);
  });

  it('lets a person revoke their own grant, and answers 404 for a grant of another ServiceMap', async () => {
    const { grant } = await grantFor('carol', { ...GRANT, role: 'view' });
    const other = await request(app)
      .delete(`/servicemaps/default/payments-prod/access/${grant.id}`)
      .set('Authorization', as('alice'));
    expect(other.status).toBe(404);
    const own = await request(app)
      .delete(`${ACCESS}/${grant.id}`)
      .set('Authorization', as('carol'));
    expect(own.status).toBe(200);
  });

  it('sweeps an expired grant: its objects go, its token stops, the expiry is audited', async () => {
    const { grant, kubeconfig } = await grantFor('bob', {
      ...GRANT,
      durationMinutes: 1,
    });
    const bob = clientsFrom(kubeconfig);
    const logger = mockServices.logger.mock();
    const before = await sweepExpiredGrants({ store, granter, audit, logger });
    expect(before.expired).toBe(0);
    expect(
      await httpCodeOf(
        bob.core.listNamespacedPod({ namespace: 'payments-dev' }),
      ),
    ).toBe(200);

    const later = new Date(Date.now() + 61_000);
    const swept = await sweepExpiredGrants({
      store,
      granter,
      audit,
      logger,
      now: later,
    });
    expect(swept).toEqual({ expired: 1, failed: 0 });
    expect((await store.get(grant.id))?.endReason).toBe('expired');
    expect(
      await httpCodeOf(
        bob.core.listNamespacedPod({ namespace: 'payments-dev' }),
      ),
    ).toBe(401);
    const rows = await audit.query({ action: 'access.expire' });
    expect(rows.items[0]).toMatchObject({
      actor: SWEEP_ACTOR,
      outcome: 'succeeded',
      entityRef: 'servicemap:default/payments-dev',
      details: {
        grantId: grant.id,
        user: 'user:default/bob',
        removed: [
          `RoleBinding/${grant.serviceAccount}`,
          `ServiceAccount/${grant.serviceAccount}`,
        ],
      },
    });
  });

  describe('cluster-wide read for platform admins: /clusters/:name/access', () => {
    const CLUSTER_ACCESS = '/clusters/prod/access';
    const READ = {
      durationMinutes: 30,
      reason: 'incident review across teams',
    };

    it('gives erin a kubeconfig that reads every namespace but no Secrets, and changes nothing', async () => {
      const response = await request(app)
        .post(CLUSTER_ACCESS)
        .set('Authorization', as('erin'))
        .send(READ);
      expect(response.status).toBe(201);
      expect(response.headers['cache-control']).toBe('no-store');
      const { grant, kubeconfig, fileName } = response.body.result;
      expect(grant).toMatchObject({
        scope: 'cluster',
        entityRef: 'resource:default/prod',
        cluster: 'prod',
        namespace: 'kube-system',
        role: 'view',
        userRef: 'user:default/erin',
      });
      expect(grant.serviceRef).toBeUndefined();
      expect(fileName).toMatch(
        /^prod-cluster-read-erin-[0-9a-f]{8}\.kubeconfig$/,
      );
      expect(parseYaml(kubeconfig).contexts[0].context.namespace).toBe(
        'default',
      );

      const erin = clientsFrom(kubeconfig);
      for (const namespace of ['payments-dev', 'payments-prod']) {
        expect(
          await httpCodeOf(erin.core.listNamespacedPod({ namespace })),
        ).toBe(200);
      }
      expect(
        await httpCodeOf(
          erin.core.listNamespacedSecret({ namespace: 'payments-dev' }),
        ),
      ).toBe(403);
      expect(
        await httpCodeOf(
          erin.core.createNamespacedConfigMap({
            namespace: 'payments-dev',
            body: { metadata: { name: 'from-erin' } },
          }),
        ),
      ).toBe(403);

      const listed = await request(app)
        .get(CLUSTER_ACCESS)
        .set('Authorization', as('erin'));
      expect(listed.body.items.map((g: any) => g.id)).toEqual([grant.id]);
      // Namespace grants do not list cluster grants.
      const onServiceMap = await request(app)
        .get(ACCESS)
        .set('Authorization', as('erin'));
      expect(onServiceMap.body.items.map((g: any) => g.id)).not.toContain(
        grant.id,
      );

      const revoked = await request(app)
        .delete(`${CLUSTER_ACCESS}/${grant.id}`)
        .set('Authorization', as('erin'));
      expect(revoked.status).toBe(200);
      expect(revoked.body.result).toMatchObject({
        endReason: 'revoked',
        endedBy: 'user:default/erin',
      });
      expect(
        await httpCodeOf(
          erin.core.listNamespacedPod({ namespace: 'payments-dev' }),
        ),
      ).toBe(401);
      const rows = await audit.query({
        entityRefs: ['resource:default/prod'],
        action: 'access.revoke',
      });
      expect(
        rows.items.map(r => [r.actor, r.outcome, r.details?.scope]),
      ).toEqual([['user:default/erin', 'succeeded', 'cluster']]);
    });

    it('refuses a Service admin who is not a platform admin, and audits the refusal', async () => {
      const response = await request(app)
        .post(CLUSTER_ACCESS)
        .set('Authorization', as('alice'))
        .send(READ);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        'Reading a whole cluster with kubectl needs a platform admin; you are not one. Ask a platform admin (group:default/platform-team).',
      );
      const listed = await request(app)
        .get(CLUSTER_ACCESS)
        .set('Authorization', as('alice'));
      expect(listed.status).toBe(403);
      const rows = await audit.query({
        entityRefs: ['resource:default/prod'],
        action: 'access.grant',
        actor: 'user:default/alice',
      });
      expect(rows.items.map(r => r.outcome)).toEqual(['denied']);
    });

    it('names the unknown cluster and the field that is wrong', async () => {
      const unknown = await request(app)
        .post('/clusters/nowhere/access')
        .set('Authorization', as('erin'))
        .send(READ);
      expect(unknown.status).toBe(404);
      expect(unknown.body.error.message).toBe(
        'No cluster named "nowhere"; the known clusters are "prod"',
      );
      const withRole = await request(app)
        .post(CLUSTER_ACCESS)
        .set('Authorization', as('erin'))
        .send({ ...READ, role: 'admin' });
      expect(withRole.status).toBe(400);
      expect(withRole.body.error.message).toContain('role');
      const tooLong = await request(app)
        .post(CLUSTER_ACCESS)
        .set('Authorization', as('erin'))
        .send({ ...READ, durationMinutes: 481 });
      expect(tooLong.status).toBe(400);
      expect(tooLong.body.error.message).toContain('durationMinutes');
    });
  });
});
