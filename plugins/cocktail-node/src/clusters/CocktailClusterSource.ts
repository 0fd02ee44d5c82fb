import { CocktailCluster } from './types';

/**
 * Somewhere clusters and their credentials come from, besides app-config and the catalog:
 * Cluster API's kubeconfig Secrets (built in), or a module's fleet manager or inventory.
 *
 * A name it defines that app-config or another source defines too is refused for all of them,
 * naming each; a catalog Resource of the name only describes the cluster.
 *
 * @public
 */
export interface CocktailClusterSource {
  /** Its name in messages and in each cluster's `source`: `cluster-api`, `my-fleet`. */
  readonly id: string;
  /**
   * The clusters it defines now, each with `source` set to `id`. `registered` are those of
   * app-config and the catalog, through which a source may reach a management cluster. It
   * should not throw: a source that cannot be read logs that and answers what it read before.
   */
  listClusters(registered: CocktailCluster[]): Promise<CocktailCluster[]>;
  /** When what it read is due to be read again (epoch ms); at each refresh when absent. */
  readonly expiresAt?: number;
  /** Forget what was read, so that the next list reads again (as after creating a cluster). */
  invalidate?(): void;
  /** Who defines a cluster of this source, for messages: `the kubeconfig Secret "…"`. */
  describeClaimant?(cluster: CocktailCluster): string;
}
