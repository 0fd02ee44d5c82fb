import { mockServices } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import {
  CA_DATA,
  ClusterEntry,
  clusterResource,
  clustersConfig,
  fakeCatalog,
  loadClient,
  serviceCredentials,
} from './__testUtils__/fixtures';
import { ClusterRegistry } from './ClusterRegistry';
import { KubernetesClientModule } from './kubernetesClient';

const prodResource = clusterResource(
  'prod',
  {
    'kubernetes.io/api-server': 'https://prod.example.com:6443',
    'kubernetes.io/api-server-certificate-authority': CA_DATA,
    'kubernetes.io/auth-provider': 'serviceAccount',
  },
  {
    title: 'Production cluster (Seoul)',
    labels: {
      'cocktailcloud.io/provider': 'aws',
      'cocktailcloud.io/region': 'ap-northeast-2',
    },
  },
);

/** The API servers of this file's catalog clusters. */
const ALLOWED_API_SERVERS = [
  'prod.example.com',
  'dev.example.com',
  'eks.example.com',
  '127.0.0.1',
];

describe('ClusterRegistry with the catalog', () => {
  let client: KubernetesClientModule;
  beforeAll(async () => {
    client = await loadClient();
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  function setup(
    entities: Entity[],
    clusters: ClusterEntry[] = [],
    refreshIntervalMs?: number,
  ) {
    const logger = mockServices.logger.mock();
    const catalog = fakeCatalog(entities);
    const config = clustersConfig(clusters, {
      catalogClusters: { allowedApiServers: ALLOWED_API_SERVERS },
    });
    const registry = ClusterRegistry.fromConfig(config, {
      logger,
      catalog,
      credentials: async () => serviceCredentials,
      refreshIntervalMs,
      kubernetesClient: client,
    });
    return { registry, catalog, logger };
  }

  it('reads kubernetes-cluster Resources with the credentials it is given', async () => {
    const { registry, catalog } = setup([]);

    await registry.listClusters();

    expect(catalog.getEntities).toHaveBeenCalledWith(
      { filter: { kind: 'Resource', 'spec.type': 'kubernetes-cluster' } },
      { credentials: serviceCredentials },
    );
  });

  it('adds a cluster that only the catalog defines, with no token', async () => {
    const { registry } = setup([prodResource]);

    await expect(registry.listClusters()).resolves.toEqual([
      {
        name: 'prod',
        title: 'Production cluster (Seoul)',
        url: 'https://prod.example.com:6443',
        source: 'catalog',
        entityRef: 'resource:default/prod',
        auth: { type: 'serviceAccount' },
        caData: CA_DATA,
        skipTLSVerify: false,
        provider: 'aws',
        region: 'ap-northeast-2',
      },
    ]);
  });

  it('reads kubernetes.io/skip-tls-verify: "true", needed for a plain-HTTP API server', async () => {
    const { registry } = setup([
      clusterResource('dev', {
        'kubernetes.io/api-server': 'http://127.0.0.1:18443',
        'kubernetes.io/auth-provider': 'serviceAccount',
        'kubernetes.io/skip-tls-verify': 'true',
      }),
    ]);

    await expect(registry.listClusters()).resolves.toEqual([
      {
        name: 'dev',
        url: 'http://127.0.0.1:18443',
        source: 'catalog',
        entityRef: 'resource:default/dev',
        auth: { type: 'serviceAccount' },
        skipTLSVerify: true,
      },
    ]);
  });

  it("keeps config's URL and credentials for a cluster both define, and adds the catalog's description", async () => {
    const { registry } = setup(
      [prodResource],
      [
        {
          name: 'prod',
          url: 'https://10.0.0.5:6443',
          serviceAccountToken: 's3cr3t',
          skipTLSVerify: true,
        },
      ],
    );

    await expect(registry.listClusters()).resolves.toEqual([
      {
        name: 'prod',
        title: 'Production cluster (Seoul)',
        url: 'https://10.0.0.5:6443',
        source: 'config',
        entityRef: 'resource:default/prod',
        auth: { type: 'serviceAccount', token: 's3cr3t' },
        skipTLSVerify: true,
        provider: 'aws',
        region: 'ap-northeast-2',
      },
    ]);
  });

  it('lists config clusters first, then those only the catalog defines', async () => {
    const { registry } = setup(
      [
        prodResource,
        clusterResource('dev', {
          'kubernetes.io/api-server': 'https://dev.example.com',
          'kubernetes.io/auth-provider': 'serviceAccount',
        }),
      ],
      [{ name: 'dev', url: 'https://10.0.0.4:6443' }],
    );

    const clusters = await registry.listClusters();

    expect(clusters.map(c => [c.name, c.source])).toEqual([
      ['dev', 'config'],
      ['prod', 'catalog'],
    ]);
  });

  it('skips a Resource with another auth provider, with a warning', async () => {
    const { registry, logger } = setup([
      clusterResource('eks', {
        'kubernetes.io/api-server': 'https://eks.example.com',
        'kubernetes.io/auth-provider': 'aws',
      }),
      prodResource,
    ]);

    const clusters = await registry.listClusters();

    expect(clusters.map(c => c.name)).toEqual(['prod']);
    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Ignoring kubernetes-cluster Resource "resource:default/eks": kubernetes.io/auth-provider: expected "serviceAccount", the only provider supported for catalog clusters, got "aws"',
    );
  });

  it("does not check the catalog's connection annotations of a cluster that config defines", async () => {
    const { registry, logger } = setup(
      [clusterResource('eks', { 'kubernetes.io/auth-provider': 'aws' })],
      [{ name: 'eks', url: 'https://eks.example.com' }],
    );

    await expect(registry.listClusters()).resolves.toMatchObject([
      { name: 'eks', url: 'https://eks.example.com', source: 'config' },
    ]);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('names every annotation at fault in the warning for a skipped Resource', async () => {
    const { registry, logger } = setup([
      clusterResource('broken', {
        'kubernetes.io/api-server-certificate-authority': 'not a cert',
      }),
    ]);

    await expect(registry.listClusters()).resolves.toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Ignoring kubernetes-cluster Resource "resource:default/broken": ' +
        'kubernetes.io/auth-provider: expected "serviceAccount", the only provider supported for catalog clusters, got nothing; ' +
        'kubernetes.io/api-server: expected an http(s) URL, got nothing; ' +
        'kubernetes.io/api-server-certificate-authority: expected a PEM certificate authority or its base64 encoding',
    );
  });

  it('skips a plain-HTTP API server without kubernetes.io/skip-tls-verify, with a warning', async () => {
    const { registry, logger } = setup([
      clusterResource('dev', {
        'kubernetes.io/api-server': 'http://127.0.0.1:18443',
        'kubernetes.io/auth-provider': 'serviceAccount',
      }),
    ]);

    await expect(registry.listClusters()).resolves.toEqual([]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Ignoring kubernetes-cluster Resource "resource:default/dev": kubernetes.io/api-server: "http://127.0.0.1:18443" is plain HTTP, which @kubernetes/client-node only accepts with kubernetes.io/skip-tls-verify: "true"',
    );
  });

  it('reaches neither of two Resources that register one name, naming both', async () => {
    const { registry, logger } = setup([
      prodResource,
      {
        ...prodResource,
        metadata: { ...prodResource.metadata, namespace: 'ops' },
      },
    ]);

    const clusters = await registry.listClusters();

    const refusal =
      'the cluster name "prod" is defined by both the kubernetes-cluster Resource "resource:default/prod" and the kubernetes-cluster Resource "resource:ops/prod", so neither is used; rename or remove one of them';
    expect(clusters).toEqual([
      {
        name: 'prod',
        url: '',
        source: 'catalog',
        auth: { type: 'serviceAccount' },
        skipTLSVerify: false,
        refusal,
      },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      `Not reaching cluster "prod": ${refusal}`,
    );
    await expect(registry.kubeConfigFor(clusters[0])).rejects.toThrow(
      `Cluster "prod" is not reached: ${refusal}`,
    );
  });

  it('lets neither of two Resources of its name describe a config cluster', async () => {
    const { registry, logger } = setup(
      [
        prodResource,
        {
          ...prodResource,
          metadata: { ...prodResource.metadata, namespace: 'ops' },
        },
      ],
      [{ name: 'prod', url: 'https://10.0.0.5:6443' }],
    );

    await expect(registry.listClusters()).resolves.toEqual([
      {
        name: 'prod',
        url: 'https://10.0.0.5:6443',
        source: 'config',
        auth: { type: 'serviceAccount' },
        skipTLSVerify: false,
      },
    ]);
    expect(logger.warn).toHaveBeenCalledWith(
      'Ignoring the kubernetes-cluster Resource "resource:default/prod" and the kubernetes-cluster Resource "resource:ops/prod": each describes the cluster "prod", so none of them does',
    );
  });

  it('warns about a skipped Resource once, not at every refresh', async () => {
    const { registry, catalog, logger } = setup(
      [clusterResource('eks', { 'kubernetes.io/auth-provider': 'aws' })],
      [],
      0,
    );

    await registry.listClusters();
    await registry.listClusters();

    expect(catalog.getEntities).toHaveBeenCalledTimes(2);
    expect(logger.warn).toHaveBeenCalledTimes(1);
  });

  describe('caching', () => {
    it('reads the catalog once within the refresh interval', async () => {
      const { registry, catalog } = setup([prodResource], [], 30_000);

      await registry.listClusters();
      await registry.getCluster('prod');
      await registry.listClusters();

      expect(catalog.getEntities).toHaveBeenCalledTimes(1);
    });

    it('reads the catalog once for concurrent calls', async () => {
      const { registry, catalog } = setup([prodResource]);

      await Promise.all([registry.listClusters(), registry.listClusters()]);

      expect(catalog.getEntities).toHaveBeenCalledTimes(1);
    });

    it('reads the catalog again once the refresh interval has passed', async () => {
      const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
      const { registry, catalog } = setup([prodResource], [], 30_000);
      await registry.listClusters();

      now.mockReturnValue(1_000_000 + 29_999);
      await registry.listClusters();
      expect(catalog.getEntities).toHaveBeenCalledTimes(1);

      now.mockReturnValue(1_000_000 + 30_000);
      await registry.listClusters();
      expect(catalog.getEntities).toHaveBeenCalledTimes(2);
    });

    it('defaults the refresh interval to 30 seconds', async () => {
      const now = jest.spyOn(Date, 'now').mockReturnValue(1_000_000);
      const { registry, catalog } = setup([prodResource]);
      await registry.listClusters();

      now.mockReturnValue(1_000_000 + 29_999);
      await registry.listClusters();
      now.mockReturnValue(1_000_000 + 30_000);
      await registry.listClusters();

      expect(catalog.getEntities).toHaveBeenCalledTimes(2);
    });

    it('keeps the clusters read before when the catalog fails, with a warning', async () => {
      const { registry, catalog, logger } = setup([prodResource], [], 0);
      await registry.listClusters();
      catalog.getEntities.mockRejectedValueOnce(new Error('catalog is down'));

      const clusters = await registry.listClusters();

      expect(clusters.map(c => c.name)).toEqual(['prod']);
      expect(logger.warn).toHaveBeenCalledWith(
        'Could not read kubernetes-cluster Resources from the catalog, so the 1 read before are kept: catalog is down',
      );
    });

    it('lists the config clusters when the catalog fails from the start', async () => {
      const { registry, catalog } = setup(
        [],
        [{ name: 'dev', url: 'https://dev.example.com' }],
      );
      catalog.getEntities.mockRejectedValueOnce(new Error('catalog is down'));

      const clusters = await registry.listClusters();

      expect(clusters.map(c => c.name)).toEqual(['dev']);
    });
  });
});
