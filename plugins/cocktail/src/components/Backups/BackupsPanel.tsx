import { Progress } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Grid from '@material-ui/core/Grid';
import Alert from '@material-ui/lab/Alert';
import {
  BackupChangeResult,
  BackupCreateRequest,
  BackupScheduleView,
  BackupsResponse,
  BackupView,
  RestoreCreateRequest,
} from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';
import { useLiveResource } from '../../hooks/useLiveResource';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { ActionButton } from '../ClusterOperations/ClusterApiSummaryCard';
import { ChangeDialog } from '../ClusterOperations/ChangeDialog';
import { BackupDialog, RestoreDialog } from './BackupDialogs';
import { BackupsTable, RestoresTable, SchedulesTable } from './BackupsTables';

type Dialog =
  | { kind: 'backup'; scheduled: boolean }
  | { kind: 'restore'; backup: BackupView }
  | { kind: 'remove-schedule'; schedule: BackupScheduleView };

/**
 * Velero backups of a namespace or a whole cluster: the backups, schedules and restores, and
 * the buttons to back up, schedule, restore and remove a schedule (each disabled with the
 * reason when refused, each checked by a dry run).
 */
export function BackupsPanel(props: {
  what: string;
  deps: unknown[];
  load: () => Promise<BackupsResponse>;
  backUp: (request: BackupCreateRequest) => Promise<BackupChangeResult>;
  createRefusal?: string;
  /** Restoring and removing schedules, offered for a ServiceMap's namespace. */
  restore?: {
    namespace: string;
    refusal?: string;
    send: (request: RestoreCreateRequest) => Promise<BackupChangeResult>;
    removeSchedule: (
      schedule: string,
      dryRun: boolean,
    ) => Promise<BackupChangeResult>;
  };
}) {
  const backups = useLiveResource(props.load, props.deps, undefined, 3_000);
  const [dialog, setDialog] = useState<Dialog>();
  const close = () => {
    setDialog(undefined);
    backups.retry();
  };
  if (!backups.value) {
    return backups.loading ? (
      <Progress />
    ) : (
      <ApiErrorPanel error={backups.error} what={`Backups of ${props.what}`} />
    );
  }
  const value = backups.value;
  if (!value.available) {
    return (
      <Alert severity="info">Backups are unavailable: {value.reason}</Alert>
    );
  }
  const { restore } = props;
  return (
    <Grid container spacing={2}>
      <Grid item xs={12}>
        <Box display="flex" style={{ gap: 8 }}>
          <ActionButton
            label="Back up now…"
            refusal={props.createRefusal}
            onClick={() => setDialog({ kind: 'backup', scheduled: false })}
          />
          <ActionButton
            label="Schedule backups…"
            refusal={props.createRefusal}
            onClick={() => setDialog({ kind: 'backup', scheduled: true })}
          />
        </Box>
      </Grid>
      <Grid item xs={12}>
        <BackupsTable
          backups={value.backups}
          restoreRefusal={restore?.refusal}
          onRestore={
            restore && (backup => setDialog({ kind: 'restore', backup }))
          }
        />
      </Grid>
      <Grid item xs={12}>
        <SchedulesTable
          schedules={value.schedules}
          removeRefusal={props.createRefusal}
          onRemove={
            restore &&
            (schedule => setDialog({ kind: 'remove-schedule', schedule }))
          }
        />
      </Grid>
      <Grid item xs={12}>
        <RestoresTable restores={value.restores} />
      </Grid>
      {dialog?.kind === 'backup' && (
        <BackupDialog
          what={props.what}
          scheduled={dialog.scheduled}
          send={props.backUp}
          onClose={close}
        />
      )}
      {dialog?.kind === 'restore' && restore && (
        <RestoreDialog
          backup={dialog.backup}
          namespace={restore.namespace}
          send={restore.send}
          onClose={close}
        />
      )}
      {dialog?.kind === 'remove-schedule' && restore && (
        <ChangeDialog<BackupChangeResult>
          open
          onClose={close}
          title={`Remove schedule ${dialog.schedule.name}`}
          inputsKey={dialog.schedule.name}
          policy={false}
          send={dryRun => restore.removeSchedule(dialog.schedule.name, dryRun)}
          confirmLabel="Remove the schedule"
          destructive
        />
      )}
    </Grid>
  );
}
