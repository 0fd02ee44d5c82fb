import {
  ClusterApiVersions,
  CONTROL_PLANE_VERSION_FIELD,
} from '@cocktailcloud/plugin-cocktail-node';
import { ClusterProvisioningStatus } from '@cocktailcloud/plugin-cocktail-common';
import { KubernetesOperations } from '../lifecycle/KubernetesOperations';

const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';

/** Reads a Cluster's phase and conditions, its control plane's version and its node pools. */
export async function readClusterStatus(
  ops: KubernetesOperations,
  cluster: any,
  versions: ClusterApiVersions,
): Promise<ClusterProvisioningStatus> {
  const { name, namespace } = cluster.metadata;
  const planeRef = cluster.spec?.controlPlaneRef;
  const planeGroup = planeRef?.apiGroup ?? planeRef?.apiVersion?.split('/')[0];
  const [plane, secret, ...poolLists] = await Promise.all([
    planeRef
      ? ops.read({
          apiVersion:
            versions[`${planeGroup}/${planeRef.kind}`] ?? planeRef.apiVersion,
          kind: planeRef.kind,
          namespace,
          name: planeRef.name,
        })
      : Promise.resolve(undefined),
    ops.read({
      apiVersion: 'v1',
      kind: 'Secret',
      namespace,
      name: `${name}-kubeconfig`,
    }),
    ...['MachineDeployment', 'MachinePool']
      .filter(kind => versions[`cluster.x-k8s.io/${kind}`])
      .map(kind =>
        ops.list(
          versions[`cluster.x-k8s.io/${kind}`],
          kind,
          namespace,
          `${CLUSTER_NAME_LABEL}=${name}`,
        ),
      ),
  ]);
  const versionPath = planeRef
    ? CONTROL_PLANE_VERSION_FIELD[planeRef.kind]
    : undefined;
  return {
    name,
    namespace,
    phase: cluster.status?.phase ?? 'Pending',
    conditions: (cluster.status?.conditions ?? []).map((c: any) => ({
      type: c.type,
      status: c.status,
      reason: c.reason,
      message: c.message,
    })),
    controlPlane: planeRef
      ? {
          kind: planeRef.kind,
          name: planeRef.name,
          version:
            plane && versionPath
              ? versionPath.reduce((v: any, k) => v?.[k], plane)
              : cluster.spec?.topology?.version,
        }
      : undefined,
    nodePools: (poolLists as any[][]).flat().map(pool => ({
      name: pool.metadata.name,
      kind: pool.kind,
      replicas: pool.spec?.replicas,
      readyReplicas: pool.status?.readyReplicas,
      version: pool.spec?.template?.spec?.version,
    })),
    // Only whether it exists: the kubeconfig itself never leaves the backend.
    kubeconfigSecret: Boolean(secret),
  };
}
