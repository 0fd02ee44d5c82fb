import { createHash, randomBytes } from 'node:crypto';
import { apiVersionOf } from '../api/builtInResources';
import { ResourceRegistry } from '../api/ResourceRegistry';
import { KubeObject, OwnerReference, ResourceType } from '../api/types';
import { ObjectStore } from '../store/ObjectStore';

export interface ControllerSettings {
  /** How long a new pod takes to become Running and Ready. */
  podReadyDelayMs: number;
  /** How long a Job's pod runs before it succeeds. */
  jobPodDurationMs: number;
  /** How often the HPA controller and the CronJob controller look again. */
  syncPeriodMs: number;
  /**
   * How long a Cluster API Cluster takes from Pending to Provisioned; scaling and upgrade
   * steps take a sixth of it each.
   */
  clusterApiProvisionMs: number;
  /**
   * Cluster API stops making progress at this stage (infrastructure that never comes up),
   * until the setting is cleared; clusters already past it are not affected.
   */
  clusterApiStallAt?: 'Provisioning';
}

/** What controllers share: the store, the types they write, and small helpers. */
export class ControllerContext {
  readonly types: Record<
    | 'pods'
    | 'replicasets'
    | 'deployments'
    | 'statefulsets'
    | 'daemonsets'
    | 'jobs'
    | 'cronjobs'
    | 'hpas'
    | 'pvcs'
    | 'pvs'
    | 'events'
    | 'nodes'
    | 'namespaces'
    | 'services'
    | 'endpoints'
    | 'resourcequotas',
    ResourceType
  >;

  constructor(
    readonly store: ObjectStore,
    readonly registry: ResourceRegistry,
    readonly settings: ControllerSettings,
    /** How busy each pod is (its CPU use is scaled by), and whether it crashes. */
    readonly load: {
      factorFor(pod: KubeObject): number;
      restartIntervalFor(pod: KubeObject): number | undefined;
    },
  ) {
    const find = (group: string, version: string, plural: string) =>
      registry.find(group, version, plural)!;
    this.types = {
      pods: find('', 'v1', 'pods'),
      replicasets: find('apps', 'v1', 'replicasets'),
      deployments: find('apps', 'v1', 'deployments'),
      statefulsets: find('apps', 'v1', 'statefulsets'),
      daemonsets: find('apps', 'v1', 'daemonsets'),
      jobs: find('batch', 'v1', 'jobs'),
      cronjobs: find('batch', 'v1', 'cronjobs'),
      hpas: find('autoscaling', 'v2', 'horizontalpodautoscalers'),
      pvcs: find('', 'v1', 'persistentvolumeclaims'),
      pvs: find('', 'v1', 'persistentvolumes'),
      events: find('', 'v1', 'events'),
      nodes: find('', 'v1', 'nodes'),
      namespaces: find('', 'v1', 'namespaces'),
      services: find('', 'v1', 'services'),
      endpoints: find('', 'v1', 'endpoints'),
      resourcequotas: find('', 'v1', 'resourcequotas'),
    };
  }

  ownerReference(owner: KubeObject, type: ResourceType): OwnerReference {
    return {
      apiVersion: apiVersionOf(type),
      kind: type.kind,
      name: owner.metadata.name!,
      uid: owner.metadata.uid!,
      controller: true,
      blockOwnerDeletion: true,
    };
  }

  ownedBy(type: ResourceType, owner: KubeObject): KubeObject[] {
    return this.store
      .list(type, owner.metadata.namespace)
      .filter(o =>
        o.metadata.ownerReferences?.some(
          r => r.uid === owner.metadata.uid && r.controller,
        ),
      );
  }

  controllerOf(object: KubeObject): OwnerReference | undefined {
    return object.metadata.ownerReferences?.find(r => r.controller);
  }

  /** Writes a status only when it changed, so reconciling again converges without new events. */
  setStatus(
    type: ResourceType,
    object: KubeObject,
    status: Record<string, unknown>,
  ) {
    const current = this.store.get(
      type,
      object.metadata.namespace,
      object.metadata.name!,
    );
    if (!current || JSON.stringify(current.status) === JSON.stringify(status)) {
      return;
    }
    this.store.update(type, {
      ...current,
      status,
      metadata: { ...current.metadata, resourceVersion: undefined },
    });
  }

  update(type: ResourceType, object: KubeObject) {
    this.store.update(type, {
      ...object,
      metadata: { ...object.metadata, resourceVersion: undefined },
    });
  }

  /** Records a Kubernetes Event about an object, as controllers and the kubelet do. */
  emitEvent(
    involved: KubeObject,
    type: ResourceType,
    reason: string,
    message: string,
    eventType: 'Normal' | 'Warning' = 'Normal',
  ) {
    const now = new Date().toISOString();
    const namespace = involved.metadata.namespace ?? 'default';
    if (!this.store.get(this.types.namespaces, undefined, namespace)) {
      return;
    }
    this.store.create(this.types.events, {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${involved.metadata.name}.${randomBytes(8).toString('hex')}`,
        namespace,
      },
      involvedObject: {
        apiVersion: apiVersionOf(type),
        kind: type.kind,
        name: involved.metadata.name,
        namespace: involved.metadata.namespace,
        uid: involved.metadata.uid,
        resourceVersion: involved.metadata.resourceVersion,
      },
      reason,
      message,
      type: eventType,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: 'kube-sim' },
      reportingComponent: 'kube-sim',
    });
  }
}

/** A short stable hash, as Kubernetes names ReplicaSets by their pod template. */
export function shortHash(value: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(value))
    .digest('hex')
    .slice(0, 10);
}

export function randomSuffix(): string {
  return randomBytes(3).toString('hex').slice(0, 5);
}

/** Resolves an int-or-percent against a total, rounding up or down as Kubernetes does. */
export function resolveIntOrPercent(
  value: unknown,
  total: number,
  roundUp: boolean,
  fallback: string,
): number {
  const text = String(value ?? fallback);
  if (text.endsWith('%')) {
    const exact = (Number(text.slice(0, -1)) / 100) * total;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  }
  return Number(text);
}
