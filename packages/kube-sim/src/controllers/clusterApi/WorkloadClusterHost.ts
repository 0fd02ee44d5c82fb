import type { SimulatedCluster } from '../../server/SimulatedCluster';

/** What the Cluster API controller asks for when a Cluster is provisioned. */
export interface WorkloadClusterRequest {
  /** The Cluster's name; the host may pick another when a simulated cluster has it already. */
  name: string;
  /** The Cluster's namespace on the management cluster. */
  namespace: string;
  /** The bearer token the new cluster accepts (written into its kubeconfig Secret). */
  token: string;
  /** The Kubernetes version it reports, such as `v1.31.2`. */
  kubernetesVersion: string;
}

/**
 * Starts and stops the simulated clusters that Cluster API Clusters become: KubeSim puts them
 * on the next free port and in its `clusters` map; a lone SimulatedCluster on free ports.
 */
export interface WorkloadClusterHost {
  start(request: WorkloadClusterRequest): Promise<SimulatedCluster>;
  stop(cluster: SimulatedCluster): Promise<void>;
}
