import { containerUsage, cpuMillicores } from '../api/simulatedUsage';
import { ResourceType } from '../api/types';
import { ControllerContext } from './ControllerContext';
import { isPodReady } from './pods';

/** Scales each HPA's target towards its CPU target from the simulated usage. */
export function syncHorizontalPodAutoscalers(ctx: ControllerContext) {
  for (const hpa of ctx.store.list(ctx.types.hpas)) {
    const ref = hpa.spec?.scaleTargetRef ?? {};
    const targetType = (
      {
        StatefulSet: ctx.types.statefulsets,
        Deployment: ctx.types.deployments,
      } as Record<string, ResourceType>
    )[ref.kind];
    const target =
      targetType && ctx.store.get(targetType, hpa.metadata.namespace, ref.name);
    if (!targetType || !target) {
      continue;
    }
    const selector = target.spec?.selector?.matchLabels ?? {};
    const pods = ctx.store
      .list(ctx.types.pods, hpa.metadata.namespace)
      .filter(
        p =>
          isPodReady(p) &&
          Object.entries(selector).every(
            ([k, v]) => p.metadata.labels?.[k] === v,
          ),
      );
    const cpuTarget =
      (hpa.spec?.metrics ?? []).find((m: any) => m.resource?.name === 'cpu')
        ?.resource?.target?.averageUtilization ?? 80;
    let usage = 0;
    let requests = 0;
    for (const pod of pods) {
      for (const container of pod.spec?.containers ?? []) {
        usage += containerUsage(
          pod,
          container,
          ctx.load.factorFor(pod),
        ).cpuMillicores;
        requests += cpuMillicores(container.resources?.requests?.cpu ?? '100m');
      }
    }
    const current = target.spec?.replicas ?? 1;
    const utilization = requests ? Math.round((usage / requests) * 100) : 0;
    const min = hpa.spec?.minReplicas ?? 1;
    const max = hpa.spec?.maxReplicas ?? current;
    const ratio = utilization / cpuTarget;
    const proposed =
      pods.length && Math.abs(ratio - 1) > 0.1
        ? Math.ceil(current * ratio)
        : current;
    const desired = Math.min(max, Math.max(min, proposed));
    if (desired !== current) {
      ctx.update(targetType, {
        ...target,
        spec: { ...target.spec, replicas: desired },
      });
      ctx.emitEvent(
        hpa,
        ctx.types.hpas,
        'SuccessfulRescale',
        `New size: ${desired}; reason: cpu resource utilization (percentage of request) ${
          utilization > cpuTarget ? 'above' : 'below'
        } target`,
      );
    }
    ctx.setStatus(ctx.types.hpas, hpa, {
      currentReplicas: current,
      desiredReplicas: desired,
      currentMetrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            current: { averageUtilization: utilization },
          },
        },
      ],
    });
  }
}
