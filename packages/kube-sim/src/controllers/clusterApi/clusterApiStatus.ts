import { KubeObject } from '../../api/types';
import { isV1beta2 } from './clusterApiObjects';

/** Where a simulated Cluster is in its life. */
export type ClusterStage =
  | 'Pending'
  | 'Provisioning'
  | 'Provisioned'
  | 'Deleting';

/** How many machines of a pool (or of all pools of a kind) there are, and how many are current. */
export interface ReplicaCounts {
  desired: number;
  current: number;
  upToDate: number;
}

interface ConditionInput {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message?: string;
}

/**
 * metav1.Conditions, as Cluster API v1beta2 writes them; a condition whose status stays keeps
 * its lastTransitionTime, so that reconciling again changes nothing.
 */
function conditions(
  object: KubeObject,
  previous: unknown,
  inputs: ConditionInput[],
) {
  const earlier = Array.isArray(previous) ? previous : [];
  const now = new Date().toISOString();
  return inputs.map(input => {
    const before = earlier.find(c => c?.type === input.type);
    return {
      type: input.type,
      status: input.status,
      observedGeneration: object.metadata.generation ?? 1,
      lastTransitionTime:
        before?.status === input.status ? before.lastTransitionTime : now,
      reason: input.reason,
      message: input.message ?? '',
    };
  });
}

function reached(stage: ClusterStage, wanted: ClusterStage): boolean {
  const order: ClusterStage[] = ['Pending', 'Provisioning', 'Provisioned'];
  return order.indexOf(stage) >= order.indexOf(wanted);
}

function workersAvailable(
  provisioned: boolean,
  workers: ReplicaCounts | undefined,
): ConditionInput {
  if (provisioned && !workers) {
    return { type: 'WorkersAvailable', status: 'True', reason: 'NoWorkers' };
  }
  if (provisioned && workers!.current > 0) {
    return { type: 'WorkersAvailable', status: 'True', reason: 'Available' };
  }
  return {
    type: 'WorkersAvailable',
    status: 'False',
    reason: 'NotAvailable',
    message: 'Worker machines are not available yet',
  };
}

function clusterConditionInputs(
  stage: ClusterStage,
  refs: { infrastructure: string; controlPlane: string },
  workers: ReplicaCounts | undefined,
): ConditionInput[] {
  const infrastructureReady = reached(stage, 'Provisioning');
  const provisioned = reached(stage, 'Provisioned');
  const deleting = stage === 'Deleting';
  return [
    infrastructureReady || deleting
      ? { type: 'InfrastructureReady', status: 'True', reason: 'Ready' }
      : {
          type: 'InfrastructureReady',
          status: 'False',
          reason: 'NotReady',
          message: `${refs.infrastructure} is not ready yet`,
        },
    provisioned || deleting
      ? {
          type: 'ControlPlaneInitialized',
          status: 'True',
          reason: 'Initialized',
        }
      : {
          type: 'ControlPlaneInitialized',
          status: 'False',
          reason: 'NotInitialized',
          message: 'Control plane not yet initialized',
        },
    provisioned
      ? { type: 'ControlPlaneAvailable', status: 'True', reason: 'Available' }
      : {
          type: 'ControlPlaneAvailable',
          status: 'False',
          reason: 'NotAvailable',
          message: `${refs.controlPlane} is not available`,
        },
    workersAvailable(provisioned, workers),
    deleting
      ? { type: 'Deleting', status: 'True', reason: 'Deleting' }
      : { type: 'Deleting', status: 'False', reason: 'NotDeleting' },
    provisioned
      ? { type: 'Available', status: 'True', reason: 'Available' }
      : {
          type: 'Available',
          status: 'False',
          reason: 'NotAvailable',
          message: deleting ? 'Cluster is deleting' : 'Cluster is provisioning',
        },
  ];
}

/** The v1beta1 names of the conditions that v1beta2 renamed. */
const V1BETA1_CONDITION_TYPES: Record<string, string> = {
  Available: 'Ready',
  ControlPlaneAvailable: 'ControlPlaneReady',
};

function replicaSummary(counts: ReplicaCounts) {
  return {
    desiredReplicas: counts.desired,
    replicas: counts.current,
    readyReplicas: counts.current,
    availableReplicas: counts.current,
    upToDateReplicas: counts.upToDate,
  };
}

/**
 * A Cluster's status at a stage, in the shape of the version it was written in: v1beta2
 * (`initialization`, metav1 conditions, replica summaries) or v1beta1 (`infrastructureReady`,
 * `controlPlaneReady`, with the v1beta2 conditions under `status.v1beta2`).
 */
