import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';

/**
 * What a kubeconfig may carry beyond inline credentials. Both are refused
 * unless config allows them for the kubeconfig's source.
 *
 * @public
 */
export interface KubeconfigAllowances {
  /** `users[].exec` and `users[].auth-provider`, which run commands or plugins in the backend. */
  execCredentials?: boolean;
  /** `certificate-authority`, `client-certificate`, `client-key` and `token-file`: files of the backend's disk. */
  filePaths?: boolean;
}

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
  | {
      type: 'kubeconfig';
      path: string;
      context?: string;
      allow?: KubeconfigAllowances;
    }
  | {
      type: 'kubeconfigData';
      /** A whole kubeconfig, such as Cluster API's `<cluster>-kubeconfig` Secret holds. */
      kubeconfig: string;
      context?: string;
      allow?: KubeconfigAllowances;
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
   * API management cluster, the `id` of a module's cluster source, else `catalog`.
   */
  source: 'config' | 'catalog' | 'cluster-api' | (string & {});
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
  /**
   * Why the suite does not reach the cluster: a credential source it refused,
   * or two sources claiming the name. The cluster is listed so that the reason
   * is seen, with an empty URL and no credentials, and
   * `ClusterRegistry.kubeConfigFor` throws a `NotAllowedError` saying this.
   */
  refusal?: string;
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
