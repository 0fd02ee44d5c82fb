import { createHash } from 'node:crypto';
import { KubeObject, ResourceType } from '../api/types';
import { ControllerContext, randomSuffix } from './ControllerContext';

/** Creates a pod from a workload's template, owned by that workload. */
export function createPodFromTemplate(
  ctx: ControllerContext,
  owner: KubeObject,
  ownerType: ResourceType,
  template: any,
  options: {
    name?: string;
    labels?: Record<string, string>;
    nodeName?: string;
  } = {},
): KubeObject {
  const pod = ctx.store.create(ctx.types.pods, {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: options.name ?? `${owner.metadata.name}-${randomSuffix()}`,
      namespace: owner.metadata.namespace,
      labels: { ...template?.metadata?.labels, ...options.labels },
      annotations: template?.metadata?.annotations,
      ownerReferences: [ctx.ownerReference(owner, ownerType)],
    },
    spec: {
      ...template?.spec,
      nodeName: options.nodeName ?? template?.spec?.nodeName,
    },
    status: {
      phase: 'Pending',
      conditions: [{ type: 'PodScheduled', status: 'False' }],
    },
  });
  ctx.emitEvent(
    owner,
    ownerType,
    'SuccessfulCreate',
    `Created pod: ${pod.metadata.name}`,
  );
  return pod;
}

export function isPodReady(pod: KubeObject): boolean {
  return (
    !pod.metadata.deletionTimestamp &&
    pod.status?.phase === 'Running' &&
    (pod.status?.conditions ?? []).some(
      (c: any) => c.type === 'Ready' && c.status === 'True',
    )
  );
}

export function isPodActive(pod: KubeObject): boolean {
  return (
    !pod.metadata.deletionTimestamp &&
    pod.status?.phase !== 'Succeeded' &&
    pod.status?.phase !== 'Failed'
  );
}

/** The digest a simulated registry would give an image: the same for the same reference. */
export function imageDigest(image: string): string {
  return `sha256:${createHash('sha256').update(image).digest('hex')}`;
}

function repositoryOf(image: string): string {
  const withoutDigest = image.split('@')[0];
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.lastIndexOf(':');
  return colon > lastSlash ? withoutDigest.slice(0, colon) : withoutDigest;
}

export function runningPodStatus(pod: KubeObject, now: string) {
  return {
    ...pod.status,
    phase: 'Running',
    hostIP: '10.0.0.1',
    podIP: `10.244.${Math.floor(Math.random() * 250)}.${
      Math.floor(Math.random() * 250) + 2
    }`,
    startTime: pod.status?.startTime ?? now,
    conditions: ['PodScheduled', 'Initialized', 'ContainersReady', 'Ready'].map(
      type => ({
        type,
        status: 'True',
        lastTransitionTime: now,
      }),
    ),
    containerStatuses: (pod.spec?.containers ?? []).map((container: any) => ({
      name: container.name,
      image: container.image,
      imageID: `${repositoryOf(container.image)}@${imageDigest(
        container.image,
      )}`,
      ready: true,
      started: true,
      restartCount: 0,
      state: { running: { startedAt: now } },
    })),
  };
}

export function succeededPodStatus(pod: KubeObject, now: string) {
  return {
    ...pod.status,
    phase: 'Succeeded',
    conditions: (pod.status?.conditions ?? []).map((c: any) =>
      c.type === 'Ready' || c.type === 'ContainersReady'
        ? { ...c, status: 'False', reason: 'PodCompleted' }
        : c,
    ),
    containerStatuses: (pod.status?.containerStatuses ?? []).map((s: any) => ({
      ...s,
      ready: false,
      started: false,
      state: {
        terminated: {
          exitCode: 0,
          reason: 'Completed',
          startedAt: s.state?.running?.startedAt,
          finishedAt: now,
        },
      },
    })),
  };
}
