import { KubeObject } from '../../api/types';
import { desiredNodePools } from './clusterApiObjects';
import { ClusterApiScope } from './ClusterApiScope';
import { ClusterState } from './ClusterState';
import {
  kubeletVersionOf,
  nodesByPool,
  PoolChange,
  stepNodes,
} from './workloadNodes';

/**
 * One step of scaling and upgrading a provisioned Cluster's simulated cluster toward its spec,
 * with an event for each change.
 */
export function stepWorkloadCluster(
  scope: ClusterApiScope,
  namespace: string,
  name: string,
  state: ClusterState,
) {
  const cluster = scope.current(namespace, name, state);
  const workload = state.workload;
  if (!cluster || cluster.metadata.deletionTimestamp || !workload) {
    return;
  }
  const pools = desiredNodePools(scope.ctx, cluster);
  const changes = stepNodes(workload, cluster, pools, () => ++state.nodeIndex);
  changes.forEach(change => reportChange(scope, cluster, change));
  const controlPlane = pools[0];
  const controlPlaneNodes = nodesByPool(workload, [controlPlane]).byPool.get(
    controlPlane,
  )!;
  // The API server reports the new version once a control plane machine runs it.
  if (
    workload.kubernetesVersion !== controlPlane.version &&
    (controlPlane.replicas === 0 ||
      controlPlaneNodes.some(n => kubeletVersionOf(n) === controlPlane.version))
  ) {
    const from = workload.kubernetesVersion;
    workload.setKubernetesVersion(controlPlane.version);
    scope.event(
      cluster,
      'ControlPlaneUpgraded',
      `The API server of cluster ${name} now runs ${controlPlane.version} (was ${from})`,
    );
  }
  scope.enqueue(namespace, name);
}

function reportChange(
  scope: ClusterApiScope,
  cluster: KubeObject,
  change: PoolChange,
) {
  const { pool } = change;
  const target = pool.owner?.object ?? cluster;
  if (change.added || change.removed) {
    scope.event(
      target,
      change.added ? 'SuccessfulScaleUp' : 'SuccessfulScaleDown',
      `Scaled ${pool.ownerKind} ${pool.ownerName} to ${
        pool.replicas
      } machines (${change.added ? `+${change.added}` : `-${change.removed}`})`,
    );
  }
  if (change.upgraded) {
    scope.event(
      target,
      'MachineUpgraded',
      `Rolled a machine of ${pool.ownerKind} ${pool.ownerName} to ${pool.version}`,
    );
  }
}
