import FormControlLabel from '@material-ui/core/FormControlLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import TextField from '@material-ui/core/TextField';
import {
  BackupChangeResult,
  BackupCreateRequest,
  BackupView,
  RestoreCreateRequest,
} from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';
import { ChangeDialog } from '../ClusterOperations/ChangeDialog';

const field = {
  margin: 'normal' as const,
  variant: 'outlined' as const,
  size: 'small' as const,
};
const DURATION = /^(\d+(h|m|s))+$/;
const CRON =
  /^(@(yearly|annually|monthly|weekly|daily|midnight|hourly)|(\S+\s+){4}\S+)$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Back up now or on a schedule: how long to keep each backup, and for a schedule its cron. */
export function BackupDialog(props: {
  what: string;
  scheduled: boolean;
  send: (request: BackupCreateRequest) => Promise<BackupChangeResult>;
  onClose: () => void;
}) {
  const [ttl, setTtl] = useState(props.scheduled ? '168h' : '720h');
  const [schedule, setSchedule] = useState('0 3 * * *');
  let invalid: string | undefined;
  if (!DURATION.test(ttl)) {
    invalid = 'Keep for: a duration such as 720h or 24h30m.';
  } else if (props.scheduled && !CRON.test(schedule.trim())) {
    invalid =
      'Schedule: five cron fields (minute hour day month weekday) such as 0 3 * * *, or @daily.';
  }
  return (
    <ChangeDialog<BackupChangeResult>
      open
      onClose={props.onClose}
      title={
        props.scheduled
          ? `Schedule backups of ${props.what}`
          : `Back up ${props.what} now`
      }
      form={
        <>
          {props.scheduled && (
            <TextField
              {...field}
              id="cocktail-backup-schedule"
              label="Schedule (cron, UTC)"
              value={schedule}
              onChange={e => setSchedule(e.target.value)}
              style={{ marginRight: 16 }}
            />
          )}
          <TextField
            {...field}
            id="cocktail-backup-ttl"
            label="Keep each backup for"
            value={ttl}
            onChange={e => setTtl(e.target.value)}
          />
        </>
      }
      invalidReason={invalid}
      inputsKey={`${ttl}/${props.scheduled ? schedule : ''}`}
      policy={false}
      send={dryRun =>
        props.send({
          ttl,
          ...(props.scheduled && { schedule: schedule.trim() }),
          dryRun,
        })
      }
      confirmLabel={props.scheduled ? 'Create the schedule' : 'Back up now'}
    />
  );
}

/** Restore a completed backup into the ServiceMap's namespace, or into a new one. */
export function RestoreDialog(props: {
  backup: BackupView;
  namespace: string;
  send: (request: RestoreCreateRequest) => Promise<BackupChangeResult>;
  onClose: () => void;
}) {
  const [into, setInto] = useState<'same' | 'new'>('same');
  const [target, setTarget] = useState(`${props.namespace}-restored`);
  const invalid =
    into === 'new' && !NAMESPACE.test(target)
      ? 'Namespace: lowercase letters, digits and "-".'
      : undefined;
  return (
    <ChangeDialog<BackupChangeResult>
      open
      onClose={props.onClose}
      title={`Restore ${props.namespace} from ${props.backup.name}`}
      form={
        <>
          <RadioGroup
            row
            value={into}
            onChange={e => setInto(e.target.value as 'same' | 'new')}
          >
            <FormControlLabel
              value="same"
              control={<Radio />}
              label={`Into ${props.namespace}`}
            />
            <FormControlLabel
              value="new"
              control={<Radio />}
              label="Into a new namespace"
            />
          </RadioGroup>
          {into === 'new' && (
            <TextField
              {...field}
              id="cocktail-restore-namespace"
              label="New namespace"
              value={target}
              onChange={e => setTarget(e.target.value)}
            />
          )}
        </>
      }
      invalidReason={invalid}
      inputsKey={`${into}/${target}`}
      policy={false}
      send={dryRun =>
        props.send({
          backup: props.backup.name,
          ...(into === 'new' && { targetNamespace: target }),
          dryRun,
        })
      }
      confirmLabel="Restore"
    />
  );
}
