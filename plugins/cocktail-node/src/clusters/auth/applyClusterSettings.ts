import type { KubeConfig } from '@kubernetes/client-node';
import { CocktailCluster } from '../types';

/**
 * Gives the current cluster of a loaded KubeConfig the registry's CA and TLS
 * setting, which win over the file's.
 */
export function applyClusterSettings(
  kubeConfig: KubeConfig,
  cluster: CocktailCluster,
): KubeConfig {
  const current = kubeConfig.getCurrentCluster();
  kubeConfig.loadFromOptions({
    clusters: kubeConfig.clusters.map(entry =>
      entry === current
        ? {
            ...entry,
            ...(cluster.caData && {
              caData: cluster.caData,
              caFile: undefined,
            }),
            skipTLSVerify: cluster.skipTLSVerify,
          }
        : entry,
    ),
    users: kubeConfig.users,
    contexts: kubeConfig.contexts,
    currentContext: kubeConfig.currentContext,
  });
  return kubeConfig;
}
