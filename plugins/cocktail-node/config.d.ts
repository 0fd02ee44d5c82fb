export interface Config {
  cocktail?: {
    /** Who may do what in Cocktail: Service roles, platform admins and open reads. */
    permissions?: {
      /**
       * Users and groups whose members are platform admins: every Service, every cluster, the
       * raw Kubernetes proxy. For example `group:default/platform-team`.
       */
      platformAdmins?: string[];
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
