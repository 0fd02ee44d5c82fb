import {
  ClusterApiOverview,
  ClusterEventView,
  ClusterMachineView,
} from '@cocktailcloud/plugin-cocktail-common';
import { ClusterApiVersions } from '@cocktailcloud/plugin-cocktail-node';
import { ManagementCluster } from './clusterOperations';
import { requestFromCluster } from './clusterRequestAnnotation';
import { readClusterStatus } from './readClusterStatus';

const CLUSTER_NAME_LABEL = 'cluster.x-k8s.io/cluster-name';
const RECENT_EVENTS = 25;

/** A Cluster's Machines on the management cluster. */
export async function listMachines(
  management: ManagementCluster,
  cluster: any,
  versions: ClusterApiVersions,
): Promise<any[]> {
  const apiVersion = versions['cluster.x-k8s.io/Machine'];
  if (!apiVersion) {
    return [];
  }
  return management.ops.list(
    apiVersion,
    'Machine',
    cluster.metadata.namespace,
    `${CLUSTER_NAME_LABEL}=${cluster.metadata.name}`,
  );
}

/** The pool a Machine belongs to, from the labels Cluster API puts on it. */
export function poolOfMachine(machine: any): {
  pool?: string;
  controlPlane: boolean;
} {
  const labels = machine.metadata?.labels ?? {};
  if ('cluster.x-k8s.io/control-plane' in labels) {
    return {
      pool: labels['cluster.x-k8s.io/control-plane-name'],
      controlPlane: true,
    };
  }
  return {
    pool:
      labels['cluster.x-k8s.io/deployment-name'] ??
      labels['cluster.x-k8s.io/pool-name'],
    controlPlane: false,
  };
}

function machineView(machine: any): ClusterMachineView {
  return {
    name: machine.metadata.name,
    ...poolOfMachine(machine),
    nodeName: machine.status?.nodeRef?.name,
    phase: machine.status?.phase,
    version: machine.spec?.version ?? machine.status?.nodeInfo?.kubeletVersion,
  };
}

async function recentEvents(
  management: ManagementCluster,
  namespace: string,
  objectNames: Set<string>,
): Promise<ClusterEventView[]> {
  const events = await management.ops.list('v1', 'Event', namespace, '');
  return events
    .filter(e => objectNames.has(e.involvedObject?.name))
    .map(e => ({
      type: e.type ?? 'Normal',
      reason: e.reason ?? '',
      message: e.message ?? '',
      object: `${e.involvedObject?.kind}/${e.involvedObject?.name}`,
      lastSeen: e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp,
      count: e.count,
    }))
    .sort((a, b) =>
      String(b.lastSeen ?? '').localeCompare(String(a.lastSeen ?? '')),
    )
    .slice(0, RECENT_EVENTS);
}

/**
 * What the cluster page shows of a Cluster API cluster: phase and conditions, control plane and
 * node pools (machine type and autoscaling from the request it was created from), its Machines
 * and their nodes, and recent events on these objects.
 */
export async function readClusterOverview(
  management: ManagementCluster,
  { cluster, versions }: { cluster: any; versions: ClusterApiVersions },
  boundServiceMaps: string[],
): Promise<ClusterApiOverview> {
  const { name, namespace } = cluster.metadata;
  const [status, machines] = await Promise.all([
    readClusterStatus(management.ops, cluster, versions),
    listMachines(management, cluster, versions),
  ]);
  const request = requestFromCluster(cluster);
  const requested = (poolName: string) =>
    request?.nodePools.find(
      p => poolName === `${name}-${p.name}` || poolName === p.name,
    );
  const plane = status.controlPlane
    ? await management.ops.read({
        apiVersion:
          versions[
            `controlplane.cluster.x-k8s.io/${status.controlPlane.kind}`
          ] ?? cluster.spec?.controlPlaneRef?.apiVersion,
        kind: status.controlPlane.kind,
        namespace,
        name: status.controlPlane.name,
      })
    : undefined;
  const events = await recentEvents(
    management,
    namespace,
    new Set([
      name,
      ...(status.controlPlane ? [status.controlPlane.name] : []),
      ...status.nodePools.map(p => p.name),
      ...machines.map(m => m.metadata.name),
    ]),
  );
  return {
    name,
    namespace,
    managementCluster: management.name,
    phase: status.phase,
    conditions: status.conditions,
    version: status.controlPlane?.version ?? cluster.spec?.topology?.version,
    controlPlane: status.controlPlane && {
      ...status.controlPlane,
      replicas: plane?.spec?.replicas,
      readyReplicas: plane?.status?.readyReplicas,
    },
    nodePools: status.nodePools.map(pool => {
      const fromRequest = requested(pool.name);
      return {
        ...pool,
        machineType: fromRequest?.machineType,
        autoscaling: fromRequest?.autoscaling && {
          minReplicas: fromRequest.autoscaling.minReplicas,
          maxReplicas: fromRequest.autoscaling.maxReplicas,
        },
      };
    }),
    machines: machines
      .map(machineView)
      .sort((a, b) => a.name.localeCompare(b.name)),
    events,
    boundServiceMaps,
    createdByCocktail: Boolean(request),
  };
}
