import { SharedValues } from './SharedValues';

/**
 * The fields of a Kubernetes object the suite shows, and nothing else: a cached pod keeps its
 * phase, readiness, restarts, node and images, not its whole spec. This is what keeps the
 * cache small (measured in test/bench).
 *
 * @public
 */
export interface SlimObject {
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    uid: string;
    resourceVersion?: string;
    generation?: number;
    creationTimestamp?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    ownerReferences?: Array<{
      kind: string;
      name: string;
      uid: string;
      controller?: boolean;
    }>;
  };
  spec?: Record<string, any>;
  status?: Record<string, any>;
  /** Events only. */
  event?: {
    type?: string;
    reason?: string;
    message?: string;
    count?: number;
    lastTimestamp?: string;
    involvedObject: {
      kind?: string;
      name?: string;
      namespace?: string;
      uid?: string;
    };
  };
}

const KEPT_ANNOTATIONS = [
  'deployment.kubernetes.io/revision',
  'cocktailcloud.io/entity-ref',
  'kubectl.kubernetes.io/restartedAt',
];

function pick<T extends Record<string, any>>(
  source: T | undefined,
  keys: string[],
): Record<string, any> | undefined {
  if (!source) {
    return undefined;
  }
  const result: Record<string, any> = {};
  for (const key of keys) {
    if (source[key] !== undefined) {
      result[key] = source[key];
    }
  }
  return result;
}

function containers(spec: any) {
  return (spec?.containers ?? []).map((c: any) => ({
    name: c.name,
    image: c.image,
    resources: c.resources,
  }));
}

function templateOf(spec: any) {
  const template = spec?.template ?? spec?.jobTemplate?.spec?.template;
  return template
    ? {
        metadata: { annotations: template.metadata?.annotations },
        spec: { containers: containers(template.spec) },
      }
    : undefined;
}

function slimSpec(
  kind: string,
  spec: any,
  shared: SharedValues,
): Record<string, any> | undefined {
  switch (kind) {
    case 'Pod':
      return {
        nodeName: shared.string(spec?.nodeName),
        containers: shared.value(containers(spec)),
      };
    case 'Deployment':
    case 'StatefulSet':
    case 'DaemonSet':
    case 'ReplicaSet':
    case 'Job':
      return {
        ...pick(spec, [
          'replicas',
          'paused',
          'suspend',
          'parallelism',
          'completions',
          'strategy',
          'updateStrategy',
          'selector',
        ]),
        template: shared.value(templateOf(spec)),
      };
    case 'CronJob':
      return {
        ...pick(spec, ['schedule', 'suspend', 'timeZone']),
        template: shared.value(templateOf(spec)),
      };
    case 'HorizontalPodAutoscaler':
      return pick(spec, [
        'minReplicas',
        'maxReplicas',
        'scaleTargetRef',
        'metrics',
      ]);
    case 'Service':
      return pick(spec, ['type', 'ports', 'clusterIP']);
    default:
      return undefined;
  }
}

function slimStatus(
  kind: string,
  status: any,
  shared: SharedValues,
): Record<string, any> | undefined {
  if (!status) {
    return undefined;
  }
  if (kind === 'Pod') {
    return {
      phase: shared.string(status.phase),
      podIP: status.podIP,
      startTime: status.startTime,
      conditions: shared.value(
        status.conditions?.map((c: any) => ({
          type: c.type,
          status: c.status,
        })),
      ),
      containerStatuses: shared.value(
        status.containerStatuses?.map((c: any) => ({
          name: c.name,
          ready: c.ready,
          restartCount: c.restartCount,
          image: c.image,
          imageID: c.imageID,
          state: c.state ? Object.keys(c.state)[0] : undefined,
          reason: c.state?.waiting?.reason ?? c.state?.terminated?.reason,
        })),
      ),
    };
  }
  return status;
}

/**
 * The slim copy of an object; values it repeats with other objects (label sets, container
 * specs, owner references, node and image names) come from `shared`, and are frozen.
 */
export function slimObject(
  kind: string,
  object: any,
  shared: SharedValues,
): SlimObject {
  const metadata = object.metadata ?? {};
  const annotations = pick(metadata.annotations, KEPT_ANNOTATIONS);
  const slim: SlimObject = {
    kind: shared.string(kind),
    metadata: {
      name: metadata.name,
      namespace: shared.string(metadata.namespace),
      uid: metadata.uid,
      resourceVersion: metadata.resourceVersion,
      generation: metadata.generation,
      creationTimestamp: metadata.creationTimestamp
        ? new Date(metadata.creationTimestamp).toISOString()
        : undefined,
      labels: shared.value(metadata.labels),
      annotations:
        annotations && Object.keys(annotations).length
          ? shared.value(annotations)
          : undefined,
      ownerReferences: shared.value(
        metadata.ownerReferences?.map((r: any) => ({
          kind: r.kind,
          name: r.name,
          uid: r.uid,
          controller: r.controller,
        })),
      ),
    },
  };
  if (kind === 'Event') {
    slim.event = {
      type: object.type,
      reason: object.reason,
      message: object.message,
      count: object.count,
      lastTimestamp:
        object.lastTimestamp ?? object.eventTime ?? metadata.creationTimestamp,
      involvedObject: {
        kind: object.involvedObject?.kind,
        name: object.involvedObject?.name,
        namespace: object.involvedObject?.namespace,
        uid: object.involvedObject?.uid,
      },
    };
    return slim;
  }
  slim.spec = slimSpec(kind, object.spec, shared);
  slim.status = slimStatus(kind, object.status, shared);
  return slim;
}
