import { Table, TableColumn } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import {
  BackupScheduleView,
  BackupView,
  RestoreView,
} from '@cocktailcloud/plugin-cocktail-common';
import { ActionButton } from '../ClusterOperations/ClusterApiSummaryCard';

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '');

function phaseChip(phase: string, problems?: string[]) {
  const done = phase === 'Completed' || phase === 'Enabled';
  return (
    <>
      <Chip
        size="small"
        label={phase}
        color={done ? 'primary' : 'default'}
        variant={done ? 'default' : 'outlined'}
      />
      {problems?.map(problem => (
        <Typography key={problem} variant="caption" display="block">
          {problem}
        </Typography>
      ))}
    </>
  );
}

type BackupRow = BackupView & { id: string };

/** Velero Backups: phase, what they hold, items, errors, when and until when. */
export function BackupsTable(props: {
  backups: BackupView[];
  restoreRefusal?: string;
  onRestore?: (backup: BackupView) => void;
}) {
  const { onRestore } = props;
  const columns: TableColumn<BackupRow>[] = [
    { title: 'Backup', field: 'name', highlight: true },
    { title: 'Phase', render: b => phaseChip(b.phase, b.validationErrors) },
    {
      title: 'Holds',
      render: b =>
        b.namespaces.includes('*')
          ? 'the whole cluster'
          : b.namespaces.join(', '),
    },
    { title: 'Items', render: b => b.items ?? '' },
    {
      title: 'Errors / warnings',
      render: b =>
        b.errors === undefined ? '' : `${b.errors} / ${b.warnings ?? 0}`,
    },
    { title: 'Started', render: b => when(b.startedAt) },
    { title: 'Expires', render: b => when(b.expiresAt) },
    { title: 'Schedule', render: b => b.schedule ?? 'on demand' },
    ...(onRestore
      ? [
          {
            title: '',
            render: (b: BackupRow) => (
              <Box display="flex" justifyContent="flex-end">
                <ActionButton
                  label="Restore…"
                  ariaLabel={`Restore from ${b.name}`}
                  refusal={
                    props.restoreRefusal ??
                    (b.phase === 'Completed'
                      ? undefined
                      : `The backup is ${b.phase}; only a Completed backup can be restored.`)
                  }
                  onClick={() => onRestore(b)}
                />
              </Box>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<BackupRow>
      title={`Backups (${props.backups.length})`}
      options={{
        paging: props.backups.length > 20,
        pageSize: 20,
        search: false,
        padding: 'dense',
      }}
      columns={columns}
      data={props.backups.map(b => ({ ...b, id: b.name }))}
      emptyContent={<Box p={2}>No backups yet.</Box>}
    />
  );
}

type ScheduleRow = BackupScheduleView & { id: string };

export function SchedulesTable(props: {
  schedules: BackupScheduleView[];
  removeRefusal?: string;
  onRemove?: (schedule: BackupScheduleView) => void;
}) {
  const { onRemove } = props;
  const columns: TableColumn<ScheduleRow>[] = [
    { title: 'Schedule', field: 'name', highlight: true },
    { title: 'Cron (UTC)', field: 'schedule' },
    {
      title: 'Phase',
      render: s => phaseChip(s.paused ? 'Paused' : s.phase ?? 'New'),
    },
    { title: 'Keeps backups for', render: s => s.ttl ?? '720h (default)' },
    { title: 'Last backup', render: s => when(s.lastBackupAt) },
    ...(onRemove
      ? [
          {
            title: '',
            render: (s: ScheduleRow) => (
              <Box display="flex" justifyContent="flex-end">
                <ActionButton
                  label="Remove…"
                  destructive
                  refusal={props.removeRefusal}
                  onClick={() => onRemove(s)}
                />
              </Box>
            ),
          },
        ]
      : []),
  ];
  return (
    <Table<ScheduleRow>
      title={`Schedules (${props.schedules.length})`}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.schedules.map(s => ({ ...s, id: s.name }))}
      emptyContent={<Box p={2}>No scheduled backups.</Box>}
    />
  );
}

type RestoreRow = RestoreView & { id: string };

export function RestoresTable(props: { restores: RestoreView[] }) {
  const columns: TableColumn<RestoreRow>[] = [
    { title: 'Restore', field: 'name', highlight: true },
    { title: 'From backup', field: 'backup' },
    { title: 'Into', render: r => r.targetNamespace ?? 'the same namespace' },
    { title: 'Phase', render: r => phaseChip(r.phase, r.validationErrors) },
    {
      title: 'Items restored',
      render: r =>
        r.totalItems === undefined
          ? ''
          : `${r.itemsRestored ?? 0} of ${r.totalItems}`,
    },
    { title: 'Warnings', render: r => r.warnings ?? '' },
    { title: 'Started', render: r => when(r.startedAt) },
  ];
  return (
    <Table<RestoreRow>
      title={`Restores (${props.restores.length})`}
      options={{ paging: false, search: false, padding: 'dense' }}
      columns={columns}
      data={props.restores.map(r => ({ ...r, id: r.name }))}
      emptyContent={<Box p={2}>No restores.</Box>}
    />
  );
}
