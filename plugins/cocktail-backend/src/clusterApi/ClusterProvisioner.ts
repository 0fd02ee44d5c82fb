import {
  AddonCatalog,
  ClusterPolicy,
  ClusterPolicyPerson,
  NodePoolRequest,
} from '@cocktailcloud/plugin-cocktail-node';
import { changeClusterAddon, listClusterAddons } from './clusterAddons';
import { ManagementCluster, readCluster } from './clusterOperations';
import { createCluster } from './createCluster';
import { deleteCluster } from './deleteCluster';
import { readClusterOverview } from './readClusterOverview';
import { readClusterStatus } from './readClusterStatus';
import { removeNodePool } from './removeNodePool';
import { replaceMachine } from './replaceMachine';
import { scaleCluster } from './scaleCluster';
import { upgradeCluster } from './upgradeCluster';

export type { ManagementCluster } from './clusterOperations';

/**
 * Creates clusters and keeps them through Cluster API objects on the management cluster:
 * upgrades, node pools, machines, add-ons, deletion. Each operation is in its own file; this
 * class is the one place that reaches the management cluster.
 */
export class ClusterProvisioner {
  constructor(
    private readonly options: {
      management: () => Promise<ManagementCluster>;
      policy: ClusterPolicy;
      /** The add-ons clusters may get; none are offered without it. */
      addons?: AddonCatalog;
      /** Tells the cluster registry to read the management cluster's kubeconfig secrets again. */
      refreshRegistry: () => Promise<void>;
    },
  ) {}

  async create(
    body: unknown,
    options: {
      dryRun: boolean;
      owner: string;
      where?: string;
      addons?: string[];
      person?: ClusterPolicyPerson;
    },
  ) {
    return createCluster(
      await this.options.management(),
      this.options.policy,
      body,
      { ...options, catalog: this.options.addons },
    );
  }

  private async target(namespace: string, name: string) {
    const management = await this.options.management();
    return {
      management,
      found: await readCluster(management, namespace, name),
    };
  }

  async overview(namespace: string, name: string, boundServiceMaps: string[]) {
    const { management, found } = await this.target(namespace, name);
    return readClusterOverview(management, found, boundServiceMaps);
  }

  async removeNodePool(
    namespace: string,
    name: string,
    body: { nodePool: string; dryRun: boolean },
    person?: ClusterPolicyPerson,
  ) {
    const { management, found } = await this.target(namespace, name);
    return removeNodePool(management, this.options.policy, found, body, person);
  }

  async replaceMachine(
    namespace: string,
    name: string,
    body: { machine: string; dryRun: boolean },
    person?: ClusterPolicyPerson,
  ) {
    const { management, found } = await this.target(namespace, name);
    return replaceMachine(management, this.options.policy, found, body, person);
  }

  async delete(
    namespace: string,
    name: string,
    body: { confirm?: string; force: boolean; dryRun: boolean },
    context: { person?: ClusterPolicyPerson; boundServiceMaps: string[] },
  ) {
    const { management, found } = await this.target(namespace, name);
    return deleteCluster(management, this.options.policy, found, body, context);
  }

  async addons(namespace: string, name: string) {
    const { management, found } = await this.target(namespace, name);
    return listClusterAddons(management, this.catalog(), found);
  }

  async changeAddon(
    namespace: string,
    name: string,
    body: {
      addon: string;
      action: 'install' | 'upgrade' | 'remove';
      dryRun: boolean;
    },
    person?: ClusterPolicyPerson,
  ) {
    const { management, found } = await this.target(namespace, name);
    return changeClusterAddon(
      management,
      this.options.policy,
      this.catalog(),
      found,
      body,
      person,
    );
  }

  private catalog(): AddonCatalog {
    return this.options.addons ?? { addons: [], defaults: [], defaultCni: '' };
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
    person?: ClusterPolicyPerson,
  ) {
    const management = await this.options.management();
    return upgradeCluster(
      management,
      this.options.policy,
      await readCluster(management, namespace, name),
      body,
      person,
    );
  }

  async scale(
    namespace: string,
    name: string,
    body:
      | { nodePool: string; replicas: number; dryRun: boolean }
      | { addNodePool: NodePoolRequest; dryRun: boolean },
    person?: ClusterPolicyPerson,
  ) {
    const management = await this.options.management();
    return scaleCluster(
      management,
      this.options.policy,
      await readCluster(management, namespace, name),
      body,
      person,
    );
  }
}
