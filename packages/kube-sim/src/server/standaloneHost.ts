import { WorkloadClusterHost } from '../controllers/clusterApi/WorkloadClusterHost';
import { SimulatedCluster, SimulatedClusterOptions } from './SimulatedCluster';

/** Starts the clusters a lone management cluster provisions on free ports of its own address. */
export function standaloneHost(
  management: SimulatedCluster,
  options: SimulatedClusterOptions,
): WorkloadClusterHost {
  return {
    async start(request) {
      const cluster = new SimulatedCluster({
        name: request.name,
        token: request.token,
        kubernetesVersion: request.kubernetesVersion,
        nodes: 0,
        controllers: options.controllers,
        bookmarkIntervalMs: options.bookmarkIntervalMs,
      });
      await cluster.listen(0, management.host);
      return cluster;
    },
    stop: cluster => cluster.close(),
  };
}
