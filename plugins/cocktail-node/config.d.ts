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
      /** The cluster's Prometheus, for charts over time and cost (wins over catalog annotations). */
      prometheus?: {
        /** The base URL, such as `http://prometheus-operated.monitoring:9090`. */
        url: string;
        /**
         * A bearer token sent with every request.
         * @visibility secret
         */
        bearerToken?: string;
        /** Basic auth user, with `password`. */
        username?: string;
        /**
         * Basic auth password.
         * @visibility secret
         */
        password?: string;
        /** Label matchers added to every query, for one shared by several clusters: `{ cluster: prod }`. */
        labels?: { [name: string]: string };
      };
      /** The cluster's Alertmanager, for active alerts and silences. */
      alertmanager?: {
        /** The base URL, such as `http://prometheus-operated.monitoring:9090`. */
        url: string;
        /**
         * A bearer token sent with every request.
         * @visibility secret
         */
        bearerToken?: string;
        /** Basic auth user, with `password`. */
        username?: string;
        /**
         * Basic auth password.
         * @visibility secret
         */
        password?: string;
        /** Label matchers added to every query, for one shared by several clusters: `{ cluster: prod }`. */
        labels?: { [name: string]: string };
      };
      /** The cluster's OpenCost API; cost then comes from its allocations. */
      opencost?: {
        /** The base URL, such as `http://prometheus-operated.monitoring:9090`. */
        url: string;
        /**
         * A bearer token sent with every request.
         * @visibility secret
         */
        bearerToken?: string;
        /** Basic auth user, with `password`. */
        username?: string;
        /**
         * Basic auth password.
         * @visibility secret
         */
        password?: string;
        /** Label matchers added to every query, for one shared by several clusters: `{ cluster: prod }`. */
        labels?: { [name: string]: string };
      };
    }>;
    /** Clusters registered only by a catalog kubernetes-cluster Resource. */
    catalogClusters?: {
      /**
       * The API servers such clusters may name: host names, IP addresses or CIDRs
       * (`10.0.0.0/8`), each optionally with `:port` (IPv6 as `[fd00::1]:6443`). Host names
       * match by name and are never resolved; a CIDR matches API servers given by address.
       * Any other catalog cluster is listed with an error and never reached. When not set, no
       * catalog-only cluster is reached; clusters in `cocktail.clusters` are not affected.
       * One comma-separated string also does, as an environment variable gives it.
       */
      allowedApiServers?: string[] | string;
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
      /**
       * The add-ons clusters may get through Cluster API Add-on Provider Helm: `catalog`
       * entries join the built-in ones (Calico, Cilium, metrics-server, ingress-nginx,
       * cert-manager, gpu-operator, kube-prometheus-stack, trivy-operator, velero), an entry
       * with a built-in's name replacing it.
       */
      addons?: {
        catalog?: Array<{
          /** A DNS-1123 label, such as `calico`. */
          name: string;
          title?: string;
          description?: string;
          /** cni, metrics, ingress, security, gpu, monitoring, backup or other. */
          category?: string;
          /** The chart repository (https://, http:// or oci://). */
          repoURL: string;
          chartName: string;
          /** The pinned chart version. */
          version: string;
          /** The namespace of the release on each cluster. */
          namespace: string;
          releaseName?: string;
          /** The chart's values as YAML; Go templates over the Cluster are filled in by CAAPH. */
          values?: string;
        }>;
        /** The add-ons every new cluster gets; `[metrics-server]` when not set. */
        defaults?: string[];
        /** The CNI a new kubeadm cluster gets when `defaults` names none; `calico` when not set. */
        defaultCni?: string;
      };
      policies?: Array<{
        /** A unique name for the rule, shown with its violations. */
        name: string;
        /** What the user is told when the request breaks the rule. */
        message: string;
        /**
         * A CEL expression that is true when the request is allowed. It sees `request` (name,
         * namespace, provider, region, zone, kubernetesVersion, controlPlane, nodePools,
         * network, labels, providerOptions; absent maps are `{}`, absent lists `[]`, other
         * absent fields null), `action` ('create', 'upgrade', 'scale', 'node', 'addon' or
         * 'delete'), `operation` (such as 'add-node-pool', 'remove-node-pool',
         * 'replace-machine', 'cordon-node', 'drain-node', 'install-addon', 'remove-addon'),
         * `person` (ref, groups, platformAdmin), `target` (such as node, nodePool, addon,
         * machine), `current` (the live cluster's kubernetesVersion and nodePools for changes
         * to a cluster, or null), and the functions `versionMajor`, `versionMinor` and
         * `versionPatch`, which read a version such as 'v1.33.1' as ints.
         */
        expression: string;
        /**
         * The actions the rule checks; create, upgrade and scale (those that change the
         * cluster's request) when not set: rules for node, addon and delete name them.
         */
        appliesTo?: Array<
          'create' | 'upgrade' | 'scale' | 'node' | 'addon' | 'delete'
        >;
      }>;
    };
    /** Who may do what in Cocktail: Service roles, platform admins and open reads. */
    permissions?: {
      /**
       * Users and groups whose members are platform admins: every Service, every cluster, the
       * raw Kubernetes proxy. For example `group:default/platform-team`. One comma-separated
       * string also does, as an environment variable gives it.
       */
      platformAdmins?: string[] | string;
      /**
       * Whether everyone signed in reads servers' status and monitoring, as the catalog is
       * readable; audit rows and scan findings stay with a Service's members. Default true.
       */
      openReads?: boolean;
      /** Whether a cluster Resource's owner may upgrade and scale it. Default true. */
      clusterOwnersMayUpdate?: boolean;
      /** How long Services and their members are kept before the catalog is read again. Default 10. */
      refreshSeconds?: number;
    };
  };
}
