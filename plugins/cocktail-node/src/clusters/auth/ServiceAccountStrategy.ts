import { InputError } from '@backstage/errors';
import type { KubeConfig } from '@kubernetes/client-node';
import { KubernetesClientModule } from '../kubernetesClient';
import { ConfiguredCluster } from '../readConfigClusters';
import { CocktailCluster } from '../types';
import { AuthOfType, ClusterAuthStrategy } from './ClusterAuthStrategy';

type ServiceAccountAuth = AuthOfType<'serviceAccount'>;

/** An API server URL with a bearer token, or with none for anonymous access. */
export class ServiceAccountStrategy
  implements ClusterAuthStrategy<ServiceAccountAuth>
{
  private readonly loadClient: () => Promise<KubernetesClientModule>;

  constructor(loadClient: () => Promise<KubernetesClientModule>) {
    this.loadClient = loadClient;
  }

  async resolve({
    configKey,
    url,
    ...cluster
  }: ConfiguredCluster & {
    auth: ServiceAccountAuth;
  }): Promise<CocktailCluster> {
    if (url === undefined) {
      throw new InputError(
        `${configKey}.url: expected an http(s) URL, got nothing`,
      );
    }
    return { ...cluster, url, source: 'config' };
  }

  async kubeConfigFor(
    cluster: CocktailCluster & { auth: ServiceAccountAuth },
  ): Promise<KubeConfig> {
    const { KubeConfig } = await this.loadClient();
    const user = `${cluster.name}-service-account`;
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromOptions({
      clusters: [
        {
          name: cluster.name,
          server: cluster.url,
          caData: cluster.caData,
          skipTLSVerify: cluster.skipTLSVerify,
        },
      ],
      users: [
        {
          name: user,
          ...(cluster.auth.token && { token: cluster.auth.token }),
        },
      ],
      contexts: [{ name: cluster.name, cluster: cluster.name, user }],
      currentContext: cluster.name,
    });
    return kubeConfig;
  }
}
