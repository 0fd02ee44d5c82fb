import {
  BackupChangeResult,
  BackupCreateRequest,
  BackupsResponse,
  RestoreCreateRequest,
} from './backups';
import {
  ClusterAddonRequest,
  ClusterAddonsResponse,
  ClusterApiOverview,
  ClusterChangeResult,
  NodeDrainResult,
  NodePodsResponse,
} from './clusterDayTwo';
import { CocktailHttp } from './CocktailHttp';
import {
  CocktailApiClientOptions,
  CocktailRequestOptions,
  NamespacedName,
} from './requests';

function clusterApiPath(cluster: NamespacedName) {
  return `/cluster-api/clusters/${encodeURIComponent(
    cluster.namespace,
  )}/${encodeURIComponent(cluster.name)}`;
}

function nodePath(cluster: string, node: string) {
  return `/clusters/${encodeURIComponent(cluster)}/nodes/${encodeURIComponent(
    node,
  )}`;
}

function serviceMapPath(serviceMap: NamespacedName) {
  return `/servicemaps/${encodeURIComponent(
    serviceMap.namespace,
  )}/${encodeURIComponent(serviceMap.name)}`;
}

/**
 * The cluster page's operations after day one, as the frontend's API offers them.
 *
 * @public
 */
export type CocktailClusterOperationsApi = Pick<
  CocktailClusterOperationsClient,
  | 'getClusterApiOverview'
  | 'removeNodePool'
  | 'replaceMachine'
  | 'deleteCluster'
  | 'getClusterAddons'
  | 'changeClusterAddon'
  | 'getNodePods'
  | 'cordonNode'
  | 'drainNode'
  | 'getServiceMapBackups'
  | 'createServiceMapBackup'
  | 'restoreServiceMapBackup'
  | 'deleteServiceMapBackupSchedule'
  | 'getClusterBackups'
  | 'createClusterBackup'
>;

/**
 * Keeping clusters after day one through the `cocktail` backend: the Cluster API overview,
 * node pools, machines, deletion and add-ons; cordon and drain; Velero backups and restores.
 * Every change takes `dryRun` and answers what it did, or would do.
 *
 * @public
 */
export class CocktailClusterOperationsClient {
  private readonly http: CocktailHttp;

  constructor(options: CocktailApiClientOptions) {
    this.http = new CocktailHttp(options);
  }

  async getClusterApiOverview(
    cluster: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<ClusterApiOverview> {
    return this.http.get(`${clusterApiPath(cluster)}/overview`, options);
  }

  async removeNodePool(
    cluster: NamespacedName,
    request: { nodePool: string; dryRun?: boolean },
    options?: CocktailRequestOptions,
  ): Promise<ClusterChangeResult> {
    return this.http.result(
      `${clusterApiPath(cluster)}/remove-node-pool`,
      request,
      options,
    );
  }

  async replaceMachine(
    cluster: NamespacedName,
    request: { machine: string; dryRun?: boolean },
    options?: CocktailRequestOptions,
  ): Promise<ClusterChangeResult> {
    return this.http.result(
      `${clusterApiPath(cluster)}/replace-machine`,
      request,
      options,
    );
  }

  /** Deletes the Cluster and everything Cluster API made for it; `confirm` is the cluster's name. */
  async deleteCluster(
    cluster: NamespacedName,
    request: { confirm: string; force?: boolean; dryRun?: boolean },
    options?: CocktailRequestOptions,
  ): Promise<ClusterChangeResult> {
    return this.http.result(
      `${clusterApiPath(cluster)}/delete`,
      request,
      options,
    );
  }

  async getClusterAddons(
    cluster: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<ClusterAddonsResponse> {
    return this.http.get(`${clusterApiPath(cluster)}/addons`, options);
  }

  async changeClusterAddon(
    cluster: NamespacedName,
    request: ClusterAddonRequest,
    options?: CocktailRequestOptions,
  ): Promise<ClusterChangeResult> {
    return this.http.result(
      `${clusterApiPath(cluster)}/addons`,
      request,
      options,
    );
  }

  async getNodePods(
    cluster: string,
    node: string,
    options?: CocktailRequestOptions,
  ): Promise<NodePodsResponse> {
    return this.http.get(`${nodePath(cluster, node)}/pods`, options);
  }

  /** Cordons (`unschedulable: true`) or uncordons a node. */
  async cordonNode(
    cluster: string,
    node: string,
    request: { unschedulable: boolean; dryRun?: boolean },
    options?: CocktailRequestOptions,
  ): Promise<ClusterChangeResult> {
    return this.http.result(
      `${nodePath(cluster, node)}/${
        request.unschedulable ? 'cordon' : 'uncordon'
      }`,
      { dryRun: request.dryRun },
      options,
    );
  }

  /** Cordons a node and evicts its pods through the eviction API, respecting disruption budgets. */
  async drainNode(
    cluster: string,
    node: string,
    request: { timeoutSeconds?: number; force?: boolean; dryRun?: boolean },
    options?: CocktailRequestOptions,
  ): Promise<NodeDrainResult> {
    return this.http.result(
      `${nodePath(cluster, node)}/drain`,
      request,
      options,
    );
  }

  async getServiceMapBackups(
    serviceMap: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<BackupsResponse> {
    return this.http.get(`${serviceMapPath(serviceMap)}/backups`, options);
  }

  async createServiceMapBackup(
    serviceMap: NamespacedName,
    request: BackupCreateRequest,
    options?: CocktailRequestOptions,
  ): Promise<BackupChangeResult> {
    return this.http.result(
      `${serviceMapPath(serviceMap)}/backups`,
      request,
      options,
    );
  }

  async restoreServiceMapBackup(
    serviceMap: NamespacedName,
    request: RestoreCreateRequest,
    options?: CocktailRequestOptions,
  ): Promise<BackupChangeResult> {
    return this.http.result(
      `${serviceMapPath(serviceMap)}/restores`,
      request,
      options,
    );
  }

  async deleteServiceMapBackupSchedule(
    serviceMap: NamespacedName,
    schedule: string,
    request: { dryRun?: boolean } = {},
    options?: CocktailRequestOptions,
  ): Promise<BackupChangeResult> {
    return (
      await this.http.json<{ result: BackupChangeResult }>(
        'DELETE',
        `${serviceMapPath(serviceMap)}/backup-schedules/${encodeURIComponent(
          schedule,
        )}${request.dryRun ? '?dryRun=true' : ''}`,
        undefined,
        options,
      )
    ).result;
  }

  async getClusterBackups(
    cluster: string,
    options?: CocktailRequestOptions,
  ): Promise<BackupsResponse> {
    return this.http.get(
      `/clusters/${encodeURIComponent(cluster)}/backups`,
      options,
    );
  }

  async createClusterBackup(
    cluster: string,
    request: BackupCreateRequest,
    options?: CocktailRequestOptions,
  ): Promise<BackupChangeResult> {
    return this.http.result(
      `/clusters/${encodeURIComponent(cluster)}/backups`,
      request,
      options,
    );
  }
}
