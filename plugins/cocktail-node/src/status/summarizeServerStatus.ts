import { ClusterCache } from '../cache/ClusterCache';
import { SlimObject } from '../cache/slimObject';
import { ClusterCacheState } from '../cache/WatchCache';
import { LABEL_SERVER } from '../rendering/labels';
import { PodStatus, ServerStatus } from '@cocktailcloud/plugin-cocktail-common';

const WORKLOAD_KINDS = [
  'Deployment',
  'StatefulSet',
  'DaemonSet',
  'Job',
  'CronJob',
];
const REVISION = 'deployment.kubernetes.io/revision';

function podStatus(
  pod: SlimObject,
  revisionByReplicaSet: Map<string, string>,
  now: number,
): PodStatus {
  const containers = pod.status?.containerStatuses ?? [];
  const owner = pod.metadata.ownerReferences?.find(r => r.controller);
  return {
    name: pod.metadata.name,
    phase: pod.status?.phase,
    ready: (pod.status?.conditions ?? []).some(
      (c: any) => c.type === 'Ready' && c.status === 'True',
    ),
    restarts: containers.reduce(
      (n: number, c: any) => n + (c.restartCount ?? 0),
      0,
    ),
    node: pod.spec?.nodeName,
    ageSeconds: pod.metadata.creationTimestamp
      ? Math.max(
          0,
          Math.round((now - Date.parse(pod.metadata.creationTimestamp)) / 1000),
        )
      : undefined,
    revision: owner ? revisionByReplicaSet.get(owner.uid) : undefined,
    containers: (pod.spec?.containers ?? []).map((c: any) => {
      const s = containers.find((x: any) => x.name === c.name);
      return {
        name: c.name,
        image: s?.image ?? c.image,
        imageID: s?.imageID,
        ready: s?.ready,
        state: s?.state,
        reason: s?.reason,
      };
    }),
  };
}

function replicasOf(workload: SlimObject, pods: PodStatus[]) {
  const status = workload.status ?? {};
  switch (workload.kind) {
    case 'DaemonSet':
      return {
        desired: status.desiredNumberScheduled ?? 0,
        current: status.currentNumberScheduled ?? 0,
        ready: status.numberReady ?? 0,
        updated: status.updatedNumberScheduled ?? 0,
        available: status.numberAvailable ?? 0,
      };
    case 'Job':
    case 'CronJob':
      return {
        desired: workload.spec?.parallelism ?? 1,
        current: pods.length,
        ready: pods.filter(p => p.ready).length,
        updated: pods.length,
        available: pods.filter(p => p.ready).length,
      };
    default:
      return {
        desired: workload.spec?.replicas ?? 1,
        current: status.replicas ?? 0,
        ready: status.readyReplicas ?? 0,
        updated: status.updatedReplicas ?? status.currentReplicas ?? 0,
        available: status.availableReplicas ?? 0,
      };
  }
}

function rolloutOf(
  workload: SlimObject,
  replicas: ServerStatus['replicas'],
  revision?: string,
): ServerStatus['rollout'] {
  if (
    workload.spec?.suspend ||
    (workload.kind !== 'DaemonSet' && workload.spec?.replicas === 0)
  ) {
    return { state: 'suspended', revision };
  }
  if (workload.kind === 'Job' || workload.kind === 'CronJob') {
    return { state: 'unknown', revision };
  }
  const observed =
    workload.status?.observedGeneration === undefined ||
    workload.status.observedGeneration >= (workload.metadata.generation ?? 0);
  const complete =
    observed &&
    replicas.updated === replicas.desired &&
    replicas.ready === replicas.desired &&
    replicas.current === replicas.desired;
  return complete
    ? { state: 'complete', revision }
    : {
        state: 'progressing',
        revision,
        message: `${replicas.updated} of ${replicas.desired} updated, ${replicas.ready} ready`,
      };
}

/**
 * A server's status from one cluster's cache; never calls Kubernetes.
 *
 * @public
 */
