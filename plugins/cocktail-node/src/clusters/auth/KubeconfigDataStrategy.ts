import { InputError } from '@backstage/errors';
import type { KubeConfig } from '@kubernetes/client-node';
import { errorMessage } from '../errorMessage';
import { KubernetesClientModule } from '../kubernetesClient';
import { loadCheckedKubeconfig } from '../loadCheckedKubeconfig';
import { ConfiguredCluster } from '../readConfigClusters';
import { CocktailCluster } from '../types';
import { applyClusterSettings } from './applyClusterSettings';
import { AuthOfType, ClusterAuthStrategy } from './ClusterAuthStrategy';

type KubeconfigDataAuth = AuthOfType<'kubeconfigData'>;

/**
 * A kubeconfig held in memory, such as the one a Cluster API
 * `<cluster>-kubeconfig` Secret carries: its context's cluster and user.
 *
 * Messages never quote the kubeconfig, nor the parser's errors, which can.
 * Such kubeconfigs come from the Secrets of a Cluster API management cluster,
 * so `cocktail.clusterApi` is what allows exec credentials and file paths.
 */
export class KubeconfigDataStrategy
  implements ClusterAuthStrategy<KubeconfigDataAuth>
{
  private readonly loadClient: () => Promise<KubernetesClientModule>;

  constructor(loadClient: () => Promise<KubernetesClientModule>) {
    this.loadClient = loadClient;
  }

  async resolve({
    configKey,
    url: _url,
    ...cluster
  }: ConfiguredCluster & {
    auth: KubeconfigDataAuth;
  }): Promise<CocktailCluster> {
    const kubeConfig = await this.load(cluster.auth, configKey);
    return {
      ...cluster,
      url: kubeConfig.getCurrentCluster()!.server,
      source: 'config',
    };
  }

  async kubeConfigFor(
    cluster: CocktailCluster & { auth: KubeconfigDataAuth },
  ): Promise<KubeConfig> {
    return applyClusterSettings(
      await this.load(cluster.auth, `cluster "${cluster.name}"`),
      cluster,
    );
  }

  private async load(
    { kubeconfig, context, allow }: KubeconfigDataAuth,
    where: string,
  ): Promise<KubeConfig> {
    let kubeConfig: KubeConfig;
    try {
      kubeConfig = loadCheckedKubeconfig(await this.loadClient(), kubeconfig, {
        describedAs: 'its kubeconfig data',
        howToAllow: setting => `set cocktail.clusterApi.${setting}: true`,
        allow,
      });
    } catch (error) {
      throw new InputError(`${where}: ${errorMessage(error)}`);
    }
    if (context) {
      if (!kubeConfig.getContextObject(context)) {
        throw new InputError(
          `${where}: its kubeconfig has no context "${context}"`,
        );
      }
      kubeConfig.setCurrentContext(context);
    }
    if (!kubeConfig.getCurrentCluster()) {
      throw new InputError(
        `${where}: the current context of its kubeconfig names no cluster that the kubeconfig defines`,
      );
    }
    return kubeConfig;
  }
}
