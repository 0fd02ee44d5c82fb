import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import LinearProgress from '@material-ui/core/LinearProgress';
import TextField from '@material-ui/core/TextField';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ReactNode, useState } from 'react';
import { ApiErrorPanel } from '../common/ApiErrorPanel';

type Phase =
  | { step: 'edit' }
  | { step: 'running' }
  | { step: 'done'; result: unknown }
  | { step: 'failed'; error: unknown };

export interface OperationDialogProps {
  open: boolean;
  title: string;
  /** Inputs of the operation, when it has any. */
  form?: ReactNode;
  /** Why the inputs cannot be used yet; the confirm button stays disabled meanwhile. */
  invalidReason?: string;
  /** `error` when the reason is a refusal (a dry run the backend refused), not a hint. */
  invalidSeverity?: 'info' | 'error';
  /** Exactly what will change, as sentences, recomputed as the inputs change. */
  changes: string[];
  /** For destructive operations: the text the user must type to confirm. */
  confirmationText?: string;
  confirmLabel: string;
  destructive?: boolean;
  run: () => Promise<unknown>;
  /** What the finished operation did, and live progress after it. */
  renderResult: (result: unknown) => ReactNode;
  onClose: () => void;
}

/** Inputs, then exactly what will change, then progress, then the result. */
export function OperationDialog(props: OperationDialogProps) {
  const [phase, setPhase] = useState<Phase>({ step: 'edit' });
  const [typed, setTyped] = useState('');
  const { open, title, changes, confirmationText } = props;

  const close = () => {
    setPhase({ step: 'edit' });
    setTyped('');
    props.onClose();
  };
  const start = async () => {
    setPhase({ step: 'running' });
    try {
      setPhase({ step: 'done', result: await props.run() });
    } catch (error) {
      setPhase({ step: 'failed', error });
    }
  };
  const confirmed = !confirmationText || typed === confirmationText;
  const editing = phase.step === 'edit';

  return (
    <Dialog
      open={open}
      onClose={phase.step === 'running' ? undefined : close}
      fullWidth
      maxWidth="md"
      aria-labelledby="cocktail-operation-title"
    >
      <DialogTitle id="cocktail-operation-title">{title}</DialogTitle>
      <DialogContent>
        {editing && props.form}
        {(editing || phase.step === 'running') && (
          <>
            <Typography variant="subtitle2" gutterBottom>
              What will change
            </Typography>
            {props.invalidReason ? (
              <Alert severity={props.invalidSeverity ?? 'info'}>
                {props.invalidReason}
              </Alert>
            ) : (
              <ul aria-label="what will change">
                {changes.map(line => (
                  <li key={line}>
                    <Typography variant="body2">{line}</Typography>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
        {editing && confirmationText && !props.invalidReason && (
          <TextField
            id="cocktail-operation-confirmation"
            label={`Type ${confirmationText} to confirm`}
            value={typed}
            onChange={e => setTyped(e.target.value)}
            fullWidth
            margin="normal"
            variant="outlined"
            size="small"
          />
        )}
        {phase.step === 'running' && (
          <>
            <LinearProgress aria-label="operation running" />
            <Typography variant="body2" color="textSecondary">
              Sending the change to the cluster…
            </Typography>
          </>
        )}
        {phase.step === 'failed' && (
          <>
            <ApiErrorPanel error={phase.error} what={`${title} failed`} />
            <Typography variant="body2" color="textSecondary">
              The error says what was applied before it failed, if anything.
            </Typography>
          </>
        )}
        {phase.step === 'done' && props.renderResult(phase.result)}
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={phase.step === 'running'}>
          {phase.step === 'done' || phase.step === 'failed'
            ? 'Close'
            : 'Cancel'}
        </Button>
        {phase.step === 'failed' && (
          <Button onClick={() => setPhase({ step: 'edit' })}>Back</Button>
        )}
        {editing && (
          <Button
            onClick={start}
            color={props.destructive ? 'secondary' : 'primary'}
            variant="contained"
            disabled={Boolean(props.invalidReason) || !confirmed}
          >
            {props.confirmLabel}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}
