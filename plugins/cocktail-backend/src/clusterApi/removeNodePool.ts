import { ConflictError, NotFoundError } from '@backstage/errors';
import {
  ClusterPolicy,
  ClusterPolicyPerson,
} from '@cocktailcloud/plugin-cocktail-node';
import { ClusterChangeResult } from '@cocktailcloud/plugin-cocktail-common';
import { describeRef } from '../lifecycle/ServerTarget';
import {
  CLUSTER_KIND,
  listNodePoolObjects,
  ManagementCluster,
} from './clusterOperations';
import { checkClusterPolicy } from './clusterPolicyCheck';
import {
  requestFromCluster,
  withRequestAnnotation,
} from './clusterRequestAnnotation';

/** The templates a pool's objects reference, which go with it. */
function templatesOf(pool: any): Array<{
  kind: string;
  name: string;
  apiVersion?: string;
  apiGroup?: string;
}> {
  const spec = pool.spec?.template?.spec ?? {};
  return [spec.infrastructureRef, spec.bootstrap?.configRef].filter(
    (ref: any) => ref?.kind && ref?.name && ref.kind.endsWith('Template'),
  );
}

/**
 * Removes a node pool: its MachineDeployment or MachinePool (Cluster API drains and deletes its
 * machines) and the templates only it used. The last worker pool of a cluster stays: a cluster
 * without workers runs nothing but its control plane.
 */
export async function removeNodePool(
  management: ManagementCluster,
  policy: ClusterPolicy,
  { cluster, versions }: { cluster: any; versions: Record<string, string> },
  body: { nodePool: string; dryRun: boolean },
  person?: ClusterPolicyPerson,
): Promise<ClusterChangeResult> {
  const { namespace, name } = cluster.metadata;
  if (cluster.spec?.topology) {
    throw new ConflictError(
      `nodePool: ${name} is a ClusterClass cluster, whose node pools are in its spec.topology.workers; change them there, or the topology controller recreates the pool`,
    );
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
  if (pools.length === 1) {
    throw new ConflictError(
      `nodePool: ${pool.metadata.name} is the last node pool of ${name}; add another pool before removing it, or delete the cluster`,
    );
  }
  const request = requestFromCluster(cluster);
  const isThisPool = (p: { name: string }) =>
    p.name === pool.metadata.name || `${name}-${p.name}` === pool.metadata.name;
  const remaining = request && {
    ...request,
    nodePools: request.nodePools.filter(p => !isThisPool(p)),
  };
  // Judged as the cluster will be: rules on the pools left apply.
  const policyRules = checkClusterPolicy(policy, cluster, {
    action: 'scale',
    operation: 'remove-node-pool',
    person,
    target: { nodePool: pool.metadata.name },
    after: remaining,
  });
  const sharedTemplates = new Set(
    pools
      .filter(p => p !== pool)
      .flatMap(templatesOf)
      .map(ref => `${ref.kind}/${ref.name}`),
  );
  const templates = templatesOf(pool).filter(
    ref => !sharedTemplates.has(`${ref.kind}/${ref.name}`),
  );
  const replicas = pool.spec?.replicas ?? pool.status?.replicas ?? 0;
  const changes = [
    `Delete ${describeRef(
      pool,
    )}: Cluster API drains and deletes its ${replicas} machine${
      replicas === 1 ? '' : 's'
    }`,
    ...templates.map(
      ref => `Delete ${ref.kind}/${ref.name}, which only this pool uses`,
    ),
  ];
  if (request) {
    changes.push(
      `Remove pool ${body.nodePool} from the request kept on Cluster/${name}`,
    );
  }
  const warnings: string[] = [];
  if (!body.dryRun) {
    await management.ops.delete({
      apiVersion: pool.apiVersion,
      kind: pool.kind,
      namespace,
      name: pool.metadata.name,
    });
    for (const ref of templates) {
      const group = ref.apiGroup ?? ref.apiVersion?.split('/')[0];
      const apiVersion = versions[`${group}/${ref.kind}`] ?? ref.apiVersion;
      if (apiVersion) {
        // The pool is gone either way; a template left behind is said, not fatal.
        await management.ops
          .delete({ apiVersion, kind: ref.kind, namespace, name: ref.name })
          .catch(error => {
            if (!(error instanceof NotFoundError)) {
              warnings.push(
                `${ref.kind}/${ref.name} was not deleted (${
                  (error as Error).message
                }); delete it by hand`,
              );
            }
          });
      }
    }
    if (request) {
      await management.ops.patch(
        {
          apiVersion: cluster.apiVersion ?? versions[CLUSTER_KIND],
          kind: 'Cluster',
          namespace,
          name,
        },
        withRequestAnnotation({ metadata: {} }, remaining!),
        'merge',
      );
    }
  }
  return { dryRun: body.dryRun, changes, warnings, policyRules };
}
