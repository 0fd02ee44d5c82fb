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
    serviceMaps?: {
      /**
       * Namespaces no ServiceMap may be provisioned into, besides `default` and every `kube-*`
       * namespace, which are always reserved.
       */
      reservedNamespaces?: string[];
    };
    clusterApi?: {
      /**
       * The registered cluster (from `cocktail.clusters` or the catalog) that runs Cluster API.
       * The clusters it provisioned join the registry from their `<name>-kubeconfig` Secrets
       * (source `cluster-api`); a cluster of the same name in app-config wins.
       */
      managementCluster?: string;
      /** Only read the kubeconfig Secrets of this namespace; all namespaces when not set. */
      namespace?: string;
      /** How often the management cluster's kubeconfig Secrets are read again; 30 when not set. */
      refreshIntervalSeconds?: number;
      /**
       * Rules that a cluster request must pass before any Cluster API object is applied. Every
       * broken rule is reported, and nothing is applied while one is broken. A rule that fails
       * to evaluate counts as broken.
       */
      policies?: Array<{
        /** A unique name for the rule, shown with its violations. */
        name: string;
        /** What the user is told when the request breaks the rule. */
        message: string;
        /**
         * A CEL expression that is true when the request is allowed. It sees `request` (name,
         * namespace, provider, region, zone, kubernetesVersion, controlPlane, nodePools,
         * network, labels, providerOptions; absent maps are `{}`, absent lists `[]`, other
         * absent fields null), `action` ('create', 'upgrade' or 'scale') and `current` (the
         * live cluster's kubernetesVersion and nodePools for upgrade and scale, or null), and
         * the functions `versionMajor`, `versionMinor` and `versionPatch`, which read a
         * version such as 'v1.33.1' as ints.
         */
        expression: string;
        /** The actions the rule checks; all of them when not set. */
        appliesTo?: Array<'create' | 'upgrade' | 'scale'>;
      }>;
    };
    audit?: {
      /** How long audit rows are kept, in days; 365 when not set. */
      retentionDays?: number;
    };
    /**
     * Image scans. CI uploads reports to `POST /api/cocktail/image-scans` with a static
     * external-access token, such as
     * `backend.auth.externalAccess: [{ type: static, options: { token: ${COCKTAIL_CI_TOKEN}, subject: ci } }]`,
     * and the permission policy allows `cocktail.imagescan.create` to that subject.
     */
    imageScans?: {
      /**
       * Refuse a deploy (409) when the latest scan of an image it would run has findings at
       * or above this severity. Images never scanned are not blocked. A user with
       * `cocktail.imagescan.override` on the server may deploy anyway with
       * `{"overrideScanGate": true, "overrideReason": "…"}`, which is audited. A dry run
       * reports what the gate would say. `none` when not set.
       */
      blockDeployAtOrAbove?: 'critical' | 'high' | 'medium' | 'low' | 'none';
      /** The largest report accepted (after gunzip), in megabytes; 200 when not set. */
      maxUploadMegabytes?: number;
      /**
       * Reads Trivy Operator's VulnerabilityReports from every registered cluster and stores
       * each new or changed one as a scan (source `cluster`). Clusters without Trivy Operator
       * are skipped.
       */
      clusterSync?: {
        /** False to never read VulnerabilityReports; true when not set. */
        enabled?: boolean;
        /** How often the clusters are read, in minutes; 10 when not set. */
        frequencyMinutes?: number;
      };
    };
  };
}
