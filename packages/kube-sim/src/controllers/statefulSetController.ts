import { KubeObject } from '../api/types';
import { ControllerContext } from './ControllerContext';
import { createPodFromTemplate, isPodActive, isPodReady } from './pods';

function ensureClaims(
  ctx: ControllerContext,
  statefulSet: KubeObject,
  ordinal: number,
) {
  for (const template of statefulSet.spec?.volumeClaimTemplates ?? []) {
    const name = `${template.metadata?.name}-${statefulSet.metadata.name}-${ordinal}`;
    if (!ctx.store.get(ctx.types.pvcs, statefulSet.metadata.namespace, name)) {
      ctx.store.create(ctx.types.pvcs, {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        metadata: {
          name,
          namespace: statefulSet.metadata.namespace,
          labels: statefulSet.spec?.selector?.matchLabels,
        },
        spec: template.spec,
        status: { phase: 'Pending' },
      });
    }
  }
}

/**
 * Runs a StatefulSet's pods in order: <name>-0 first, the next only when the one before is
 * ready; scales down from the highest ordinal. Each pod gets its claims from the templates.
 */
export function reconcileStatefulSet(
  ctx: ControllerContext,
  statefulSet: KubeObject,
) {
  if (statefulSet.metadata.deletionTimestamp) {
    return;
  }
  const desired = statefulSet.spec?.replicas ?? 1;
  const name = statefulSet.metadata.name!;
  const pods = ctx.ownedBy(ctx.types.pods, statefulSet).filter(isPodActive);
  const byOrdinal = new Map(
    pods.map(p => [Number(p.metadata.name!.slice(name.length + 1)), p]),
  );
  for (let ordinal = 0; ordinal < desired; ordinal++) {
    const pod = byOrdinal.get(ordinal);
    if (!pod) {
      ensureClaims(ctx, statefulSet, ordinal);
      createPodFromTemplate(
        ctx,
        statefulSet,
        ctx.types.statefulsets,
        statefulSet.spec?.template,
        {
          name: `${name}-${ordinal}`,
          labels: {
            'statefulset.kubernetes.io/pod-name': `${name}-${ordinal}`,
          },
        },
      );
      break;
    }
    if (!isPodReady(pod)) {
      break;
    }
  }
  const surplus = [...byOrdinal]
    .filter(([ordinal]) => ordinal >= desired)
    .sort((a, b) => b[0] - a[0]);
  if (surplus.length) {
    const [, pod] = surplus[0];
    ctx.store.delete(
      ctx.types.pods,
      pod.metadata.namespace,
      pod.metadata.name!,
    );
  }
  const current = ctx.ownedBy(ctx.types.pods, statefulSet).filter(isPodActive);
  const ready = current.filter(isPodReady).length;
  ctx.setStatus(ctx.types.statefulsets, statefulSet, {
    observedGeneration: statefulSet.metadata.generation,
    replicas: current.length,
    readyReplicas: ready,
    availableReplicas: ready,
    currentReplicas: current.length,
    updatedReplicas: current.length,
  });
}