export function summarizeServerStatus(
  cache: ClusterCache,
  state: ClusterCacheState,
  target: { namespace: string; server: string },
  now = Date.now(),
): ServerStatus {
  const selector = { [LABEL_SERVER]: target.server };
  const workload = WORKLOAD_KINDS.flatMap(kind =>
    cache.find(kind, target.namespace, selector),
  )[0];
  const replicaSets = cache.find('ReplicaSet', target.namespace, selector);
  const revisionByReplicaSet = new Map(
    replicaSets.map(rs => [
      rs.metadata.uid,
      rs.metadata.annotations?.[REVISION] ?? '',
    ]),
  );
  const pods = cache
    .find('Pod', target.namespace, selector)
    .map(pod => podStatus(pod, revisionByReplicaSet, now))
    .sort((a, b) => a.name.localeCompare(b.name));
  const hpa = cache.find(
    'HorizontalPodAutoscaler',
    target.namespace,
    selector,
  )[0];
  const base = {
    cluster: state.cluster,
    namespace: target.namespace,
    server: target.server,
    stale: state.stale,
    staleForSeconds:
      state.stale && state.healthyAt
        ? Math.round((now - Date.parse(state.healthyAt)) / 1000)
        : undefined,
    error: state.error,
  };
  if (!workload) {
    return {
      ...base,
      found: false,
      replicas: { desired: 0, current: 0, ready: 0, updated: 0, available: 0 },
      rollout: { state: 'unknown' },
      conditions: [],
      images: [],
      pods,
      revisions: [],
      events: [],
    };
  }
  const replicas = replicasOf(workload, pods);
  const revision = workload.metadata.annotations?.[REVISION];
  const objects = [
    workload,
    ...replicaSets,
    ...cache.find('Pod', target.namespace, selector),
  ];
  const names = new Map(
    objects.map(o => [o.metadata.uid, `${o.kind}/${o.metadata.name}`]),
  );
  return {
    ...base,
    kind: workload.kind,
    found: true,
    replicas,
    rollout: rolloutOf(workload, replicas, revision),
    conditions: (workload.status?.conditions ?? []).map((c: any) => ({
      type: c.type,
      status: c.status,
      reason: c.reason,
      message: c.message,
    })),
    images: (workload.spec?.template?.spec?.containers ?? []).map((c: any) => ({
      container: c.name,
      image: c.image,
    })),
    pods,
    revisions: replicaSets
      .map(rs => ({
        revision: rs.metadata.annotations?.[REVISION] ?? '',
        replicaSet: rs.metadata.name,
        images: (rs.spec?.template?.spec?.containers ?? []).map(
          (c: any) => c.image,
        ),
        replicas: rs.spec?.replicas ?? 0,
        createdAt: rs.metadata.creationTimestamp,
      }))
      .sort((a, b) => Number(b.revision) - Number(a.revision)),
    autoscaling: hpa
      ? {
          minReplicas: hpa.spec?.minReplicas,
          maxReplicas: hpa.spec?.maxReplicas,
          currentReplicas: hpa.status?.currentReplicas,
          desiredReplicas: hpa.status?.desiredReplicas,
          cpuUtilization: hpa.status?.currentMetrics?.find(
            (m: any) => m.resource?.name === 'cpu',
          )?.resource?.current?.averageUtilization,
        }
      : undefined,
    events: cache
      .eventsFor([...names.keys()])
      .map(e => ({
        type: e.event?.type,
        reason: e.event?.reason,
        message: e.event?.message,
        count: e.event?.count,
        lastTimestamp: e.event?.lastTimestamp,
        object:
          names.get(e.event?.involvedObject.uid ?? '') ??
          `${e.event?.involvedObject.kind}/${e.event?.involvedObject.name}`,
      }))
      .sort((a, b) =>
        (b.lastTimestamp ?? '').localeCompare(a.lastTimestamp ?? ''),
      )
      .slice(0, 50),
  };
}
