export interface Config {
  cocktail?: {
    /**
     * Clusters the suite reaches, besides the catalog's kubernetes-cluster Resources. A name
     * that a Cluster API kubeconfig Secret also defines is reached through neither.
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
      /**
       * Let the kubeconfig file's users run `exec` commands and `auth-provider` plugins in the
       * backend (kubeconfigPath only). A kubeconfig that has them is refused when not set.
       */
      allowExecCredentials?: boolean;
      /**
       * Let the kubeconfig file name other files (`certificate-authority`,
       * `client-certificate`, `client-key`, `token-file`), read from the backend's disk
       * (kubeconfigPath only). A kubeconfig that names them is refused when not set.
       */
      allowFilePaths?: boolean;
      /** Use the pod's own service account (in-cluster auth). */
      inCluster?: boolean;
      /** PEM certificate authority of the API server. */
      caData?: string;
      /** Skip TLS verification; needed for plain-HTTP simulated clusters. */
      skipTLSVerify?: boolean;
    }>;
    /** Clusters registered only by a catalog kubernetes-cluster Resource. */
    catalogClusters?: {
      /**
       * The API servers such clusters may name: host names, IP addresses or CIDRs
       * (`10.0.0.0/8`), each optionally with `:port` (IPv6 as `[fd00::1]:6443`). Host names
       * match by name and are never resolved; a CIDR matches API servers given by address.
       * Any other catalog cluster is listed with an error and never reached. When not set, no
       * catalog-only cluster is reached; clusters in `cocktail.clusters` are not affected.
       */
      allowedApiServers?: string[];
    };
    kubernetes?: {
      /**
       * How long a request to a cluster's API server may take before it is aborted, in
       * seconds (10 when not set). A change that timed out is read back and reported as
       * unknown with what the cluster now shows. Live reads (metrics, drift, cluster details)
       * and the Cluster API and scan-sync requests use it too.
       */
      requestTimeoutSeconds?: number;
    };
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
       * (source `cluster-api`), each only when an ownerReference ties it to the Cluster of its
       * name (by uid) or to that Cluster's control plane. A name that app-config, or Secrets of
       * two namespaces, also define is reached through none of them.
       */
      managementCluster?: string;
      /**
       * The only namespaces whose kubeconfig Secrets are read; `[default]` when neither this
       * nor `namespace` is set. Clusters of other namespaces are logged, not reached.
       */
      kubeconfigNamespaces?: string[];
      /** The one namespace whose kubeconfig Secrets are read: `kubeconfigNamespaces: [x]`. */
      namespace?: string;
      /**
       * Let the kubeconfig Secrets' users run `exec` commands and `auth-provider` plugins in
       * the backend. A Secret whose kubeconfig has them is refused when not set: whoever can
       * write such a Secret could otherwise run a command in the backend.
       */
      allowExecCredentials?: boolean;
      /**
       * Let the kubeconfig Secrets name files (`certificate-authority`, `client-certificate`,
       * `client-key`, `token-file`), read from the backend's disk. Refused when not set.
       */
      allowFilePaths?: boolean;
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
      /**
       * The secret that keys the audit chain (HMAC-SHA256), at least 32 characters, such as
       * the output of `openssl rand -base64 48`. Without it rows are chained with plain SHA-256
       * and the backend warns at start. Keep it: rows keyed with another key, and rows
       * written without a key after keyed ones, no longer verify.
       * @visibility secret
       */
      chainKey?: string;
      /**
       * How often the chain's head is checkpointed (row count, head row and hash, MAC'd with
       * the chain key), stored and sent to the auditor service and the log, in minutes; 10
       * when not set. A checkpoint is also taken at start. Verify uses the newest one to
       * detect removed newest rows and a rewritten chain.
       */
      checkpointMinutes?: number;
    };
    /**
     * Image scans. CI uploads reports to `POST /api/cocktail/image-scans` with a static
     * external-access token, such as
     * `backend.auth.externalAccess: [{ type: static, options: { token: ${COCKTAIL_CI_TOKEN}, subject: ci } }]`,
     * and the permission policy allows `cocktail.imagescan.create` to that subject.
     */
    imageScans?: {
      /**
       * Refuse a deploy, a rolling update or a rollback (409) when the latest scan of an image
       * it would run has findings at or above this severity: for a rolling update the new
       * images, for a rollback the images of the revision it returns to. A user with
       * `cocktail.imagescan.override` on the server may go ahead anyway with
       * `{"overrideScanGate": true, "overrideReason": "…"}`, which is audited. A dry run
       * reports what the gate would say. `none` when not set.
       */
      blockDeployAtOrAbove?: 'critical' | 'high' | 'medium' | 'low' | 'none';
      /**
       * Also refuse images that were never scanned, the same way and with the same override.
       * False when not set.
       */
      requireScan?: boolean;
      /** The largest report accepted (after gunzip), in megabytes; 200 when not set. */
      maxUploadMegabytes?: number;
      /**
       * The most distinct findings one scan may have; a report with more is refused (413) and a
       * VulnerabilityReport with more is not stored. 50000 when not set.
       */
      maxFindingsPerScan?: number;
      /**
       * Uploads one backend instance reads at the same time; one more is answered 429 with
       * Retry-After. 4 when not set.
       */
      maxConcurrentUploads?: number;
      /**
       * Scans taken more than this many days ago are removed once a day with their findings,
       * except the latest scan of each image. 90 when not set.
       */
      retentionDays?: number;
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
