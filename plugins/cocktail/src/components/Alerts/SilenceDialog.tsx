import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogContentText from '@material-ui/core/DialogContentText';
import DialogTitle from '@material-ui/core/DialogTitle';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Alert from '@material-ui/lab/Alert';
import { SilenceRequest } from '@cocktailcloud/plugin-cocktail-common';
import { useState } from 'react';

const DURATIONS = [
  { minutes: 30, label: '30 minutes' },
  { minutes: 60, label: '1 hour' },
  { minutes: 240, label: '4 hours' },
  { minutes: 1440, label: '1 day' },
];

/** Asks how long and why before silencing an entity's alerts (all, or one rule's). */
export function SilenceDialog(props: {
  open: boolean;
  /** What is silenced, e.g. "CocktailServerCpuNearLimit on payments-api". */
  what: string;
  alertname?: string;
  onClose(): void;
  onSilence(request: SilenceRequest): Promise<void>;
}) {
  const [minutes, setMinutes] = useState(60);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const tooShort = comment.trim().length < 5;
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await props.onSilence({
        durationMinutes: minutes,
        comment: comment.trim(),
        ...(props.alertname && { alertname: props.alertname }),
      });
      setComment('');
      props.onClose();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open={props.open} onClose={props.onClose} maxWidth="sm" fullWidth>
      <DialogTitle>Silence {props.what}</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Alertmanager stops notifying about these alerts until the silence
          ends; they still show here, marked silenced. The silence is recorded
          in the audit log with your reason.
        </DialogContentText>
        <TextField
          id="silence-duration"
          select
          fullWidth
          margin="normal"
          label="For"
          value={minutes}
          onChange={event => setMinutes(Number(event.target.value))}
        >
          {DURATIONS.map(duration => (
            <MenuItem key={duration.minutes} value={duration.minutes}>
              {duration.label}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          id="silence-reason"
          fullWidth
          margin="normal"
          label="Reason"
          value={comment}
          onChange={event => setComment(event.target.value)}
          helperText="At least 5 characters, e.g. the incident or change you are working on."
        />
        {error && <Alert severity="error">{error}</Alert>}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>Cancel</Button>
        <Button
          color="primary"
          variant="contained"
          disabled={busy || tooShort}
          onClick={submit}
        >
          {busy ? 'Silencing…' : 'Silence'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
