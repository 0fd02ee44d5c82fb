import { ConflictError, InputError, NotAllowedError } from '@backstage/errors';
import {
  ClusterPolicy,
  ClusterPolicyPerson,
} from '@cocktailcloud/plugin-cocktail-node';
import { ClusterChangeResult } from '@cocktailcloud/plugin-cocktail-common';
import {
  CLUSTER_KIND,
  listNodePoolObjects,
  ManagementCluster,
} from './clusterOperations';
import { checkClusterPolicy } from './clusterPolicyCheck';
import { listMachines } from './readClusterOverview';
import {
  addonsUnavailableReason,
  listAddonChartProxies,
} from './clusterAddons';

function refName(ref: any): string | undefined {
  return ref?.kind && ref?.name ? `${ref.kind}/${ref.name}` : undefined;
}

/**
 * Deletes a Cluster: Cluster API then deletes its machines, node pools, control plane and
 * infrastructure, and the kubeconfig Secret. Refused while ServiceMaps of the catalog are bound
 * to it, unless a platform admin forces it; the person confirms by typing the cluster's name.
 */
export async function deleteCluster(
  management: ManagementCluster,
  policy: ClusterPolicy,
  { cluster, versions }: { cluster: any; versions: Record<string, string> },
  body: { confirm?: string; force: boolean; dryRun: boolean },
  context: { person?: ClusterPolicyPerson; boundServiceMaps: string[] },
): Promise<ClusterChangeResult> {
  const { namespace, name } = cluster.metadata;
  const bound = context.boundServiceMaps;
  const warnings: string[] = [];
  if (bound.length) {
    const list = bound.join(', ');
    if (!body.force) {
      throw new ConflictError(
        `${name} still has ${bound.length} ServiceMap${
          bound.length === 1 ? '' : 's'
        } bound to it (${list}); move or delete them first, or a platform admin can force the deletion`,
      );
    }
    if (!context.person?.platformAdmin) {
      throw new NotAllowedError(
        `force: only platform admins may delete a cluster that ServiceMaps are bound to (${list})`,
      );
    }
    warnings.push(
      `Forced: the ServiceMaps ${list} lose their cluster; their namespaces and servers go with it`,
    );
  }
  if (!body.dryRun && body.confirm !== name) {
    throw new InputError(
      `confirm: type the cluster's name, ${name}, to delete it${
        body.confirm ? ` (got "${body.confirm}")` : ''
      }`,
    );
  }
  const policyRules = checkClusterPolicy(policy, cluster, {
    action: 'delete',
    operation: 'delete',
    person: context.person,
    target: { cluster: name },
  });
  const [pools, machines, addonProxies] = await Promise.all([
    listNodePoolObjects(management, cluster, versions),
    listMachines(management, cluster, versions),
    addonsUnavailableReason(management).then(reason =>
      reason ? [] : listAddonChartProxies(management, cluster, versions),
    ),
  ]);
  const changes = [
    `Delete Cluster/${name} in ${namespace} on management cluster ${management.name}`,
    ...[
      refName(cluster.spec?.controlPlaneRef),
      refName(cluster.spec?.infrastructureRef),
    ]
      .filter(Boolean)
      .map(ref => `Cluster API deletes ${ref}`),
    ...pools.map(
      pool => `Cluster API deletes ${pool.kind}/${pool.metadata.name}`,
    ),
    `Cluster API deletes ${machines.length} machine${
      machines.length === 1 ? '' : 's'
    } and their infrastructure: ${
      machines.map(m => m.metadata.name).join(', ') || 'none'
    }`,
    `Cluster API deletes Secret/${name}-kubeconfig; the portal stops reaching the cluster`,
    ...addonProxies.map(
      proxy =>
        `Delete HelmChartProxy/${proxy.metadata.name}: its add-on goes with the cluster, and a later cluster of this name does not inherit it`,
    ),
  ];
  if (!body.dryRun) {
    await management.ops.delete({
      apiVersion: cluster.apiVersion ?? versions[CLUSTER_KIND],
      kind: 'Cluster',
      namespace,
      name,
    });
    for (const proxy of addonProxies) {
      await management.ops.delete({
        apiVersion: proxy.apiVersion,
        kind: 'HelmChartProxy',
        namespace,
        name: proxy.metadata.name,
      });
    }
  }
  return { dryRun: body.dryRun, changes, warnings, policyRules };
}
