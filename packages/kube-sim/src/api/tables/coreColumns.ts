import { KubeObject } from '../types';
import {
  ageColumn,
  countColumn,
  formatLabels,
  nameColumn,
  TableColumn,
  textColumn,
} from './tableColumn';
import { ageOf } from './humanAge';

interface ContainerStatus {
  ready?: boolean;
  restartCount?: number;
  state?: Record<string, { reason?: string } | undefined>;
}

/** What kubectl shows in a pod's STATUS: Terminating, a container's reason, or the phase. */
function podStatus(pod: KubeObject): string {
  if (pod.metadata.deletionTimestamp) {
    return 'Terminating';
  }
  const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? [];
  for (const status of statuses) {
    const reason =
      status.state?.waiting?.reason ?? status.state?.terminated?.reason;
    if (reason) {
      return reason;
    }
  }
  return pod.status?.reason ?? pod.status?.phase ?? 'Unknown';
}

export const podColumns: TableColumn[] = [
  nameColumn,
  textColumn(
    'Ready',
    'The aggregate readiness state of this pod for accepting traffic.',
    pod => {
      const statuses: ContainerStatus[] = pod.status?.containerStatuses ?? [];
      const containers = pod.spec?.containers?.length ?? statuses.length;
      return `${statuses.filter(s => s.ready).length}/${containers}`;
    },
  ),
  textColumn(
    'Status',
    'The aggregate status of the containers in this pod.',
    podStatus,
  ),
  countColumn(
    'Restarts',
    'The number of times the containers in this pod have been restarted.',
    pod =>
      (pod.status?.containerStatuses ?? []).reduce(
        (sum: number, s: ContainerStatus) => sum + (s.restartCount ?? 0),
        0,
      ),
  ),
  ageColumn,
  textColumn(
    'IP',
    'The IP address assigned to the pod.',
    pod => pod.status?.podIP,
    1,
  ),
  textColumn(
    'Node',
    'The name of the node the pod is assigned to.',
    pod => pod.spec?.nodeName,
    1,
  ),
  textColumn(
    'Nominated Node',
    'The node the pod is nominated to.',
    pod => pod.status?.nominatedNodeName,
    1,
  ),
  textColumn(
    'Readiness Gates',
    'The readiness gates of the pod.',
    () => undefined,
    1,
  ),
];

function servicePorts(service: KubeObject): string | undefined {
  const ports: Array<{ port: number; nodePort?: number; protocol?: string }> =
    service.spec?.ports ?? [];
  return ports
    .map(
      p =>
        `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`,
    )
    .join(',');
}

export const serviceColumns: TableColumn[] = [
  nameColumn,
  textColumn(
    'Type',
    'The type of the service.',
    s => s.spec?.type ?? 'ClusterIP',
  ),
  textColumn(
    'Cluster-IP',
    'The IP address of the service.',
    s => s.spec?.clusterIP,
  ),
  textColumn('External-IP', 'The external IP addresses of the service.', s =>
    (s.status?.loadBalancer?.ingress ?? [])
      .map((i: { ip?: string; hostname?: string }) => i.ip ?? i.hostname)
      .join(','),
  ),
  textColumn('Port(s)', 'The ports of the service.', servicePorts),
  ageColumn,
  textColumn(
    'Selector',
    'The label selector of the service.',
    s => formatLabels(s.spec?.selector),
    1,
  ),
];

const dataCount = (object: KubeObject) =>
  Object.keys(object.data ?? {}).length +
  Object.keys(object.binaryData ?? {}).length;

export const configMapColumns: TableColumn[] = [
  nameColumn,
  countColumn('Data', 'Number of data keys.', dataCount),
  ageColumn,
];

export const secretColumns: TableColumn[] = [
  nameColumn,
  textColumn('Type', 'The type of the secret.', s => s.type ?? 'Opaque'),
  countColumn('Data', 'Number of data keys.', dataCount),
  ageColumn,
];

export const serviceAccountColumns: TableColumn[] = [
  nameColumn,
  countColumn(
    'Secrets',
    'Number of secrets of the service account.',
    sa => sa.secrets?.length,
  ),
  ageColumn,
];

export const namespaceColumns: TableColumn[] = [
  nameColumn,
  textColumn(
    'Status',
    'The status of the namespace.',
    ns => ns.status?.phase ?? 'Active',
  ),
  ageColumn,
];

export const nodeColumns: TableColumn[] = [
  nameColumn,
  textColumn('Status', 'The status of the node.', node => {
    const ready = (node.status?.conditions ?? []).find(
      (c: { type: string }) => c.type === 'Ready',
    );
    const status = ready?.status === 'True' ? 'Ready' : 'NotReady';
    return node.spec?.unschedulable ? `${status},SchedulingDisabled` : status;
  }),
  textColumn('Roles', 'The roles of the node.', node =>
    Object.keys(node.metadata.labels ?? {})
      .filter(label => label.startsWith('node-role.kubernetes.io/'))
      .map(label => label.slice('node-role.kubernetes.io/'.length))
      .join(','),
  ),
  ageColumn,
  textColumn(
    'Version',
    'Kubelet version.',
    node => node.status?.nodeInfo?.kubeletVersion,
  ),
  textColumn(
    'Internal-IP',
    'The internal IP of the node.',
    node =>
      (node.status?.addresses ?? []).find(
        (a: { type: string }) => a.type === 'InternalIP',
      )?.address,
    1,
  ),
];

export const eventColumns: TableColumn[] = [
  {
    name: 'Last Seen',
    type: 'string',
    description: 'The time the event last occurred.',
    priority: 0,
    cell: (event, now) =>
      ageOf(
        event.lastTimestamp ??
          event.eventTime ??
          event.metadata.creationTimestamp,
        now,
      ),
  },
  textColumn('Type', 'The type of the event.', e => e.type),
  textColumn('Reason', 'The reason of the event.', e => e.reason),
  textColumn(
    'Object',
    'The object the event is about.',
    e =>
      `${String(e.involvedObject?.kind ?? '').toLowerCase()}/${
        e.involvedObject?.name ?? ''
      }`,
  ),
  textColumn('Message', 'The message of the event.', e => e.message),
];
