import { KubeObject } from '../../api/types';
import { simulatedNode } from '../../cluster/bootstrapCluster';
import type { SimulatedCluster } from '../../server/SimulatedCluster';
import { randomSuffix } from '../ControllerContext';
import { CLUSTER_NAME_LABEL, NodePool } from './clusterApiObjects';
import { ReplicaCounts } from './clusterApiStatus';

// The annotations Cluster API writes on the nodes of a workload cluster.
export const OWNER_KIND_ANNOTATION = 'cluster.x-k8s.io/owner-kind';
export const OWNER_NAME_ANNOTATION = 'cluster.x-k8s.io/owner-name';
const CLUSTER_NAMESPACE_ANNOTATION = 'cluster.x-k8s.io/cluster-namespace';
const MACHINE_ANNOTATION = 'cluster.x-k8s.io/machine';

/** What one step did to one pool, for events. */
export interface PoolChange {
  pool: NodePool;
  added: number;
  removed: number;
  upgraded: number;
}

export function kubeletVersionOf(node: KubeObject): string | undefined {
  return node.status?.nodeInfo?.kubeletVersion;
}

function belongsTo(node: KubeObject, pool: NodePool): boolean {
  const annotations = node.metadata.annotations ?? {};
  return (
    annotations[OWNER_KIND_ANNOTATION] === pool.ownerKind &&
    annotations[OWNER_NAME_ANNOTATION] === pool.ownerName
  );
}

function nodesType(workload: SimulatedCluster) {
  return workload.registry.find('', 'v1', 'nodes')!;
}

/** The workload cluster's nodes by pool, and those whose pool is gone. */
export function nodesByPool(
  workload: SimulatedCluster,
  pools: NodePool[],
): { byPool: Map<NodePool, KubeObject[]>; orphans: KubeObject[] } {
  const nodes = workload.store.list(nodesType(workload));
  const byPool = new Map(
    pools.map(pool => [pool, nodes.filter(node => belongsTo(node, pool))]),
  );
  const orphans = nodes.filter(
    node =>
      node.metadata.annotations?.[OWNER_KIND_ANNOTATION] &&
      !pools.some(pool => belongsTo(node, pool)),
  );
  return { byPool, orphans };
}

export function countsOf(pool: NodePool, nodes: KubeObject[]): ReplicaCounts {
  return {
    desired: pool.replicas,
    current: nodes.length,
    upToDate: nodes.filter(n => kubeletVersionOf(n) === pool.version).length,
  };
}

export function sumCounts(counts: ReplicaCounts[]): ReplicaCounts {
  return counts.reduce(
    (sum, c) => ({
      desired: sum.desired + c.desired,
      current: sum.current + c.current,
      upToDate: sum.upToDate + c.upToDate,
    }),
    { desired: 0, current: 0, upToDate: 0 },
  );
}

/** Whether the nodes already match the pools: counts, versions, and no nodes left over. */
export function nodesConverged(
  workload: SimulatedCluster,
  pools: NodePool[],
): boolean {
  const { byPool, orphans } = nodesByPool(workload, pools);
  return (
    orphans.length === 0 &&
    pools.every(pool => {
      const counts = countsOf(pool, byPool.get(pool)!);
      return (
        counts.current === pool.replicas && counts.upToDate === counts.current
      );
    })
  );
}

/**
 * Moves the workload cluster's nodes one step toward the pools: adds every missing node,
 * removes every extra one (outdated ones first, with their pods), and upgrades the kubelet of
 * one outdated node per pool, as a rolling upgrade replaces one machine at a time.
 */
export function stepNodes(
  workload: SimulatedCluster,
  cluster: KubeObject,
  pools: NodePool[],
  nextIndex: () => number,
): PoolChange[] {
  const type = nodesType(workload);
  const { byPool, orphans } = nodesByPool(workload, pools);
  orphans.forEach(node => removeNode(workload, node));
  const changes: PoolChange[] = [];
  for (const pool of pools) {
    const nodes = byPool.get(pool)!;
    const change: PoolChange = { pool, added: 0, removed: 0, upgraded: 0 };
    for (let i = nodes.length; i < pool.replicas; i++) {
      workload.store.create(type, poolNode(cluster, pool, nextIndex()));
      change.added++;
    }
    const outdatedFirst = [...nodes].sort(
      (a, b) =>
        Number(kubeletVersionOf(a) === pool.version) -
        Number(kubeletVersionOf(b) === pool.version),
    );
    const kept = outdatedFirst.slice(0, Math.max(0, pool.replicas));
    for (const node of outdatedFirst.slice(kept.length)) {
      removeNode(workload, node);
      change.removed++;
    }
    const outdated = kept.find(node => kubeletVersionOf(node) !== pool.version);
    if (outdated) {
      workload.store.update(type, {
        ...outdated,
        metadata: { ...outdated.metadata, resourceVersion: undefined },
        status: {
          ...outdated.status,
          nodeInfo: {
            ...outdated.status?.nodeInfo,
            kubeletVersion: pool.version,
            kubeProxyVersion: pool.version,
          },
        },
      });
      change.upgraded++;
    }
    if (change.added || change.removed || change.upgraded) {
      changes.push(change);
    }
  }
  return changes;
}

function poolNode(
  cluster: KubeObject,
  pool: NodePool,
  index: number,
): KubeObject {
  const name = `${pool.ownerName}-${randomSuffix()}`;
  return simulatedNode(name, index, {
    kubeletVersion: pool.version,
    controlPlane: pool.controlPlane,
    annotations: {
      [CLUSTER_NAME_LABEL]: cluster.metadata.name!,
      [CLUSTER_NAMESPACE_ANNOTATION]: cluster.metadata.namespace!,
      [MACHINE_ANNOTATION]: name,
      [OWNER_KIND_ANNOTATION]: pool.ownerKind,
      [OWNER_NAME_ANNOTATION]: pool.ownerName,
    },
  });
}

/** A removed machine takes its pods along; their controllers start them elsewhere. */
export function removeNode(workload: SimulatedCluster, node: KubeObject) {
  const pods = workload.registry.find('', 'v1', 'pods')!;
  for (const pod of workload.store.list(pods)) {
    if (pod.spec?.nodeName === node.metadata.name) {
      workload.store.delete(pods, pod.metadata.namespace, pod.metadata.name!);
    }
  }
  workload.store.delete(nodesType(workload), undefined, node.metadata.name!);
}
