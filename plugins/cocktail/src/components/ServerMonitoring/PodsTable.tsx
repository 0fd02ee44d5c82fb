import { Table, TableColumn } from '@backstage/core-components';
import { PodStatus, ServerStatus } from '@cocktailcloud/plugin-cocktail-common';
import { formatDuration } from '../common/formatting';

type PodRow = PodStatus & { id: string; readiness: string };

function describeWaiting(pod: PodStatus) {
  const waiting = pod.containers.find(c => c.reason);
  return waiting ? `${waiting.name}: ${waiting.reason}` : '';
}

const columns: TableColumn<PodRow>[] = [
  { title: 'Pod', field: 'name', highlight: true },
  {
    title: 'Phase',
    field: 'phase',
    render: pod =>
      `${pod.phase ?? 'Unknown'}${
        describeWaiting(pod) ? ` (${describeWaiting(pod)})` : ''
      }`,
  },
  { title: 'Ready', field: 'readiness' },
  { title: 'Restarts', field: 'restarts', type: 'numeric' },
  { title: 'Node', field: 'node' },
  { title: 'Revision', field: 'revision' },
  {
    title: 'Age',
    field: 'ageSeconds',
    type: 'numeric',
    render: pod => formatDuration(pod.ageSeconds),
  },
];

/** The server's pods, sortable and searchable. */
export function PodsTable(props: { status: ServerStatus }) {
  const data: PodRow[] = props.status.pods.map(pod => ({
    ...pod,
    id: pod.name,
    readiness: `${pod.containers.filter(c => c.ready).length}/${
      pod.containers.length
    }`,
  }));
  return (
    <Table<PodRow>
      title={`Pods (${data.length})`}
      options={{ paging: data.length > 20, pageSize: 20, padding: 'dense' }}
      columns={columns}
      data={data}
      emptyContent={
        <div style={{ padding: 16 }}>
          No pods: the server is not deployed, scaled to zero, or waiting for
          its schedule.
        </div>
      }
    />
  );
}
