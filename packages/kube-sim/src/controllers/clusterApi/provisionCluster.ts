/** A new Cluster's way from Pending through Provisioning to Provisioned. */
import { KubeObject } from '../../api/types';
import type { SimulatedCluster } from '../../server/SimulatedCluster';
import { desiredNodePools, resolveRef } from './clusterApiObjects';
import { ClusterApiScope } from './ClusterApiScope';
import { infrastructureStatus } from './clusterApiStatus';
import { ClusterState } from './ClusterState';
import { writeKubeconfigSecret } from './kubeconfigSecret';
import { stepNodes } from './workloadNodes';

/** The infrastructure is ready after a third of the provisioning time, the workload at its end. */
export function startProvisioning(
  scope: ClusterApiScope,
  cluster: KubeObject,
  state: ClusterState,
) {
  const { namespace, name } = cluster.metadata as {
    namespace: string;
    name: string;
  };
  scope.event(
    cluster,
    'Pending',
    `Cluster ${name} is waiting for its infrastructure`,
  );
  scope.later(state, Math.round(scope.provisionMs() / 3), () => {
    const current = scope.current(namespace, name, state);
    if (!current || current.metadata.deletionTimestamp) {
      return;
    }
    state.stage = 'Provisioning';
    const infrastructure = resolveRef(
      scope.ctx,
      current.spec?.infrastructureRef,
      namespace,
    );
    if (infrastructure) {
      scope.ctx.setStatus(
        infrastructure.type,
        infrastructure.object,
        infrastructureStatus(infrastructure.object),
      );
    }
    scope.event(
      current,
      'Provisioning',
      `Infrastructure of cluster ${name} is provisioned; initializing its control plane`,
    );
    scope.enqueue(namespace, name);
    const provisionMs = scope.provisionMs();
    scope.later(state, provisionMs - Math.round(provisionMs / 3), () =>
      startWorkload(scope, namespace, name, state),
    );
  });
}

async function startWorkload(
  scope: ClusterApiScope,
  namespace: string,
  name: string,
  state: ClusterState,
) {
  const retryLater = (ms: number) =>
    scope.later(state, ms, () => startWorkload(scope, namespace, name, state));
  const cluster = scope.current(namespace, name, state);
  if (!cluster || cluster.metadata.deletionTimestamp || state.starting) {
    return;
  }
  if (scope.ctx.settings.clusterApiStallAt === 'Provisioning') {
    retryLater(scope.stepMs());
    return;
  }
  // As Cluster API waits for the control plane it names before initializing it.
  if (
    cluster.spec?.controlPlaneRef &&
    !resolveRef(scope.ctx, cluster.spec.controlPlaneRef, namespace)
  ) {
    retryLater(scope.stepMs());
    return;
  }
  state.starting = true;
  const pools = desiredNodePools(scope.ctx, cluster);
  let workload: SimulatedCluster;
  try {
    workload = await scope.host.start({
      name,
      namespace,
      token: state.token,
      kubernetesVersion: pools[0].version,
    });
  } catch (error) {
    state.starting = false;
    scope.warn(
      namespace,
      name,
      'ProvisioningFailed',
      `Could not start the simulated cluster: ${error}; retrying`,
    );
    retryLater(scope.provisionMs());
    return;
  }
  state.starting = false;
  const now = scope.current(namespace, name, state);
  if (scope.isStopped() || !now || now.metadata.deletionTimestamp) {
    await scope.host.stop(workload).catch(() => {});
    return;
  }
  state.workload = workload;
  stepNodes(workload, now, pools, () => ++state.nodeIndex);
  state.stage = 'Provisioned';
  writeKubeconfigSecret(scope, now, state);
  scope.event(
    now,
    'Provisioned',
    `Cluster ${name} is provisioned: simulated cluster ${workload.name} at ${workload.url}`,
  );
  scope.enqueue(namespace, name);
}
