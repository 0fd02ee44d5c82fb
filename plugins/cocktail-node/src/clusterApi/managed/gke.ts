import { KINDS } from '../apiVersions';
import { requiredOption } from '../infrastructure/option';
import { clusterObject, compact } from '../renderContext';
import { ManagedService } from './types';

/** GKE through CAPG: GCPManagedControlPlane and GCPManagedMachinePools (node pools). */
export const gke: ManagedService = {
  clusterKind: KINDS.infrastructure('GCPManagedCluster'),
  controlPlaneKind: KINDS.infrastructure('GCPManagedControlPlane'),
  machinePoolKind: KINDS.infrastructure('GCPManagedMachinePool'),
  autoscaler: 'external-autoscaler',
  renderCluster: ctx =>
    clusterObject(ctx, gke.clusterKind, ctx.request.name, {
      spec: {
        project: requiredOption(ctx, 'project'),
        region: ctx.request.region,
      },
    }),
  renderControlPlane: ctx =>
    clusterObject(ctx, gke.controlPlaneKind, ctx.request.name, {
      spec: {
        project: requiredOption(ctx, 'project'),
        location: ctx.request.region,
        // `version`; controlPlaneVersion is deprecated.
        version: ctx.request.kubernetesVersion,
      },
    }),
  renderMachinePool: (ctx, pool, name) =>
    clusterObject(ctx, gke.machinePoolKind, name, {
      spec: compact({
        instanceType: pool.machineType,
        scaling: pool.autoscaling
          ? {
              minCount: pool.autoscaling.minReplicas,
              maxCount: pool.autoscaling.maxReplicas,
            }
          : undefined,
        nodeLocations: ctx.request.zone ? [ctx.request.zone] : undefined,
        kubernetesLabels: pool.labels,
        kubernetesTaints: pool.taints?.map(taint => ({
          key: taint.key,
          value: taint.value ?? '',
          effect: taint.effect,
        })),
      }),
    }),
};
