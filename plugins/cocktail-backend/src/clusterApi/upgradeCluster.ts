import { ConflictError } from '@backstage/errors';
import { ClusterPolicy } from '@cocktailcloud/plugin-cocktail-node';
import { describeRef } from '../lifecycle/ServerTarget';
import {
  CLUSTER_KIND,
  getPath,
  listNodePoolObjects,
  ManagementCluster,
  readControlPlane,
  refusePolicy,
  setPath,
  versionFor,
} from './clusterOperations';
import {
  requestFromCluster,
  withRequestAnnotation,
} from './clusterRequestAnnotation';
import { checkUpgradeStep } from './kubernetesVersions';

/**
 * Upgrades a cluster's Kubernetes version one step: its topology version, or its control
 * plane and then (a second call) its node pools; a dry run lists the changes.
 */
export async function upgradeCluster(
  management: ManagementCluster,
  policy: ClusterPolicy,
  { cluster, versions }: { cluster: any; versions: Record<string, string> },
  body: {
    version: string;
    stage: 'control-plane' | 'node-pools';
    dryRun: boolean;
  },
) {
  const { namespace, name } = cluster.metadata;
  const request = requestFromCluster(cluster);
  const policyRequest = {
    ...(request ?? { name, namespace }),
    kubernetesVersion: body.version,
  };
  const changes: Array<{
    object: string;
    path: string;
    from?: string;
    to: string;
  }> = [];
  const targets: Array<{ ref: any; patch: Record<string, unknown> }> = [];

  if (cluster.spec?.topology) {
    const current = cluster.spec.topology.version;
    checkUpgradeStep(current, body.version);
    refusePolicy(
      policy.check('upgrade', policyRequest as any, {
        kubernetesVersion: current,
      }),
    );
    changes.push({
      object: describeRef(cluster),
      path: 'spec.topology.version',
      from: current,
      to: body.version,
    });
    targets.push({
      ref: {
        apiVersion: cluster.apiVersion ?? versions[CLUSTER_KIND],
        kind: 'Cluster',
        namespace,
        name,
      },
      patch: { spec: { topology: { version: body.version } } },
    });
  } else {
    const plane = await readControlPlane(management, cluster, versions);
    const planeVersion = getPath(plane.object, plane.path);
    if (body.stage === 'control-plane') {
      checkUpgradeStep(planeVersion, body.version);
      refusePolicy(
        policy.check('upgrade', policyRequest as any, {
          kubernetesVersion: planeVersion,
        }),
      );
      changes.push({
        object: describeRef(plane.object),
        path: plane.path.join('.'),
        from: planeVersion,
        to: versionFor(plane.kind, body.version),
      });
      targets.push({
        ref: {
          apiVersion: plane.apiVersion,
          kind: plane.kind,
          namespace,
          name: plane.object.metadata.name,
        },
        patch: setPath(plane.path, versionFor(plane.kind, body.version)),
      });
    } else {
      if (planeVersion !== versionFor(plane.kind, body.version)) {
        throw new ConflictError(
          `the control plane runs ${planeVersion}; upgrade it to ${body.version} before the node pools`,
        );
      }
      for (const pool of await listNodePoolObjects(
        management,
        cluster,
        versions,
      )) {
        const current = pool.spec?.template?.spec?.version;
        if (current === versionFor(plane.kind, body.version)) {
          continue;
        }
        changes.push({
          object: describeRef(pool),
          path: 'spec.template.spec.version',
          from: current,
          to: versionFor(plane.kind, body.version),
        });
        targets.push({
          ref: {
            apiVersion: pool.apiVersion,
            kind: pool.kind,
            namespace,
            name: pool.metadata.name,
          },
          patch: {
            spec: {
              template: {
                spec: { version: versionFor(plane.kind, body.version) },
              },
            },
          },
        });
      }
    }
  }
  if (!body.dryRun) {
    for (const target of targets) {
      await management.ops.patch(target.ref, target.patch, 'merge');
    }
  }
  if (
    request &&
    !body.dryRun &&
    (cluster.spec?.topology || body.stage === 'node-pools')
  ) {
    await management.ops.patch(
      {
        apiVersion: cluster.apiVersion ?? versions[CLUSTER_KIND],
        kind: 'Cluster',
        namespace,
        name,
      },
      withRequestAnnotation(
        { metadata: {} },
        { ...request, kubernetesVersion: body.version },
      ),
      'merge',
    );
  }
  return {
    dryRun: body.dryRun,
    stage: cluster.spec?.topology ? 'topology' : body.stage,
    changes,
  };
}
