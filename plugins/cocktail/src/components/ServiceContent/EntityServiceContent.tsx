import { Progress } from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { ServiceEntityV1alpha1 } from '@cocktailcloud/plugin-cocktail-common';
import { cocktailApiRef } from '../../api';
import { entityName } from '../../hooks/entityName';
import { useLiveResource } from '../../hooks/useLiveResource';
import { ApiErrorPanel } from '../common/ApiErrorPanel';
import { ServersHealthTable } from '../common/ServersHealthTable';
import { MonitoringHistory } from '../MonitoringCharts';
import { AlertsCard } from '../Alerts/AlertsCard';
import { CostCard } from '../Cost/CostCard';
import { MembersCard } from './MembersCard';
import { QuotaAllocationCard } from './QuotaAllocationCard';
import { ServiceMapsTable } from './ServiceMapsTable';
import { useEntityAccess } from '../../hooks/useEntityAccess';
import { YourRoleNotice } from '../common/YourRoleNotice';

/** The Service tab: members, environments, quota allocation and every server's health. */
export function EntityServiceContent() {
  const { entity } = useEntity<ServiceEntityV1alpha1>();
  const api = useApi(cocktailApiRef);
  const name = entityName(entity);
  const access = useEntityAccess(entity);
  const summary = useLiveResource(
    () => api.getServiceSummary(name),
    [api, name.namespace, name.name],
  );
  return (
    <Grid container spacing={3}>
      {access.value && (
        <Grid item xs={12}>
          <YourRoleNotice access={access.value} />
        </Grid>
      )}
      <Grid item xs={12} md={5}>
        <MembersCard service={entity} />
      </Grid>
      <Grid item xs={12} md={7}>
        {summary.value && <QuotaAllocationCard summary={summary.value} />}
      </Grid>
      <Grid item xs={12}>
        {!summary.value && summary.loading && <Progress />}
        {summary.error && (
          <ApiErrorPanel error={summary.error} what="Service summary" />
        )}
        {summary.value && (
          <ServiceMapsTable serviceMaps={summary.value.serviceMaps} />
        )}
      </Grid>
      <Grid item xs={12}>
        {summary.value && (
          <ServersHealthTable
            title="Servers in every environment"
            showEnvironment
            servers={summary.value.serviceMaps.flatMap(map =>
              map.servers.map(s => ({ ...s, environment: map.environment })),
            )}
          />
        )}
      </Grid>
      <Grid item xs={12}>
        <CostCard
          title="Cost"
          itemTitle="Environment"
          entityKey={`${name.namespace}/${name.name}`}
          load={period => api.getCost('services', name, period)}
        />
      </Grid>
      <Grid item xs={12}>
        <AlertsCard
          subject={entity.metadata.title ?? name.name}
          entityKey={`${name.namespace}/${name.name}`}
          load={() => api.getAlerts('services', name)}
        />
      </Grid>
      <Grid item xs={12}>
        <MonitoringHistory
          title="Usage by environment over time"
          entityKey={`${name.namespace}/${name.name}`}
          load={range => api.getMonitoring('services', name, range)}
        />
      </Grid>
    </Grid>
  );
}
