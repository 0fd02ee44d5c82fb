import { apiVersionOf } from '../../api/builtInResources';
import { KubeObject, ResourceType } from '../../api/types';
import { CLUSTER_API_GROUP } from '../../crds/clusterApiResources';
import { ControllerContext } from '../ControllerContext';
import { CLUSTER_NAME_LABEL, NodePool, typeOf } from './clusterApiObjects';
import type { SimulatedCluster } from '../../server/SimulatedCluster';
import { ClusterApiScope } from './ClusterApiScope';
import { kubeletVersionOf, removeNode } from './workloadNodes';

function poolLabels(pool: NodePool): Record<string, string> {
  if (pool.controlPlane) {
    return {
      'cluster.x-k8s.io/control-plane': '',
      'cluster.x-k8s.io/control-plane-name': pool.ownerName,
    };
  }
  return pool.ownerKind === 'MachinePool'
    ? { 'cluster.x-k8s.io/pool-name': pool.ownerName }
    : { 'cluster.x-k8s.io/deployment-name': pool.ownerName };
}

function machineFor(
  ctx: ControllerContext,
  type: ResourceType,
  cluster: KubeObject,
  pool: NodePool,
  node: KubeObject,
): KubeObject {
  const name = node.metadata.name!;
  const version = kubeletVersionOf(node);
  return {
    apiVersion: apiVersionOf(type),
    kind: 'Machine',
    metadata: {
      name,
      namespace: cluster.metadata.namespace,
      labels: {
        [CLUSTER_NAME_LABEL]: cluster.metadata.name!,
        ...poolLabels(pool),
      },
      ...(pool.owner && {
        ownerReferences: [
          ctx.ownerReference(pool.owner.object, pool.owner.type),
        ],
      }),
    },
    spec: {
      clusterName: cluster.metadata.name,
      version,
      bootstrap: { dataSecretName: `${name}-bootstrap` },
    },
    status: {
      phase: 'Running',
      nodeRef: { name },
      nodeInfo: { kubeletVersion: version },
      initialization: {
        infrastructureProvisioned: true,
        bootstrapDataSecretCreated: true,
      },
    },
  };
}

/**
 * Keeps one Machine per node of the workload cluster in the Cluster's namespace, labelled as
 * Cluster API labels them, so that `kubectl get machines` shows what runs.
 */
export function syncMachines(
  ctx: ControllerContext,
  cluster: KubeObject,
  byPool: Map<NodePool, KubeObject[]>,
) {
  const type = typeOf(ctx, CLUSTER_API_GROUP, 'Machine');
  if (!type) {
    return;
  }
  const existing = new Map(
    machinesOf(ctx, cluster).map(m => [m.metadata.name!, m]),
  );
  for (const [pool, nodes] of byPool) {
    for (const node of nodes) {
      const wanted = machineFor(ctx, type, cluster, pool, node);
      const current = existing.get(node.metadata.name!);
      existing.delete(node.metadata.name!);
      if (!current) {
        ctx.store.create(type, wanted);
      } else if (current.spec?.version !== wanted.spec.version) {
        ctx.update(type, {
          ...current,
          spec: { ...current.spec, version: wanted.spec.version },
          status: { ...current.status, nodeInfo: wanted.status.nodeInfo },
        });
      }
    }
  }
  for (const stale of existing.values()) {
    if (!stale.metadata.deletionTimestamp) {
      ctx.store.delete(type, stale.metadata.namespace, stale.metadata.name!);
    }
  }
}

export function machinesOf(
  ctx: ControllerContext,
  cluster: KubeObject,
): KubeObject[] {
  const type = typeOf(ctx, CLUSTER_API_GROUP, 'Machine');
  return type
    ? ctx.store
        .list(type, cluster.metadata.namespace)
        .filter(
          m =>
            m.metadata.labels?.[CLUSTER_NAME_LABEL] === cluster.metadata.name,
        )
    : [];
}

/** Deletes the Machines of a Cluster, as when the Cluster goes. */
export function deleteMachines(
  ctx: ControllerContext,
  namespace: string,
  clusterName: string,
) {
  const type = typeOf(ctx, CLUSTER_API_GROUP, 'Machine');
  if (!type) {
    return;
  }
  const cluster = { metadata: { name: clusterName, namespace } } as KubeObject;
  for (const machine of machinesOf(ctx, cluster)) {
    ctx.store.delete(type, namespace, machine.metadata.name!);
  }
}

/**
 * A Machine someone deleted takes its node (and the node's pods) with it; the next step adds a
 * new node to its pool, as a MachineSet or control plane replaces a deleted Machine.
 */
export function replaceDeletedMachine(
  scope: ClusterApiScope,
  workload: SimulatedCluster,
  machine: KubeObject,
) {
  const nodeName = machine.status?.nodeRef?.name;
  const nodes = workload.registry.find('', 'v1', 'nodes')!;
  const node = nodeName && workload.store.get(nodes, undefined, nodeName);
  if (!node) {
    return; // the node went first: the controller itself removed the Machine
  }
  removeNode(workload, node);
  const clusterName = machine.metadata.labels?.[CLUSTER_NAME_LABEL];
  const cluster = clusterName
    ? scope.ctx.store.get(
        scope.clusterType,
        machine.metadata.namespace,
        clusterName,
      )
    : undefined;
  if (!cluster) {
    return;
  }
  const owner = machine.metadata.ownerReferences?.[0];
  const ownerType =
    owner && typeOf(scope.ctx, owner.apiVersion.split('/')[0], owner.kind);
  const poolRemains =
    !owner ||
    (ownerType &&
      scope.ctx.store.get(ownerType, machine.metadata.namespace, owner.name));
  if (poolRemains) {
    scope.event(
      cluster,
      'MachineReplaced',
      `Machine ${machine.metadata.name} was deleted: its node ${nodeName} is gone and a new machine replaces it`,
    );
  } else {
    scope.event(
      cluster,
      'MachineDeleted',
      `Machine ${machine.metadata.name} was deleted with its pool ${
        owner!.kind
      }/${owner!.name}: its node ${nodeName} is gone`,
    );
  }
}
