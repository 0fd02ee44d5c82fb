import { Table, TableColumn } from '@backstage/core-components';
import { ServerStatus } from '@cocktailcloud/plugin-cocktail-common';
import { formatTimestamp } from '../common/formatting';

type EventRow = ServerStatus['events'][number] & { id: string };

const columns: TableColumn<EventRow>[] = [
  {
    title: 'Last seen',
    field: 'lastTimestamp',
    defaultSort: 'desc',
    width: '12%',
    render: e => formatTimestamp(e.lastTimestamp),
  },
  { title: 'Type', field: 'type', width: '8%' },
  { title: 'Reason', field: 'reason', width: '14%' },
  {
    title: 'Object',
    field: 'object',
    width: '22%',
    cellStyle: { wordBreak: 'break-all' },
  },
  { title: 'Message', field: 'message', width: '38%' },
  { title: 'Count', field: 'count', type: 'numeric', width: '6%' },
];

/** Kubernetes events about the server's objects. */
export function EventsTable(props: { status: ServerStatus }) {
  const data = props.status.events.map((event, index) => ({
    ...event,
    id: `${index}`,
  }));
  return (
    <Table<EventRow>
      title="Events"
      options={{ paging: data.length > 10, pageSize: 10, padding: 'dense' }}
      columns={columns}
      data={data}
      emptyContent={
        <div style={{ padding: 16 }}>No recent events for this server.</div>
      }
    />
  );
}
