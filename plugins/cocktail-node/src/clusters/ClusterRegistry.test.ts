import { mockServices } from '@backstage/backend-test-utils';
import { InputError, NotFoundError } from '@backstage/errors';
import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  CA_DATA,
  PEM,
  ClusterEntry,
  clustersConfig,
  loadClient,
} from './__testUtils__/fixtures';
import { ClusterRegistry } from './ClusterRegistry';
import { KubernetesClientModule } from './kubernetesClient';

describe('ClusterRegistry', () => {
  let client: KubernetesClientModule;
  beforeAll(async () => {
    client = await loadClient();
  });

  function registryFor(clusters: ClusterEntry[]) {
    return ClusterRegistry.fromConfig(clustersConfig(clusters), {
      logger: mockServices.logger.mock(),
      kubernetesClient: client,
    });
  }

  it('throws the InputError of a mistaken config when it is built', () => {
    expect(() => registryFor([{ name: 'dev', url: 'x' }])).toThrow(
      new InputError(
        'cocktail.clusters[0].url: expected an http(s) URL, got "x"',
      ),
    );
  });

  it('refuses a catalog without the credentials to read it', () => {
    expect(() =>
      ClusterRegistry.fromConfig(clustersConfig([]), {
        logger: mockServices.logger.mock(),
        catalog: { getEntities: async () => ({ items: [] }) },
      }),
    ).toThrow(
      new TypeError(
        'ClusterRegistry needs credentials to read clusters from the catalog',
      ),
    );
  });

  it('lists the config clusters in their order', async () => {
    const registry = registryFor([
      {
        name: 'prod',
        url: 'https://prod.example.com',
        serviceAccountToken: 's3cr3t',
        caData: PEM,
      },
      { name: 'dev', url: 'http://127.0.0.1:18443', skipTLSVerify: true },
    ]);

    await expect(registry.listClusters()).resolves.toEqual([
      {
        name: 'prod',
        url: 'https://prod.example.com',
        source: 'config',
        auth: { type: 'serviceAccount', token: 's3cr3t' },
        caData: CA_DATA,
        skipTLSVerify: false,
      },
      {
        name: 'dev',
        url: 'http://127.0.0.1:18443',
        source: 'config',
        auth: { type: 'serviceAccount' },
        skipTLSVerify: true,
      },
    ]);
  });

  it('finds a cluster by its name', async () => {
    const registry = registryFor([
      { name: 'dev', url: 'https://dev.example.com' },
      { name: 'prod', url: 'https://prod.example.com' },
    ]);

    await expect(registry.getCluster('prod')).resolves.toMatchObject({
      name: 'prod',
      url: 'https://prod.example.com',
    });
  });

  it('names the known clusters when none has the name asked for', async () => {
    const registry = registryFor([
      { name: 'dev', url: 'https://dev.example.com' },
      { name: 'prod', url: 'https://prod.example.com' },
    ]);

    await expect(registry.getCluster('qa')).rejects.toThrow(
      new NotFoundError(
        'No cluster named "qa"; the known clusters are "dev", "prod"',
      ),
    );
  });

  it('says that no clusters are known when none is defined', async () => {
    await expect(registryFor([]).getCluster('qa')).rejects.toThrow(
      new NotFoundError('No cluster named "qa"; the known clusters are none'),
    );
  });

  describe('kubeConfigFor', () => {
    it('points the current context at the URL, token, CA and TLS setting of a token cluster', async () => {
      const registry = registryFor([
        {
          name: 'sim',
          url: 'http://127.0.0.1:18443',
          serviceAccountToken: 's3cr3t',
          caData: PEM,
          skipTLSVerify: true,
        },
      ]);

      const kubeConfig = await registry.kubeConfigFor(
        await registry.getCluster('sim'),
      );

      expect(kubeConfig).toBeInstanceOf(client.KubeConfig);
      expect(kubeConfig.getCurrentCluster()).toEqual({
        name: 'sim',
        server: 'http://127.0.0.1:18443',
        caData: CA_DATA,
        skipTLSVerify: true,
      });
      expect(kubeConfig.getCurrentUser()).toEqual({
        name: 'sim-service-account',
        token: 's3cr3t',
      });
    });

    it('gives a cluster without a token a user without credentials', async () => {
      const registry = registryFor([
        { name: 'dev', url: 'https://dev.example.com' },
      ]);

      const kubeConfig = await registry.kubeConfigFor(
        await registry.getCluster('dev'),
      );

      expect(kubeConfig.getCurrentUser()).toEqual({
        name: 'dev-service-account',
      });
    });
  });

  describe('in-cluster', () => {
    const saved = {
      host: process.env.KUBERNETES_SERVICE_HOST,
      port: process.env.KUBERNETES_SERVICE_PORT,
    };
    afterEach(() => {
      restoreEnv('KUBERNETES_SERVICE_HOST', saved.host);
      restoreEnv('KUBERNETES_SERVICE_PORT', saved.port);
    });

    it("takes the URL of the pod's own cluster from its environment", async () => {
      process.env.KUBERNETES_SERVICE_HOST = '10.96.0.1';
      process.env.KUBERNETES_SERVICE_PORT = '443';
      const registry = registryFor([{ name: 'home', inCluster: true }]);

      await expect(registry.listClusters()).resolves.toEqual([
        {
          name: 'home',
          url: 'https://10.96.0.1:443',
          source: 'config',
          auth: { type: 'inCluster' },
          skipTLSVerify: false,
        },
      ]);
    });

    it("gives a KubeConfig with the pod's service-account token file", async () => {
      process.env.KUBERNETES_SERVICE_HOST = '10.96.0.1';
      process.env.KUBERNETES_SERVICE_PORT = '443';
      const registry = registryFor([{ name: 'home', inCluster: true }]);

      const kubeConfig = await registry.kubeConfigFor(
        await registry.getCluster('home'),
      );

      expect(kubeConfig.getCurrentCluster()?.server).toBe(
        'https://10.96.0.1:443',
      );
      expect(kubeConfig.getCurrentUser()?.authProvider).toEqual({
        name: 'tokenFile',
        config: {
          tokenFile: '/var/run/secrets/kubernetes.io/serviceaccount/token',
        },
      });
    });

    it('names an in-cluster entry when the backend is not in a pod', async () => {
      delete process.env.KUBERNETES_SERVICE_HOST;
      delete process.env.KUBERNETES_SERVICE_PORT;
      const registry = registryFor([{ name: 'home', inCluster: true }]);

      await expect(registry.listClusters()).rejects.toThrow(
        new InputError(
          'cocktail.clusters[0].inCluster: not running in a Kubernetes pod (KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set)',
        ),
      );
    });
  });

  describe('makeApiClient', () => {
    let server: Server;
    let url: string;
    const requests: { path?: string; headers: IncomingHttpHeaders }[] = [];

    beforeAll(async () => {
      server = createServer((req, res) => {
        requests.push({ path: req.url, headers: req.headers });
        res.setHeader('Content-Type', 'application/json');
        res.end(
          JSON.stringify({
            kind: 'NamespaceList',
            apiVersion: 'v1',
            metadata: {},
            items: [{ metadata: { name: 'payments-prod' } }],
          }),
        );
      });
      await new Promise<void>(resolve =>
        server.listen(0, '127.0.0.1', resolve),
      );
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await new Promise(resolve => server.close(resolve));
    });

    it("makes a client that calls the cluster's URL with its token", async () => {
      const registry = registryFor([
        {
          name: 'sim',
          url,
          serviceAccountToken: 's3cr3t',
          skipTLSVerify: true,
        },
      ]);

      const core = await registry.makeApiClient('sim', client.CoreV1Api);
      const namespaces = await core.listNamespace();

      expect(namespaces.items.map(n => n.metadata?.name)).toEqual([
        'payments-prod',
      ]);
      expect(requests).toHaveLength(1);
      expect(requests[0].path).toBe('/api/v1/namespaces');
      expect(requests[0].headers.authorization).toBe('Bearer s3cr3t');
    });
  });
});

function restoreEnv(name: string, value: string | undefined) {
  if (value === undefined) {
    delete process.env[name];
  } else {
    process.env[name] = value;
  }
}
