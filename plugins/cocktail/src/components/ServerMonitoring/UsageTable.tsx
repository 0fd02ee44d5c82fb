import {
  InfoCard,
  Progress,
  Table,
  TableColumn,
} from '@backstage/core-components';
import Typography from '@material-ui/core/Typography';
import {
  ContainerMetrics,
  ServerMetrics,
} from '@cocktailcloud/plugin-cocktail-common';
import { formatBytes, formatMillicores } from '../common/formatting';
import { UsageBar } from '../common/UsageBar';
import { ApiErrorPanel } from '../common/ApiErrorPanel';

type UsageRow = ContainerMetrics & {
  id: string;
  pod: string;
  cpuUsage: number;
  memoryUsage: number;
};

const columns: TableColumn<UsageRow>[] = [
  { title: 'Pod', field: 'pod', highlight: true },
  { title: 'Container', field: 'name' },
  {
    title: 'CPU (of limit, or request)',
    field: 'cpuUsage',
    type: 'numeric',
    render: row => (
      <UsageBar
        used={row.cpu.usageMillicores}
        limit={row.cpu.limitMillicores ?? row.cpu.requestMillicores}
        format={formatMillicores}
      />
    ),
  },
  {
    title: 'Requests / limits CPU',
    render: row =>
      `${formatMillicores(row.cpu.requestMillicores)} / ${formatMillicores(
        row.cpu.limitMillicores,
      )}`,
  },
  {
    title: 'Memory (of limit, or request)',
    field: 'memoryUsage',
    type: 'numeric',
    render: row => (
      <UsageBar
        used={row.memory.usageBytes}
        limit={row.memory.limitBytes ?? row.memory.requestBytes}
        format={formatBytes}
      />
    ),
  },
  {
    title: 'Requests / limits memory',
    render: row =>
      `${formatBytes(row.memory.requestBytes)} / ${formatBytes(
        row.memory.limitBytes,
      )}`,
  },
];

/** Current CPU and memory of each container against its requests and limits. */
export function UsageTable(props: {
  metrics?: ServerMetrics;
  loading: boolean;
  error?: Error;
}) {
  const { metrics, loading, error } = props;
  if (!metrics || !metrics.available) {
    return (
      <InfoCard title="CPU and memory now">
        {loading && !metrics && <Progress />}
        {error && !metrics && <ApiErrorPanel error={error} what="Usage" />}
        {metrics && (
          <Typography color="textSecondary">
            Current usage is not available: {metrics.error}
          </Typography>
        )}
      </InfoCard>
    );
  }
  const data: UsageRow[] = metrics.pods.flatMap(pod =>
    pod.containers.map(container => ({
      ...container,
      id: `${pod.name}/${container.name}`,
      pod: pod.name,
      cpuUsage: container.cpu.usageMillicores ?? 0,
      memoryUsage: container.memory.usageBytes ?? 0,
    })),
  );
  return (
    <Table<UsageRow>
      title="CPU and memory now"
      subtitle={
        metrics.timestamp
          ? `sampled ${new Date(metrics.timestamp).toLocaleTimeString()}`
          : undefined
      }
      options={{ paging: data.length > 20, pageSize: 20, padding: 'dense' }}
      columns={columns}
      data={data}
      emptyContent={
        <div style={{ padding: 16 }}>No running pods to measure.</div>
      }
    />
  );
}
