import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { ClusterNode } from '@cocktailcloud/plugin-cocktail-common';

type Row = ClusterNode & {
  id: string;
  state: string;
  cpu?: string;
  memory?: string;
  pods?: string;
};

const columns: TableColumn<Row>[] = [
  { title: 'Node', field: 'name', highlight: true },
  { title: 'State', field: 'state' },
  { title: 'Roles', render: n => n.roles.join(', ') || 'worker' },
  { title: 'Kubelet', field: 'kubeletVersion' },
  { title: 'CPU', field: 'cpu' },
  { title: 'Memory', field: 'memory' },
  { title: 'Pods', field: 'pods' },
];

/** A cluster's nodes: readiness, roles, version and allocatable capacity. */
export function NodesTable(props: { nodes: ClusterNode[] }) {
  const data: Row[] = props.nodes.map(node => ({
    ...node,
    id: node.name ?? '',
    state: node.ready ? 'Ready' : 'Not ready',
    cpu: node.allocatable?.cpu,
    memory: node.allocatable?.memory,
    pods: node.allocatable?.pods,
  }));
  return (
    <Table<Row>
      title={`Nodes (${data.length})`}
      options={{ paging: data.length > 20, pageSize: 20, padding: 'dense' }}
      columns={columns}
      data={data}
      emptyContent={<Box p={2}>The cluster reports no nodes.</Box>}
    />
  );
}
