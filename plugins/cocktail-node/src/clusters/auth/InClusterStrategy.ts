import { InputError } from '@backstage/errors';
import type { Cluster, KubeConfig } from '@kubernetes/client-node';
import { KubernetesClientModule } from '../kubernetesClient';
import { ConfiguredCluster } from '../readConfigClusters';
import { CocktailCluster } from '../types';
import { applyClusterSettings } from './applyClusterSettings';
import { AuthOfType, ClusterAuthStrategy } from './ClusterAuthStrategy';

type InClusterAuth = AuthOfType<'inCluster'>;

/** The cluster the backend runs in, reached with its pod's service account. */
export class InClusterStrategy implements ClusterAuthStrategy<InClusterAuth> {
  private readonly loadClient: () => Promise<KubernetesClientModule>;

  constructor(loadClient: () => Promise<KubernetesClientModule>) {
    this.loadClient = loadClient;
  }

  async resolve({
    configKey,
    url: _url,
    ...cluster
  }: ConfiguredCluster & {
    auth: InClusterAuth;
  }): Promise<CocktailCluster> {
    const kubeConfig = await this.load(`${configKey}.inCluster`);
    // loadFromCluster always defines the current cluster.
    const server = kubeConfig.getCurrentCluster() as Cluster;
    return { ...cluster, url: server.server, source: 'config' };
  }

  async kubeConfigFor(
    cluster: CocktailCluster & { auth: InClusterAuth },
  ): Promise<KubeConfig> {
    return applyClusterSettings(
      await this.load(`cluster "${cluster.name}"`),
      cluster,
    );
  }

  private async load(where: string): Promise<KubeConfig> {
    const { KubeConfig } = await this.loadClient();
    // Outside a pod, loadFromCluster would not fail but point at
    // https://undefined:undefined.
    if (
      !process.env.KUBERNETES_SERVICE_HOST ||
      !process.env.KUBERNETES_SERVICE_PORT
    ) {
      throw new InputError(
        `${where}: not running in a Kubernetes pod (KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set)`,
      );
    }
    const kubeConfig = new KubeConfig();
    kubeConfig.loadFromCluster();
    return kubeConfig;
  }
}
