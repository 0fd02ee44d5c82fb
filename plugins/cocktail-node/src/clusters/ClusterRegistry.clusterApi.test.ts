import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { KubeSim } from '@cocktailcloud/kube-sim';
import type { KubernetesObject } from '@kubernetes/client-node';
import {
  ClusterEntry,
  clusterResource,
  fakeCatalog,
  loadClient,
  serviceCredentials,
} from './__testUtils__/fixtures';
import { ClusterRegistry } from './ClusterRegistry';
import { CocktailClusterSupplier } from './CocktailClusterSupplier';
import { KubernetesClientModule } from './kubernetesClient';

jest.setTimeout(60_000);

const PROVISION_MS = 150;

/** The v1beta2 objects of a kubeadm cluster on Docker infrastructure with `workers` workers. */
function clusterObjects(
  name: string,
  namespace: string,
  workers: number,
): KubernetesObject[] {
  const meta = (objectName: string, labels?: Record<string, string>) => ({
    name: objectName,
    namespace,
    ...(labels && { labels }),
  });
  const infrastructureRef = (kind: string, refName: string) => ({
    apiGroup: 'infrastructure.cluster.x-k8s.io',
    kind,
    name: refName,
  });
  return [
    {
      apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta2',
      kind: 'DockerCluster',
      metadata: meta(name),
    },
    {
      apiVersion: 'controlplane.cluster.x-k8s.io/v1beta2',
      kind: 'KubeadmControlPlane',
      metadata: meta(`${name}-control-plane`),
      spec: {
        replicas: 1,
        version: 'v1.31.2',
        machineTemplate: {
          spec: {
            infrastructureRef: infrastructureRef(
              'DockerMachineTemplate',
              `${name}-control-plane`,
            ),
          },
        },
      },
    },
    {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'MachineDeployment',
      metadata: meta(`${name}-md-0`, { 'cluster.x-k8s.io/cluster-name': name }),
      spec: { clusterName: name, replicas: workers },
    },
    {
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: meta(name),
      spec: {
        controlPlaneRef: {
          apiGroup: 'controlplane.cluster.x-k8s.io',
          kind: 'KubeadmControlPlane',
          name: `${name}-control-plane`,
        },
        infrastructureRef: infrastructureRef('DockerCluster', name),
      },
    },
  ] as KubernetesObject[];
}

