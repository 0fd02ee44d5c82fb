import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import {
  ClusterApiOverview,
  ClusterEventView,
  ClusterMachineView,
  ClusterNodePoolView,
} from '@cocktailcloud/plugin-cocktail-common';
import { ActionButton } from './ClusterApiSummaryCard';

type PoolRow = ClusterNodePoolView & { id: string };

/** The node pools, each with its scale and remove buttons. */
export function NodePoolsTable(props: {
  overview: ClusterApiOverview;
  refusal?: string;
  onScale: (pool: ClusterNodePoolView) => void;
  onRemove: (pool: ClusterNodePoolView) => void;
}) {
  const pools = props.overview.nodePools;
  const columns: TableColumn<PoolRow>[] = [
    {
      title: 'Node pool',
      highlight: true,
      render: p => (
        <>
          <Typography variant="body2">
            <strong>{p.name}</strong>
          </Typography>
          <Typography variant="caption" color="textSecondary">
            {p.kind}
          </Typography>
        </>
      ),
    },
    {
      title: 'Ready',
      render: p => `${p.readyReplicas ?? 0} of ${p.replicas ?? '?'}`,
    },
    { title: 'Version', field: 'version' },
    { title: 'Machine type', render: p => p.machineType ?? 'provider default' },
    {
      title: 'Autoscaling',
      render: p =>
        p.autoscaling
          ? `${p.autoscaling.minReplicas}–${p.autoscaling.maxReplicas}`
          : 'off',
    },
    {
      title: '',
      render: p => (
        <Box display="flex" style={{ gap: 8 }} justifyContent="flex-end">
          <ActionButton
            label="Scale…"
            ariaLabel={`Scale node pool ${p.name}`}
            refusal={props.refusal}
            onClick={() => props.onScale(p)}
          />
          <ActionButton
            label="Remove…"
            ariaLabel={`Remove node pool ${p.name}`}
            destructive
            refusal={
              props.refusal ??
              (pools.length === 1
                ? 'The last node pool cannot be removed; delete the cluster instead.'
                : undefined)
            }
            onClick={() => props.onRemove(p)}
          />
        </Box>
      ),
    },
  ];
  return (
    <Table<PoolRow>
      title={`Node pools (${pools.length})`}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={pools.map(p => ({ ...p, id: p.name }))}
      emptyContent={<Box p={2}>The cluster has no node pools.</Box>}
    />
  );
}

type MachineRow = ClusterMachineView & { id: string };

/** The Machines and the nodes they became, each replaceable. */
export function MachinesTable(props: {
  machines: ClusterMachineView[];
  refusal?: string;
  onReplace: (machine: ClusterMachineView) => void;
}) {
  const columns: TableColumn<MachineRow>[] = [
    { title: 'Machine', field: 'name', highlight: true },
    {
      title: 'Pool',
      render: m => (m.controlPlane ? `${m.pool} (control plane)` : m.pool),
    },
    { title: 'Node', render: m => m.nodeName ?? 'not yet' },
    { title: 'Phase', field: 'phase' },
    { title: 'Version', field: 'version' },
    {
      title: '',
      render: m => (
        <Box display="flex" justifyContent="flex-end">
          <ActionButton
            label="Replace…"
            ariaLabel={`Replace machine ${m.name}`}
            refusal={props.refusal}
            onClick={() => props.onReplace(m)}
          />
        </Box>
      ),
    },
  ];
  return (
    <Table<MachineRow>
      title={`Machines (${props.machines.length})`}
      options={{
        paging: props.machines.length > 20,
        pageSize: 20,
        search: false,
        padding: 'dense',
      }}
      columns={columns}
      data={props.machines.map(m => ({ ...m, id: m.name }))}
      emptyContent={<Box p={2}>No machines yet.</Box>}
    />
  );
}

type EventRow = ClusterEventView & { id: string };

/** Recent events on the Cluster, its control plane, pools and machines. */
export function ClusterEventsTable(props: { events: ClusterEventView[] }) {
  const columns: TableColumn<EventRow>[] = [
    {
      title: 'When',
      render: e => (e.lastSeen ? new Date(e.lastSeen).toLocaleString() : ''),
    },
    { title: 'Type', field: 'type' },
    { title: 'Object', field: 'object' },
    { title: 'Reason', field: 'reason' },
    { title: 'Message', field: 'message' },
  ];
  return (
    <Table<EventRow>
      title="Recent Cluster API events"
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.events.map((e, i) => ({ ...e, id: `${i}` }))}
      emptyContent={<Box p={2}>No recent events.</Box>}
    />
  );
}
