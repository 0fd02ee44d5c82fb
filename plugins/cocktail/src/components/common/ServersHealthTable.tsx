import { Table, TableColumn } from '@backstage/core-components';
import { EntityRefLink } from '@backstage/plugin-catalog-react';
import Box from '@material-ui/core/Box';
import { ServerHealth } from '@cocktailcloud/plugin-cocktail-common';
import { healthLabel, ServerHealthStatus } from './ServerHealthStatus';

type Row = ServerHealth & { id: string; health: string; environment?: string };

/** Servers with their state at a glance; sorts and filters by any column. */
export function ServersHealthTable(props: {
  servers: Array<ServerHealth & { environment?: string }>;
  title?: string;
  showEnvironment?: boolean;
}) {
  const columns: TableColumn<Row>[] = [
    {
      title: 'Server',
      field: 'name',
      highlight: true,
      render: row => (
        <EntityRefLink
          entityRef={row.entityRef}
          title={row.title ?? row.name}
        />
      ),
    },
    ...(props.showEnvironment
      ? [{ title: 'Environment', field: 'environment' } as TableColumn<Row>]
      : []),
    { title: 'Type', field: 'type' },
    {
      title: 'State',
      field: 'health',
      render: row => <ServerHealthStatus status={row} />,
    },
    {
      title: 'Ready',
      render: row =>
        row.found ? `${row.replicas.ready}/${row.replicas.desired}` : '—',
      customSort: (a, b) => a.replicas.ready - b.replicas.ready,
    },
    { title: 'Revision', field: 'rollout.revision' },
  ];
  const data: Row[] = props.servers.map(server => ({
    ...server,
    id: server.entityRef,
    health: healthLabel(server),
  }));
  return (
    <Table<Row>
      title={props.title ?? `Servers (${data.length})`}
      options={{ paging: data.length > 20, pageSize: 20, padding: 'dense' }}
      columns={columns}
      data={data}
      emptyContent={
        <Box p={2}>No CocktailServers in the catalog belong here yet.</Box>
      }
    />
  );
}
