import { WorkloadClusterRequest } from './controllers/clusterApi/WorkloadClusterHost';
import { loadCustomResourceDefinitions } from './crds/loadCustomResourceDefinitions';
import { FaultSettings } from './server/faults';
import {
  SimulatedCluster,
  SimulatedClusterOptions,
} from './server/SimulatedCluster';

/** A simulated cluster that a Cluster API Cluster became, or that its deletion stopped. */
export interface WorkloadClusterEvent {
  type: 'provisioned' | 'deleted';
  /** The simulated cluster's name: the Cluster's, or `<namespace>-<name>` when that was taken. */
  name: string;
  url: string;
  /** The management cluster and the Cluster there. */
  managementCluster: string;
  namespace: string;
  clusterName: string;
}

export interface KubeSimOptions {
  /** Cluster names; each gets the next port from `port`. */
  clusters: string[];
  /** First port; 0 picks free ports (for tests). */
  port?: number;
  host?: string;
  /** CustomResourceDefinition YAML files or directories every cluster serves. */
  crdPaths?: string[];
  token?: string;
  faults?: Record<string, FaultSettings>;
  /**
   * The clusters that play a Cluster API management cluster. Each Cluster provisioned there
   * becomes a new simulated cluster in `clusters`, on the next free port.
   */
  clusterApi?: string[];
  /** Called when a Cluster API Cluster starts or stops a simulated cluster. */
  onWorkloadCluster?: (event: WorkloadClusterEvent) => void;
  cluster?: Omit<
    SimulatedClusterOptions,
    'name' | 'customResources' | 'faults' | 'token' | 'workloadClusterHost'
  >;
}

const PORT_ATTEMPTS = 100;

/** Several simulated clusters in one process, on consecutive ports. A test double. */
export class KubeSim {
  private stopped = false;
  /** The simulated clusters that Cluster API Clusters run as, with the Cluster of each. */
  private readonly workloads = new Map<
    SimulatedCluster,
    Omit<WorkloadClusterEvent, 'type' | 'url'>
  >();

  private constructor(
    readonly clusters: Map<string, SimulatedCluster>,
    private readonly options: KubeSimOptions,
  ) {}

  static async start(options: KubeSimOptions): Promise<KubeSim> {
    if (!options.clusters.length) {
      throw new Error('kube-sim needs at least one cluster name');
    }
    const unknown = options.clusterApi?.find(
      name => !options.clusters.includes(name),
    );
    if (unknown !== undefined) {
      throw new Error(
        `the Cluster API management cluster ${unknown} is not one of the clusters (${options.clusters.join(
          ', ',
        )})`,
      );
    }
    const customResources = options.crdPaths?.length
      ? await loadCustomResourceDefinitions(options.crdPaths)
      : [];
    const clusters = new Map<string, SimulatedCluster>();
    const sim = new KubeSim(clusters, options);
    try {
      for (const [index, name] of options.clusters.entries()) {
        const cluster = new SimulatedCluster({
          ...options.cluster,
          name,
          customResources,
          token: options.token,
          faults: options.faults?.[name],
          clusterApi:
            options.clusterApi?.includes(name) || options.cluster?.clusterApi,
          workloadClusterHost: {
            start: request => sim.startWorkloadCluster(name, request),
            stop: workload => sim.stopWorkloadCluster(workload),
          },
        });
        clusters.set(name, cluster);
        await cluster.listen(
          options.port ? options.port + index : 0,
          options.host,
        );
      }
    } catch (error) {
      await sim.stop().catch(() => {});
      throw error;
    }
    return sim;
  }

  cluster(name: string): SimulatedCluster {
    const cluster = this.clusters.get(name);
    if (!cluster) {
      throw new Error(
        `no simulated cluster named ${name}; there are ${[
          ...this.clusters.keys(),
        ].join(', ')}`,
      );
    }
    return cluster;
  }

  urls(): Record<string, string> {
    return Object.fromEntries(
      [...this.clusters].map(([name, cluster]) => [name, cluster.url]),
    );
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all([...this.clusters.values()].map(c => c.close()));
  }

  /** A name no simulated cluster has: the Cluster's, else qualified by its namespace. */
  private freeName({ name, namespace }: WorkloadClusterRequest): string {
    for (const candidate of [name, `${namespace}-${name}`]) {
      if (!this.clusters.has(candidate)) {
        return candidate;
      }
    }
    let n = 2;
    while (this.clusters.has(`${namespace}-${name}-${n}`)) {
      n++;
    }
    return `${namespace}-${name}-${n}`;
  }

  private nextPort(): number {
    if (!this.options.port) {
      return 0;
    }
    const ports = [...this.clusters.values()]
      .filter(c => c.listening)
      .map(c => Number(new URL(c.url).port));
    return Math.max(this.options.port - 1, ...ports) + 1;
  }

  private async startWorkloadCluster(
    managementCluster: string,
    request: WorkloadClusterRequest,
  ): Promise<SimulatedCluster> {
    if (this.stopped) {
      throw new Error('kube-sim is stopping');
    }
    const name = this.freeName(request);
    const { clusterApi: _, nodes: __, ...shared } = this.options.cluster ?? {};
    const cluster = new SimulatedCluster({
      ...shared,
      name,
      token: request.token,
      kubernetesVersion: request.kubernetesVersion,
      // The Cluster API controller adds the nodes of its machines.
      nodes: 0,
    });
    this.clusters.set(name, cluster);
    try {
      await this.listenOnFreePort(cluster);
    } catch (error) {
      this.clusters.delete(name);
      await cluster.close();
      throw error;
    }
    const workload = {
      name,
      managementCluster,
      namespace: request.namespace,
      clusterName: request.name,
    };
    this.workloads.set(cluster, workload);
    this.options.onWorkloadCluster?.({
      type: 'provisioned',
      url: cluster.url,
      ...workload,
    });
    return cluster;
  }

  private async listenOnFreePort(cluster: SimulatedCluster) {
    const first = this.nextPort();
    for (let attempt = 0; ; attempt++) {
      try {
        await cluster.listen(first && first + attempt, this.options.host);
        return;
      } catch (error) {
        const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
        if (!first || !taken || attempt + 1 >= PORT_ATTEMPTS) {
          throw error;
        }
      }
    }
  }

  private async stopWorkloadCluster(cluster: SimulatedCluster): Promise<void> {
    const workload = this.workloads.get(cluster);
    if (!workload) {
      return;
    }
    const url = cluster.url;
    this.workloads.delete(cluster);
    this.clusters.delete(cluster.name);
    await cluster.close();
    if (!this.stopped) {
      this.options.onWorkloadCluster?.({ type: 'deleted', url, ...workload });
    }
  }
}
