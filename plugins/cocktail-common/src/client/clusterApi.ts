import { Entity } from '@backstage/catalog-model';
import { ManifestApplyResult } from './provisioning';
import { KubernetesCondition } from '../api/ServerStatus';

/**
 * The body of `POST /cluster-api/clusters`.
 *
 * @public
 */
export interface ClusterCreateRequest {
  /**
   * The cluster request, such as `{ name, provider, kubernetesVersion, nodePools }`; the backend
   * checks it whole against its providers and the cluster policy.
   */
  request: object;
  dryRun?: boolean;
  /** Owner of the cluster's catalog entity; the person asking by default. */
  owner?: string;
  /**
   * Add-ons of the catalog to install; the catalog's defaults when not given. A kubeadm cluster
   * gets the default CNI when these name none.
   */
  addons?: string[];
}

/**
 * `POST /cluster-api/clusters`: the Cluster API objects, and the catalog entity for the cluster.
 *
 * @public
 */
export interface ClusterCreateResult extends ManifestApplyResult {
  /** The add-ons it gets (their HelmChartProxies are among the manifests). */
  addons?: string[];
  /** Where the Cluster object is on the management cluster. */
  cluster: { name: string; namespace: string };
  /** The `kubernetes-cluster` Resource, such as `resource:default/demo`. */
  entityRef: string;
  entity: Entity;
}

/**
 * `GET /cluster-api/clusters/:namespace/:name`: a Cluster API cluster's progress.
 *
 * @public
 */
export interface ClusterProvisioningStatus {
  name: string;
  namespace: string;
  /** Cluster API's phase: Pending, Provisioning, Provisioned, Deleting, Failed. */
  phase: string;
  conditions: KubernetesCondition[];
  controlPlane?: { kind: string; name: string; version?: string };
  nodePools: Array<{
    name: string;
    kind: string;
    replicas?: number;
    readyReplicas?: number;
    version?: string;
  }>;
  /** Cluster API wrote `<name>-kubeconfig`, so the suite can reach the cluster. */
  kubeconfigSecret: boolean;
}

/**
 * One field of a Cluster API object that an upgrade or a scale changes.
 *
 * @public
 */
export interface ClusterFieldChange {
  /** `Kind/name`. */
  object: string;
  path: string;
  from?: string | number;
  to: string | number;
}

/**
 * The body of `POST /cluster-api/clusters/:namespace/:name/upgrade`.
 *
 * @public
 */
export interface ClusterUpgradeRequest {
  /** The target Kubernetes version, such as `v1.34.0`. */
  version: string;
  /** The control plane first, then (another call) the node pools; `control-plane` by default. */
  stage?: 'control-plane' | 'node-pools';
  dryRun?: boolean;
}

/**
 * `POST /cluster-api/clusters/:namespace/:name/upgrade`. A cluster with a topology is upgraded
 * whole, in one stage: `topology`.
 *
 * @public
 */
export interface ClusterUpgradeResult {
  dryRun: boolean;
  stage: 'control-plane' | 'node-pools' | 'topology';
  changes: ClusterFieldChange[];
  /** The cluster policy rules checked and passed. */
  policyRules?: string[];
}

/**
 * The body of `POST /cluster-api/clusters/:namespace/:name/scale`: a node pool's size, or a new
 * node pool rendered like those of the cluster's request.
 *
 * @public
 */
export type ClusterScaleRequest =
  | { nodePool: string; replicas: number; dryRun?: boolean }
  | { addNodePool: object; dryRun?: boolean };

/**
 * `POST /cluster-api/clusters/:namespace/:name/scale`: the changed size, or the new node pool's
 * objects.
 *
 * @public
 */
export type ClusterScaleResult =
  | { dryRun: boolean; changes: ClusterFieldChange[] }
  | ManifestApplyResult;
