import { KubeObject } from '../api/types';
import { ControllerContext } from './ControllerContext';
import { createPodFromTemplate, isPodActive, isPodReady } from './pods';

/** Keeps a ReplicaSet's pod count at spec.replicas and reports how many are ready. */
export function reconcileReplicaSet(
  ctx: ControllerContext,
  replicaSet: KubeObject,
) {
  if (replicaSet.metadata.deletionTimestamp) {
    return;
  }
  const pods = ctx.ownedBy(ctx.types.pods, replicaSet).filter(isPodActive);
  const desired = replicaSet.spec?.replicas ?? 1;
  if (pods.length < desired) {
    for (let i = pods.length; i < desired; i++) {
      pods.push(
        createPodFromTemplate(
          ctx,
          replicaSet,
          ctx.types.replicasets,
          replicaSet.spec?.template,
        ),
      );
    }
  } else if (pods.length > desired) {
    // Remove pods that are not ready first, then the newest.
    const surplus = [...pods]
      .sort(
        (a, b) =>
          Number(isPodReady(a)) - Number(isPodReady(b)) ||
          (b.metadata.creationTimestamp ?? '').localeCompare(
            a.metadata.creationTimestamp ?? '',
          ),
      )
      .slice(0, pods.length - desired);
    for (const pod of surplus) {
      ctx.store.delete(
        ctx.types.pods,
        pod.metadata.namespace,
        pod.metadata.name!,
      );
      ctx.emitEvent(
        replicaSet,
        ctx.types.replicasets,
        'SuccessfulDelete',
        `Deleted pod: ${pod.metadata.name}`,
      );
    }
  }
  const current = ctx.ownedBy(ctx.types.pods, replicaSet).filter(isPodActive);
  const ready = current.filter(isPodReady).length;
  ctx.setStatus(ctx.types.replicasets, replicaSet, {
    replicas: current.length,
    fullyLabeledReplicas: current.length,
    readyReplicas: ready,
    availableReplicas: ready,
    observedGeneration: replicaSet.metadata.generation,
  });
}
