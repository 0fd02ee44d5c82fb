import Box from '@material-ui/core/Box';
import Chip from '@material-ui/core/Chip';
import Typography from '@material-ui/core/Typography';
import { AuditLogRow } from '../../api';

/** Said of an intent no outcome points at. */
export const NO_OUTCOME_EXPLANATION =
  'No outcome recorded: the change is still running, or the backend stopped during it.';

/**
 * A row's outcome and error; an intent without an outcome is marked as such, since it is the
 * evidence of a change whose end nobody recorded.
 */
export function AuditOutcome(props: { row: AuditLogRow }) {
  const { row } = props;
  if (row.outcome === 'requested') {
    return (
      <Box display="flex" alignItems="center" style={{ gap: 8 }}>
        <Chip
          size="small"
          variant="outlined"
          color="secondary"
          label="no outcome"
        />
        <Typography variant="body2" color="textSecondary">
          {NO_OUTCOME_EXPLANATION}
        </Typography>
      </Box>
    );
  }
  return (
    <Typography
      variant="body2"
      color={row.outcome === 'succeeded' ? 'textPrimary' : 'error'}
    >
      {row.outcome}
      {row.error ? `: ${row.error}` : ''}
    </Typography>
  );
}
