import { KubeObject } from '../api/types';
import {
  ControllerContext,
  resolveIntOrPercent,
  shortHash,
} from './ControllerContext';
import { isPodReady } from './pods';

const REVISION = 'deployment.kubernetes.io/revision';

function revisionOf(replicaSet: KubeObject): number {
  return Number(replicaSet.metadata.annotations?.[REVISION] ?? 0);
}

/**
 * A value without nulls, empty objects and empty lists, as the API server's semantic equality
 * sees it: `kubectl rollout undo` sends an old template back with `creationTimestamp: null`
 * and `resources: {}`, and must find that template's ReplicaSet again.
 */
function withoutEmptyValues(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(withoutEmptyValues);
    return items.length ? items : undefined;
  }
  if (value && typeof value === 'object') {
    // Sorted keys: the same template hashes the same whatever order a client sent it in.
    const entries = Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([key, item]) => [key, withoutEmptyValues(item)] as const)
      .filter(([, item]) => item !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return value === null ? undefined : value;
}

function templateHash(deployment: KubeObject): string {
  const template = deployment.spec?.template ?? {};
  const labels = { ...template.metadata?.labels };
  delete labels['pod-template-hash'];
  const comparable = withoutEmptyValues({
    ...template,
    metadata: { ...template.metadata, labels },
  });
  return shortHash(comparable ?? {})
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 10);
}

