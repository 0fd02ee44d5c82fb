import type * as k8s from '@kubernetes/client-node';
import { ClusterSummary } from './ClusterAccess';
import {
  describeRequestError,
  makeAbortableApiClient,
  runWithDeadline,
} from '@cocktailcloud/plugin-cocktail-node';

/** A cluster's version and nodes, asked live; an unreachable cluster is reported, not thrown. */
export async function describeCluster(
  cluster: ClusterSummary,
  config: k8s.KubeConfig,
  client: typeof k8s,
  timeoutMs = 5_000,
) {
  try {
    const [version, nodes] = await Promise.all([
      runWithDeadline(timeoutMs, () =>
        makeAbortableApiClient(client, config, client.VersionApi).getCode(),
      ),
      runWithDeadline(timeoutMs, () =>
        makeAbortableApiClient(client, config, client.CoreV1Api).listNode(),
      ),
    ]);
    return {
      ...cluster,
      health: 'reachable',
      version: version.gitVersion,
      nodes: nodes.items.map(node => ({
        name: node.metadata?.name,
        ready:
          node.status?.conditions?.find(c => c.type === 'Ready')?.status ===
          'True',
        kubeletVersion: node.status?.nodeInfo?.kubeletVersion,
        unschedulable: Boolean(node.spec?.unschedulable),
        capacity: node.status?.capacity,
        allocatable: node.status?.allocatable,
        roles: Object.keys(node.metadata?.labels ?? {})
          .filter(l => l.startsWith('node-role.kubernetes.io/'))
          .map(l => l.slice('node-role.kubernetes.io/'.length)),
      })),
    };
  } catch (error) {
    return {
      ...cluster,
      health: 'unreachable',
      error: `cluster ${cluster.name}: ${describeRequestError(error)}`,
    };
  }
}
