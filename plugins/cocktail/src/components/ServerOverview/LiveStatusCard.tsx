import {
  InfoCard,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import Box from '@material-ui/core/Box';
import Typography from '@material-ui/core/Typography';
import { ServerStatus } from '@cocktailcloud/plugin-cocktail-common';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { ServerHealthStatus } from '../common/ServerHealthStatus';
import { StaleDataNotice } from '../common/StaleDataNotice';

/** The stale-data warning, shown above anything read from the watch cache. */
export function StatusFreshness(props: { status: ServerStatus }) {
  const { status } = props;
  if (!status.stale) {
    return null;
  }
  return (
    <Box mb={2}>
      <StaleDataNotice
        cluster={status.cluster}
        staleForSeconds={status.staleForSeconds}
        error={status.error}
      />
    </Box>
  );
}

/** What runs now, from the backend's watch cache. */
export function LiveStatusCard(props: {
  status?: ServerStatus;
  loading: boolean;
  error?: Error;
}) {
  const { status, loading, error } = props;
  if (!status) {
    return (
      <InfoCard title="Live status">
        {loading && <Progress />}
        {error && <ApiErrorPanel error={error} what="Live status" />}
      </InfoCard>
    );
  }
  const metadata: Record<string, unknown> = {
    State: <ServerHealthStatus status={status} />,
    Cluster: `${status.cluster}, namespace ${status.namespace}`,
  };
  if (status.found) {
    Object.assign(metadata, {
      Workload: `${status.kind} ${status.server}`,
      Replicas: `${status.replicas.ready} ready of ${status.replicas.desired} desired (${status.replicas.updated} updated, ${status.replicas.available} available)`,
      Rollout: `${status.rollout.state}${
        status.rollout.revision ? `, revision ${status.rollout.revision}` : ''
      }${status.rollout.message ? `: ${status.rollout.message}` : ''}`,
      'Running images': status.images.map(i => `${i.container}: ${i.image}`),
    });
    if (status.autoscaling) {
      const a = status.autoscaling;
      metadata.Autoscaling = `${a.minReplicas ?? 1}–${
        a.maxReplicas
      } replicas, now ${a.currentReplicas ?? '?'}${
        a.cpuUtilization !== undefined ? ` at ${a.cpuUtilization}% CPU` : ''
      }`;
    }
  }
  return (
    <InfoCard title="Live status" subheader="What the cluster runs now">
      {error && <ApiErrorPanel error={error} what="Refreshing the status" />}
      <StatusFreshness status={status} />
      {!status.found && (
        <Typography paragraph>
          Nothing of this server runs on cluster {status.cluster} in namespace{' '}
          {status.namespace}. Deploy it from the Operations tab.
        </Typography>
      )}
      <StructuredMetadataTable metadata={metadata} />
    </InfoCard>
  );
}
