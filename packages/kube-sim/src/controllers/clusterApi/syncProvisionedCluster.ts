import { KubeObject } from '../../api/types';
import { compareKubernetesVersions } from '../../cluster/kubernetesVersion';
import type { SimulatedCluster } from '../../server/SimulatedCluster';
import { desiredNodePools, NodePool } from './clusterApiObjects';
import { ClusterApiScope } from './ClusterApiScope';
import {
  clusterStatus,
  controlPlaneStatus,
  workerPoolStatus,
} from './clusterApiStatus';
import { ClusterState } from './ClusterState';
import { writeKubeconfigSecret } from './kubeconfigSecret';
import { syncMachines } from './machines';
import { stepWorkloadCluster } from './stepWorkloadCluster';
import {
  countsOf,
  kubeletVersionOf,
  nodesByPool,
  nodesConverged,
  sumCounts,
} from './workloadNodes';

/**
 * A provisioned Cluster: statuses from the nodes that run, and a step scheduled when they
 * differ from the spec.
 */
export function syncProvisionedCluster(
  scope: ClusterApiScope,
  cluster: KubeObject,
  state: ClusterState,
) {
  const { ctx } = scope;
  const workload = state.workload!;
  const pools = desiredNodePools(ctx, cluster);
  const { byPool } = nodesByPool(workload, pools);
  const controlPlanePool = pools[0];
  const controlPlaneCounts = countsOf(
    controlPlanePool,
    byPool.get(controlPlanePool)!,
  );
  const workerPools = pools.slice(1);
  const workerCounts = workerPools.map(p => countsOf(p, byPool.get(p)!));

  writeKubeconfigSecret(scope, cluster, state);
  syncMachines(ctx, cluster, byPool);
  if (controlPlanePool.owner) {
    ctx.setStatus(
      controlPlanePool.owner.type,
      controlPlanePool.owner.object,
      controlPlaneStatus(
        controlPlanePool.owner.object,
        controlPlaneCounts,
        runningControlPlaneVersion(controlPlanePool, byPool, workload),
      ),
    );
  }
  workerPools.forEach((pool, index) => {
    if (pool.owner) {
      ctx.setStatus(
        pool.owner.type,
        pool.owner.object,
        workerPoolStatus(pool.owner.object, workerCounts[index]),
      );
    }
  });
  scope.setStatus(
    cluster,
    clusterStatus(cluster, 'Provisioned', {
      controlPlane: controlPlaneCounts,
      ...(workerPools.length && { workers: sumCounts(workerCounts) }),
    }),
  );

  const versionPending =
    workload.kubernetesVersion !== controlPlanePool.version;
  if (
    !state.stepScheduled &&
    (versionPending || !nodesConverged(workload, pools))
  ) {
    state.stepScheduled = true;
    scope.later(state, scope.stepMs(), () => {
      state.stepScheduled = false;
      stepWorkloadCluster(
        scope,
        cluster.metadata.namespace!,
        cluster.metadata.name!,
        state,
      );
    });
  }
}

/** The oldest kubelet of the control plane: what a control plane reports while it rolls. */
function runningControlPlaneVersion(
  pool: NodePool,
  byPool: Map<NodePool, KubeObject[]>,
  workload: SimulatedCluster,
): string {
  const versions = byPool
    .get(pool)!
    .map(kubeletVersionOf)
    .filter((v): v is string => Boolean(v));
  return (
    versions.sort(compareKubernetesVersions)[0] ?? workload.kubernetesVersion
  );
}