function findOrCreateNewReplicaSet(
  ctx: ControllerContext,
  deployment: KubeObject,
  replicaSets: KubeObject[],
  hash: string,
  initialReplicas: number,
): KubeObject {
  const maxRevision = Math.max(0, ...replicaSets.map(revisionOf));
  const existing = replicaSets.find(
    rs => rs.metadata.labels?.['pod-template-hash'] === hash,
  );
  if (existing) {
    // A rollback to an old template reuses its ReplicaSet and makes it the newest revision.
    if (revisionOf(existing) < maxRevision) {
      ctx.update(ctx.types.replicasets, {
        ...existing,
        metadata: {
          ...existing.metadata,
          annotations: {
            ...existing.metadata.annotations,
            [REVISION]: String(maxRevision + 1),
          },
        },
      });
      ctx.emitEvent(
        deployment,
        ctx.types.deployments,
        'DeploymentRollback',
        `Rolled back to revision ${revisionOf(existing)}`,
      );
      return ctx.store.get(
        ctx.types.replicasets,
        existing.metadata.namespace,
        existing.metadata.name!,
      )!;
    }
    return existing;
  }
  const template = deployment.spec?.template ?? {};
  const labels = { ...template.metadata?.labels, 'pod-template-hash': hash };
  const created = ctx.store.create(ctx.types.replicasets, {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${deployment.metadata.name}-${hash}`,
      namespace: deployment.metadata.namespace,
      labels,
      annotations: { [REVISION]: String(maxRevision + 1) },
      ownerReferences: [ctx.ownerReference(deployment, ctx.types.deployments)],
    },
    spec: {
      replicas: initialReplicas,
      selector: {
        matchLabels: {
          ...deployment.spec?.selector?.matchLabels,
          'pod-template-hash': hash,
        },
      },
      template: { ...template, metadata: { ...template.metadata, labels } },
    },
  });
  ctx.emitEvent(
    deployment,
    ctx.types.deployments,
    'ScalingReplicaSet',
    `Scaled up replica set ${created.metadata.name} to ${initialReplicas}`,
  );
  return created;
}

function scale(
  ctx: ControllerContext,
  deployment: KubeObject,
  replicaSet: KubeObject,
  replicas: number,
) {
  if ((replicaSet.spec?.replicas ?? 0) === replicas) {
    return;
  }
  const direction = replicas > (replicaSet.spec?.replicas ?? 0) ? 'up' : 'down';
  ctx.update(ctx.types.replicasets, {
    ...replicaSet,
    spec: { ...replicaSet.spec, replicas },
  });
  ctx.emitEvent(
    deployment,
    ctx.types.deployments,
    'ScalingReplicaSet',
    `Scaled ${direction} replica set ${replicaSet.metadata.name} to ${replicas}`,
  );
}

/**
 * Rolls a Deployment towards its template: one ReplicaSet per template (revisions kept for
 * rollback), scaled within maxSurge and maxUnavailable, or all at once with Recreate.
 */
export function reconcileDeployment(
  ctx: ControllerContext,
  deployment: KubeObject,
) {
  if (deployment.metadata.deletionTimestamp) {
    return;
  }
  const desired = deployment.spec?.replicas ?? 1;
  const hash = templateHash(deployment);
  let replicaSets = ctx.ownedBy(ctx.types.replicasets, deployment);
  const isFirst = replicaSets.length === 0;
  const newRs =
    deployment.spec?.paused && !isFirst
      ? replicaSets.find(
          rs => rs.metadata.labels?.['pod-template-hash'] === hash,
        )
      : findOrCreateNewReplicaSet(
          ctx,
          deployment,
          replicaSets,
          hash,
          isFirst ? desired : 0,
        );
  replicaSets = ctx.ownedBy(ctx.types.replicasets, deployment);
  const oldRs = replicaSets
    .filter(rs => rs.metadata.uid !== newRs?.metadata.uid)
    .sort((a, b) => revisionOf(a) - revisionOf(b));
  if (newRs && !deployment.spec?.paused) {
    const current = ctx.store.get(
      ctx.types.replicasets,
      newRs.metadata.namespace,
      newRs.metadata.name!,
    )!;
    if (deployment.spec?.strategy?.type === 'Recreate') {
      oldRs.forEach(rs => scale(ctx, deployment, rs, 0));
      const oldPodsLeft = oldRs.some(rs => (rs.status?.replicas ?? 0) > 0);
      if (!oldPodsLeft) {
        scale(ctx, deployment, current, desired);
      }
    } else {
      rollingUpdate(ctx, deployment, current, oldRs, desired);
    }
  }
  cleanUpOldReplicaSets(ctx, deployment, oldRs);
  annotateRevision(ctx, deployment, newRs);
  updateDeploymentStatus(ctx, deployment, newRs, desired);
}

function rollingUpdate(
  ctx: ControllerContext,
  deployment: KubeObject,
  newRs: KubeObject,
  oldRs: KubeObject[],
  desired: number,
) {
  const rolling = deployment.spec?.strategy?.rollingUpdate ?? {};
  let maxSurge = resolveIntOrPercent(rolling.maxSurge, desired, true, '25%');
  const maxUnavailable = resolveIntOrPercent(
    rolling.maxUnavailable,
    desired,
    false,
    '25%',
  );
  if (maxSurge === 0 && maxUnavailable === 0) {
    maxSurge = 1;
  }
  const total = [newRs, ...oldRs].reduce(
    (n, rs) => n + (rs.spec?.replicas ?? 0),
    0,
  );
  const newReplicas = newRs.spec?.replicas ?? 0;
  if (newReplicas > desired) {
    scale(ctx, deployment, newRs, desired);
  } else if (newReplicas < desired) {
    const room = Math.min(desired + maxSurge - total, desired - newReplicas);
    if (room > 0) {
      scale(ctx, deployment, newRs, newReplicas + room);
    }
  }
  // Old pods go while enough ready pods remain; old pods that are not ready can always go.
  // Ready pods are counted, not read from ReplicaSet status, which lags behind scaling; pods a
  // ReplicaSet is about to remove are not counted (it removes unready ones first).
  const readyOf = (rs: KubeObject) =>
    Math.min(
      rs.spec?.replicas ?? 0,
      ctx.ownedBy(ctx.types.pods, rs).filter(isPodReady).length,
    );
  let readyBudget =
    [newRs, ...oldRs].reduce((n, rs) => n + readyOf(rs), 0) -
    (desired - maxUnavailable);
  for (const rs of oldRs) {
    const replicas = rs.spec?.replicas ?? 0;
    const unready = replicas - readyOf(rs);
    const readyToRemove = Math.min(
      replicas - unready,
      Math.max(0, readyBudget),
    );
    readyBudget -= readyToRemove;
    if (unready + readyToRemove > 0) {
      scale(ctx, deployment, rs, replicas - unready - readyToRemove);
    }
  }
}

/** The Deployment carries its current revision, as the Kubernetes controller sets it. */
function annotateRevision(
  ctx: ControllerContext,
  deployment: KubeObject,
  newRs: KubeObject | undefined,
) {
  const revision =
    newRs &&
    ctx.store.get(
      ctx.types.replicasets,
      newRs.metadata.namespace,
      newRs.metadata.name!,
    )?.metadata.annotations?.[REVISION];
  const current = ctx.store.get(
    ctx.types.deployments,
    deployment.metadata.namespace,
    deployment.metadata.name!,
  );
  if (
    !revision ||
    !current ||
    current.metadata.annotations?.[REVISION] === revision
  ) {
    return;
  }
  ctx.update(ctx.types.deployments, {
    ...current,
    metadata: {
      ...current.metadata,
      annotations: { ...current.metadata.annotations, [REVISION]: revision },
    },
  });
}

function cleanUpOldReplicaSets(
  ctx: ControllerContext,
  deployment: KubeObject,
  oldRs: KubeObject[],
) {
  const limit = deployment.spec?.revisionHistoryLimit ?? 10;
  const idle = oldRs.filter(
    rs => (rs.spec?.replicas ?? 0) === 0 && (rs.status?.replicas ?? 0) === 0,
  );
  for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
    ctx.store.delete(
      ctx.types.replicasets,
      rs.metadata.namespace,
      rs.metadata.name!,
    );
  }
}

function updateDeploymentStatus(
  ctx: ControllerContext,
  deployment: KubeObject,
  newRs: KubeObject | undefined,
  desired: number,
) {
  const all = ctx.ownedBy(ctx.types.replicasets, deployment);
  const sum = (f: (rs: KubeObject) => number) =>
    all.reduce((n, rs) => n + f(rs), 0);
  const replicas = sum(rs => rs.status?.replicas ?? 0);
  const ready = sum(rs => rs.status?.readyReplicas ?? 0);
  const updated = newRs
    ? ctx.store.get(
        ctx.types.replicasets,
        newRs.metadata.namespace,
        newRs.metadata.name!,
      )?.status?.replicas ?? 0
    : 0;
  const maxUnavailable = resolveIntOrPercent(
    deployment.spec?.strategy?.rollingUpdate?.maxUnavailable,
    desired,
    false,
    '25%',
  );
  const complete =
    updated === desired && replicas === desired && ready === desired;
  const previous: any[] = deployment.status?.conditions ?? [];
  const condition = (
    type: string,
    status: string,
    reason: string,
    message: string,
  ) => {
    const before = previous.find(c => c.type === type);
    const now = new Date().toISOString();
    return {
      type,
      status,
      reason,
      message,
      lastUpdateTime:
        before?.status === status && before?.reason === reason
          ? before.lastUpdateTime
          : now,
      lastTransitionTime:
        before?.status === status ? before.lastTransitionTime : now,
    };
  };
  ctx.setStatus(ctx.types.deployments, deployment, {
    observedGeneration: deployment.metadata.generation,
    replicas,
    updatedReplicas: updated,
    readyReplicas: ready,
    availableReplicas: ready,
    unavailableReplicas: Math.max(0, desired - ready),
    conditions: [
      ready >= desired - maxUnavailable
        ? condition(
            'Available',
            'True',
            'MinimumReplicasAvailable',
            'Deployment has minimum availability.',
          )
        : condition(
            'Available',
            'False',
            'MinimumReplicasUnavailable',
            'Deployment does not have minimum availability.',
          ),
      complete
        ? condition(
            'Progressing',
            'True',
            'NewReplicaSetAvailable',
            `ReplicaSet "${newRs?.metadata.name}" has successfully progressed.`,
          )
        : condition(
            'Progressing',
            'True',
            'ReplicaSetUpdated',
            `ReplicaSet "${newRs?.metadata.name}" is progressing.`,
          ),
    ],
  });
}
