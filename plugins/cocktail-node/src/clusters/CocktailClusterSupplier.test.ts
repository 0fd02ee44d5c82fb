import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { stringify } from 'yaml';
import {
  CA_DATA,
  PEM,
  clusterResource,
  clustersConfig,
  fakeCatalog,
  serviceCredentials,
  twoContextKubeconfig,
} from './__testUtils__/fixtures';
import {
  CocktailClusterSupplier,
  createCocktailClusterSupplier,
} from './CocktailClusterSupplier';

describe('CocktailClusterSupplier', () => {
  const directory = createMockDirectory();

  it('gives a token cluster the serviceAccount provider with its token, CA and TLS setting', async () => {
    const supplier = createCocktailClusterSupplier(
      clustersConfig([
        {
          name: 'prod',
          url: 'https://prod.example.com:6443',
          serviceAccountToken: 's3cr3t',
          caData: PEM,
          skipTLSVerify: true,
        },
      ]),
      { logger: mockServices.logger.mock() },
    );

    await expect(
      supplier.getClusters({ credentials: serviceCredentials }),
    ).resolves.toEqual([
      {
        name: 'prod',
        url: 'https://prod.example.com:6443',
        authMetadata: {
          'kubernetes.io/auth-provider': 'serviceAccount',
          serviceAccountToken: 's3cr3t',
        },
        skipTLSVerify: true,
        caData: CA_DATA,
      },
    ]);
  });

  it("gives a catalog cluster without a token the Kubernetes plugin's anonymous provider, with its title", async () => {
    const supplier = createCocktailClusterSupplier(
      clustersConfig([], {
        catalogClusters: { allowedApiServers: ['127.0.0.1'] },
      }),
      {
        logger: mockServices.logger.mock(),
        catalog: fakeCatalog([
          clusterResource(
            'dev',
            {
              'kubernetes.io/api-server': 'http://127.0.0.1:18443',
              'kubernetes.io/auth-provider': 'serviceAccount',
              'kubernetes.io/skip-tls-verify': 'true',
            },
            { title: 'Development cluster (Seoul)' },
          ),
        ]),
        credentials: async () => serviceCredentials,
      },
    );

    await expect(
      supplier.getClusters({ credentials: serviceCredentials }),
    ).resolves.toEqual([
      {
        name: 'dev',
        title: 'Development cluster (Seoul)',
        url: 'http://127.0.0.1:18443',
        authMetadata: { 'kubernetes.io/auth-provider': 'localKubectlProxy' },
        skipTLSVerify: true,
      },
    ]);
  });

  it("gives an in-cluster cluster the serviceAccount provider without a token, so that the pod's own is used", async () => {
    const supplier = new CocktailClusterSupplier(
      {
        listClusters: async () => [
          {
            name: 'home',
            url: 'https://10.96.0.1:443',
            source: 'config',
            auth: { type: 'inCluster' },
            skipTLSVerify: false,
          },
        ],
        kubeConfigFor: jest.fn(),
      },
      mockServices.logger.mock(),
    );

    await expect(
      supplier.getClusters({ credentials: serviceCredentials }),
    ).resolves.toEqual([
      {
        name: 'home',
        url: 'https://10.96.0.1:443',
        authMetadata: { 'kubernetes.io/auth-provider': 'serviceAccount' },
        skipTLSVerify: false,
      },
    ]);
  });

  it("gives a kubeconfig cluster its context's token and CA", async () => {
    directory.setContent({ 'kubeconfig.yaml': twoContextKubeconfig() });
    const supplier = createCocktailClusterSupplier(
      clustersConfig([
        { name: 'dev', kubeconfigPath: directory.resolve('kubeconfig.yaml') },
      ]),
      { logger: mockServices.logger.mock() },
    );

    await expect(
      supplier.getClusters({ credentials: serviceCredentials }),
    ).resolves.toEqual([
      {
        name: 'dev',
        url: 'https://dev.example.com:6443',
        authMetadata: {
          'kubernetes.io/auth-provider': 'serviceAccount',
          serviceAccountToken: 'dev-token',
        },
        skipTLSVerify: false,
        caData: CA_DATA,
      },
    ]);
  });

  it('passes on the CA file of a kubeconfig cluster that names one, when its entry allows file paths', async () => {
    directory.setContent({
      'ca.crt': PEM,
      'kubeconfig.yaml': stringify({
        'current-context': 'dev',
        clusters: [
          {
            name: 'dev',
            cluster: {
              server: 'https://dev.example.com',
              'certificate-authority': 'ca.crt',
            },
          },
        ],
        users: [{ name: 'dev', user: { token: 'dev-token' } }],
        contexts: [{ name: 'dev', context: { cluster: 'dev', user: 'dev' } }],
      }),
    });
    const supplier = createCocktailClusterSupplier(
      clustersConfig([
        {
          name: 'dev',
          kubeconfigPath: directory.resolve('kubeconfig.yaml'),
          allowFilePaths: true,
        },
      ]),
      { logger: mockServices.logger.mock() },
    );

    const [details] = await supplier.getClusters({
      credentials: serviceCredentials,
    });

    expect(details.caFile).toBe(directory.resolve('ca.crt'));
  });

  it('leaves out a kubeconfig cluster whose user has no token, warning once', async () => {
    directory.setContent({
      'kubeconfig.yaml': stringify({
        'current-context': 'dev',
        clusters: [
          { name: 'dev', cluster: { server: 'https://dev.example.com' } },
        ],
        users: [
          {
            name: 'dev',
            user: {
              'client-certificate-data': CA_DATA,
              'client-key-data': CA_DATA,
            },
          },
        ],
        contexts: [{ name: 'dev', context: { cluster: 'dev', user: 'dev' } }],
      }),
    });
    const logger = mockServices.logger.mock();
    const supplier = createCocktailClusterSupplier(
      clustersConfig([
        { name: 'dev', kubeconfigPath: directory.resolve('kubeconfig.yaml') },
      ]),
      { logger },
    );

    await expect(
      supplier.getClusters({ credentials: serviceCredentials }),
    ).resolves.toEqual([]);
    await supplier.getClusters({ credentials: serviceCredentials });

    expect(logger.warn).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith(
      'Leaving cluster "dev" out of the Kubernetes plugin: the user of its kubeconfig context "dev" has no token, and the plugin cannot use the kubeconfig\'s other credentials',
    );
  });

  it('leaves out a catalog cluster whose API server is not allowed, warning once', async () => {
    const logger = mockServices.logger.mock();
    const supplier = createCocktailClusterSupplier(
      clustersConfig([{ name: 'prod', url: 'https://prod.example.com' }], {
        catalogClusters: { allowedApiServers: ['10.0.0.0/8'] },
      }),
      {
        logger,
        catalog: fakeCatalog([
          clusterResource('dev', {
            'kubernetes.io/api-server': 'http://127.0.0.1:18443',
            'kubernetes.io/auth-provider': 'serviceAccount',
            'kubernetes.io/skip-tls-verify': 'true',
          }),
        ]),
        credentials: async () => serviceCredentials,
      },
    );

    const details = await supplier.getClusters({
      credentials: serviceCredentials,
    });
    await supplier.getClusters({ credentials: serviceCredentials });

    expect(details.map(d => d.name)).toEqual(['prod']);
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringMatching(
        /^Leaving cluster "dev" out of the Kubernetes plugin: the kubernetes-cluster Resource "resource:default\/dev" registers it, but its API server http:\/\/127\.0\.0\.1:18443 is not in cocktail\.catalogClusters\.allowedApiServers/,
      ),
    );
    expect(
      logger.warn.mock.calls.filter(([message]) =>
        String(message).startsWith('Leaving cluster "dev"'),
      ),
    ).toHaveLength(1);
  });

  it('leaves out a kubeconfig cluster whose file can no longer be read, and keeps the others', async () => {
    directory.setContent({ 'kubeconfig.yaml': twoContextKubeconfig() });
    const kubeconfigPath = directory.resolve('kubeconfig.yaml');
    const logger = mockServices.logger.mock();
    const supplier = createCocktailClusterSupplier(
      clustersConfig([
        { name: 'dev', kubeconfigPath },
        { name: 'prod', url: 'https://prod.example.com' },
      ]),
      { logger },
    );
    await supplier.getClusters({ credentials: serviceCredentials });
    directory.clear();

    const details = await supplier.getClusters({
      credentials: serviceCredentials,
    });

    expect(details.map(d => d.name)).toEqual(['prod']);
    expect(logger.warn).toHaveBeenCalledWith(
      `Leaving cluster "dev" out of the Kubernetes plugin: cluster "dev": cannot read the kubeconfig "${kubeconfigPath}": ENOENT: no such file or directory, open '${kubeconfigPath}'`,
    );
  });
});
