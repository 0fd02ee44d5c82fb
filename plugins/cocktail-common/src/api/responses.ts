import { CocktailQuota } from '../kinds/ServiceEntityV1alpha1';
import { ServerStatus } from './ServerStatus';

/**
 * The watch cache's view of one cluster.
 *
 * @public
 */
export interface ClusterCacheStateView {
  cluster: string;
  /** Every watched resource has been listed at least once. */
  synced: boolean;
  /** Some watch is down: answers may be out of date. */
  stale: boolean;
  /** When every watch was last known to be running (ISO 8601). */
  healthyAt?: string;
  error?: string;
}

/**
 * One registered cluster as `GET /clusters` lists it: never credentials.
 *
 * @public
 */
export interface ClusterListItem {
  name: string;
  title?: string;
  /** Where the registry found it: `config`, `catalog` or `cluster-api`. */
  source: string;
  provider?: string;
  region?: string;
  entityRef?: string;
  /**
   * Why the suite does not reach the cluster: a refused credential source or a name two
   * sources define, with the setting to change. No request is made to it: its cache's error
   * says the same, and `GET /clusters/:name` answers 403.
   */
  error?: string;
  cache: ClusterCacheStateView;
  /** ServiceMaps in the catalog that name this cluster. */
  serviceMaps: number;
  /** CocktailServers whose ServiceMap is on this cluster. */
  servers: number;
}

/** @public */
export interface ClusterNode {
  name?: string;
  ready: boolean;
  /** Cordoned: no new pods are scheduled on it. */
  unschedulable?: boolean;
  kubeletVersion?: string;
  roles: string[];
  capacity?: Record<string, string>;
  allocatable?: Record<string, string>;
}

/**
 * `GET /clusters/:name`: asked live; an unreachable cluster is reported, not thrown.
 *
 * @public
 */
export interface ClusterDescription {
  name: string;
  title?: string;
  source: string;
  provider?: string;
  region?: string;
  entityRef?: string;
  health: 'reachable' | 'unreachable';
  version?: string;
  nodes?: ClusterNode[];
  error?: string;
}

/**
 * A namespace's ResourceQuota totals, keyed by the quota's resource names (`requests.cpu`, `pods`…).
 *
 * @public
 */
export interface QuotaUsage {
  cluster: string;
  namespace: string;
  /** False when the namespace has no ResourceQuota. */
  found: boolean;
  hard: Record<string, string>;
  used: Record<string, string>;
  /** Set when the cluster could not be asked. */
  error?: string;
}

/**
 * A server's health at a glance, as roll-ups list it.
 *
 * @public
 */
export type ServerHealth = Pick<
  ServerStatus,
  | 'kind'
  | 'found'
  | 'stale'
  | 'staleForSeconds'
  | 'error'
  | 'replicas'
  | 'rollout'
> & {
  entityRef: string;
  name: string;
  title?: string;
  /** The workload type the catalog asks for. */
  type: string;
};

/**
 * `GET /servicemaps/:namespace/:name/summary`.
 *
 * @public
 */
export interface ServiceMapSummary {
  entityRef: string;
  name: string;
  title?: string;
  environment: string;
  cluster: string;
  namespace: string;
  /** The quota the catalog assigns to this ServiceMap. */
  assigned?: CocktailQuota;
  clusterState: ClusterCacheStateView;
  quota: QuotaUsage;
  servers: ServerHealth[];
}

/**
 * `GET /services/:namespace/:name/summary`.
 *
 * @public
 */
export interface ServiceSummary {
  entityRef: string;
  name: string;
  /** The Service's own quota: what its ServiceMaps may assign in total. */
  allocated?: CocktailQuota;
  /** Sum of the quotas its ServiceMaps assign, in canonical units (cores, bytes, GPUs, pods). */
  assigned: QuotaTotals;
  /** Sum of what its ServiceMaps' namespaces use, from their ResourceQuotas. */
  used: QuotaTotals;
  serviceMaps: ServiceMapSummary[];
}

/**
 * Quota totals as numbers: cpu in cores, memory and storage in bytes.
 *
 * @public
 */
export interface QuotaTotals {
  cpu: number;
  memory: number;
  gpu: number;
  storage: number;
  pods: number;
}

/** @public */
export interface ContainerMetrics {
  name: string;
  cpu: {
    usageMillicores?: number;
    requestMillicores?: number;
    limitMillicores?: number;
  };
  memory: { usageBytes?: number; requestBytes?: number; limitBytes?: number };
}

/**
 * `GET /servers/:namespace/:name/metrics`: current usage from metrics.k8s.io.
 *
 * @public
 */
export interface ServerMetrics {
  /** False when the cluster serves no metrics API or could not be asked. */
  available: boolean;
  error?: string;
  /** When metrics-server sampled the usage (ISO 8601). */
  timestamp?: string;
  pods: Array<{ name: string; containers: ContainerMetrics[] }>;
}

/**
 * One field that differs between what the catalog asks for and what runs.
 *
 * @public
 */
export interface FieldChange {
  path: string;
  from?: unknown;
  to?: unknown;
}

/** @public */
export interface PlannedChange {
  object: string;
  action: 'create' | 'update' | 'unchanged' | 'prune';
  changes: FieldChange[];
}

/**
 * Result of `POST …/deploy`.
 *
 * @public
 */
export interface DeployResult {
  dryRun: boolean;
  changes: PlannedChange[];
  applied: string[];
  pruned: string[];
}

/**
 * Result of `DELETE /servers/:namespace/:name`.
 *
 * @public
 */
export interface DeleteResult {
  dryRun: boolean;
  objects: string[];
  deleted: string[];
}

/**
 * `GET /servers/:namespace/:name/drift`.
 *
 * @public
 */
export interface ServerDrift {
  objects: Array<{
    object: string;
    state: 'in-sync' | 'drifted' | 'missing' | 'extra';
    changes: Array<{ path: string; expected?: unknown; actual?: unknown }>;
  }>;
}

/** @public */
export type AuditOutcomeView = 'succeeded' | 'failed' | 'denied';

/**
 * One audit log row as `GET /audit` returns it.
 *
 * @public
 */
export interface AuditRowView {
  id: string;
  createdAt: string;
  actor: string;
  action: string;
  entityRef?: string;
  cluster?: string;
  namespace?: string;
  outcome: AuditOutcomeView;
  error?: string;
  details?: Record<string, unknown>;
  previousHash: string;
  hash: string;
}

/** @public */
export interface AuditPageView {
  items: AuditRowView[];
  nextCursor?: string;
}
