import {
  CodeSnippet,
  StructuredMetadataTable,
} from '@backstage/core-components';
import Button from '@material-ui/core/Button';
import Dialog from '@material-ui/core/Dialog';
import DialogActions from '@material-ui/core/DialogActions';
import DialogContent from '@material-ui/core/DialogContent';
import DialogTitle from '@material-ui/core/DialogTitle';
import Typography from '@material-ui/core/Typography';
import { AuditLogRow } from '../../api';
import { formatTimestamp } from '../common/formatting';
import { NO_OUTCOME_EXPLANATION } from './AuditOutcome';

/** Everything one audit row holds, including its request details and hash chain. */
export function AuditRowDetails(props: {
  row?: AuditLogRow;
  onClose: () => void;
}) {
  const { row } = props;
  return (
    <Dialog open={Boolean(row)} onClose={props.onClose} fullWidth maxWidth="md">
      <DialogTitle>Audit entry {row?.id}</DialogTitle>
      {row && (
        <DialogContent>
          <StructuredMetadataTable
            metadata={{
              Time: formatTimestamp(row.createdAt),
              Actor: row.actor,
              Action: row.action,
              Outcome:
                row.outcome === 'requested'
                  ? NO_OUTCOME_EXPLANATION
                  : row.outcome,
              ...(row.intentId ? { Intent: `row ${row.intentId}` } : {}),
              ...(row.error ? { Error: row.error } : {}),
              Entity: row.entityRef ?? '—',
              Cluster: row.cluster ?? '—',
              Namespace: row.namespace ?? '—',
            }}
          />
          <Typography variant="subtitle2" style={{ marginTop: 16 }}>
            Request details (secrets redacted)
          </Typography>
          <CodeSnippet
            language="json"
            text={JSON.stringify(row.details ?? {}, null, 2)}
          />
          <Typography
            variant="caption"
            color="textSecondary"
            component="p"
            style={{ wordBreak: 'break-all' }}
          >
            Hash {row.hash}, chained to {row.previousHash}
            {row.keyId ? `, keyed with chain key ${row.keyId}` : ''}
          </Typography>
        </DialogContent>
      )}
      <DialogActions>
        <Button onClick={props.onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
