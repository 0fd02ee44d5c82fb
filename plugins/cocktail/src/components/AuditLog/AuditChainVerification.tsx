import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import AlertTitle from '@material-ui/lab/AlertTitle';
import {
  AuditChainBreakReason,
  AuditChainVerificationView,
  AuditCheckpointView,
} from '../../api';
import { formatTimestamp } from '../common/formatting';

const BREAK_TITLES: Record<AuditChainBreakReason, string> = {
  'hash-mismatch': 'A row was altered',
  'previous-hash-mismatch': 'A row is missing, or rows were reordered',
  'key-mismatch': 'Made with another chain key',
  truncated: 'The newest rows were removed',
  rewritten: 'The log was rewritten',
  'checkpoint-mismatch': 'A checkpoint was altered or removed',
};

function describeCheckpoint(checkpoint?: AuditCheckpointView): string {
  return checkpoint
    ? `Checked against the checkpoint of ${formatTimestamp(
        checkpoint.createdAt,
      )} (${checkpoint.rowCount.toLocaleString()} rows, up to row ${
        checkpoint.headRowId
      }).`
    : 'No checkpoint was taken yet, so removing the newest rows would not show.';
}

/** What `GET /audit/verify` found: the chain intact, or where and why it breaks. */
export function AuditChainVerification(props: {
  result: AuditChainVerificationView;
}) {
  const { result } = props;
  const rows = `${result.checkedRows.toLocaleString()} row(s) checked`;
  if (result.ok) {
    return (
      <Alert severity="success">
        <AlertTitle>The audit chain is intact</AlertTitle>
        <Typography variant="body2">
          {rows}. {describeCheckpoint(result.lastCheckpoint)}
        </Typography>
      </Alert>
    );
  }
  const where = [
    result.firstBrokenRowId && `row ${result.firstBrokenRowId}`,
    result.brokenCheckpointId && `checkpoint ${result.brokenCheckpointId}`,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <Alert severity="error">
      <AlertTitle>{BREAK_TITLES[result.reason] ?? result.reason}</AlertTitle>
      <Typography variant="body2" paragraph>
        {result.message}
      </Typography>
      <Typography variant="body2" color="textSecondary">
        Broken at {where || 'an unknown place'} ({result.reason}); {rows}.{' '}
        {describeCheckpoint(result.lastCheckpoint)}
      </Typography>
    </Alert>
  );
}
