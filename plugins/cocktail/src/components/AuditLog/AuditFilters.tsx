import Box from '@material-ui/core/Box';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import { AuditLogFilter } from '../../api';

export const AUDIT_ACTIONS = [
  'server.deploy',
  'server.rolling-update',
  'server.restart',
  'server.scale',
  'server.autoscale',
  'server.rollback',
  'server.suspend',
  'server.resume',
  'server.delete',
  'servicemap.provision',
  'cluster.create',
  'cluster.upgrade',
  'cluster.scale',
  'imagescan.upload',
];

/** The form's values; times are `datetime-local` strings in the user's time zone. */
export interface AuditFilterValues {
  actor: string;
  action: string;
  outcome: string;
  from: string;
  to: string;
}

export const EMPTY_FILTERS: AuditFilterValues = {
  actor: '',
  action: '',
  outcome: '',
  from: '',
  to: '',
};

function toIso(local: string): string | undefined {
  if (!local) {
    return undefined;
  }
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The form's values as the API's filter. */
export function toAuditFilter(
  values: AuditFilterValues,
  entityRefs: string[],
): AuditLogFilter {
  return {
    entityRefs,
    actor: values.actor.trim() || undefined,
    action: values.action || undefined,
    outcome: (values.outcome || undefined) as AuditLogFilter['outcome'],
    from: toIso(values.from),
    to: toIso(values.to),
  };
}

/** Actor, action, outcome and time range. */
export function AuditFilters(props: {
  values: AuditFilterValues;
  onChange: (values: AuditFilterValues) => void;
}) {
  const { values, onChange } = props;
  const set =
    (key: keyof AuditFilterValues) => (e: { target: { value: string } }) =>
      onChange({ ...values, [key]: e.target.value });
  const common = {
    size: 'small' as const,
    variant: 'outlined' as const,
    margin: 'dense' as const,
  };
  return (
    <Box display="flex" flexWrap="wrap" style={{ gap: 12 }} mb={1}>
      <TextField
        {...common}
        id="cocktail-audit-actor"
        label="Actor"
        placeholder="user:default/alice"
        value={values.actor}
        onChange={set('actor')}
        style={{ width: 180 }}
      />
      <TextField
        {...common}
        select
        id="cocktail-audit-action"
        label="Action"
        value={values.action}
        onChange={set('action')}
        style={{ width: 190 }}
        SelectProps={{ inputProps: { 'aria-label': 'Action' } }}
      >
        <MenuItem value="">Any action</MenuItem>
        {AUDIT_ACTIONS.map(action => (
          <MenuItem key={action} value={action}>
            {action}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        {...common}
        select
        id="cocktail-audit-outcome"
        label="Outcome"
        value={values.outcome}
        onChange={set('outcome')}
        style={{ width: 140 }}
        SelectProps={{ inputProps: { 'aria-label': 'Outcome' } }}
      >
        <MenuItem value="">Any outcome</MenuItem>
        <MenuItem value="succeeded">Succeeded</MenuItem>
        <MenuItem value="failed">Failed</MenuItem>
        <MenuItem value="denied">Denied</MenuItem>
      </TextField>
      <TextField
        {...common}
        id="cocktail-audit-from"
        label="From"
        type="datetime-local"
        style={{ width: 215 }}
        value={values.from}
        onChange={set('from')}
        InputLabelProps={{ shrink: true }}
      />
      <TextField
        {...common}
        id="cocktail-audit-to"
        label="To"
        type="datetime-local"
        style={{ width: 215 }}
        value={values.to}
        onChange={set('to')}
        InputLabelProps={{ shrink: true }}
      />
    </Box>
  );
}