export function clusterStatus(
  cluster: KubeObject,
  stage: ClusterStage,
  counts: { controlPlane?: ReplicaCounts; workers?: ReplicaCounts } = {},
): Record<string, unknown> {
  const refName = (field: string) => {
    const ref = cluster.spec?.[field];
    return ref?.kind ? `${ref.kind} ${ref.name}` : field;
  };
  const previous = cluster.status ?? {};
  const inputs = clusterConditionInputs(
    stage,
    {
      infrastructure: refName('infrastructureRef'),
      controlPlane: refName('controlPlaneRef'),
    },
    counts.workers,
  );
  const infrastructureReady = stage !== 'Pending';
  const controlPlaneInitialized =
    stage === 'Provisioned' || stage === 'Deleting';
  if (!isV1beta2(cluster)) {
    return {
      phase: stage,
      observedGeneration: cluster.metadata.generation ?? 1,
      infrastructureReady,
      controlPlaneReady: controlPlaneInitialized,
      conditions: conditions(
        cluster,
        previous.conditions,
        inputs
          .filter(c => c.type !== 'WorkersAvailable' && c.type !== 'Deleting')
          .map(c => ({
            ...c,
            type: V1BETA1_CONDITION_TYPES[c.type] ?? c.type,
          })),
      ).map(({ observedGeneration, ...c }) => c),
      v1beta2: {
        conditions: conditions(cluster, previous.v1beta2?.conditions, inputs),
      },
    };
  }
  return {
    phase: stage,
    observedGeneration: cluster.metadata.generation ?? 1,
    ...(infrastructureReady && {
      initialization: {
        infrastructureProvisioned: true,
        ...(controlPlaneInitialized && { controlPlaneInitialized: true }),
      },
    }),
    conditions: conditions(cluster, previous.conditions, inputs),
    ...(counts.controlPlane && {
      controlPlane: replicaSummary(counts.controlPlane),
    }),
    ...(counts.workers && { workers: replicaSummary(counts.workers) }),
  };
}

/** The infrastructure cluster (AWSCluster, DockerCluster …) reports it is provisioned. */
export function infrastructureStatus(
  infrastructure: KubeObject,
): Record<string, unknown> {
  // Providers on the v1beta2 contract report `initialization.provisioned`, the others `ready`.
  const usesInitialization =
    isV1beta2(infrastructure) &&
    /^(Metal3|VSphere|OpenStack)/.test(infrastructure.kind);
  return {
    ...infrastructure.status,
    ...(usesInitialization
      ? { initialization: { provisioned: true } }
      : { ready: true }),
  };
}

/**
 * A control plane's status once its machines run: KubeadmControlPlane and RKE2ControlPlane at
 * v1beta2 in the v1beta2 shape, the others (k3s, managed control planes, v1beta1) in the older
 * `initialized`/`ready` shape.
 */
export function controlPlaneStatus(
  controlPlane: KubeObject,
  counts: ReplicaCounts,
  version: string,
): Record<string, unknown> {
  const base = {
    observedGeneration: controlPlane.metadata.generation ?? 1,
    version,
  };
  if (controlPlane.kind.endsWith('ManagedControlPlane')) {
    return {
      ...controlPlane.status,
      ...base,
      initialized: true,
      ready: true,
      ...(controlPlane.kind.startsWith('GCP') && { currentVersion: version }),
    };
  }
  const replicas = {
    replicas: counts.current,
    readyReplicas: counts.current,
  };
  if (
    isV1beta2(controlPlane) &&
    ['KubeadmControlPlane', 'RKE2ControlPlane'].includes(controlPlane.kind)
  ) {
    return {
      ...base,
      initialization: { controlPlaneInitialized: true },
      ...replicas,
      availableReplicas: counts.current,
      upToDateReplicas: counts.upToDate,
      conditions: conditions(controlPlane, controlPlane.status?.conditions, [
        counts.current > 0
          ? { type: 'Available', status: 'True', reason: 'Available' }
          : {
              type: 'Available',
              status: 'False',
              reason: 'NotAvailable',
              message: 'No control plane machine is available',
            },
      ]),
    };
  }
  return {
    ...base,
    initialized: true,
    ready: counts.current > 0,
    ...replicas,
    updatedReplicas: counts.upToDate,
    unavailableReplicas: Math.max(0, counts.desired - counts.current),
  };
}

/** A MachineDeployment's or MachinePool's status: its replica counts and phase. */
export function workerPoolStatus(
  pool: KubeObject,
  counts: ReplicaCounts,
): Record<string, unknown> {
  let phase = 'Running';
  if (counts.current < counts.desired) {
    phase = 'ScalingUp';
  } else if (counts.current > counts.desired) {
    phase = 'ScalingDown';
  }
  const base = {
    observedGeneration: pool.metadata.generation ?? 1,
    phase,
    replicas: counts.current,
    readyReplicas: counts.current,
    availableReplicas: counts.current,
  };
  if (isV1beta2(pool)) {
    return {
      ...base,
      upToDateReplicas: counts.upToDate,
      ...(pool.kind === 'MachinePool' && {
        initialization: {
          infrastructureProvisioned: true,
          bootstrapDataSecretCreated: true,
        },
      }),
      conditions: conditions(pool, pool.status?.conditions, [
        counts.current >= counts.desired
          ? { type: 'Available', status: 'True', reason: 'Available' }
          : {
              type: 'Available',
              status: 'False',
              reason: 'NotAvailable',
              message: `${counts.current} of ${counts.desired} machines are available`,
            },
      ]),
    };
  }
  return {
    ...base,
    updatedReplicas: counts.upToDate,
    unavailableReplicas: Math.max(0, counts.desired - counts.current),
    ...(pool.kind === 'MachinePool' && {
      infrastructureReady: true,
      bootstrapReady: true,
    }),
  };
}
