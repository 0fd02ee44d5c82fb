import {
  AccessGrantIssued,
  AccessGrantRole,
} from '@cocktailcloud/plugin-cocktail-common';
import { InfoCard } from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import { Alert } from '@material-ui/lab';
import { useState } from 'react';
import { describeApiError } from '../../api';
import { describeMinutes, durationChoices } from './timeLeft';

const ROLES: Array<{ role: AccessGrantRole; label: string }> = [
  { role: 'view', label: 'view — read everything but Secrets' },
  { role: 'edit', label: 'edit — change workloads, config and Secrets' },
  { role: 'admin', label: 'admin — edit, plus Roles and RoleBindings' },
];

/**
 * The form asking for a kubeconfig: role (only those the person may have), duration, reason.
 * Disabled, with the reason, when the person may not ask at all. With `fixedRole` there is no
 * choice of role, only what it gives.
 */
export function RequestAccessForm(props: {
  title?: string;
  fixedRole?: { role: AccessGrantRole; description: string };
  allowedRoles: AccessGrantRole[];
  maxDurationMinutes: number;
  refusal?: string;
  onRequest(request: {
    role: AccessGrantRole;
    durationMinutes: number;
    reason: string;
  }): Promise<AccessGrantIssued>;
}) {
  const { allowedRoles, maxDurationMinutes, refusal } = props;
  const choices = durationChoices(maxDurationMinutes);
  const [role, setRole] = useState<AccessGrantRole | ''>(
    allowedRoles.includes('view') ? 'view' : allowedRoles[0] ?? '',
  );
  const [durationMinutes, setDuration] = useState(
    choices.includes(60) ? 60 : choices[0],
  );
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const disabled = Boolean(refusal) || busy;
  const reasonTooShort = reason.trim().length < 5;

  const submit = async () => {
    if (!role) return;
    setBusy(true);
    setError(undefined);
    try {
      await props.onRequest({ role, durationMinutes, reason: reason.trim() });
      setReason('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <InfoCard title={props.title ?? 'Ask for cluster access'}>
      {refusal && (
        <Alert severity="info" data-testid="cocktail-access-refusal">
          {refusal}
        </Alert>
      )}
      {props.fixedRole ? (
        <Typography variant="body2" style={{ marginTop: 16 }}>
          {props.fixedRole.description}
        </Typography>
      ) : (
        <RoleChoice
          role={role}
          allowedRoles={allowedRoles}
          disabled={disabled}
          onChange={setRole}
        />
      )}
      <TextField
        select
        fullWidth
        margin="normal"
        id="cocktail-access-duration"
        label="For"
        value={durationMinutes}
        disabled={disabled}
        onChange={e => setDuration(Number(e.target.value))}
        helperText={`The credentials stop working after this; at most ${describeMinutes(
          maxDurationMinutes,
        )}.`}
      >
        {choices.map(minutes => (
          <MenuItem key={minutes} value={minutes}>
            {describeMinutes(minutes)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        fullWidth
        margin="normal"
        id="cocktail-access-reason"
        label="Reason"
        value={reason}
        disabled={disabled}
        onChange={e => setReason(e.target.value)}
        inputProps={{ maxLength: 500 }}
        helperText="Recorded in the audit log with the grant, e.g. the ticket you are working on."
      />
      {error !== undefined && (
        <Alert severity="error" data-testid="cocktail-access-error">
          <Typography variant="body2">
            {describeApiError(error).message}
          </Typography>
        </Alert>
      )}
      <Button
        variant="contained"
        color="primary"
        disabled={disabled || !role || reasonTooShort}
        onClick={submit}
      >
        {busy ? 'Creating…' : 'Get kubeconfig'}
      </Button>
    </InfoCard>
  );
}

function RoleChoice(props: {
  role: AccessGrantRole | '';
  allowedRoles: AccessGrantRole[];
  disabled: boolean;
  onChange(role: AccessGrantRole): void;
}) {
  const { allowedRoles } = props;
  return (
    <TextField
      select
      fullWidth
      margin="normal"
      id="cocktail-access-role"
      label="Kubernetes role"
      value={props.role}
      disabled={props.disabled}
      onChange={e => props.onChange(e.target.value as AccessGrantRole)}
      helperText="At most your role on the Service: viewers get view, developers edit, admins admin."
    >
      {ROLES.map(option => (
        <MenuItem
          key={option.role}
          value={option.role}
          disabled={!allowedRoles.includes(option.role)}
        >
          {option.label}
          {!allowedRoles.includes(option.role) && ' (not for your role)'}
        </MenuItem>
      ))}
    </TextField>
  );
}
