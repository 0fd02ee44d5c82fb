import { KubeObject } from '../api/types';
import { ControllerContext } from './ControllerContext';
import { createPodFromTemplate, isPodActive, isPodReady } from './pods';

/** Runs one pod of a DaemonSet on every node. */
export function reconcileDaemonSet(
  ctx: ControllerContext,
  daemonSet: KubeObject,
) {
  if (daemonSet.metadata.deletionTimestamp) {
    return;
  }
  const nodes = ctx.store.list(ctx.types.nodes).map(n => n.metadata.name!);
  const pods = ctx.ownedBy(ctx.types.pods, daemonSet).filter(isPodActive);
  for (const node of nodes) {
    if (!pods.some(p => p.spec?.nodeName === node)) {
      createPodFromTemplate(
        ctx,
        daemonSet,
        ctx.types.daemonsets,
        daemonSet.spec?.template,
        { nodeName: node },
      );
    }
  }
  for (const pod of pods.filter(p => !nodes.includes(p.spec?.nodeName))) {
    ctx.store.delete(
      ctx.types.pods,
      pod.metadata.namespace,
      pod.metadata.name!,
    );
  }
  const current = ctx.ownedBy(ctx.types.pods, daemonSet).filter(isPodActive);
  const ready = current.filter(isPodReady).length;
  ctx.setStatus(ctx.types.daemonsets, daemonSet, {
    observedGeneration: daemonSet.metadata.generation,
    desiredNumberScheduled: nodes.length,
    currentNumberScheduled: current.length,
    updatedNumberScheduled: current.length,
    numberReady: ready,
    numberAvailable: ready,
    numberMisscheduled: 0,
  });
}
