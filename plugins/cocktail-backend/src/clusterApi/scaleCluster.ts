import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ClusterPolicy,
  ClusterPolicyPerson,
  NodePoolRequest,
  renderNodePool,
  validateClusterRequest,
} from '@cocktailcloud/plugin-cocktail-node';
import { applyManifests } from '../lifecycle/applyManifests';
import { describeRef } from '../lifecycle/ServerTarget';
import {
  CLUSTER_KIND,
  listNodePoolObjects,
  ManagementCluster,
  refuseIssues,
  refusePolicy,
} from './clusterOperations';
import {
  requestFromCluster,
  withRequestAnnotation,
} from './clusterRequestAnnotation';

/** Sets a node pool's size, or adds a node pool rendered from the cluster's request. */
export async function scaleCluster(
  management: ManagementCluster,
  policy: ClusterPolicy,
  { cluster, versions }: { cluster: any; versions: Record<string, string> },
  body:
    | { nodePool: string; replicas: number; dryRun: boolean }
    | { addNodePool: NodePoolRequest; dryRun: boolean },
  person?: ClusterPolicyPerson,
) {
  const { namespace, name } = cluster.metadata;
  const request = requestFromCluster(cluster);
  if ('addNodePool' in body) {
    if (!request) {
      throw new ConflictError(
        `Cluster ${namespace}/${name} was not created by Cocktail, so its node pools cannot be rendered; add the pool to its manifests instead`,
      );
    }
    const next = {
      ...request,
      nodePools: [...request.nodePools, body.addNodePool],
    };
    const { request: checked, issues } = validateClusterRequest(
      next,
      management.providers,
    );
    refuseIssues(issues);
    refusePolicy(
      policy.check(
        'scale',
        checked!,
        {
          kubernetesVersion: request.kubernetesVersion,
          nodePools: request.nodePools,
        },
        {
          operation: 'add-node-pool',
          person,
          target: { nodePool: body.addNodePool.name },
        },
      ),
    );
    const manifests = renderNodePool(
      checked!,
      body.addNodePool,
      versions,
      management.providers,
    );
    const result = await applyManifests(management.ops, manifests, {
      dryRun: body.dryRun,
    });
    if (!body.dryRun) {
      await management.ops.patch(
        {
          apiVersion: cluster.apiVersion ?? versions[CLUSTER_KIND],
          kind: 'Cluster',
          namespace,
          name,
        },
        withRequestAnnotation({ metadata: {} }, checked!),
        'merge',
      );
    }
    return result;
  }
  const pools = await listNodePoolObjects(management, cluster, versions);
  const pool = pools.find(
    p =>
      p.metadata.name === body.nodePool ||
      p.metadata.name === `${name}-${body.nodePool}`,
  );
  if (!pool) {
    throw new NotFoundError(
      `nodePool: ${name} has no node pool ${body.nodePool}; it has ${
        pools.map(p => p.metadata.name).join(', ') || 'none'
      }`,
    );
  }
  if (request) {
    const nodePools = request.nodePools.map(p =>
      pool.metadata.name.endsWith(p.name)
        ? { ...p, replicas: body.replicas }
        : p,
    );
    refusePolicy(
      policy.check(
        'scale',
        { ...request, nodePools },
        {
          kubernetesVersion: request.kubernetesVersion,
          nodePools: request.nodePools,
        },
        {
          operation: 'scale-node-pool',
          person,
          target: { nodePool: pool.metadata.name },
        },
      ),
    );
  }
  const change = {
    object: describeRef(pool),
    path: 'spec.replicas',
    from: pool.spec?.replicas,
    to: body.replicas,
  };
  if (!body.dryRun) {
    await management.ops.patch(
      {
        apiVersion: pool.apiVersion,
        kind: pool.kind,
        namespace,
        name: pool.metadata.name,
      },
      { spec: { replicas: body.replicas } },
      'merge',
    );
  }
  return { dryRun: body.dryRun, changes: [change] };
}
