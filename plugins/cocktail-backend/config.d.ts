export interface Config {
  cocktail?: {
    kubernetes?: {
      /**
       * How long a request to a cluster's API server may take before it is aborted, in
       * seconds (10 when not set). A change that timed out is read back and reported as
       * unknown with what the cluster now shows. Live reads (metrics, drift, cluster details)
       * and the Cluster API and scan-sync requests use it too.
       */
      requestTimeoutSeconds?: number;
    };
    /** Charts over time from each cluster's Prometheus (its URL is in `cocktail.clusters[]` or the cluster Resource's annotations). */
    monitoring?: {
      /** How long query answers are kept, in seconds; 30 when not set. */
      cacheSeconds?: number;
      /**
       * The bearer secret Alertmanager's webhook_config sends to
       * `POST /api/cocktail/alerts/webhook`; at least 16 characters. The receiver is off without it.
       * @visibility secret
       */
      webhookSecret?: string;
      /**
       * Who hears of an alert, by its `severity` label (`default` for the others): the least role
       * on the Service (viewer, developer, admin) or `nobody`. critical: viewer, warning:
       * developer, default: admin when not set.
       */
      alertRecipients?: { [severity: string]: string };
      /** How long one Prometheus or Alertmanager request may take, in milliseconds; 10000 when not set. */
      requestTimeoutMs?: number;
      /**
       * The hosts (or host:port) that a cluster Resource's `cocktailcloud.io/prometheus-url` and
       * `cocktailcloud.io/alertmanager-url` annotations may name; others are not called. None
       * when not set. One comma-separated string also does.
       */
      allowedCatalogHosts?: string[] | string;
      /**
       * PromQL replacing one of the suite's queries, by name (serverCpu, serverMemory,
       * serverNetworkReceive, serverNetworkTransmit, serverRestarts, serverRequests, serverLimits,
       * namespaceCpu, namespaceMemory, namespaceQuota, clusterNodeCpu, clusterNodeMemory,
       * clusterAllocatable, clusterRunningPods). Placeholders: {{labels}}, {{namespace}},
       * {{server}}, {{window}}.
       */
      queries?: { [name: string]: string };
    };
    /**
     * What Services, ServiceMaps and clusters cost: Prometheus usage × these prices, or
     * OpenCost's allocations where a cluster has OpenCost (cocktail.clusters[].opencost or the
     * cocktailcloud.io/opencost-url annotation).
     */
    cost?: {
      /** ISO 4217 currency of the prices; USD when not set. */
      currency?: string;
      /** How finely usage is summed, in seconds (15 to 3600); 300 when not set. */
      resolutionSeconds?: number;
      /** Prices; OpenCost's on-demand defaults (USD) for those not set. */
      prices?: {
        cpuCoreHour?: number;
        memoryGiBHour?: number;
        gpuHour?: number;
        storageGiBMonth?: number;
      };
      /** Prices of one cluster that differ, by cluster name. */
      clusterPrices?: {
        [cluster: string]: {
          cpuCoreHour?: number;
          memoryGiBHour?: number;
          gpuHour?: number;
          storageGiBMonth?: number;
        };
      };
    };
    serviceMaps?: {
      /**
       * Namespaces no ServiceMap may be provisioned into, besides `default` and every `kube-*`
       * namespace, which are always reserved.
       */
      reservedNamespaces?: string[];
    };
    /** Time-limited cluster access to ServiceMaps' namespaces (the Access tab). */
    access?: {
      /** The longest grant anyone may ask for, in minutes; 480 when not set (at most 10080). */
      maxDurationMinutes?: number;
      /**
       * How often expired grants are swept (their ServiceAccount and RoleBinding deleted, which
       * invalidates their token), in seconds; 60 when not set. A grant shorter than the API
       * server's ten-minute token minimum ends at the sweep after its expiry.
       */
      sweepIntervalSeconds?: number;
      /**
       * The namespace where the ServiceAccounts of platform admins' cluster-wide read grants
       * live; `kube-system` when not set. It must exist on every cluster.
       */
      clusterGrantNamespace?: string;
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
