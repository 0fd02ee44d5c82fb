import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import { ClusterNode } from '@cocktailcloud/plugin-cocktail-common';
import { ActionButton } from '../ClusterOperations/ClusterApiSummaryCard';
import { NodeAction } from '../ClusterOperations/NodeOperationDialog';

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

/**
 * A cluster's nodes: readiness, roles, version and allocatable capacity; with `onAction`, each
 * can be cordoned, uncordoned and drained (disabled with the reason when refused).
 */
export function NodesTable(props: {
  nodes: ClusterNode[];
  refusal?: string;
  onAction?: (node: string, action: NodeAction) => void;
}) {
  const { onAction } = props;
  const actions: TableColumn<Row>[] = onAction
    ? [
        {
          title: '',
          render: n => (
            <Box display="flex" justifyContent="flex-end" style={{ gap: 8 }}>
              <ActionButton
                label={n.unschedulable ? 'Uncordon…' : 'Cordon…'}
                ariaLabel={`${n.unschedulable ? 'Uncordon' : 'Cordon'} ${n.id}`}
                refusal={props.refusal}
                onClick={() =>
                  onAction(n.id, n.unschedulable ? 'uncordon' : 'cordon')
                }
              />
              <ActionButton
                label="Drain…"
                ariaLabel={`Drain ${n.id}`}
                destructive
                refusal={props.refusal}
                onClick={() => onAction(n.id, 'drain')}
              />
            </Box>
          ),
        },
      ]
    : [];
  const data: Row[] = props.nodes.map(node => ({
    ...node,
    id: node.name ?? '',
    state: `${node.ready ? 'Ready' : 'Not ready'}${
      node.unschedulable ? ', cordoned' : ''
    }`,
    cpu: node.allocatable?.cpu,
    memory: node.allocatable?.memory,
    pods: node.allocatable?.pods,
  }));
  return (
    <Table<Row>
      title={`Nodes (${data.length})`}
      options={{ paging: data.length > 20, pageSize: 20, padding: 'dense' }}
      columns={[...columns, ...actions]}
      data={data}
      emptyContent={<Box p={2}>The cluster reports no nodes.</Box>}
    />
  );
}
