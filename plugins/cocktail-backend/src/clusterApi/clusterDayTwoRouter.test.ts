import { MiddlewareFactory } from '@backstage/backend-defaults/rootHttpRouter';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { KubeSim } from '@cocktailcloud/kube-sim';
import {
  builtInClusterApiProviders,
  ClusterPolicy,
  ClusterPolicyPerson,
  readAddonCatalog,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import express from 'express';
import request from 'supertest';
import { createTestAuditStore } from '../audit/__testUtils__/createTestAuditStore';
import { DatabaseAuditStore } from '../audit';
import { createAuthorize } from '../service/authorize';
import { clusterApiRouter } from './clusterApiRouter';
import { clusterDayTwoRouter } from './clusterDayTwoRouter';
import { ClusterProvisioner } from './ClusterProvisioner';
import { managementClusterAccess } from './managementCluster';

jest.setTimeout(60_000);

const policies = [
  {
    name: 'pools-removed-by-platform',
    message: 'only platform admins remove node pools',
    expression: "operation != 'remove-node-pool' || person.platformAdmin",
    appliesTo: ['scale'],
  },
  {
    name: 'no-gpu-operator',
    message: 'the GPU operator is not offered here',
    expression: "!('addon' in target) || target.addon != 'gpu-operator'",
    appliesTo: ['addon'],
  },
];

const demo = {
  name: 'keep',
  provider: 'aws',
  region: 'eu-west-1',
  kubernetesVersion: 'v1.32.2',
  controlPlane: { replicas: 1 },
  nodePools: [{ name: 'workers', replicas: 2, machineType: 'm5.large' }],
  labels: { team: 'platform' },
};

const bob: ClusterPolicyPerson = {
  ref: 'user:default/bob',
  groups: ['user:default/bob'],
  platformAdmin: false,
};
const erin: ClusterPolicyPerson = {
  ref: 'user:default/erin',
  groups: ['user:default/erin', 'group:default/platform'],
  platformAdmin: true,
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

describe('the cluster page routes after day one, against a simulated management cluster', () => {
  const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
  let sim: KubeSim;
  let app: express.Express;
  let audit: DatabaseAuditStore;
  const authorize = jest.fn();
  let person = erin;
  let serviceMaps: any[] = [];
  let createdAddons: string[] = [];
  let resource: any;
  const base = '/cluster-api/clusters/default/keep';

  beforeAll(async () => {
    const client: typeof k8s = await import('@kubernetes/client-node');
    sim = await KubeSim.start({
      clusters: ['mgmt'],
      clusterApi: ['mgmt'],
      cluster: {
        controllers: {
          podReadyDelayMs: 20,
          syncPeriodMs: 100,
          clusterApiProvisionMs: 300,
        },
      },
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
    const config = mockServices.rootConfig({
      data: { cocktail: { clusterApi: { policies } } },
    });
    const provisioner = new ClusterProvisioner({
      management: managementClusterAccess({
        name: 'mgmt',
        kubeConfigFor: async cluster => configFor(cluster),
        loadClient: async () => client,
        providers: builtInClusterApiProviders(),
      }),
      policy: await ClusterPolicy.fromConfig(config),
      addons: readAddonCatalog(config),
      refreshRegistry: async () => {},
    });
    const shared = {
      httpAuth: mockServices.httpAuth(),
      auth: mockServices.auth(),
      auditor: mockServices.auditor.mock(),
      audit,
      authorize: createAuthorize(mockServices.permissions.mock({ authorize })),
      personOf: async () => person,
      provisioner,
    };
    const catalog = {
      getEntityByRef: async () => resource,
      getEntities: async () => ({ items: serviceMaps }),
    };
    const middleware = MiddlewareFactory.create({
      config: mockServices.rootConfig(),
      logger: mockServices.logger.mock(),
    });
    app = express()
      .use(express.json())
      .use(clusterApiRouter({ ...shared, catalog }))
      .use(clusterDayTwoRouter({ ...shared, catalog }))
      .use(middleware.error());
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    );
    const created = await request(app)
      .post('/cluster-api/clusters')
      .send({ request: demo });
    if (created.status !== 200) {
      throw new Error(
        `creating the cluster: ${created.status} ${created.body.error?.message}`,
      );
    }
    createdAddons = created.body.result.addons;
    await until(
      async () => (await request(app).get(`${base}/overview`)).body,
      o => o.phase === 'Provisioned' && o.machines.length === 3,
      'the cluster to run its machines',
    );
  });

  beforeEach(() => {
    resource = undefined;
    person = erin;
    serviceMaps = [];
    authorize.mockReset();
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.ALLOW })),
    );
  });

  afterAll(async () => {
    await sim.stop();
  });

  const addonsOf = async () => (await request(app).get(`${base}/addons`)).body;
  const addon = (body: any, name: string) =>
    body.addons.find((a: any) => a.name === name);

  it('gives a new kubeadm cluster its CNI and the default add-ons, deployed once it is provisioned', async () => {
    expect(createdAddons).toEqual(['calico', 'metrics-server']);
    const body = await until(
      addonsOf,
      b => addon(b, 'calico')?.status === 'deployed',
      'calico to be deployed',
    );
    expect(body.available).toBe(true);
    expect(addon(body, 'calico')).toMatchObject({
      installedVersion: 'v3.29.1',
      ready: true,
      revision: 1,
      default: true,
      category: 'cni',
    });
    expect(addon(body, 'metrics-server')).toMatchObject({ default: true });
    expect(addon(body, 'ingress-nginx')).toMatchObject({
      status: 'not-installed',
      ready: false,
    });
  });

  it('shows the cluster: phase, control plane, pools with machine type, machines with their nodes, events', async () => {
    serviceMaps = [
      {
        apiVersion: 'cocktailcloud.io/v1alpha1',
        kind: 'ServiceMap',
        metadata: { name: 'payments-keep', namespace: 'default' },
        spec: {
          service: 'payments',
          cluster: 'keep',
          namespace: 'payments-keep',
          environment: 'dev',
        },
      },
    ];
    const overview = (await request(app).get(`${base}/overview`)).body;
    expect(overview).toMatchObject({
      name: 'keep',
      managementCluster: 'mgmt',
      phase: 'Provisioned',
      version: 'v1.32.2',
      controlPlane: {
        kind: 'KubeadmControlPlane',
        replicas: 1,
        readyReplicas: 1,
      },
      nodePools: [
        { name: 'keep-workers', replicas: 2, machineType: 'm5.large' },
      ],
      boundServiceMaps: ['servicemap:default/payments-keep'],
      createdByCocktail: true,
    });
    expect(overview.machines).toHaveLength(3);
    expect(overview.machines.filter((m: any) => m.controlPlane)).toHaveLength(
      1,
    );
    expect(
      overview.machines.every((m: any) => m.nodeName && m.phase === 'Running'),
    ).toBe(true);
    expect(overview.events.map((e: any) => e.reason)).toEqual(
      expect.arrayContaining(['Provisioned']),
    );
  });

  it('installs ingress-nginx after a dry run that changes nothing, and refuses it twice', async () => {
    const dry = await request(app)
      .post(`${base}/addons`)
      .send({ addon: 'ingress-nginx', action: 'install', dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.result.changes[0]).toBe(
      'Apply HelmChartProxy/keep-ingress-nginx: ingress-nginx 4.11.3 from https://kubernetes.github.io/ingress-nginx into namespace ingress-nginx',
    );
    expect(addon(await addonsOf(), 'ingress-nginx').status).toBe(
      'not-installed',
    );
    expect(
      (await audit.query({ action: 'cluster.addon.install' })).items,
    ).toEqual([]);

    const installed = await request(app)
      .post(`${base}/addons`)
      .send({ addon: 'ingress-nginx', action: 'install' });
    expect(installed.status).toBe(200);
    await until(
      addonsOf,
      b => addon(b, 'ingress-nginx')?.status === 'deployed',
      'ingress-nginx to be deployed',
    );
    expect(
      (await audit.query({ action: 'cluster.addon.install' })).items[0],
    ).toMatchObject({
      entityRef: 'resource:default/keep',
      outcome: 'succeeded',
    });

    const again = await request(app)
      .post(`${base}/addons`)
      .send({ addon: 'ingress-nginx', action: 'install' });
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      'addon: ingress-nginx is already installed on keep (chart 4.11.3); upgrade or remove it instead',
    );
    const upgrade = await request(app)
      .post(`${base}/addons`)
      .send({ addon: 'ingress-nginx', action: 'upgrade' });
    expect(upgrade.status).toBe(409);
    expect(upgrade.body.error.message).toBe(
      "addon: ingress-nginx on keep already runs the catalog's version 4.11.3",
    );
  });

  it('removes an add-on, and CAAPH uninstalls its release', async () => {
    const removed = await request(app)
      .post(`${base}/addons`)
      .send({ addon: 'ingress-nginx', action: 'remove' });
    expect(removed.status).toBe(200);
    expect(removed.body.result.changes).toEqual([
      'Delete HelmChartProxy/keep-ingress-nginx: CAAPH uninstalls ingress-nginx 4.11.3 from namespace ingress-nginx of keep',
    ]);
    await until(
      addonsOf,
      b => addon(b, 'ingress-nginx')?.status === 'not-installed',
      'the release to go',
    );
  });

  it('refuses an add-on the policy forbids, and one the catalog lacks, naming why', async () => {
    const forbidden = await request(app)
      .post(`${base}/addons`)
      .send({ addon: 'gpu-operator', action: 'install' });
    expect(forbidden.status).toBe(400);
    expect(forbidden.body.error.message).toBe(
      'the cluster policy refused the request: the GPU operator is not offered here (rule no-gpu-operator)',
    );
    const unknown = await request(app)
      .post(`${base}/addons`)
      .send({ addon: 'linkerd', action: 'install' });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toMatch(
      /^addon: no add-on linkerd in the catalog; it has calico, cilium/,
    );
    const bad = await request(app)
      .post(`${base}/addons`)
      .send({ addon: 'calico', action: 'reinstall' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(
      /action.*expected install, upgrade or remove/,
    );
  });

  it('removes a node pool only for a platform admin under the policy, and never the last one', async () => {
    const added = await request(app)
      .post(`${base}/scale`)
      .send({ addNodePool: { name: 'batch', replicas: 1 } });
    expect(added.status).toBe(200);
    person = bob;
    const refused = await request(app)
      .post(`${base}/remove-node-pool`)
      .send({ nodePool: 'batch' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toBe(
      'the cluster policy refused the request: only platform admins remove node pools (rule pools-removed-by-platform)',
    );
    person = erin;
    const dry = await request(app)
      .post(`${base}/remove-node-pool`)
      .send({ nodePool: 'batch', dryRun: true });
    expect(dry.body.result.changes[0]).toMatch(
      /^Delete MachineDeployment\/keep-batch: Cluster API drains and deletes its 1 machine/,
    );
    expect(dry.body.result.policyRules).toEqual(['pools-removed-by-platform']);
    const removed = await request(app)
      .post(`${base}/remove-node-pool`)
      .send({ nodePool: 'batch' });
    expect(removed.status).toBe(200);
    const overview = await until(
      async () => (await request(app).get(`${base}/overview`)).body,
      o => o.nodePools.length === 1 && o.machines.length === 3,
      'the batch pool and its machine to go',
    );
    expect(overview.nodePools[0].name).toBe('keep-workers');
    const last = await request(app)
      .post(`${base}/remove-node-pool`)
      .send({ nodePool: 'workers' });
    expect(last.status).toBe(409);
    expect(last.body.error.message).toBe(
      'nodePool: keep-workers is the last node pool of keep; add another pool before removing it, or delete the cluster',
    );
  });

  it('replaces a machine: a new one of the same pool takes its place', async () => {
    const before = (await request(app).get(`${base}/overview`)).body.machines;
    const worker = before.find((m: any) => !m.controlPlane);
    const replaced = await request(app)
      .post(`${base}/replace-machine`)
      .send({ machine: worker.nodeName });
    expect(replaced.status).toBe(200);
    expect(replaced.body.result.changes[1]).toBe(
      'Node pool keep-workers creates a new machine in its place',
    );
    const after = await until(
      async () => (await request(app).get(`${base}/overview`)).body.machines,
      machines =>
        machines.filter((m: any) => m.pool === 'keep-workers').length === 2 &&
        !machines.some((m: any) => m.name === worker.name),
      'a replacement machine',
    );
    expect(after.filter((m: any) => m.pool === 'keep-workers')).toHaveLength(2);
  });

  it('refuses to delete a cluster with ServiceMaps bound, lets only a platform admin force it, and wants its name typed', async () => {
    serviceMaps = [
      {
        apiVersion: 'cocktailcloud.io/v1alpha1',
        kind: 'ServiceMap',
        metadata: { name: 'payments-keep', namespace: 'default' },
        spec: {
          service: 'payments',
          cluster: 'keep',
          namespace: 'payments-keep',
          environment: 'dev',
        },
      },
    ];
    const bound = await request(app)
      .post(`${base}/delete`)
      .send({ confirm: 'keep' });
    expect(bound.status).toBe(409);
    expect(bound.body.error.message).toBe(
      'keep still has 1 ServiceMap bound to it (servicemap:default/payments-keep); move or delete them first, or a platform admin can force the deletion',
    );
    person = bob;
    const notAdmin = await request(app)
      .post(`${base}/delete`)
      .send({ confirm: 'keep', force: true });
    expect(notAdmin.status).toBe(403);
    expect(notAdmin.body.error.message).toBe(
      'force: only platform admins may delete a cluster that ServiceMaps are bound to (servicemap:default/payments-keep)',
    );
    person = erin;
    const untyped = await request(app)
      .post(`${base}/delete`)
      .send({ confirm: 'kep', force: true });
    expect(untyped.status).toBe(400);
    expect(untyped.body.error.message).toBe(
      'confirm: type the cluster\'s name, keep, to delete it (got "kep")',
    );
    const dry = await request(app)
      .post(`${base}/delete`)
      .send({ force: true, dryRun: true });
    expect(dry.status).toBe(200);
    expect(dry.body.result.changes).toEqual(
      expect.arrayContaining([
        'Delete HelmChartProxy/keep-calico: its add-on goes with the cluster, and a later cluster of this name does not inherit it',
        'Delete Cluster/keep in default on management cluster mgmt',
        'Cluster API deletes KubeadmControlPlane/keep-control-plane',
        'Cluster API deletes Secret/keep-kubeconfig; the portal stops reaching the cluster',
      ]),
    );
    expect(dry.body.result.warnings[0]).toMatch(
      /^Forced: the ServiceMaps servicemap:default\/payments-keep lose their cluster/,
    );
  });

  it("refuses a change when the cluster's Resource names a Cluster of another namespace", async () => {
    resource = {
      metadata: {
        name: 'keep',
        annotations: { 'cocktailcloud.io/cluster-api': 'mgmt/team-b/keep' },
      },
    };
    const response = await request(app)
      .post(`${base}/delete`)
      .send({ dryRun: true });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      "cluster: resource:default/keep is the Cluster mgmt/team-b/keep, not default/keep; permissions on it do not reach another namespace's Cluster",
    );
  });

  it('refuses without the permission on the cluster, and audits the refusal', async () => {
    authorize.mockImplementation(async (requests: any[]) =>
      requests.map(() => ({ result: AuthorizeResult.DENY })),
    );
    const response = await request(app)
      .post(`${base}/delete`)
      .send({ confirm: 'keep' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(
      'you are not allowed to cocktail.cluster.delete on resource:default/keep',
    );
    expect(
      (
        await audit.query({ action: 'cluster.delete', outcome: 'denied' })
      ).items.map(row => row.error),
    ).toContain(
      'you are not allowed to cocktail.cluster.delete on resource:default/keep',
    );
  });

  it('deletes the cluster: Cluster API takes it and its machines away', async () => {
    const deleted = await request(app)
      .post(`${base}/delete`)
      .send({ confirm: 'keep' });
    expect(deleted.status).toBe(200);
    await until(
      async () => (await request(app).get(`${base}/overview`)).status,
      status => status === 404,
      'the Cluster to go',
    );
    expect(
      (await audit.query({ action: 'cluster.delete', outcome: 'succeeded' }))
        .items,
    ).toHaveLength(1);
    const management = sim.cluster('mgmt');
    const proxies = management.store.list(
      management.registry.find(
        'addons.cluster.x-k8s.io',
        'v1alpha1',
        'helmchartproxies',
      )!,
    );
    expect(proxies.map(p => p.metadata.name)).toEqual([]);
  });
});
