import { createApiRef } from '@backstage/core-plugin-api';
import {
  AccessGrant,
  AccessGrantIssued,
  AccessGrantList,
  AccessGrantRequest,
  ClusterAccessRequest,
  AuditChainBreakReason,
  AuditChainVerificationView,
  AuditCheckpointView,
  AuditExportFormat,
  AuditLogFilter,
  AuditLogPage,
  AuditLogRow,
  AutoscalingRequest,
  CocktailEntityAccess,
  ImageScanRollup,
  ServerImageScans,
  ClusterDescription,
  ClusterListItem,
  DeleteResult,
  DeployOptions,
  GateOptions,
  NamespacedName,
  OperationResult,
  ScanFindingsFilter,
  ScanFindingsPage,
  ScanGateReport,
  ServerDeployResult,
  ServerDrift,
  ServerMetrics,
  ServerStatus,
  ServiceMapSummary,
  ServiceSummary,
  AlertsResponse,
  CostPeriod,
  CostResponse,
  MonitoredKind,
  MonitoringRange,
  SilenceRequest,
  SilenceView,
  MonitoringSeriesResponse,
  CocktailClusterOperationsApi,
  ClusterScaleRequest,
  ClusterScaleResult,
  ClusterUpgradeRequest,
  ClusterUpgradeResult,
} from '@cocktailcloud/plugin-cocktail-common';

/**
 * A CocktailServer, named as the backend's URLs name it.
 *
 * @public
 */
export type ServerName = NamespacedName;

// The common client's types, under the names this package has always exported.
export type {
  AuditChainBreakReason,
  AuditChainVerificationView,
  AuditCheckpointView,
  AuditLogFilter,
  AuditLogPage,
  AuditLogRow,
  AutoscalingRequest,
  DeployOptions,
  GateOptions,
  OperationResult,
  ScanFindingsFilter,
  ScanFindingsPage,
  ScanGateReport,
};

/**
 * The `cocktail` backend plugin's REST API, shared by both frontend systems.
 *
 * @public
 */
export interface CocktailApi extends CocktailClusterOperationsApi {
  listClusters(): Promise<{ items: ClusterListItem[] }>;
  /** Upgrades a Cluster API cluster's Kubernetes version, the control plane first. */
  upgradeCluster(
    cluster: NamespacedName,
    request: ClusterUpgradeRequest,
  ): Promise<ClusterUpgradeResult>;
  /** Sets a node pool's size, or adds a node pool. */
  scaleCluster(
    cluster: NamespacedName,
    request: ClusterScaleRequest,
  ): Promise<ClusterScaleResult>;
  /** What the signed-in person may do on an entity, their role on its Service, and why not. */
  getEntityAccess(entityRef: string): Promise<CocktailEntityAccess>;
  describeCluster(name: string): Promise<ClusterDescription>;
  getServerStatus(server: ServerName): Promise<ServerStatus>;
  getServerDrift(server: ServerName): Promise<ServerDrift>;
  getServerMetrics(server: ServerName): Promise<ServerMetrics>;
  getServiceMapSummary(serviceMap: ServerName): Promise<ServiceMapSummary>;
  getServiceSummary(service: ServerName): Promise<ServiceSummary>;
  /** Charts over time from the cluster's Prometheus, or why there are none. */
  getMonitoring(
    kind: MonitoredKind,
    entity: ServerName,
    range: MonitoringRange,
  ): Promise<MonitoringSeriesResponse>;
  getClusterMonitoring(
    cluster: string,
    range: MonitoringRange,
  ): Promise<MonitoringSeriesResponse>;
  /** What a Service's or ServiceMap's environments cost over a period, or why it is unknown. */
  getCost(
    kind: 'services' | 'servicemaps',
    entity: ServerName,
    period: CostPeriod,
  ): Promise<CostResponse>;
  getClusterCost(cluster: string, period: CostPeriod): Promise<CostResponse>;
  /** Active alerts and silences from the cluster's Alertmanager, or why there are none. */
  getAlerts(kind: MonitoredKind, entity: ServerName): Promise<AlertsResponse>;
  getClusterAlerts(cluster: string): Promise<AlertsResponse>;
  silenceAlerts(
    kind: 'servers' | 'servicemaps',
    entity: ServerName,
    request: SilenceRequest,
  ): Promise<SilenceView>;
  expireSilence(
    kind: 'servers' | 'servicemaps',
    entity: ServerName,
    silenceId: string,
  ): Promise<SilenceView>;

  deploy(
    server: ServerName,
    options: DeployOptions,
  ): Promise<ServerDeployResult>;
  /** With `dryRun`, the answer carries the image scan gate's `gate` and changes nothing. */
  rollingUpdate(
    server: ServerName,
    images: Record<string, string>,
    options?: GateOptions,
  ): Promise<OperationResult & { gate?: ScanGateReport }>;
  restart(server: ServerName): Promise<OperationResult>;
  scale(server: ServerName, replicas: number): Promise<OperationResult>;
  setAutoscaling(
    server: ServerName,
    request: AutoscalingRequest,
  ): Promise<OperationResult>;
  /** With `dryRun`, the answer carries the image scan gate's `gate` and changes nothing. */
  rollback(
    server: ServerName,
    revision: string,
    options?: GateOptions,
  ): Promise<OperationResult & { gate?: ScanGateReport }>;
  suspend(server: ServerName): Promise<OperationResult>;
  resume(server: ServerName): Promise<OperationResult>;
  deleteServer(
    server: ServerName,
    options: { dryRun: boolean },
  ): Promise<DeleteResult>;

  queryAuditLog(
    filter: AuditLogFilter,
    page: { limit: number; cursor?: string },
  ): Promise<AuditLogPage>;
  /** Recomputes the whole audit chain and checks it against the newest checkpoint (platform admins). */
  verifyAuditChain(): Promise<AuditChainVerificationView>;
  getServerImageScans(server: ServerName): Promise<ServerImageScans>;
  getServiceMapImageScans(serviceMap: ServerName): Promise<ImageScanRollup>;
  getServiceImageScans(service: ServerName): Promise<ImageScanRollup>;
  /** One page of a scan's findings, most severe first. */
  getScanFindings(
    scanId: string,
    filter: ScanFindingsFilter,
    page?: { limit: number; cursor?: string },
  ): Promise<ScanFindingsPage>;

  /** Downloads the filtered audit log with the signed-in user's token. */
  exportAuditLog(
    filter: AuditLogFilter,
    format: AuditExportFormat,
  ): Promise<Blob>;

  listAccessGrants(serviceMap: ServerName): Promise<AccessGrantList>;
  requestAccess(
    serviceMap: ServerName,
    request: AccessGrantRequest,
  ): Promise<AccessGrantIssued>;
  revokeAccess(serviceMap: ServerName, grantId: string): Promise<AccessGrant>;
  listClusterAccessGrants(cluster: string): Promise<AccessGrantList>;
  requestClusterAccess(
    cluster: string,
    request: ClusterAccessRequest,
  ): Promise<AccessGrantIssued>;
  revokeClusterAccess(cluster: string, grantId: string): Promise<AccessGrant>;
}

/** @public */
export const cocktailApiRef = createApiRef<CocktailApi>({
  id: 'plugin.cocktail.api',
});
