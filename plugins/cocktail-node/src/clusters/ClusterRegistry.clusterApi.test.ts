import {
  clusterResource,
  fakeCatalog,
  loadClient,
} from './__testUtils__/fixtures';
import { ManagementClusterSim } from './__testUtils__/managementClusterSim';
import { CocktailClusterSupplier } from './CocktailClusterSupplier';
import { KubernetesClientModule } from './kubernetesClient';

jest.setTimeout(60_000);

describe('ClusterRegistry with a Cluster API management cluster', () => {
  let client: KubernetesClientModule;
  let mgmt: ManagementClusterSim;

  const setup: ManagementClusterSim['registry'] = (...args) =>
    mgmt.registry(...args);

  beforeAll(async () => {
    client = await loadClient();
    mgmt = await ManagementClusterSim.start(client);
    await mgmt.provision('demo');
  });

  afterAll(async () => {
    await mgmt.stop();
  });

  afterEach(() => {
    mgmt.sim.cluster('mgmt').setFaults({});
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
      url: mgmt.sim.cluster('demo').url,
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
      url: mgmt.sim.cluster('demo').url,
      skipTLSVerify: true,
      authMetadata: {
        'kubernetes.io/auth-provider': 'serviceAccount',
        serviceAccountToken: mgmt.tokenOf('demo'),
      },
    });
  });

  it('reads the management cluster once per refresh interval, and again when told to', async () => {
    const { registry } = setup({ refreshIntervalSeconds: 3600 });
    await registry.listClusters();
    await mgmt.provision('late');

    expect((await registry.listClusters()).map(c => c.name)).toEqual([
      'mgmt',
      'demo',
    ]);
    expect(
      (await registry.refreshClusterApiClusters()).map(c => c.name),
    ).toEqual(['mgmt', 'demo', 'late']);

    await mgmt.deprovision('late');
    expect((await registry.listClusters()).map(c => c.name)).toContain('late');
    expect(
      (await registry.refreshClusterApiClusters()).map(c => c.name),
    ).toEqual(['mgmt', 'demo']);
  });

  it('reads only the namespace it is given', async () => {
    mgmt.createNamespace('team-a');
    await mgmt.provision('elsewhere', 'team-a', 0);
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
      await mgmt.deprovision('elsewhere', 'team-a');
    }
  });

  it('reaches neither an app-config cluster nor the Cluster API cluster of the same name, naming both', async () => {
    const { registry, logger } = setup({}, [
      { name: 'demo', url: 'https://demo.example.com' },
    ]);

    const demo = await registry.getCluster('demo');

    const refusal =
      'the cluster name "demo" is defined by both the cocktail.clusters entry "demo" and the kubeconfig Secret "default/demo-kubeconfig" on management cluster "mgmt", so neither is used; rename or remove one of them';
    expect(demo).toEqual({
      name: 'demo',
      url: '',
      source: 'config',
      auth: { type: 'serviceAccount' },
      skipTLSVerify: false,
      refusal,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      `Not reaching cluster "demo": ${refusal}`,
    );
    await expect(registry.kubeConfigFor(demo)).rejects.toMatchObject({
      name: 'NotAllowedError',
      message: `Cluster "demo" is not reached: ${refusal}`,
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
      url: mgmt.sim.cluster('demo').url,
      source: 'cluster-api',
      auth: { type: 'kubeconfigData' },
    });
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('logs a management cluster that cannot be read and still lists the others', async () => {
    const { registry, logger } = setup({}, [
      { name: 'prod', url: 'https://prod.example.com' },
    ]);
    mgmt.sim.cluster('mgmt').setFaults({ errorRate: 1, errorCode: 500 });

    const clusters = await registry.listClusters();

    expect(clusters.map(c => c.name)).toEqual(['mgmt', 'prod']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not read the Cluster API clusters of the management cluster "mgmt", so the 0 read before are kept: /,
      ),
    );
  });

  it('cancels a read of the management cluster that outlives its deadline, and says which', async () => {
    const { registry, logger } = setup({}, [], undefined, {
      requestTimeoutMs: 300,
    });
    mgmt.sim.cluster('mgmt').setFaults({ latencyMs: 5_000 });
    const started = Date.now();

    const clusters = await registry.listClusters();

    // Answered at the deadline, not when the slow cluster would have answered.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(clusters.map(c => c.name)).toEqual(['mgmt']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Could not read the Cluster API clusters of the management cluster "mgmt", so the 0 read before are kept: (Listing the kubeconfig Secrets|Listing the Clusters) of "mgmt": no answer within 0\.3 s; the request was cancelled$/,
      ),
    );
  });

  it('keeps the clusters read before while the management cluster fails', async () => {
    const { registry, logger } = setup();
    await registry.listClusters();
    mgmt.sim.cluster('mgmt').setFaults({ errorRate: 1, errorCode: 503 });

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
    await mgmt.provision('broken', 'default', 0);
    const leaked = 'do-not-log-this-token';
    const secret = mgmt.secret('broken')!;
    mgmt.writeSecret({
      ...secret,
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
      expect(await registry.getCluster('broken')).toMatchObject({
        refusal:
          'the kubeconfig Secret "default/broken-kubeconfig" on management cluster "mgmt" is refused: its data.value is not a readable kubeconfig',
      });
      const logged = JSON.stringify([
        logger.warn.mock.calls,
        logger.info.mock.calls,
        logger.error.mock.calls,
        logger.debug.mock.calls,
      ]);
      expect(logged).not.toContain(leaked);
      expect(logged).not.toContain(mgmt.tokenOf('demo'));
    } finally {
      await mgmt.deprovision('broken');
    }
  });
});
