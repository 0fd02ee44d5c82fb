import { KubeObject, ResourceType } from '../../api/types';
import { DEFAULT_KUBELET_VERSION } from '../../cluster/bootstrapCluster';
import {
  CLUSTER_API_GROUP,
  CONTROL_PLANE_GROUP,
  INFRASTRUCTURE_GROUP,
} from '../../crds/clusterApiResources';
import { ControllerContext } from '../ControllerContext';

export const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
export const CLUSTER_FINALIZER = 'cluster.cluster.x-k8s.io';
export const CLUSTER_API_GROUPS = new Set([
  CLUSTER_API_GROUP,
  CONTROL_PLANE_GROUP,
  INFRASTRUCTURE_GROUP,
]);

/** An object reference as v1beta2 writes it (`apiGroup`) or v1beta1 (`apiVersion`). */
export interface ObjectRef {
  apiGroup?: string;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
}

/** A group of simulated machines: the control plane, or one MachineDeployment or MachinePool. */
export interface NodePool {
  /** Written on the nodes as `cluster.x-k8s.io/owner-kind` and `owner-name`. */
  ownerKind: string;
  ownerName: string;
  controlPlane: boolean;
  replicas: number;
  version: string;
  /** The object that defines the pool, when there is one. */
  owner?: { type: ResourceType; object: KubeObject };
}

/**
 * A kind's last served version (the storage version of the CRDs kube-sim writes). Every version
 * of a kind shares one store, so any of them reads all objects.
 */
export function typeOf(
  ctx: ControllerContext,
  group: string,
  kind: string,
): ResourceType | undefined {
  return ctx.registry
    .all()
    .filter(t => t.group === group && t.kind === kind)
    .pop();
}

/** The type an object was stored as, for writing its status and naming it in events. */
export function typeOfObject(
  ctx: ControllerContext,
  object: KubeObject,
): ResourceType | undefined {
  return (
    ctx.registry.byKind(object.apiVersion, object.kind) ??
    typeOf(ctx, object.apiVersion.split('/')[0], object.kind)
  );
}

export function resolveRef(
  ctx: ControllerContext,
  ref: ObjectRef | undefined,
  namespace: string | undefined,
): { type: ResourceType; object: KubeObject } | undefined {
  const group = ref?.apiGroup ?? ref?.apiVersion?.split('/')[0];
  if (!ref?.kind || !ref.name || !group) {
    return undefined;
  }
  const type = typeOf(ctx, group, ref.kind);
  const object =
    type && ctx.store.get(type, ref.namespace ?? namespace, ref.name);
  return type && object ? { type, object } : undefined;
}

/** The Cluster a MachineDeployment, MachinePool or Machine belongs to. */
export function clusterNameOf(object: KubeObject): string | undefined {
  return (
    object.metadata.labels?.[CLUSTER_NAME_LABEL] ?? object.spec?.clusterName
  );
}

export function normalizeVersion(version: unknown): string | undefined {
  if (typeof version !== 'string' || !version) {
    return undefined;
  }
  return version.startsWith('v') ? version : `v${version}`;
}

/** The Kubernetes version a control plane asks for; GKE's is `spec.controlPlaneVersion`. */
export function controlPlaneVersion(
  controlPlane: KubeObject,
): string | undefined {
  return normalizeVersion(
    controlPlane.spec?.version ?? controlPlane.spec?.controlPlaneVersion,
  );
}

/** Managed control planes (EKS, AKS, GKE) run no machines of the cluster's own. */
function isManagedControlPlane(controlPlane: KubeObject): boolean {
  return controlPlane.kind.endsWith('ManagedControlPlane');
}

/** `spec.replicas` of a pool or control plane (or of a topology entry); 1 when absent. */
function replicasOf(spec: { replicas?: unknown } | undefined): number {
  const replicas = spec?.replicas;
  return typeof replicas === 'number' && replicas >= 0 ? replicas : 1;
}