describe('ClusterRegistry with a Cluster API management cluster', () => {
  let client: KubernetesClientModule;
  let sim: KubeSim;
  let mgmtUrl: string;

  async function eventually<T>(
    read: () => Promise<T | undefined> | T | undefined,
    what: string,
  ): Promise<T> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      const value = await read();
      if (value !== undefined && value !== false) {
        return value;
      }
      if (Date.now() > deadline) {
        throw new Error(`timed out waiting for ${what}`);
      }
      await new Promise(resolve => setTimeout(resolve, 25));
    }
  }

  function managementObjects() {
    const kubeConfig = new client.KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [{ name: 'mgmt', server: mgmtUrl, skipTLSVerify: true }],
      users: [{ name: 'admin', token: 'mgmt-token' }],
      contexts: [{ name: 'mgmt', cluster: 'mgmt', user: 'admin' }],
      currentContext: 'mgmt',
    });
    return client.KubernetesObjectApi.makeApiClient(kubeConfig);
  }

  /** Creates a Cluster on the management cluster and waits for its kubeconfig Secret. */
  async function provision(name: string, namespace = 'default', workers = 2) {
    const objects = managementObjects();
    for (const object of clusterObjects(name, namespace, workers)) {
      await objects.create(object);
    }
    const mgmt = sim.cluster('mgmt');
    const secrets = mgmt.registry.find('', 'v1', 'secrets')!;
    await eventually(
      () => mgmt.store.get(secrets, namespace, `${name}-kubeconfig`),
      `the kubeconfig Secret of ${name}`,
    );
  }

  async function deprovision(name: string, namespace = 'default') {
    await managementObjects().delete({
      apiVersion: 'cluster.x-k8s.io/v1beta2',
      kind: 'Cluster',
      metadata: { name, namespace },
    });
    await eventually(() => !sim.clusters.has(name), `${name} to stop`);
  }

  function tokenOf(name: string, namespace = 'default'): string {
    const mgmt = sim.cluster('mgmt');
    const secrets = mgmt.registry.find('', 'v1', 'secrets')!;
    const secret = mgmt.store.get(secrets, namespace, `${name}-kubeconfig`)!;
    const text = Buffer.from(secret.data.value, 'base64').toString('utf8');
    return /token: (\S+)/.exec(text)![1];
  }

  function setup(
    clusterApi: Record<string, string | number> = {},
    extraClusters: ClusterEntry[] = [],
    catalog?: ReturnType<typeof fakeCatalog>,
  ) {
    const logger = mockServices.logger.mock();
    const registry = ClusterRegistry.fromConfig(
      new ConfigReader({
        cocktail: {
          clusters: [
            { name: 'mgmt', url: mgmtUrl, skipTLSVerify: true },
            ...extraClusters,
          ],
          clusterApi: { managementCluster: 'mgmt', ...clusterApi },
        },
      }),
      {
        logger,
        kubernetesClient: client,
        ...(catalog && {
          catalog,
          credentials: async () => serviceCredentials,
        }),
      },
    );
    return { registry, logger };
  }

  beforeAll(async () => {
    client = await loadClient();
    sim = await KubeSim.start({
      clusters: ['mgmt'],
      clusterApi: ['mgmt'],
      cluster: {
        controllers: {
          podReadyDelayMs: 20,
          jobPodDurationMs: 50,
          syncPeriodMs: 100,
          clusterApiProvisionMs: PROVISION_MS,
        },
      },
    });
    mgmtUrl = sim.cluster('mgmt').url;
    await provision('demo');
  });

  afterAll(async () => {
    await sim.stop();
  });

  afterEach(() => {
    sim.cluster('mgmt').setFaults({});
  });

  it('lists a provisioned cluster with the URL, TLS setting and provider of its kubeconfig Secret', async () => {
    const { registry } = setup();

    const clusters = await registry.listClusters();

    expect(clusters.map(c => [c.name, c.source])).toEqual([
      ['mgmt', 'config'],
      ['demo', 'cluster-api'],
    ]);
    expect(clusters[1]).toMatchObject({
      name: 'demo',
      url: sim.cluster('demo').url,
      source: 'cluster-api',
      skipTLSVerify: true,
      provider: 'docker',
      auth: { type: 'kubeconfigData', context: 'demo-admin@demo' },
      clusterApi: { managementCluster: 'mgmt', namespace: 'default' },
    });
  });

  it('reaches the cluster with the credentials of its kubeconfig', async () => {
    const { registry } = setup();

    const core = await registry.makeApiClient('demo', client.CoreV1Api);
    const nodes = await core.listNode();

    expect(nodes.items).toHaveLength(3);
  });

  it("hands the cluster to Backstage's Kubernetes plugin with its token", async () => {
    const { registry, logger } = setup();
    const supplier = new CocktailClusterSupplier(registry, logger);

    const details = await supplier.getClusters();

    expect(details.find(d => d.name === 'demo')).toEqual({
      name: 'demo',
      url: sim.cluster('demo').url,
      skipTLSVerify: true,
      authMetadata: {
        'kubernetes.io/auth-provider': 'serviceAccount',
        serviceAccountToken: tokenOf('demo'),
      },
    });
  });

  it('reads the management cluster once per refresh interval, and again when told to', async () => {
    const { registry } = setup({ refreshIntervalSeconds: 3600 });
    await registry.listClusters();
    await provision('late');

    expect((await registry.listClusters()).map(c => c.name)).toEqual([
      'mgmt',
      'demo',
    ]);
    expect(
      (await registry.refreshClusterApiClusters()).map(c => c.name),
    ).toEqual(['mgmt', 'demo', 'late']);

    await deprovision('late');
    expect((await registry.listClusters()).map(c => c.name)).toContain('late');
    expect(
      (await registry.refreshClusterApiClusters()).map(c => c.name),
    ).toEqual(['mgmt', 'demo']);
  });

  it('reads only the namespace it is given', async () => {
    const mgmt = sim.cluster('mgmt');
    mgmt.store.create(mgmt.registry.find('', 'v1', 'namespaces')!, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'team-a' },
    });
    await provision('elsewhere', 'team-a', 0);
    try {
      expect(
        (await setup({ namespace: 'team-a' }).registry.listClusters()).map(
          c => [c.name, c.clusterApi?.namespace],
        ),
      ).toEqual([
        ['mgmt', undefined],
        ['elsewhere', 'team-a'],
      ]);
    } finally {
      await deprovision('elsewhere', 'team-a');
    }
  });

  it('lets an app-config cluster of the same name win', async () => {
    const { registry } = setup({}, [
      { name: 'demo', url: 'https://demo.example.com' },
    ]);

    expect(await registry.getCluster('demo')).toMatchObject({
      url: 'https://demo.example.com',
      source: 'config',
    });
  });

  it('takes the title and entity ref of a catalog Resource of the same name, keeping its own URL and credentials', async () => {
    const catalog = fakeCatalog([
      clusterResource(
        'demo',
        { 'cocktailcloud.io/cluster-api': 'mgmt/default/demo' },
        { title: 'Demo cluster' },
      ),
    ]);
    const { registry, logger } = setup({}, [], catalog);

    expect(await registry.getCluster('demo')).toMatchObject({
      title: 'Demo cluster',
      entityRef: 'resource:default/demo',
      url: sim.cluster('demo').url,
      source: 'cluster-api',
      auth: { type: 'kubeconfigData' },
    });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('logs a management cluster that cannot be read and still lists the others', async () => {
    const { registry, logger } = setup({}, [
      { name: 'prod', url: 'https://prod.example.com' },
    ]);
    sim.cluster('mgmt').setFaults({ errorRate: 1, errorCode: 500 });

    const clusters = await registry.listClusters();

    expect(clusters.map(c => c.name)).toEqual(['mgmt', 'prod']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not read the Cluster API clusters of the management cluster "mgmt", so the 0 read before are kept: /,
      ),
    );
  });

  it('keeps the clusters read before while the management cluster fails', async () => {
    const { registry, logger } = setup();
    await registry.listClusters();
    sim.cluster('mgmt').setFaults({ errorRate: 1, errorCode: 503 });

    const clusters = await registry.refreshClusterApiClusters();

    expect(clusters.map(c => c.name)).toEqual(['mgmt', 'demo']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('so the 1 read before are kept'),
    );
  });

  it('logs a management cluster that is not registered', async () => {
    const { registry, logger } = setup({ managementCluster: 'nowhere' });

    expect((await registry.listClusters()).map(c => c.name)).toEqual(['mgmt']);
    expect(logger.warn).toHaveBeenCalledWith(
      'Could not read the Cluster API clusters of the management cluster "nowhere", so the 0 read before are kept: cocktail.clusterApi.managementCluster names "nowhere", which is not a registered cluster',
    );
  });

  it('never logs a kubeconfig or token, even of a broken Secret', async () => {
    const mgmt = sim.cluster('mgmt');
    const secrets = mgmt.registry.find('', 'v1', 'secrets')!;
    const leaked = 'do-not-log-this-token';
    mgmt.store.create(secrets, {
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: {
        name: 'broken-kubeconfig',
        namespace: 'default',
        labels: { 'cluster.x-k8s.io/cluster-name': 'broken' },
      },
      type: 'cluster.x-k8s.io/secret',
      data: {
        value: Buffer.from(`users: [{user: {token: ${leaked}`).toString(
          'base64',
        ),
      },
    });
    try {
      const { registry, logger } = setup();
      const supplier = new CocktailClusterSupplier(registry, logger);

      await supplier.getClusters();

      expect(logger.warn).toHaveBeenCalledWith(
        'Ignoring the Cluster API kubeconfig Secret "default/broken-kubeconfig" of "mgmt": its data.value is not a readable kubeconfig',
      );
      const logged = JSON.stringify([
        logger.warn.mock.calls,
        logger.info.mock.calls,
        logger.error.mock.calls,
        logger.debug.mock.calls,
      ]);
      expect(logged).not.toContain(leaked);
      expect(logged).not.toContain(tokenOf('demo'));
    } finally {
      mgmt.store.delete(secrets, 'default', 'broken-kubeconfig');
    }
  });
});
