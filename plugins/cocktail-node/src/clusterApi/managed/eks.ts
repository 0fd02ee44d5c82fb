import { KINDS } from '../apiVersions';
import { option } from '../infrastructure/option';
import { clusterObject, compact } from '../renderContext';
import { NodePoolTaint } from '../types';
import { ManagedService } from './types';

/** CAPA spells taint effects its own way. */
const EFFECTS: Record<NodePoolTaint['effect'], string> = {
  NoSchedule: 'no-schedule',
  PreferNoSchedule: 'prefer-no-schedule',
  NoExecute: 'no-execute',
};

/** EKS through CAPA: AWSManagedControlPlane and AWSManagedMachinePools (managed node groups). */
export const eks: ManagedService = {
  clusterKind: KINDS.infrastructure('AWSManagedCluster'),
  controlPlaneKind: KINDS.controlPlane('AWSManagedControlPlane'),
  machinePoolKind: KINDS.infrastructure('AWSManagedMachinePool'),
  autoscaler: 'external-autoscaler',
  renderCluster: ctx =>
    clusterObject(ctx, eks.clusterKind, ctx.request.name, { spec: {} }),
  renderControlPlane: ctx =>
    clusterObject(ctx, eks.controlPlaneKind, ctx.request.name, {
      spec: compact({
        region: ctx.request.region,
        version: ctx.request.kubernetesVersion,
        sshKeyName: option(ctx, 'sshKeyName'),
      }),
    }),
  renderMachinePool: (ctx, pool, name) =>
    clusterObject(ctx, eks.machinePoolKind, name, {
      spec: compact({
        instanceType: pool.machineType,
        scaling: pool.autoscaling
          ? {
              minSize: pool.autoscaling.minReplicas,
              maxSize: pool.autoscaling.maxReplicas,
            }
          : undefined,
        availabilityZones: ctx.request.zone ? [ctx.request.zone] : undefined,
        labels: pool.labels,
        taints: pool.taints?.map(taint => ({
          key: taint.key,
          value: taint.value ?? '',
          effect: EFFECTS[taint.effect],
        })),
      }),
    }),
};
