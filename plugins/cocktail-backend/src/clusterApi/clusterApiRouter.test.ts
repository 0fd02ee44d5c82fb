import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeSim } from '@cocktailcloud/kube-sim';
import {
  builtInClusterApiProviders,
  ClusterPolicy,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import request from 'supertest';
import { createTestAuditStore } from '../audit/__testUtils__/createTestAuditStore';
import { DatabaseAuditStore } from '../audit';
import { clusterApiRouter } from './clusterApiRouter';
import { ClusterProvisioner } from './ClusterProvisioner';
import { managementClusterAccess } from './managementCluster';
import { createAuthorize } from '../service/authorize';

jest.setTimeout(60_000);

const policies = [
  {
    name: 'allowed-providers',
    message: 'Only aws and docker clusters may be created',
    expression: "request.provider in ['aws', 'docker']",
    appliesTo: ['create'],
  },
  {
    name: 'required-labels',
    message: 'Clusters need a team label',
    expression: "'team' in request.labels",
  },
];

const demo = {
  name: 'demo',
  provider: 'docker',
  kubernetesVersion: 'v1.32.2',
  controlPlane: { replicas: 1 },
  nodePools: [{ name: 'workers', replicas: 2 }],
  labels: { team: 'platform' },
};

async function until<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
): Promise<T> {
  const deadline = Date.now() + 20_000;
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
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

describe('the Cluster API routes against a simulated management cluster', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sim: KubeSim;
  let app: express.Express;
  let audit: DatabaseAuditStore;
  const authorize = jest.fn();
  const refreshRegistry = jest.fn(async () => {});
  let resource: any;

  beforeAll(async () => {
    const client: typeof k8s = await import('@kubernetes/client-node');
    sim = await KubeSim.start({
      clusters: ['mgmt', 'plain'],
      clusterApi: ['mgmt'],
      cluster: {
        controllers: { podReadyDelayMs: 20, syncPeriodMs: 100 },
        clusterApiProvisionMs: 300,
      } as any,
    });
    const configFor = (name: string) => {
      const config = new client.KubeConfig();
      config.loadFromOptions({
        clusters: [
          { name, server: sim.cluster(name).url, skipTLSVerify: true },
        ],
        users: [{ name: 'u', token: 't' }],
        contexts: [{ name, cluster: name, user: 'u' }],
        currentContext: name,
      });
      return config;
    };
    audit = (await createTestAuditStore(databases, 'SQLITE_3')).store;
    const policy = await ClusterPolicy.fromConfig(
      mockServices.rootConfig({
        data: { cocktail: { clusterApi: { policies } } },
      }),
    );
    const provisionerOn = (name: string) =>
      new ClusterProvisioner({
        management: managementClusterAccess({
          name,
          kubeConfigFor: async cluster => configFor(cluster),
          loadClient: async () => client,
          providers: builtInClusterApiProviders(),
        }),
        policy,
        refreshRegistry,
      });
    const shared = {
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      auditor: mockServices.auditor.mock(),
      audit,
      authorize: createAuthorize(mockServices.permissions.mock({ authorize })),
      catalog: {
        getEntityByRef: async () => resource,
        getEntities: async () => ({ items: [] }),
      },
    };
    const logger = mockServices.logger.mock();
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger,
    });
    app = express()
      .use(express.json())
      .use(
        '/plain',
        clusterApiRouter({ ...shared, provisioner: provisionerOn('plain') }),
      )
      .use('/none', clusterApiRouter({ ...shared }))
      .use(clusterApiRouter({ ...shared, provisioner: provisionerOn('mgmt') }))
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
  });

  it('renders and checks a cluster with a dry run, creating nothing and auditing nothing', async () => {
    const response = await request(app)
      .post('/cluster-api/clusters')
      .send({ request: demo, dryRun: true });
    expect(response.status).toBe(200);
    expect(response.body.result.objects).toEqual(
      expect.arrayContaining([
        'Cluster/demo',
        'KubeadmControlPlane/demo-control-plane',
      ]),
    );
    expect(response.body.result.entity).toMatchObject({
      kind: 'Resource',
      metadata: { name: 'demo' },
      spec: { type: 'kubernetes-cluster' },
    });
    const status = await request(app).get('/cluster-api/clusters/default/demo');
    expect(status.status).toBe(404);
    expect((await audit.query({})).items).toEqual([]);
  });

  it('reports every broken policy rule at once and applies nothing', async () => {
    const response = await request(app)
      .post('/cluster-api/clusters')
      .send({
        request: {
          ...demo,
          name: 'refused',
          provider: 'gcp',
          labels: {},
          providerOptions: { project: 'p' },
        },
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(
      'the cluster policy refused the request: Only aws and docker clusters may be created (rule allowed-providers); Clusters need a team label (rule required-labels)',
    );
    expect(
      (await request(app).get('/cluster-api/clusters/default/refused')).status,
    ).toBe(404);
  });

  it('names every invalid field of the request', async () => {
    const response = await request(app)
      .post('/cluster-api/clusters')
      .send({
        request: {
          ...demo,
          name: 'Bad_Name',
          nodePools: [{ name: 'workers', replicas: -1 }],
        },
      });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(/name: /);
    expect(response.body.error.message).toMatch(/nodePools\[0\]\.replicas: /);
  });

  it('says what to install when the management cluster lacks the provider', async () => {
    const response = await request(app)
      .post('/plain/cluster-api/clusters')
      .send({ request: demo });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toMatch(
      /^provider: management cluster plain does not serve .*install the docker provider there/,
    );
  });

  it('says how to set Cluster API up when no management cluster is configured', async () => {
    const response = await request(app)
      .post('/none/cluster-api/clusters')
      .send({ request: demo });
    expect(response.status).toBe(404);
    expect(response.body.error.message).toBe(
      'Cluster API is not set up: name the management cluster in cocktail.clusterApi.managementCluster',
    );
  });

  it('creates the cluster, follows it to Provisioned, and audits the creation', async () => {
    const created = await request(app)
      .post('/cluster-api/clusters')
      .send({ request: demo, owner: 'group:platform' });
    expect(created.status).toBe(200);
    expect(created.body.result.applied).toContain('Cluster/demo');
    const status = await until(
      async () =>
        (
          await request(app).get('/cluster-api/clusters/default/demo')
        ).body,
      s => s.phase === 'Provisioned' && s.kubeconfigSecret,
      'the cluster to be provisioned',
    );
    expect(status.controlPlane).toMatchObject({
      kind: 'KubeadmControlPlane',
      version: 'v1.32.2',
    });
    expect(status.nodePools).toEqual([
      expect.objectContaining({ replicas: 2, version: 'v1.32.2' }),
    ]);
    expect(refreshRegistry).toHaveBeenCalled();
    expect(
      (await audit.query({ action: 'cluster.create' })).items[0],
    ).toMatchObject({
      entityRef: 'resource:default/demo',
      outcome: 'succeeded',
    });
  });

  it('applies the same request again without error: a retried task is harmless', async () => {
    const again = await request(app)
      .post('/cluster-api/clusters')
      .send({ request: demo });
    expect(again.status).toBe(200);
  });

  it('upgrades the control plane, refuses the node pools before it, then upgrades them', async () => {
    const skip = await request(app)
      .post('/cluster-api/clusters/default/demo/upgrade')
      .send({ version: 'v1.34.0' });
    expect(skip.status).toBe(400);
    expect(skip.body.error.message).toBe(
      'version: v1.34.0 skips 1 minor version(s) from v1.32.2; upgrade to v1.33.x first',
    );
    const early = await request(app)
      .post('/cluster-api/clusters/default/demo/upgrade')
      .send({ version: 'v1.33.1', stage: 'node-pools' });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(
      'the control plane runs v1.32.2; upgrade it to v1.33.1 before the node pools',
    );
    const plane = await request(app)
      .post('/cluster-api/clusters/default/demo/upgrade')
      .send({ version: 'v1.33.1' });
    expect(plane.status).toBe(200);
    expect(plane.body.result.changes).toEqual([
      expect.objectContaining({
        path: 'spec.version',
        from: 'v1.32.2',
        to: 'v1.33.1',
      }),
    ]);
    const pools = await request(app)
      .post('/cluster-api/clusters/default/demo/upgrade')
      .send({ version: 'v1.33.1', stage: 'node-pools' });
    expect(pools.status).toBe(200);
    const status = (
      await request(app).get('/cluster-api/clusters/default/demo')
    ).body;
    expect(status.nodePools[0].version).toBe('v1.33.1');
  });

  it('scales a node pool and adds one', async () => {
    const scaled = await request(app)
      .post('/cluster-api/clusters/default/demo/scale')
      .send({ nodePool: 'workers', replicas: 3 });
    expect(scaled.status).toBe(200);
    const added = await request(app)
      .post('/cluster-api/clusters/default/demo/scale')
      .send({ addNodePool: { name: 'batch', replicas: 1 } });
    expect(added.status).toBe(200);
    const status = (
      await request(app).get('/cluster-api/clusters/default/demo')
    ).body;
    expect(status.nodePools.map((p: any) => p.replicas).sort()).toEqual([1, 3]);
    const missing = await request(app)
      .post('/cluster-api/clusters/default/demo/scale')
      .send({ nodePool: 'gpu', replicas: 1 });
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(
      /^nodePool: demo has no node pool gpu; it has /,
    );
  });

  it('refuses to upgrade a Cluster of another namespace than its Resource names', async () => {
    resource = {
      metadata: {
        annotations: { 'cocktailcloud.io/cluster-api': 'mgmt/team-b/demo' },
      },
    };
    const response = await request(app)
      .post('/cluster-api/clusters/default/demo/upgrade')
      .send({ version: 'v1.34.0', dryRun: true });
    resource = undefined;
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      "cluster: resource:default/demo is the Cluster mgmt/team-b/demo, not default/demo; permissions on it do not reach another namespace's Cluster",
    );
  });

  it('refuses without the permission, and audits the refusal', async () => {
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
    );
    const response = await request(app)
      .post('/cluster-api/clusters')
      .send({ request: { ...demo, name: 'denied' } });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'you are not allowed to cocktail.cluster.create',
    );
    expect(
      (await audit.query({ action: 'cluster.create', outcome: 'denied' }))
        .items,
    ).toHaveLength(1);
  });
});
