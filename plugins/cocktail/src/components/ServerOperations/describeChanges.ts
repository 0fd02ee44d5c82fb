import {
  CocktailServerEntityV1alpha1,
  DeployResult,
  ServerStatus,
} from '@cocktailcloud/plugin-cocktail-common';
import { AutoscalingRequest } from '../../api';

/** "Deployment payments-api in namespace payments-prod on cluster prod". */
export function describeTarget(status: ServerStatus): string {
  return `${status.kind ?? 'workload'} ${status.server} in namespace ${
    status.namespace
  } on cluster ${status.cluster}`;
}

export function describeScale(
  status: ServerStatus,
  replicas: number,
): string[] {
  const lines = [
    `Replicas of ${describeTarget(status)}: ${
      status.replicas.desired
    } → ${replicas}.`,
  ];
  if (replicas === 0) {
    lines.push('Every pod stops; the server serves nothing until scaled up.');
  } else if (replicas < status.replicas.desired) {
    lines.push(`${status.replicas.desired - replicas} pod(s) will be stopped.`);
  } else if (replicas > status.replicas.desired) {
    lines.push(`${replicas - status.replicas.desired} pod(s) will be started.`);
  }
  return lines;
}

export function describeRollingUpdate(
  status: ServerStatus,
  images: Record<string, string>,
): string[] {
  const current = new Map(status.images.map(i => [i.container, i.image]));
  return [
    ...Object.entries(images).map(
      ([container, image]) =>
        `Container ${container}: ${
          current.get(container) ?? '(none)'
        } → ${image}.`,
    ),
    `Pods of ${describeTarget(
      status,
    )} are replaced one by one under its update strategy.`,
  ];
}

export function changedImages(
  status: ServerStatus,
  images: Record<string, string>,
): Record<string, string> {
  const current = new Map(status.images.map(i => [i.container, i.image]));
  return Object.fromEntries(
    Object.entries(images)
      .filter(
        ([container, image]) =>
          image.trim() && current.get(container) !== image.trim(),
      )
      .map(([container, image]) => [container, image.trim()]),
  );
}

export function describeRollback(
  status: ServerStatus,
  revision: string,
): string[] {
  const target = status.revisions.find(r => r.revision === revision);
  return [
    `${describeTarget(status)} goes back from revision ${
      status.rollout.revision ?? '?'
    } to revision ${revision}.`,
    ...(target
      ? [`Images at revision ${revision}: ${target.images.join(', ')}.`]
      : []),
    'The catalog spec is unchanged: the next deploy from the catalog undoes the rollback.',
  ];
}

export function describeAutoscaling(
  status: ServerStatus,
  request: AutoscalingRequest,
): string[] {
  const now = status.autoscaling
    ? `${status.autoscaling.minReplicas ?? 1}–${
        status.autoscaling.maxReplicas
      } replicas`
    : 'off';
  if ('enabled' in request) {
    return [
      `Autoscaling of ${describeTarget(status)}: ${now} → off.`,
      `The replica count stays at ${status.replicas.desired} until you scale it.`,
    ];
  }
  return [
    `Autoscaling of ${describeTarget(status)}: ${now} → ${
      request.minReplicas
    }–${request.maxReplicas} replicas${
      request.targetCPUUtilization
        ? ` at ${request.targetCPUUtilization}% CPU`
        : ''
    }.`,
  ];
}

export function describeRestart(status: ServerStatus): string[] {
  return [
    `Every pod of ${describeTarget(status)} is replaced (${
      status.replicas.desired
    } now), one by one under its update strategy.`,
  ];
}

export function describeSuspend(status: ServerStatus): string[] {
  if (status.kind === 'CronJob') {
    return [
      `${describeTarget(
        status,
      )} is suspended: no new runs start until it is resumed.`,
    ];
  }
  if (status.kind === 'Job') {
    return [
      `${describeTarget(
        status,
      )} is suspended: its running pods stop until it is resumed.`,
    ];
  }
  return [
    `${describeTarget(status)} is scaled from ${
      status.replicas.desired
    } to 0 replicas; the count is remembered for resume.`,
  ];
}

export function describeResume(status: ServerStatus): string[] {
  if (status.kind === 'CronJob' || status.kind === 'Job') {
    return [
      `${describeTarget(status)} is resumed: ${
        status.kind === 'CronJob'
          ? 'runs start again on its schedule'
          : 'its pods start again'
      }.`,
    ];
  }
  return [
    `${describeTarget(
      status,
    )} is scaled back to the replicas it had before it was suspended.`,
  ];
}

/** Deploy's dry run as sentences: what is created, changed, pruned. */
export function describeDeployPlan(plan: DeployResult): string[] {
  const lines = plan.changes
    .filter(c => c.action !== 'unchanged')
    .map(c => {
      if (c.action === 'create') {
        return `Create ${c.object}.`;
      }
      if (c.action === 'prune') {
        return `Delete ${c.object}: the catalog no longer names it.`;
      }
      return `Update ${c.object}: ${c.changes
        .map(
          f => `${f.path} ${JSON.stringify(f.from)} → ${JSON.stringify(f.to)}`,
        )
        .join('; ')}.`;
    });
  return lines.length
    ? lines
    : ['Nothing to change: the cluster already matches the catalog spec.'];
}

/** Why an operation cannot run on this server now, or undefined when it can. */
export function unavailableReason(
  operation: string,
  server: CocktailServerEntityV1alpha1,
  status: ServerStatus | undefined,
): string | undefined {
  const type = server.spec.type;
  if (operation === 'deploy') {
    return undefined;
  }
  if (!status) {
    return 'Waiting for the live status';
  }
  if (!status.found) {
    return 'The server is not deployed; deploy it first';
  }
  const replicated = type === 'Deployment' || type === 'StatefulSet';
  switch (operation) {
    case 'scale':
      if (!replicated) return `A ${type} has no replica count`;
      if (status.autoscaling)
        return 'Autoscaling sets the replica count; change its bounds or turn it off first';
      return undefined;
    case 'autoscaling':
      return replicated ? undefined : `A ${type} cannot be autoscaled`;
    case 'rollback':
      if (type !== 'Deployment') return 'Rollback is available for Deployments';
      return status.revisions.length > 1
        ? undefined
        : 'There is no earlier revision to go back to';
    case 'suspend':
      if (type === 'CronJob' || type === 'Job')
        return status.rollout.state === 'suspended'
          ? 'Already suspended'
          : undefined;
      if (!replicated) return `A ${type} cannot be suspended`;
      if (status.autoscaling) return 'Turn autoscaling off before suspending';
      return status.replicas.desired === 0 ? 'Already suspended' : undefined;
    case 'resume':
      return status.rollout.state === 'suspended' ||
        status.replicas.desired === 0
        ? undefined
        : 'The server is not suspended';
    case 'restart':
      if (type === 'CronJob')
        return 'A CronJob cannot be restarted; each scheduled run starts new pods';
      return type === 'Job'
        ? 'A Job cannot be restarted or updated in place'
        : undefined;
    case 'rolling-update':
      return type === 'Job'
        ? 'A Job cannot be restarted or updated in place'
        : undefined;
    default:
      return undefined;
  }
}
