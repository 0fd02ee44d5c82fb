import { KubernetesCondition } from '../api/ServerStatus';
import { KubernetesManifest as Manifest } from './provisioning';

/**
 * A node pool of a Cluster API cluster, as the cluster page lists it.
 *
 * @public
 */
export interface ClusterNodePoolView {
  name: string;
  /** MachineDeployment or MachinePool. */
  kind: string;
  replicas?: number;
  readyReplicas?: number;
  version?: string;
  /** From the pool's machine template, when the cluster was created by the suite. */
  machineType?: string;
  autoscaling?: { minReplicas?: number; maxReplicas?: number };
  phase?: string;
}

/**
 * One Machine: the node it became and its state.
 *
 * @public
 */
export interface ClusterMachineView {
  name: string;
  /** The node pool (MachineDeployment or MachinePool) or the control plane it belongs to. */
  pool?: string;
  controlPlane: boolean;
  nodeName?: string;
  phase?: string;
  version?: string;
}

/**
 * A recent Kubernetes event on the cluster's Cluster API objects.
 *
 * @public
 */
export interface ClusterEventView {
  type: string;
  reason: string;
  message: string;
  /** `Kind/name`. */
  object: string;
  lastSeen?: string;
  count?: number;
}

/**
 * `GET /cluster-api/clusters/:namespace/:name/overview`: what the cluster page shows of a
 * Cluster API cluster.
 *
 * @public
 */
export interface ClusterApiOverview {
  name: string;
  namespace: string;
  managementCluster: string;
  phase: string;
  conditions: KubernetesCondition[];
  /** Kubernetes version of the control plane (or the topology). */
  version?: string;
  controlPlane?: {
    kind: string;
    name: string;
    version?: string;
    replicas?: number;
    readyReplicas?: number;
  };
  nodePools: ClusterNodePoolView[];
  machines: ClusterMachineView[];
  events: ClusterEventView[];
  /** ServiceMaps of the catalog bound to this cluster (`servicemap:ns/name`). */
  boundServiceMaps: string[];
  /** Whether the suite created it (it carries the request its pools are rendered from). */
  createdByCocktail: boolean;
}

/**
 * What a cluster, node or add-on change did, or in a dry run would do: sentences a person reads
 * before confirming, the cluster policy's rules it passed, and the manifests it applies.
 *
 * @public
 */
export interface ClusterChangeResult {
  dryRun: boolean;
  changes: string[];
  warnings?: string[];
  /** The cluster policy rules checked and passed. */
  policyRules?: string[];
  manifests?: Manifest[];
}

/**
 * One add-on of the catalog and its state on a cluster.
 *
 * @public
 */
export interface ClusterAddonView {
  name: string;
  title: string;
  description: string;
  category: string;
  chartName: string;
  /** The catalog's pinned version. */
  version: string;
  /** The version selected for this cluster, when it is. */
  installedVersion?: string;
  /**
   * `not-installed`, or the Helm release's status (`pending-install`, `deployed`,
   * `pending-upgrade`, `failed` …), or `waiting` while the cluster is not ready for it.
   */
  status: string;
  ready: boolean;
  message?: string;
  revision?: number;
  /** Installed, at another version than the catalog's. */
  upgradeAvailable: boolean;
  /** New clusters get it. */
  default: boolean;
}

/**
 * `GET /cluster-api/clusters/:namespace/:name/addons`.
 *
 * @public
 */
export interface ClusterAddonsResponse {
  available: boolean;
  /** Why add-ons cannot be managed here, when they cannot. */
  reason?: string;
  addons: ClusterAddonView[];
}

/**
 * The body of `POST /cluster-api/clusters/:namespace/:name/addons`.
 *
 * @public
 */
export interface ClusterAddonRequest {
  addon: string;
  action: 'install' | 'upgrade' | 'remove';
  dryRun?: boolean;
}

/**
 * A pod on a node, as a drain sees it.
 *
 * @public
 */
export interface NodePodView {
  namespace: string;
  name: string;
  phase?: string;
  /** The kind of the pod's controller, when it has one. */
  ownerKind?: string;
}

/**
 * `GET /clusters/:name/nodes/:node/pods`.
 *
 * @public
 */
export interface NodePodsResponse {
  node: string;
  unschedulable: boolean;
  pods: NodePodView[];
}

/**
 * `POST /clusters/:name/nodes/:node/drain`: what was evicted, what stays and why.
 *
 * @public
 */
export interface NodeDrainResult extends ClusterChangeResult {
  node: string;
  evicted: string[];
  /** DaemonSet and mirror pods, which a drain leaves. */
  skipped: Array<{ pod: string; reason: string }>;
  /** Pods still there when the drain gave up, with why (a disruption budget, say). */
  blocked: Array<{ pod: string; reason: string }>;
}
