import Typography from '@material-ui/core/Typography';
import { ClusterChangeResult } from '@cocktailcloud/plugin-cocktail-common';
import { ReactNode } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { OperationDialog } from '../ServerOperations/OperationDialog';

/** What a dry run answered, as the lines the dialog lists under "What will change". */
export interface DryRunAnswer {
  changes: string[];
  warnings?: string[];
  policyRules?: string[];
}

/** The dry run's changes, its warnings, and the cluster policy's verdict, as sentences. */
export function describeDryRun(answer: DryRunAnswer, withPolicy: boolean) {
  const lines = [
    ...answer.changes,
    ...(answer.warnings ?? []).map(w => `Warning: ${w}`),
  ];
  if (withPolicy) {
    lines.push(
      answer.policyRules?.length
        ? `Cluster policy: passes ${answer.policyRules.join(', ')}`
        : 'Cluster policy: no rule applies to this operation',
    );
  }
  return lines;
}

/** The backend's own words for a refusal (the policy rule, the field), not the HTTP wrapper's. */
function messageOf(error: unknown): string {
  const thrown = error as { body?: any; message?: string };
  return thrown?.body?.error?.message ?? thrown?.message ?? String(error);
}

/**
 * The dry-run-first dialog of the cluster page: as soon as the inputs are valid the backend
 * checks the change (permission, cluster policy, what exists) without making it, and the
 * dialog lists what would change; a refusal, with the policy rule that refused, shows before
 * anything can be confirmed. Built on the server operations' dialog.
 */
export function ChangeDialog<T extends DryRunAnswer>(props: {
  open: boolean;
  onClose: () => void;
  title: string;
  form?: ReactNode;
  /** Why the inputs are not complete yet, checked here before asking the backend. */
  invalidReason?: string;
  /** Asks again whenever it changes: the inputs, as a string. */
  inputsKey: string;
  send: (dryRun: boolean) => Promise<T>;
  /** Whether the change passes the cluster policy (cluster operations) or not (backups). */
  policy?: boolean;
  confirmLabel: string;
  destructive?: boolean;
  confirmationText?: string;
  /** After the change: what it did, and progress; the changes it made by default. */
  renderResult?: (result: T) => ReactNode;
}) {
  const ready = props.open && !props.invalidReason;
  const dryRun = useAsync(
    async () => (ready ? props.send(true) : undefined),
    // The inputs key stands for the inputs `send` closes over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [ready, props.inputsKey],
  );
  let invalidReason = props.invalidReason;
  let severity: 'info' | 'error' = 'info';
  if (!invalidReason && dryRun.loading) {
    invalidReason = 'Checking what would change (dry run)…';
  } else if (!invalidReason && dryRun.error) {
    invalidReason = `Refused: ${messageOf(dryRun.error)}`;
    severity = 'error';
  }
  return (
    <OperationDialog
      open={props.open}
      onClose={props.onClose}
      title={props.title}
      form={props.form}
      invalidReason={invalidReason}
      invalidSeverity={severity}
      changes={
        dryRun.value ? describeDryRun(dryRun.value, props.policy !== false) : []
      }
      confirmLabel={props.confirmLabel}
      destructive={props.destructive}
      confirmationText={props.confirmationText}
      run={() => props.send(false)}
      renderResult={result =>
        props.renderResult ? (
          props.renderResult(result as T)
        ) : (
          <DoneList result={result as ClusterChangeResult} />
        )
      }
    />
  );
}

/** What a finished change did. */
export function DoneList(props: { result: DryRunAnswer }) {
  return (
    <>
      <Typography variant="subtitle2" gutterBottom>
        Done
      </Typography>
      <ul aria-label="what changed">
        {describeDryRun(props.result, false).map(line => (
          <li key={line}>
            <Typography variant="body2">{line}</Typography>
          </li>
        ))}
      </ul>
    </>
  );
}
