import { createApiRef } from '@backstage/core-plugin-api';
import {
  AuditPageView,
  CocktailEntityAccess,
  ImageScanRollup,
  ScanFindingView,
  ServerImageScans,
  ClusterDescription,
  ClusterListItem,
  DeleteResult,
  DeployResult,
  ServerDrift,
  ServerMetrics,
  ServerStatus,
  ServiceMapSummary,
  ServiceSummary,
} from '@cocktailcloud/plugin-cocktail-common';

/** A CocktailServer, named as the backend's URLs name it. */
export interface ServerName {
  namespace: string;
  name: string;
}

/** Filters of the audit log, as the backend's `GET /audit` takes them. */
export interface AuditLogFilter {
  entityRefs?: string[];
  actor?: string;
  action?: string;
  outcome?: 'succeeded' | 'failed' | 'denied';
  /** ISO 8601 times. */
  from?: string;
  to?: string;
}

export interface DeployOptions {
  dryRun: boolean;
  /** Deploy although the image scan gate blocks it; needs `cocktail.imagescan.override`. */
  overrideScanGate?: boolean;
  overrideReason?: string;
}

/** What the image scan gate says about a deploy, returned by its dry run. */
export interface ScanGateReport {
  threshold: string;
  blocked: boolean;
  images: Array<{ image: string; scanId: string; atOrAbove: number }>;
  findings: Array<{
    image: string;
    id: string;
    packageName: string;
    severity: string;
  }>;
}

/** Filters of a scan's findings, as `GET /image-scans/:id/findings` takes them. */
export interface ScanFindingsFilter {
  severity?: string;
  fixable?: boolean;
  package?: string;
  /** Part of an advisory ID, such as CVE-2024. */
  q?: string;
}

export type AutoscalingRequest =
  | { minReplicas: number; maxReplicas: number; targetCPUUtilization?: number }
  | { enabled: false };

/** What an operation changed, as the backend reports it. */
export type OperationResult = Record<string, unknown>;

/** The `cocktail` backend plugin's REST API, shared by both frontend systems. */
export interface CocktailApi {
  listClusters(): Promise<{ items: ClusterListItem[] }>;
  /** What the signed-in person may do on an entity, their role on its Service, and why not. */
  getEntityAccess(entityRef: string): Promise<CocktailEntityAccess>;
  describeCluster(name: string): Promise<ClusterDescription>;
  getServerStatus(server: ServerName): Promise<ServerStatus>;
  getServerDrift(server: ServerName): Promise<ServerDrift>;
  getServerMetrics(server: ServerName): Promise<ServerMetrics>;
  getServiceMapSummary(serviceMap: ServerName): Promise<ServiceMapSummary>;
  getServiceSummary(service: ServerName): Promise<ServiceSummary>;

  deploy(
    server: ServerName,
    options: DeployOptions,
  ): Promise<DeployResult & { gate?: ScanGateReport }>;
  rollingUpdate(
    server: ServerName,
    images: Record<string, string>,
  ): Promise<OperationResult>;
  restart(server: ServerName): Promise<OperationResult>;
  scale(server: ServerName, replicas: number): Promise<OperationResult>;
  setAutoscaling(
    server: ServerName,
    request: AutoscalingRequest,
  ): Promise<OperationResult>;
  rollback(server: ServerName, revision: string): Promise<OperationResult>;
  suspend(server: ServerName): Promise<OperationResult>;
  resume(server: ServerName): Promise<OperationResult>;
  deleteServer(
    server: ServerName,
    options: { dryRun: boolean },
  ): Promise<DeleteResult>;

  queryAuditLog(
    filter: AuditLogFilter,
    page: { limit: number; cursor?: string },
  ): Promise<AuditPageView>;
  getServerImageScans(server: ServerName): Promise<ServerImageScans>;
  getServiceMapImageScans(serviceMap: ServerName): Promise<ImageScanRollup>;
  getServiceImageScans(service: ServerName): Promise<ImageScanRollup>;
  getScanFindings(
    scanId: string,
    filter: ScanFindingsFilter,
  ): Promise<{ items: ScanFindingView[] }>;

  /** Downloads the filtered audit log with the signed-in user's token. */
  exportAuditLog(filter: AuditLogFilter, format: 'csv' | 'json'): Promise<Blob>;
}

export const cocktailApiRef = createApiRef<CocktailApi>({
  id: 'plugin.cocktail.api',
});
