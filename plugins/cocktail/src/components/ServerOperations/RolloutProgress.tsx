import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import Alert from '@material-ui/lab/Alert';
import { ServerStatus } from '@cocktailcloud/plugin-cocktail-common';

/** The rollout after an operation, as the live status reports it. */
export function RolloutProgress(props: {
  status?: ServerStatus;
  summary: string;
}) {
  const { status, summary } = props;
  const replicas = status?.replicas;
  const done =
    status?.rollout.state === 'complete' ||
    status?.rollout.state === 'suspended';
  return (
    <Box>
      <Alert severity="success">{summary}</Alert>
      {status && replicas && (
        <Box mt={2} aria-live="polite">
          <Typography variant="body2">
            {done ? 'Rollout complete' : 'Rolling out'}: {replicas.ready} of{' '}
            {replicas.desired} ready, {replicas.updated} updated
            {status.rollout.revision
              ? `, revision ${status.rollout.revision}`
              : ''}
            .
          </Typography>
          {!done && <LinearProgress aria-label="rollout in progress" />}
        </Box>
      )}
    </Box>
  );
}
