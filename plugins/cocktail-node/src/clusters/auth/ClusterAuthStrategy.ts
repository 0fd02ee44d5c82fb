import type { KubeConfig } from '@kubernetes/client-node';
import { ConfiguredCluster } from '../readConfigClusters';
import { CocktailCluster, CocktailClusterAuth } from '../types';

export type AuthOfType<T extends CocktailClusterAuth['type']> = Extract<
  CocktailClusterAuth,
  { type: T }
>;

/** How clusters of one auth type are reached. */
export interface ClusterAuthStrategy<A extends CocktailClusterAuth> {
  /**
   * Completes an app-config cluster with what its credentials know, such as
   * the API server of a kubeconfig context.
   */
  resolve(entry: ConfiguredCluster & { auth: A }): Promise<CocktailCluster>;

  /** A KubeConfig whose current context reaches the cluster. */
  kubeConfigFor(cluster: CocktailCluster & { auth: A }): Promise<KubeConfig>;
}
