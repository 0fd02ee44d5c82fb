import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { cocktailApiRef } from '../../api';
import { MonitoringHistory } from '../MonitoringCharts';
import { AlertsCard } from '../Alerts/AlertsCard';
import { refusalOf, useEntityAccess } from '../../hooks/useEntityAccess';
import { entityName } from '../../hooks/entityName';
import { useLiveResource } from '../../hooks/useLiveResource';
import { useServerStatus } from '../../hooks/useServerStatus';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { StatusFreshness } from '../ServerOverview/LiveStatusCard';
import { EventsTable } from './EventsTable';
import { PodsTable } from './PodsTable';
import { RolloutCard } from './RolloutCard';
import { UsageTable } from './UsageTable';

/**
 * The Monitoring tab: pods, rollout, usage over time (Prometheus) and now (metrics-server), and
 * events, updated live through signals.
 */
export function EntityServerMonitoringContent() {
  const { entity } = useEntity();
  const server = entityName(entity);
  const api = useApi(cocktailApiRef);
  const status = useServerStatus(server);
  const access = useEntityAccess(entity);
  const metrics = useLiveResource(
    () => api.getServerMetrics(server),
    [api, server.namespace, server.name],
  );
  if (!status.value) {
    return status.loading ? (
      <Progress />
    ) : (
      <ApiErrorPanel error={status.error} what="Live status" />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        {status.error && (
          <ApiErrorPanel error={status.error} what="Refreshing the status" />
        )}
        <StatusFreshness status={status.value} />
        <RolloutCard status={status.value} />
      </Grid>
      <Grid item xs={12}>
        <PodsTable status={status.value} />
      </Grid>
      <Grid item xs={12}>
        <AlertsCard
          subject={server.name}
          entityKey={`${server.namespace}/${server.name}`}
          load={() => api.getAlerts('servers', server)}
          silences={{
            refusal: refusalOf(access, 'cocktail.alert.silence'),
            silence: request => api.silenceAlerts('servers', server, request),
            expire: id => api.expireSilence('servers', server, id),
          }}
        />
      </Grid>
      <Grid item xs={12}>
        <MonitoringHistory
          title="Usage over time"
          entityKey={`${server.namespace}/${server.name}`}
          load={range => api.getMonitoring('servers', server, range)}
        />
      </Grid>
      <Grid item xs={12}>
        <UsageTable
          metrics={metrics.value}
          loading={metrics.loading}
          error={metrics.error}
        />
      </Grid>
      <Grid item xs={12}>
        <EventsTable status={status.value} />
      </Grid>
    </Grid>
  );
}
