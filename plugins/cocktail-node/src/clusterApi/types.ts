/**
 * The infrastructure providers the suite ships.
 *
 * @public
 */
export type BuiltInInfrastructureProvider =
  | 'aws'
  | 'azure'
  | 'gcp'
  | 'openstack'
  | 'vsphere'
  | 'cloudstack'
  | 'metal3'
  | 'docker'
  | 'eks'
  | 'aks'
  | 'gke';

/**
 * Where a cluster's machines come from: a Cluster API infrastructure provider, or a managed
 * Kubernetes service (eks, aks, gke) that runs the control plane itself. Modules add more
 * through cocktailClusterApiProvidersExtensionPoint.
 *
 * @public
 */
export type InfrastructureProvider =
  | BuiltInInfrastructureProvider
  | (string & {});

/**
 * The Cluster API control-plane provider of a self-managed cluster.
 *
 * @public
 */
export type ControlPlaneProvider = 'kubeadm' | 'rke2' | 'k3s' | (string & {});

/**
 * A taint every node of a pool carries.
 *
 * @public
 */
export interface NodePoolTaint {
  key: string;
  value?: string;
  effect: 'NoSchedule' | 'PreferNoSchedule' | 'NoExecute';
}

/**
 * A group of identical worker nodes: a MachineDeployment, or a MachinePool on eks, aks and gke.
 *
 * @public
 */
export interface NodePoolRequest {
  /** DNS-1123 label, unique in the cluster; the pool's objects are named `<cluster>-<pool>`. */
  name: string;
  /** Initial number of nodes; within `autoscaling` when that is set. */
  replicas: number;
  /** The provider's machine type (aws instance type, azure VM size, …); defaults per provider. */
  machineType?: string;
  /** Bounds for the cluster autoscaler (or the managed service's own autoscaler). */
  autoscaling?: { minReplicas: number; maxReplicas: number };
  labels?: Record<string, string>;
  taints?: NodePoolTaint[];
  /** ClusterClass mode only: the worker class of the ClusterClass, `default-worker` if absent. */
  class?: string;
}

/**
 * Everything a Cluster API cluster is rendered from.
 *
 * @public
 */
export interface ClusterRequest {
  name: string;
  /** Namespace of the management cluster the objects go to; `default` if absent. */
  namespace?: string;
  provider: InfrastructureProvider;
  /** Cloud region; defaults per provider (aws us-east-1, azure eastus, gcp us-central1, …). */
  region?: string;
  /** Availability zone / failure domain for the node pools. */
  zone?: string;
  /** `vX.Y.Z`, e.g. `v1.33.1`. */
  kubernetesVersion: string;
  controlPlane?: {
    /** `kubeadm` if absent; ignored for eks, aks and gke. */
    provider?: ControlPlaneProvider;
    /** 1 if absent; odd, because the control plane runs etcd. Ignored for eks, aks and gke. */
    replicas?: number;
    machineType?: string;
  };
  nodePools: NodePoolRequest[];
  network?: { podCidrs?: string[]; serviceCidrs?: string[] };
  /** ClusterClass mode: render only a Cluster with `spec.topology`. */
  topology?: {
    classRef: { name: string; namespace?: string };
    variables?: Record<string, unknown>;
  };
  /** Extra labels for the Cluster object. */
  labels?: Record<string, string>;
  /** Provider settings (see PROVIDER_OPTIONS for the keys each provider knows). */
  providerOptions?: Record<string, string>;
}

/**
 * Per kind, the apiVersion to write, keyed `group/Kind`, e.g.
 * `'cluster.x-k8s.io/Cluster' -> 'cluster.x-k8s.io/v1beta2'`.
 *
 * @public
 */
export type ClusterApiVersions = Record<string, string>;

/**
 * One problem with a cluster request.
 *
 * @public
 */
export interface ClusterRequestIssue {
  /** Path of the field, e.g. `nodePools[1].replicas`; empty for the request itself. */
  field: string;
  /** What was expected and what was got. */
  message: string;
}
