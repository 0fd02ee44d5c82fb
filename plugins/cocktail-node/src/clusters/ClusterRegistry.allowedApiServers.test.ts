import { mockServices } from '@backstage/backend-test-utils';
import { NotAllowedError } from '@backstage/errors';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import {
  ClusterEntry,
  clusterResource,
  clustersConfig,
  fakeCatalog,
  loadClient,
  serviceCredentials,
} from './__testUtils__/fixtures';
import { ClusterRegistry } from './ClusterRegistry';
import { CocktailClusterSupplier } from './CocktailClusterSupplier';
import { KubernetesClientModule } from './kubernetesClient';

describe('ClusterRegistry with cocktail.catalogClusters.allowedApiServers', () => {
  let client: KubernetesClientModule;
  let server: Server;
  let url: string;
  let port: number;
  let requests = 0;

  beforeAll(async () => {
    client = await loadClient();
    server = createServer((_req, res) => {
      requests += 1;
      res.setHeader('Content-Type', 'application/json');
      res.end(
        JSON.stringify({ kind: 'NamespaceList', apiVersion: 'v1', items: [] }),
      );
    });
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    url = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await new Promise(resolve => server.close(resolve));
  });
  beforeEach(() => {
    requests = 0;
  });

  function setup(allowedApiServers?: string[], clusters: ClusterEntry[] = []) {
    const logger = mockServices.logger.mock();
    const registry = ClusterRegistry.fromConfig(
      clustersConfig(
        clusters,
        allowedApiServers ? { catalogClusters: { allowedApiServers } } : {},
      ),
      {
        logger,
        kubernetesClient: client,
        catalog: fakeCatalog([
          clusterResource('edge', {
            'kubernetes.io/api-server': url,
            'kubernetes.io/auth-provider': 'serviceAccount',
            'kubernetes.io/skip-tls-verify': 'true',
          }),
        ]),
        credentials: async () => serviceCredentials,
      },
    );
    return { registry, logger };
  }

  async function listNamespacesOf(registry: ClusterRegistry) {
    const core = await registry.makeApiClient('edge', client.CoreV1Api);
    return core.listNamespace();
  }

  it('reaches a catalog cluster whose API server is listed', async () => {
    const { registry } = setup(['127.0.0.1']);

    await listNamespacesOf(registry);

    expect(requests).toBe(1);
  });

  it('reaches a catalog cluster whose API server is in a listed CIDR', async () => {
    const { registry } = setup(['10.0.0.0/8', '127.0.0.0/8']);

    await listNamespacesOf(registry);

    expect(requests).toBe(1);
  });

  it('never calls a catalog cluster whose API server is not listed, and lists it with why', async () => {
    const { registry, logger } = setup(['10.0.0.0/8', `127.0.0.1:${port + 1}`]);

    const [edge] = await registry.listClusters();
    const supplied = await new CocktailClusterSupplier(
      registry,
      logger,
    ).getClusters();

    const refusal = `the kubernetes-cluster Resource "resource:default/edge" registers it, but its API server ${url} is not in cocktail.catalogClusters.allowedApiServers; add "127.0.0.1" (or a CIDR around it) there if the suite may reach it`;
    expect(edge).toEqual({
      name: 'edge',
      url: '',
      source: 'catalog',
      entityRef: 'resource:default/edge',
      auth: { type: 'serviceAccount' },
      skipTLSVerify: false,
      refusal,
    });
    expect(logger.warn).toHaveBeenCalledWith(
      `Not reaching cluster "edge": ${refusal}`,
    );
    await expect(listNamespacesOf(registry)).rejects.toThrow(NotAllowedError);
    expect(supplied).toEqual([]);
    expect(requests).toBe(0);
  });

  it('reaches no catalog-only cluster while the key is not set, saying to set it', async () => {
    const { registry } = setup(undefined);

    const [edge] = await registry.listClusters();

    expect(edge.refusal).toBe(
      `the kubernetes-cluster Resource "resource:default/edge" registers it, but the suite reaches no cluster that only the catalog registers until cocktail.catalogClusters.allowedApiServers lists its API server; add "127.0.0.1" (or a CIDR around it) there to reach ${url}, or define the cluster in cocktail.clusters`,
    );
    await expect(listNamespacesOf(registry)).rejects.toThrow(
      'Cluster "edge" is not reached: ',
    );
    expect(requests).toBe(0);
  });

  it('does not restrict a cluster that app-config defines, which the catalog then only describes', async () => {
    const { registry } = setup(undefined, [
      { name: 'edge', url, skipTLSVerify: true },
    ]);

    await listNamespacesOf(registry);

    expect(await registry.getCluster('edge')).toMatchObject({
      source: 'config',
      entityRef: 'resource:default/edge',
    });
    expect(requests).toBe(1);
  });
});
