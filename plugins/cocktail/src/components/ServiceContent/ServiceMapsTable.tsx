import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { ServiceMapSummary } from '@cocktailcloud/plugin-cocktail-common';
import { healthLabel } from '../common/ServerHealthStatus';
import { QUOTA_RESOURCES, quotaValue } from '../common/quota';

type Row = ServiceMapSummary & {
  id: string;
  healthy: number;
  cpu: string;
  memory: string;
};

function usage(summary: ServiceMapSummary, key: 'cpu' | 'memory') {
  const resource = QUOTA_RESOURCES.find(r => r.key === key)!;
  const hard = quotaValue(summary.quota.hard, resource.quotaKeys);
  const used = quotaValue(summary.quota.used, resource.quotaKeys);
  if (hard === undefined) {
    return summary.quota.error ? 'unknown' : 'no quota';
  }
  return `${resource.format(used ?? 0)} of ${resource.format(hard)}`;
}

const columns: TableColumn<Row>[] = [
  { title: 'Environment', field: 'environment', defaultSort: 'asc' },
  {
    title: 'ServiceMap',
    field: 'name',
    render: row => (
      <EntityRefLink entityRef={row.entityRef} title={row.title ?? row.name} />
    ),
  },
  { title: 'Cluster', field: 'cluster' },
  { title: 'Namespace', field: 'namespace' },
  {
    title: 'Healthy servers',
    field: 'healthy',
    render: row =>
      `${row.healthy} of ${row.servers.length}${
        row.clusterState.stale ? ' (stale)' : ''
      }`,
  },
  { title: 'CPU used', field: 'cpu' },
  { title: 'Memory used', field: 'memory' },
];

/** A Service's environments: where each runs, its servers' health, its quota use. */
export function ServiceMapsTable(props: { serviceMaps: ServiceMapSummary[] }) {
  const data: Row[] = props.serviceMaps.map(map => ({
    ...map,
    id: map.entityRef,
    healthy: map.servers.filter(s =>
      ['Healthy', 'Scheduled'].includes(healthLabel(s)),
    ).length,
    cpu: usage(map, 'cpu'),
    memory: usage(map, 'memory'),
  }));
  return (
    <Table<Row>
      title={`Environments (${data.length})`}
      options={{ paging: false, padding: 'dense' }}
      columns={columns}
      data={data}
      emptyContent={
        <Box p={2}>This Service has no ServiceMaps in the catalog yet.</Box>
      }
    />
  );
}
