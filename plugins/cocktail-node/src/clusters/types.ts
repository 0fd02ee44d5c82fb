import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';

/**
 * How the suite authenticates to a cluster's API server.
 *
 * A `serviceAccount` cluster without a token is reached anonymously: the
 * backend's own service-account token is only sent with `inCluster`.
 * `kubeconfigData` carries the credentials of a kubeconfig read from a
 * Secret; never log it.
 *
 * @public
 */
export type CocktailClusterAuth =
  | { type: 'serviceAccount'; token?: string }
  | { type: 'kubeconfig'; path: string; context?: string }
  | {
      type: 'kubeconfigData';
      /** A whole kubeconfig, such as Cluster API's `<cluster>-kubeconfig` Secret holds. */
      kubeconfig: string;
      context?: string;
    }
  | { type: 'inCluster' };

/**
 * A Kubernetes cluster the suite reaches, from app-config, the catalog, both,
 * or a Cluster API management cluster.
 *
 * @public
 */
export interface CocktailCluster {
  /** The identifier; a catalog Resource of the same name describes it. */
  name: string;
  title?: string;
  /** The API server URL. */
  url: string;
  /**
   * Where the credentials come from: `config` when app-config defines the
   * cluster, `cluster-api` for a `<cluster>-kubeconfig` Secret of the Cluster
   * API management cluster, else `catalog`.
   */
  source: 'config' | 'catalog' | 'cluster-api';
  /** For a `cluster-api` cluster: where its Cluster object lives. */
  clusterApi?: { managementCluster: string; namespace: string };
  /** The catalog Resource describing the cluster, such as `resource:default/prod`. */
  entityRef?: string;
  auth: CocktailClusterAuth;
  /** The API server's certificate authority: a base64-encoded PEM bundle. */
  caData?: string;
  skipTLSVerify: boolean;
  provider?: string;
  region?: string;
}

/**
 * The part of Backstage's catalog service that the registry reads clusters
 * with.
 *
 * @public
 */
export interface CatalogClusterSource {
  getEntities(
    request: { filter: Record<string, string> },
    options: { credentials: BackstageCredentials },
  ): Promise<{ items: Entity[] }>;
}