function workerPools(
  ctx: ControllerContext,
  cluster: KubeObject,
  defaultVersion: string,
): NodePool[] {
  const pools: NodePool[] = [];
  const name = cluster.metadata.name!;
  for (const kind of ['MachineDeployment', 'MachinePool']) {
    const type = typeOf(ctx, CLUSTER_API_GROUP, kind);
    if (!type) {
      continue;
    }
    const owned = ctx.store
      .list(type, cluster.metadata.namespace)
      .filter(o => clusterNameOf(o) === name && !o.metadata.deletionTimestamp)
      .sort((a, b) => a.metadata.name!.localeCompare(b.metadata.name!));
    for (const object of owned) {
      pools.push({
        ownerKind: kind,
        ownerName: object.metadata.name!,
        controlPlane: false,
        replicas: replicasOf(object.spec),
        version:
          normalizeVersion(object.spec?.template?.spec?.version) ??
          defaultVersion,
        owner: { type, object },
      });
    }
  }
  const topologyWorkers = cluster.spec?.topology?.workers ?? {};
  for (const [field, kind] of [
    ['machineDeployments', 'MachineDeployment'],
    ['machinePools', 'MachinePool'],
  ]) {
    const entries: KubeObject['spec'][] = topologyWorkers[field] ?? [];
    for (const entry of entries) {
      pools.push({
        ownerKind: kind,
        ownerName: `${name}-${entry.name}`,
        controlPlane: false,
        replicas: replicasOf(entry),
        version: defaultVersion,
      });
    }
  }
  return pools;
}

/**
 * The machines a Cluster asks for: its control plane's replicas (from the control plane
 * object, or the topology), then each MachineDeployment and MachinePool labelled with its
 * name. A cluster always gets at least one node.
 */
export function desiredNodePools(
  ctx: ControllerContext,
  cluster: KubeObject,
): NodePool[] {
  const name = cluster.metadata.name!;
  const topology = cluster.spec?.topology;
  const controlPlane = resolveRef(
    ctx,
    cluster.spec?.controlPlaneRef,
    cluster.metadata.namespace,
  );
  const version =
    (controlPlane && controlPlaneVersion(controlPlane.object)) ??
    normalizeVersion(topology?.version) ??
    DEFAULT_KUBELET_VERSION;
  const controlPlanePool: NodePool = controlPlane
    ? {
        ownerKind: controlPlane.object.kind,
        ownerName: controlPlane.object.metadata.name!,
        controlPlane: true,
        replicas: isManagedControlPlane(controlPlane.object)
          ? 0
          : replicasOf(controlPlane.object.spec),
        version,
        owner: controlPlane,
      }
    : {
        ownerKind: 'ControlPlane',
        ownerName: `${name}-control-plane`,
        controlPlane: true,
        replicas: replicasOf(topology?.controlPlane),
        version,
      };
  const pools = [controlPlanePool, ...workerPools(ctx, cluster, version)];
  if (pools.every(pool => pool.replicas === 0)) {
    controlPlanePool.replicas = 1;
  }
  return pools;
}

/** The Clusters in a namespace whose control plane or infrastructure is this object. */
export function clustersReferencing(
  ctx: ControllerContext,
  clusterType: ResourceType,
  object: KubeObject,
): KubeObject[] {
  const refersToObject = (ref: ObjectRef | undefined) =>
    ref?.kind === object.kind && ref?.name === object.metadata.name;
  return ctx.store
    .list(clusterType, object.metadata.namespace)
    .filter(
      cluster =>
        refersToObject(cluster.spec?.controlPlaneRef) ||
        refersToObject(cluster.spec?.infrastructureRef),
    );
}

/** Whether a stored object speaks the v1beta2 contract (`initialization`, `upToDateReplicas`). */
export function isV1beta2(object: KubeObject): boolean {
  return object.apiVersion.endsWith('/v1beta2');
}
