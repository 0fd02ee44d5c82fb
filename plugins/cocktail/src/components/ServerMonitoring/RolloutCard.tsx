import { InfoCard } from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import LinearProgress from '@material-ui/core/LinearProgress';
import Typography from '@material-ui/core/Typography';
import { ServerStatus } from '@cocktailcloud/plugin-cocktail-common';
import { ServerHealthStatus } from '../common/ServerHealthStatus';

/** Replicas and the rollout's progress: updated and ready against desired. */
export function RolloutCard(props: { status: ServerStatus }) {
  const { replicas, rollout, conditions } = props.status;
  const desired = Math.max(replicas.desired, 1);
  const updated = Math.min(100, (replicas.updated / desired) * 100);
  const ready = Math.min(100, (replicas.ready / desired) * 100);
  const problems = conditions.filter(c => c.status !== 'True' && c.message);
  return (
    <InfoCard title="Replicas and rollout">
      <Box mb={1}>
        <ServerHealthStatus status={props.status} />
      </Box>
      <Typography variant="body2">
        {replicas.ready} of {replicas.desired} ready · {replicas.updated}{' '}
        updated · {replicas.current} running
        {rollout.revision ? ` · revision ${rollout.revision}` : ''}
      </Typography>
      <Box my={1}>
        <LinearProgress
          variant="buffer"
          value={ready}
          valueBuffer={updated}
          aria-label={`rollout ${Math.round(ready)} percent ready`}
        />
      </Box>
      {rollout.message && (
        <Typography variant="body2" color="textSecondary">
          {rollout.message}
        </Typography>
      )}
      {problems.map(c => (
        <Typography key={c.type} variant="body2" color="error">
          {c.type}: {c.message}
        </Typography>
      ))}
    </InfoCard>
  );
}
