export interface Config {
  cocktail?: {
    /**
     * Clusters the suite reaches, besides the catalog's kubernetes-cluster Resources.
     */
    clusters?: Array<{
      /** The cluster's name; the catalog Resource of the same name describes it. */
      name: string;
      /** API server URL (URL + token auth). */
      url?: string;
      /**
       * A service-account token for the cluster.
       * @visibility secret
       */
      serviceAccountToken?: string;
      /** Path of a kubeconfig file, with `context` (kubeconfig auth). */
      kubeconfigPath?: string;
      /** The kubeconfig context to use; its current context when absent. */
      context?: string;
      /** Use the pod's own service account (in-cluster auth). */
      inCluster?: boolean;
      /** PEM certificate authority of the API server. */
      caData?: string;
      /** Skip TLS verification; needed for plain-HTTP simulated clusters. */
      skipTLSVerify?: boolean;
    }>;
    audit?: {
      /** How long audit rows are kept, in days; 365 when not set. */
      retentionDays?: number;
    };
  };
}
