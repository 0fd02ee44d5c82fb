import { loadCustomResourceDefinitions } from './crds/loadCustomResourceDefinitions';
import { FaultSettings } from './server/faults';
import {
  SimulatedCluster,
  SimulatedClusterOptions,
} from './server/SimulatedCluster';

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
  cluster?: Omit<
    SimulatedClusterOptions,
    'name' | 'customResources' | 'faults' | 'token'
  >;
}

/** Several simulated clusters in one process, on consecutive ports. A test double. */
export class KubeSim {
  private constructor(readonly clusters: Map<string, SimulatedCluster>) {}

  static async start(options: KubeSimOptions): Promise<KubeSim> {
    if (!options.clusters.length) {
      throw new Error('kube-sim needs at least one cluster name');
    }
    const customResources = options.crdPaths?.length
      ? await loadCustomResourceDefinitions(options.crdPaths)
      : [];
    const clusters = new Map<string, SimulatedCluster>();
    try {
      for (const [index, name] of options.clusters.entries()) {
        const cluster = new SimulatedCluster({
          ...options.cluster,
          name,
          customResources,
          token: options.token,
          faults: options.faults?.[name],
        });
        clusters.set(name, cluster);
        await cluster.listen(
          options.port ? options.port + index : 0,
          options.host,
        );
      }
    } catch (error) {
      await Promise.all(
        [...clusters.values()].map(c => c.close().catch(() => {})),
      );
      throw error;
    }
    return new KubeSim(clusters);
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
    await Promise.all([...this.clusters.values()].map(c => c.close()));
  }
}
