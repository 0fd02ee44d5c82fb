import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { EntityRefLink, useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { ServiceMapSummary } from '@cocktailcloud/plugin-cocktail-common';
import { cocktailApiRef } from '../../api';
import { entityName } from '../../hooks/entityName';
import { useLiveResource } from '../../hooks/useLiveResource';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { secondsSince } from '../common/formatting';
import { ServersHealthTable } from '../common/ServersHealthTable';
import { StaleDataNotice } from '../common/StaleDataNotice';
import { MonitoringHistory } from '../MonitoringCharts';
import { AlertsCard } from '../Alerts/AlertsCard';
import { refusalOf, useEntityAccess } from '../../hooks/useEntityAccess';
import { QuotaUsageCard } from './QuotaUsageCard';

function describeWatch(state: ServiceMapSummary['clusterState']) {
  if (!state.stale) {
    return 'Watching, up to date';
  }
  return state.synced ? 'Not answering; showing cached data' : 'Not read yet';
}

function ClusterHealthCard(props: {
  summary: ServiceMapSummary;
  clusterRef: string;
}) {
  const { clusterState, cluster, namespace } = props.summary;
  return (
    <InfoCard title="Cluster">
      {clusterState.stale && (
        <StaleDataNotice
          cluster={cluster}
          staleForSeconds={secondsSince(clusterState.healthyAt)}
          error={clusterState.error}
        />
      )}
      <StructuredMetadataTable
        metadata={{
          Cluster: <EntityRefLink entityRef={props.clusterRef} />,
          Namespace: namespace,
          Health: describeWatch(clusterState),
        }}
      />
    </InfoCard>
  );
}

/** The ServiceMap tab: its servers with their state, its namespace's quota, its cluster. */
export function EntityServiceMapContent() {
  const { entity } = useEntity();
  const api = useApi(cocktailApiRef);
  const name = entityName(entity);
  const summary = useLiveResource(
    () => api.getServiceMapSummary(name),
    [api, name.namespace, name.name],
  );
  const access = useEntityAccess(entity);
  if (!summary.value) {
    return summary.loading ? (
      <Progress />
    ) : (
      <ApiErrorPanel error={summary.error} what="ServiceMap" />
    );
  }
  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <ServersHealthTable servers={summary.value.servers} />
      </Grid>
      <Grid item xs={12} md={6}>
        <QuotaUsageCard quota={summary.value.quota} />
      </Grid>
      <Grid item xs={12} md={6}>
        <ClusterHealthCard
          summary={summary.value}
          clusterRef={stringifyEntityRef(
            parseEntityRef(entity.spec?.cluster as string, {
              defaultKind: 'Resource',
              defaultNamespace: name.namespace,
            }),
          )}
        />
      </Grid>
      <Grid item xs={12}>
        <AlertsCard
          subject={name.name}
          entityKey={`${name.namespace}/${name.name}`}
          load={() => api.getAlerts('servicemaps', name)}
          silences={{
            refusal: refusalOf(access, 'cocktail.alert.silence'),
            silence: request => api.silenceAlerts('servicemaps', name, request),
            expire: id => api.expireSilence('servicemaps', name, id),
          }}
        />
      </Grid>
      <Grid item xs={12}>
        <MonitoringHistory
          title="Namespace usage over time"
          entityKey={`${name.namespace}/${name.name}`}
          load={range => api.getMonitoring('servicemaps', name, range)}
        />
      </Grid>
    </Grid>
  );
}
