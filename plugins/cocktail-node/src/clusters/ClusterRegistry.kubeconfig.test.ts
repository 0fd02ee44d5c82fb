import {
  createMockDirectory,
  mockServices,
} from '@backstage/backend-test-utils';
import { InputError } from '@backstage/errors';
import { parse, stringify } from 'yaml';
import {
  CA_DATA,
  PEM,
  ClusterEntry,
  clustersConfig,
  loadClient,
  twoContextKubeconfig,
} from './__testUtils__/fixtures';
import { ClusterRegistry } from './ClusterRegistry';
import { KubernetesClientModule } from './kubernetesClient';

describe('ClusterRegistry with kubeconfig clusters', () => {
  const directory = createMockDirectory();
  const kubeconfigPath = directory.resolve('kubeconfig.yaml');
  let client: KubernetesClientModule;

  beforeAll(async () => {
    client = await loadClient();
  });
  beforeEach(() => {
    directory.setContent({ 'kubeconfig.yaml': twoContextKubeconfig() });
  });

  function registryFor(clusters: ClusterEntry[]) {
    return ClusterRegistry.fromConfig(clustersConfig(clusters), {
      logger: mockServices.logger.mock(),
      kubernetesClient: client,
    });
  }

  it("takes the URL and CA of the file's current context when no context is named", async () => {
    const registry = registryFor([{ name: 'dev', kubeconfigPath }]);

    await expect(registry.listClusters()).resolves.toEqual([
      {
        name: 'dev',
        url: 'https://dev.example.com:6443',
        source: 'config',
        auth: { type: 'kubeconfig', path: kubeconfigPath, context: 'dev' },
        caData: CA_DATA,
        skipTLSVerify: false,
      },
    ]);
  });

  it('takes the URL and TLS setting of the context that config names', async () => {
    const registry = registryFor([
      { name: 'ops', kubeconfigPath, context: 'ops' },
    ]);

    await expect(registry.listClusters()).resolves.toEqual([
      {
        name: 'ops',
        url: 'http://127.0.0.1:18443',
        source: 'config',
        auth: { type: 'kubeconfig', path: kubeconfigPath, context: 'ops' },
        skipTLSVerify: true,
      },
    ]);
  });

  it('names a missing context and the contexts the file has', async () => {
    const registry = registryFor([
      { name: 'stage', kubeconfigPath, context: 'stage' },
    ]);

    await expect(registry.listClusters()).rejects.toThrow(
      new InputError(
        `cocktail.clusters[0].context: the kubeconfig "${kubeconfigPath}" has no context "stage"; its contexts: dev, ops`,
      ),
    );
  });

  it('names a kubeconfig file that cannot be read', async () => {
    const missing = directory.resolve('missing.yaml');
    const registry = registryFor([{ name: 'dev', kubeconfigPath: missing }]);

    await expect(registry.listClusters()).rejects.toThrow(
      new InputError(
        `cocktail.clusters[0].kubeconfigPath: cannot read the kubeconfig "${missing}": ENOENT: no such file or directory, open '${missing}'`,
      ),
    );
  });

  it('reports the problems of every kubeconfig cluster at once', async () => {
    const registry = registryFor([
      { name: 'dev', kubeconfigPath, context: 'dev' },
      { name: 'stage', kubeconfigPath, context: 'stage' },
      { name: 'qa', kubeconfigPath, context: 'qa' },
    ]);

    await expect(registry.listClusters()).rejects.toThrow(
      new InputError(
        [
          `cocktail.clusters[1].context: the kubeconfig "${kubeconfigPath}" has no context "stage"; its contexts: dev, ops`,
          `cocktail.clusters[2].context: the kubeconfig "${kubeconfigPath}" has no context "qa"; its contexts: dev, ops`,
        ].join('\n'),
      ),
    );
  });

  it('reads the file again after a failure, once it has been fixed', async () => {
    directory.clear();
    const registry = registryFor([{ name: 'dev', kubeconfigPath }]);
    await expect(registry.listClusters()).rejects.toThrow(InputError);

    directory.setContent({ 'kubeconfig.yaml': twoContextKubeconfig() });

    await expect(registry.listClusters()).resolves.toMatchObject([
      { name: 'dev', url: 'https://dev.example.com:6443' },
    ]);
  });

  it("gives a KubeConfig on the named context, with that context's user", async () => {
    const registry = registryFor([
      { name: 'ops', kubeconfigPath, context: 'ops' },
    ]);

    const kubeConfig = await registry.kubeConfigFor(
      await registry.getCluster('ops'),
    );

    expect(kubeConfig.getCurrentContext()).toBe('ops');
    expect(kubeConfig.getCurrentCluster()).toEqual({
      name: 'ops-cluster',
      server: 'http://127.0.0.1:18443',
      skipTLSVerify: true,
    });
    expect(kubeConfig.getCurrentUser()).toEqual({
      name: 'ops-user',
      token: 'ops-token',
    });
  });

  it("lets config's caData and skipTLSVerify win over the file's", async () => {
    const otherPem = PEM.replace('cocktail', 'override');
    const registry = registryFor([
      {
        name: 'dev',
        kubeconfigPath,
        context: 'dev',
        caData: otherPem,
        skipTLSVerify: true,
      },
    ]);

    const kubeConfig = await registry.kubeConfigFor(
      await registry.getCluster('dev'),
    );

    expect(kubeConfig.getCurrentCluster()).toEqual({
      name: 'dev-cluster',
      server: 'https://dev.example.com:6443',
      caData: Buffer.from(otherPem).toString('base64'),
      skipTLSVerify: true,
    });
  });

  describe('credentials that reach beyond the file', () => {
    /** The two-context kubeconfig with `change` applied to it. */
    function writeKubeconfig(change: (kubeconfig: any) => void) {
      const kubeconfig = parse(twoContextKubeconfig());
      change(kubeconfig);
      directory.setContent({ 'kubeconfig.yaml': stringify(kubeconfig) });
    }

    it('refuses a kubeconfig whose user runs a command, naming the setting that allows it', async () => {
      writeKubeconfig(kubeconfig => {
        kubeconfig.users[1].user = {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: 'aws',
          },
        };
      });
      const registry = registryFor([{ name: 'dev', kubeconfigPath }]);

      await expect(registry.listClusters()).rejects.toThrow(
        new InputError(
          `cocktail.clusters[0].kubeconfigPath: the kubeconfig "${kubeconfigPath}" carries exec or auth-provider credentials (users[1] "ops-user": exec), which run commands or plugins in the backend; set cocktail.clusters[0].allowExecCredentials: true if it may`,
        ),
      );
    });

    it('refuses an auth-provider plugin the same way', async () => {
      writeKubeconfig(kubeconfig => {
        kubeconfig.users[0].user = {
          'auth-provider': { name: 'oidc', config: { 'id-token': 'x' } },
        };
      });
      const registry = registryFor([{ name: 'dev', kubeconfigPath }]);

      await expect(registry.listClusters()).rejects.toThrow(
        'carries exec or auth-provider credentials (users[0] "dev-user": auth-provider)',
      );
    });

    it('refuses file paths, before client-node reads a token file', async () => {
      writeKubeconfig(kubeconfig => {
        kubeconfig.clusters[0].cluster['certificate-authority'] = 'ca.crt';
        kubeconfig.users[0].user = {
          'client-certificate': 'client.crt',
          'client-key': 'client.key',
        };
        kubeconfig.users[1].user = {
          'token-file': directory.resolve('token.txt'),
        };
      });
      directory.addContent({ 'token.txt': 'file-token' });
      const registry = registryFor([{ name: 'dev', kubeconfigPath }]);

      await expect(registry.listClusters()).rejects.toThrow(
        new InputError(
          `cocktail.clusters[0].kubeconfigPath: the kubeconfig "${kubeconfigPath}" carries file paths (clusters[0] "dev-cluster": certificate-authority; users[0] "dev-user": client-certificate, client-key; users[1] "ops-user": token-file), which the backend would read from its own disk; set cocktail.clusters[0].allowFilePaths: true if it may`,
        ),
      );
    });

    it('loads them when the entry allows them, with paths relative to the file', async () => {
      writeKubeconfig(kubeconfig => {
        kubeconfig.clusters[1].cluster['certificate-authority'] = 'ca.crt';
        kubeconfig.users[1].user = {
          'token-file': directory.resolve('token.txt'),
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: 'aws',
          },
        };
      });
      directory.addContent({ 'token.txt': 'file-token' });
      const registry = registryFor([
        {
          name: 'ops',
          kubeconfigPath,
          context: 'ops',
          allowExecCredentials: true,
          allowFilePaths: true,
        },
      ]);

      const kubeConfig = await registry.kubeConfigFor(
        await registry.getCluster('ops'),
      );

      expect(kubeConfig.getCurrentCluster()?.caFile).toBe(
        directory.resolve('ca.crt'),
      );
      expect(kubeConfig.getCurrentUser()).toMatchObject({
        token: 'file-token',
        exec: { command: 'aws' },
      });
    });

    it('allows only what the entry names', async () => {
      writeKubeconfig(kubeconfig => {
        kubeconfig.users[1].user = {
          exec: {
            apiVersion: 'client.authentication.k8s.io/v1',
            command: 'aws',
          },
        };
      });
      const registry = registryFor([
        { name: 'dev', kubeconfigPath, allowFilePaths: true },
      ]);

      await expect(registry.listClusters()).rejects.toThrow(
        'set cocktail.clusters[0].allowExecCredentials: true if it may',
      );
    });
  });
});
