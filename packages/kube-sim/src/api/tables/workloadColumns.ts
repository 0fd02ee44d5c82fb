import { KubeObject } from '../types';
import {
  ageColumn,
  countColumn,
  formatLabels,
  nameColumn,
  TableColumn,
  textColumn,
} from './tableColumn';

const containersOf = (
  object: KubeObject,
): Array<{ name: string; image: string }> =>
  object.spec?.template?.spec?.containers ?? [];

/** The `-o wide` columns every pod-template workload shows. */
const templateColumns: TableColumn[] = [
  textColumn(
    'Containers',
    'Names of each container in the template.',
    object =>
      containersOf(object)
        .map(c => c.name)
        .join(','),
    1,
  ),
  textColumn(
    'Images',
    'Images referenced by each container in the template.',
    object =>
      containersOf(object)
        .map(c => c.image)
        .join(','),
    1,
  ),
  textColumn(
    'Selector',
    'Label selector for pods.',
    object => formatLabels(object.spec?.selector?.matchLabels),
    1,
  ),
];

const readyOfDesired = (object: KubeObject) =>
  `${object.status?.readyReplicas ?? 0}/${object.spec?.replicas ?? 0}`;

export const deploymentColumns: TableColumn[] = [
  nameColumn,
  textColumn('Ready', 'Number of the pod with ready state', readyOfDesired),
  countColumn(
    'Up-to-date',
    'Total number of non-terminated pods targeted by this deployment that have the desired template spec.',
    object => object.status?.updatedReplicas,
  ),
  countColumn(
    'Available',
    'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.',
    object => object.status?.availableReplicas,
  ),
  ageColumn,
  ...templateColumns,
];

export const replicaSetColumns: TableColumn[] = [
  nameColumn,
  countColumn('Desired', 'Number of desired pods.', o => o.spec?.replicas),
  countColumn('Current', 'Number of actual replicas.', o => o.status?.replicas),
  countColumn(
    'Ready',
    'Number of ready replicas.',
    o => o.status?.readyReplicas,
  ),
  ageColumn,
  ...templateColumns,
];

export const statefulSetColumns: TableColumn[] = [
  nameColumn,
  textColumn('Ready', 'Number of the pod with ready state', readyOfDesired),
  ageColumn,
  ...templateColumns.slice(0, 2),
];

export const daemonSetColumns: TableColumn[] = [
  nameColumn,
  countColumn(
    'Desired',
    'The desired number of daemon pods.',
    o => o.status?.desiredNumberScheduled,
  ),
  countColumn(
    'Current',
    'The number of nodes running a daemon pod.',
    o => o.status?.currentNumberScheduled,
  ),
  countColumn(
    'Ready',
    'The number of ready daemon pods.',
    o => o.status?.numberReady,
  ),
  countColumn(
    'Up-to-date',
    'The number of nodes running the updated daemon pod.',
    o => o.status?.updatedNumberScheduled,
  ),
  countColumn(
    'Available',
    'The number of available daemon pods.',
    o => o.status?.numberAvailable,
  ),
  textColumn('Node Selector', 'The node selector of the daemon pods.', o =>
    formatLabels(o.spec?.template?.spec?.nodeSelector),
  ),
  ageColumn,
  ...templateColumns,
];

export const jobColumns: TableColumn[] = [
  nameColumn,
  textColumn('Status', 'Status of the job.', object => {
    const conditions: Array<{ type: string; status: string }> =
      object.status?.conditions ?? [];
    const done = conditions.find(
      c => ['Complete', 'Failed'].includes(c.type) && c.status === 'True',
    );
    return done?.type ?? 'Running';
  }),
  textColumn(
    'Completions',
    'The desired number of successfully finished pods the job should be run with.',
    object =>
      `${object.status?.succeeded ?? 0}/${object.spec?.completions ?? 1}`,
  ),
  ageColumn,
  ...templateColumns,
];
