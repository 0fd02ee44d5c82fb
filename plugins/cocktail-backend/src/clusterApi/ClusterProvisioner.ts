import {
  ClusterPolicy,
  NodePoolRequest,
} from '@cocktailcloud/plugin-cocktail-node';
import { ManagementCluster, readCluster } from './clusterOperations';
import { createCluster } from './createCluster';
import { readClusterStatus } from './readClusterStatus';
import { scaleCluster } from './scaleCluster';
import { upgradeCluster } from './upgradeCluster';

export type { ManagementCluster } from './clusterOperations';

/**
 * Creates, upgrades and scales clusters through Cluster API objects on the management cluster:
 * each operation in its own file, this class the one place that reaches the management cluster.
 */
export class ClusterProvisioner {
  constructor(
    private readonly options: {
      management: () => Promise<ManagementCluster>;
      policy: ClusterPolicy;
      /** Tells the cluster registry to read the management cluster's kubeconfig secrets again. */
      refreshRegistry: () => Promise<void>;
    },
  ) {}

  async create(
    body: unknown,
    options: { dryRun: boolean; owner: string; where?: string },
  ) {
    return createCluster(
      await this.options.management(),
      this.options.policy,
      body,
      options,
    );
  }

  async status(namespace: string, name: string) {
    const management = await this.options.management();
    const { cluster, versions } = await readCluster(
      management,
      namespace,
      name,
    );
    const status = await readClusterStatus(management.ops, cluster, versions);
    if (status.phase === 'Provisioned' && status.kubeconfigSecret) {
      await this.options.refreshRegistry();
    }
    return status;
  }

  async upgrade(
    namespace: string,
    name: string,
    body: {
      version: string;
      stage: 'control-plane' | 'node-pools';
      dryRun: boolean;
    },
  ) {
    const management = await this.options.management();
    return upgradeCluster(
      management,
      this.options.policy,
      await readCluster(management, namespace, name),
      body,
    );
  }

  async scale(
    namespace: string,
    name: string,
    body:
      | { nodePool: string; replicas: number; dryRun: boolean }
      | { addNodePool: NodePoolRequest; dryRun: boolean },
  ) {
    const management = await this.options.management();
    return scaleCluster(
      management,
      this.options.policy,
      await readCluster(management, namespace, name),
      body,
    );
  }
}
