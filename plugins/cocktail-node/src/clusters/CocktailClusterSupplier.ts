import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import {
  AuthMetadata,
  ClusterDetails,
  KubernetesClustersSupplier,
} from '@backstage/plugin-kubernetes-node';
import type { KubeConfig } from '@kubernetes/client-node';
import { ClusterRegistry, ClusterRegistryOptions } from './ClusterRegistry';
import { errorMessage } from './errorMessage';
import { CocktailCluster } from './types';

/**
 * Hands the registry's clusters to Backstage's Kubernetes plugin, so that its
 * Kubernetes tab works on the same clusters.
 *
 * @public
 */
export class CocktailClusterSupplier implements KubernetesClustersSupplier {
  private readonly registry: Pick<
    ClusterRegistry,
    'listClusters' | 'kubeConfigFor'
  >;
  private readonly logger: LoggerService;
  private readonly reportedClusters = new Set<string>();

  constructor(
    registry: Pick<ClusterRegistry, 'listClusters' | 'kubeConfigFor'>,
    logger: LoggerService,
  ) {
    this.registry = registry;
    this.logger = logger;
  }

  // The registry reads the catalog with its own credentials and caches the
  // result, so the caller's credentials are not needed.
  async getClusters(_options?: {
    credentials: BackstageCredentials;
  }): Promise<ClusterDetails[]> {
    const clusters = await this.registry.listClusters();
    const details = await Promise.all(
      clusters.map(cluster => this.toClusterDetails(cluster)),
    );
    return details.filter((d): d is ClusterDetails => d !== undefined);
  }

  private async toClusterDetails(
    cluster: CocktailCluster,
  ): Promise<ClusterDetails | undefined> {
    if (cluster.refusal !== undefined) {
      this.reportOnce(
        cluster.name,
        `Leaving cluster "${cluster.name}" out of the Kubernetes plugin: ${cluster.refusal}`,
      );
      return undefined;
    }
    const base = {
      name: cluster.name,
      ...(cluster.title && { title: cluster.title }),
      url: cluster.url,
      skipTLSVerify: cluster.skipTLSVerify,
      ...(cluster.caData && { caData: cluster.caData }),
    };
    const { auth } = cluster;

    switch (auth.type) {
      case 'serviceAccount':
        return {
          ...base,
          authMetadata: auth.token
            ? serviceAccountMetadata(auth.token)
            : // The Kubernetes plugin's serviceAccount provider would fall
              // back to the backend pod's own token and cluster; this is its
              // provider for anonymous access.
              { [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: 'localKubectlProxy' },
        };
      case 'inCluster':
        // Without a token, the serviceAccount provider uses the pod's own.
        return {
          ...base,
          authMetadata: {
            [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: 'serviceAccount',
          },
        };
      case 'kubeconfig':
      case 'kubeconfigData': {
        let kubeConfig: KubeConfig;
        try {
          kubeConfig = await this.registry.kubeConfigFor(cluster);
        } catch (error) {
          // One unreadable kubeconfig must not hide the other clusters.
          this.reportOnce(
            cluster.name,
            `Leaving cluster "${
              cluster.name
            }" out of the Kubernetes plugin: ${errorMessage(error)}`,
          );
          return undefined;
        }
        const token = kubeConfig.getCurrentUser()?.token;
        if (!token) {
          this.reportOnce(
            cluster.name,
            `Leaving cluster "${
              cluster.name
            }" out of the Kubernetes plugin: the user of its kubeconfig context "${kubeConfig.getCurrentContext()}" has no token, and the plugin cannot use the kubeconfig's other credentials`,
          );
          return undefined;
        }
        const caFile = kubeConfig.getCurrentCluster()?.caFile;
        return {
          ...base,
          ...(!cluster.caData && caFile && { caFile }),
          authMetadata: serviceAccountMetadata(token),
        };
      }
      default:
        return undefined;
    }
  }

  private reportOnce(clusterName: string, message: string) {
    if (!this.reportedClusters.has(clusterName)) {
      this.reportedClusters.add(clusterName);
      this.logger.warn(message);
    }
  }
}

function serviceAccountMetadata(token: string): AuthMetadata {
  return {
    [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: 'serviceAccount',
    serviceAccountToken: token,
  };
}

/**
 * A supplier for Backstage's Kubernetes plugin over a registry built from
 * `cocktail.clusters`, the catalog and the Cluster API management cluster.
 *
 * @public
 */
export function createCocktailClusterSupplier(
  config: Config,
  options: ClusterRegistryOptions,
): CocktailClusterSupplier {
  return new CocktailClusterSupplier(
    ClusterRegistry.fromConfig(config, options),
    options.logger,
  );
}
