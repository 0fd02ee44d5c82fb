import { createApiRef } from '@backstage/core-plugin-api';
import {
  AuditOutcomeView,
  AuditRowView,
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

/**
 * One audit row as `GET /audit` returns it now: besides outcomes, an intent (`requested`)
 * written before a change, listed while no outcome points at it.
 */
export interface AuditLogRow extends Omit<AuditRowView, 'outcome'> {
  outcome: AuditOutcomeView | 'requested';
  /** On an outcome, the id of its intent. */
  intentId?: string;
  /** Fingerprint of the chain key the row's hash was made with; absent when unkeyed. */
  keyId?: string;
}

export interface AuditLogPage {
  items: AuditLogRow[];
  nextCursor?: string;
}

/** Why `GET /audit/verify` found the chain broken. */
export type AuditChainBreakReason =
  | 'hash-mismatch'
  | 'previous-hash-mismatch'
  | 'key-mismatch'
  | 'truncated'
  | 'rewritten'
  | 'checkpoint-mismatch';

/** The newest checkpoint a verification checked the log against. */
export interface AuditCheckpointView {
  id: string;
  createdAt: string;
  rowCount: number;
  headRowId: string;
}

/** `GET /audit/verify`. */
export type AuditChainVerificationView =
  | { ok: true; checkedRows: number; lastCheckpoint?: AuditCheckpointView }
  | {
      ok: false;
      checkedRows: number;
      firstBrokenRowId?: string;
      brokenCheckpointId?: string;
      reason: AuditChainBreakReason;
      message: string;
      lastCheckpoint?: AuditCheckpointView;
    };

/** The image scan gate's fields of a deploy, a rolling update or a rollback. */
export interface GateOptions {
  /** Ask what the gate would say, changing nothing. */
  dryRun?: boolean;
  /** Go ahead although the image scan gate blocks it; needs `cocktail.imagescan.override`. */
  overrideScanGate?: boolean;
  overrideReason?: string;
}

export interface DeployOptions extends GateOptions {
  dryRun: boolean;
}

/** What the image scan gate says about the images an operation would run (its dry run). */
export interface ScanGateReport {
  threshold: string;
  /** Whether images never scanned block too. */
  requireScan?: boolean;
  blocked: boolean;
  images: Array<{ image: string; scanId: string; atOrAbove: number }>;
  /** The images without any scan. */
  unscanned?: string[];
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

/** A page of a scan's findings; `nextCursor` fetches the next one. */
export interface ScanFindingsPage {
  items: ScanFindingView[];
  /** The findings that match the filters, on every page. */
  total: number;
  nextCursor?: string;
}

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
  exportAuditLog(filter: AuditLogFilter, format: 'csv' | 'json'): Promise<Blob>;
}

export const cocktailApiRef = createApiRef<CocktailApi>({
  id: 'plugin.cocktail.api',
});
