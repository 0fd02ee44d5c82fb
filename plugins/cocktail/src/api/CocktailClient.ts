import {
  AccessGrant,
  AccessGrantIssued,
  AccessGrantList,
  AccessGrantRequest,
  ClusterAccessRequest,
  CocktailAccessClient,
  CocktailApiClient,
  CocktailApiClientOptions,
  CocktailMonitoringClient,
  AlertsResponse,
  CostPeriod,
  CostResponse,
  MonitoredKind,
  MonitoringRange,
  SilenceRequest,
  SilenceView,
  MonitoringSeriesResponse,
  NamespacedName,
  BackupCreateRequest,
  ClusterAddonRequest,
  CocktailClusterOperationsClient,
  RestoreCreateRequest,
} from '@cocktailcloud/plugin-cocktail-common';
import { CocktailApi } from './CocktailApi';

/**
 * Talks to the `cocktail` backend plugin with the signed-in user's token: the common clients,
 * given the app's `discoveryApi` and `fetchApi`.
 *
 * @public
 */
export class CocktailClient extends CocktailApiClient implements CocktailApi {
  private readonly access: CocktailAccessClient;
  private readonly monitoring: CocktailMonitoringClient;
  private readonly clusterOps: CocktailClusterOperationsClient;

  constructor(options: CocktailApiClientOptions) {
    super(options);
    this.access = new CocktailAccessClient(options);
    this.monitoring = new CocktailMonitoringClient(options);
    this.clusterOps = new CocktailClusterOperationsClient(options);
  }

  getClusterApiOverview(cluster: NamespacedName) {
    return this.clusterOps.getClusterApiOverview(cluster);
  }

  removeNodePool(
    cluster: NamespacedName,
    request: { nodePool: string; dryRun?: boolean },
  ) {
    return this.clusterOps.removeNodePool(cluster, request);
  }

  replaceMachine(
    cluster: NamespacedName,
    request: { machine: string; dryRun?: boolean },
  ) {
    return this.clusterOps.replaceMachine(cluster, request);
  }

  deleteCluster(
    cluster: NamespacedName,
    request: { confirm: string; force?: boolean; dryRun?: boolean },
  ) {
    return this.clusterOps.deleteCluster(cluster, request);
  }

  getClusterAddons(cluster: NamespacedName) {
    return this.clusterOps.getClusterAddons(cluster);
  }

  changeClusterAddon(cluster: NamespacedName, request: ClusterAddonRequest) {
    return this.clusterOps.changeClusterAddon(cluster, request);
  }

  getNodePods(cluster: string, node: string) {
    return this.clusterOps.getNodePods(cluster, node);
  }

  cordonNode(
    cluster: string,
    node: string,
    request: { unschedulable: boolean; dryRun?: boolean },
  ) {
    return this.clusterOps.cordonNode(cluster, node, request);
  }

  drainNode(
    cluster: string,
    node: string,
    request: { timeoutSeconds?: number; force?: boolean; dryRun?: boolean },
  ) {
    return this.clusterOps.drainNode(cluster, node, request);
  }

  getServiceMapBackups(serviceMap: NamespacedName) {
    return this.clusterOps.getServiceMapBackups(serviceMap);
  }

  createServiceMapBackup(
    serviceMap: NamespacedName,
    request: BackupCreateRequest,
  ) {
    return this.clusterOps.createServiceMapBackup(serviceMap, request);
  }

  restoreServiceMapBackup(
    serviceMap: NamespacedName,
    request: RestoreCreateRequest,
  ) {
    return this.clusterOps.restoreServiceMapBackup(serviceMap, request);
  }

  deleteServiceMapBackupSchedule(
    serviceMap: NamespacedName,
    schedule: string,
    request: { dryRun?: boolean } = {},
  ) {
    return this.clusterOps.deleteServiceMapBackupSchedule(
      serviceMap,
      schedule,
      request,
    );
  }

  getClusterBackups(cluster: string) {
    return this.clusterOps.getClusterBackups(cluster);
  }

  createClusterBackup(cluster: string, request: BackupCreateRequest) {
    return this.clusterOps.createClusterBackup(cluster, request);
  }

  getMonitoring(
    kind: MonitoredKind,
    entity: NamespacedName,
    range: MonitoringRange,
  ): Promise<MonitoringSeriesResponse> {
    return this.monitoring.getMonitoring(kind, entity, range);
  }

  getClusterMonitoring(
    cluster: string,
    range: MonitoringRange,
  ): Promise<MonitoringSeriesResponse> {
    return this.monitoring.getClusterMonitoring(cluster, range);
  }

  getCost(
    kind: 'services' | 'servicemaps',
    entity: NamespacedName,
    period: CostPeriod,
  ): Promise<CostResponse> {
    return this.monitoring.getCost(kind, entity, period);
  }

  getClusterCost(cluster: string, period: CostPeriod): Promise<CostResponse> {
    return this.monitoring.getClusterCost(cluster, period);
  }

  getAlerts(
    kind: MonitoredKind,
    entity: NamespacedName,
  ): Promise<AlertsResponse> {
    return this.monitoring.getAlerts(kind, entity);
  }

  getClusterAlerts(cluster: string): Promise<AlertsResponse> {
    return this.monitoring.getClusterAlerts(cluster);
  }

  silenceAlerts(
    kind: 'servers' | 'servicemaps',
    entity: NamespacedName,
    request: SilenceRequest,
  ): Promise<SilenceView> {
    return this.monitoring.silenceAlerts(kind, entity, request);
  }

  expireSilence(
    kind: 'servers' | 'servicemaps',
    entity: NamespacedName,
    silenceId: string,
  ): Promise<SilenceView> {
    return this.monitoring.expireSilence(kind, entity, silenceId);
  }

  listAccessGrants(serviceMap: NamespacedName): Promise<AccessGrantList> {
    return this.access.listAccessGrants(serviceMap);
  }

  requestAccess(
    serviceMap: NamespacedName,
    request: AccessGrantRequest,
  ): Promise<AccessGrantIssued> {
    return this.access.requestAccess(serviceMap, request);
  }

  revokeAccess(
    serviceMap: NamespacedName,
    grantId: string,
  ): Promise<AccessGrant> {
    return this.access.revokeAccess(serviceMap, grantId);
  }

  listClusterAccessGrants(cluster: string): Promise<AccessGrantList> {
    return this.access.listClusterAccessGrants(cluster);
  }

  requestClusterAccess(
    cluster: string,
    request: ClusterAccessRequest,
  ): Promise<AccessGrantIssued> {
    return this.access.requestClusterAccess(cluster, request);
  }

  revokeClusterAccess(cluster: string, grantId: string): Promise<AccessGrant> {
    return this.access.revokeClusterAccess(cluster, grantId);
  }
}
