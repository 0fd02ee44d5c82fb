/** A deleted Cluster: Deleting for a step, then its descendants go and its finalizer comes off. */
import { KubeObject, ResourceType } from '../../api/types';
import { CLUSTER_API_GROUP } from '../../crds/clusterApiResources';
import {
  CLUSTER_FINALIZER,
  clusterNameOf,
  resolveRef,
  typeOf,
} from './clusterApiObjects';
import { ClusterApiScope } from './ClusterApiScope';
import { clusterStatus } from './clusterApiStatus';
import { ClusterState } from './ClusterState';

export function beginDeletion(
  scope: ClusterApiScope,
  cluster: KubeObject,
  state: ClusterState,
) {
  if (state.stage === 'Deleting') {
    return;
  }
  state.stage = 'Deleting';
  state.timers.forEach(clearTimeout);
  state.timers.clear();
  state.stepScheduled = false;
  const { namespace, name } = cluster.metadata as {
    namespace: string;
    name: string;
  };
  scope.setStatus(cluster, clusterStatus(cluster, 'Deleting'));
  scope.event(cluster, 'Deleting', `Deleting cluster ${name} and its machines`);
  scope.later(state, scope.stepMs(), () =>
    finishDeletion(scope, namespace, name, state),
  );
}

function finishDeletion(
  scope: ClusterApiScope,
  namespace: string,
  name: string,
  state: ClusterState,
) {
  const cluster = scope.current(namespace, name, state);
  if (!cluster) {
    return;
  }
  deleteDescendants(scope, cluster);
  scope.forget(namespace, name, state);
  scope.ctx.update(scope.clusterType, {
    ...cluster,
    metadata: {
      ...cluster.metadata,
      finalizers: (cluster.metadata.finalizers ?? []).filter(
        f => f !== CLUSTER_FINALIZER,
      ),
    },
  });
  scope.event(cluster, 'Deleted', `Cluster ${name} is deleted`);
}

/** What Cluster API removes with a Cluster: its pools, control plane and infrastructure. */
function deleteDescendants(scope: ClusterApiScope, cluster: KubeObject) {
  const { ctx } = scope;
  const namespace = cluster.metadata.namespace;
  const resolveType = (typeKey: string) => ctx.registry.byTypeKey(typeKey);
  const remove = (type: ResourceType, object: KubeObject) => {
    if (ctx.store.get(type, namespace, object.metadata.name!)) {
      ctx.store.delete(type, namespace, object.metadata.name!, {
        resolveType,
      });
    }
  };
  for (const kind of ['MachineDeployment', 'MachinePool']) {
    const type = typeOf(ctx, CLUSTER_API_GROUP, kind);
    for (const pool of type ? ctx.store.list(type, namespace) : []) {
      if (clusterNameOf(pool) === cluster.metadata.name) {
        remove(type!, pool);
      }
    }
  }
  for (const field of ['controlPlaneRef', 'infrastructureRef']) {
    const ref = resolveRef(ctx, cluster.spec?.[field], namespace);
    if (ref) {
      remove(ref.type, ref.object);
    }
  }
}
