import { Link, Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import {
  ClusterDescription,
  ClusterListItem,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  clusterHealthLabel,
  ClusterHealthStatus,
} from '../common/ClusterHealthStatus';
import { formatDuration, secondsSince } from '../common/formatting';

type Row = ClusterListItem & {
  id: string;
  description?: ClusterDescription;
  health: string;
  version: string;
  nodeCount?: number;
};

const columns: TableColumn<Row>[] = [
  {
    title: 'Cluster',
    field: 'name',
    highlight: true,
    width: '22%',
    render: row => (
      <>
        {row.entityRef ? (
          <EntityRefLink
            entityRef={row.entityRef}
            title={row.title ?? row.name}
          />
        ) : (
          row.title ?? row.name
        )}
        <Box fontSize="0.75rem" color="text.secondary">
          {`${row.name}, from ${row.source}`}
        </Box>
      </>
    ),
  },
  {
    title: 'Health',
    field: 'health',
    render: row => (
      <>
        <ClusterHealthStatus cache={row.cache} description={row.description} />
        {row.error && (
          <Box fontSize="0.75rem" color="error.main">
            Not reached: {row.error}
          </Box>
        )}
        {row.description?.error && (
          <Box fontSize="0.75rem" color="text.secondary">
            {row.description.error}
          </Box>
        )}
        {row.cache.stale && row.cache.healthyAt && (
          <Box fontSize="0.75rem" color="text.secondary">
            cached data {formatDuration(secondsSince(row.cache.healthyAt))} old
          </Box>
        )}
      </>
    ),
  },
  { title: 'Version', field: 'version' },
  { title: 'Nodes', field: 'nodeCount', type: 'numeric' },
  {
    title: 'Provider',
    field: 'provider',
    render: row => (
      <>
        {row.provider ?? '—'}
        {row.region && (
          <Box fontSize="0.75rem" color="text.secondary">
            {row.region}
          </Box>
        )}
      </>
    ),
  },
  { title: 'ServiceMaps', field: 'serviceMaps', type: 'numeric' },
  { title: 'Servers', field: 'servers', type: 'numeric' },
];

/** Every registered cluster with its health, version, nodes and what runs on it. */
export function ClustersTable(props: {
  items: ClusterListItem[];
  descriptions: Record<string, ClusterDescription | Error>;
}) {
  const data: Row[] = props.items.map(item => {
    const found = props.descriptions[item.name];
    const description = found instanceof Error ? undefined : found;
    return {
      ...item,
      id: item.name,
      description,
      health: clusterHealthLabel(item.cache, description),
      version: description?.version ?? (found ? 'unknown' : '…'),
      nodeCount: description?.nodes?.length,
    };
  });
  return (
    <Table<Row>
      title={`Clusters (${data.length})`}
      options={{ paging: data.length > 20, pageSize: 20, padding: 'dense' }}
      columns={columns}
      data={data}
      emptyContent={
        <Box p={2}>
          No clusters are registered. Add one under{' '}
          <code>cocktail.clusters</code> in app-config, or register a{' '}
          <code>Resource</code> of type <code>kubernetes-cluster</code> in the{' '}
          <Link to="/catalog?filters[kind]=resource">catalog</Link>.
        </Box>
      }
    />
  );
}
