import {
  AccessGrant,
  AccessGrantIssued,
  AccessGrantList,
  AccessGrantRequest,
  ClusterAccessRequest,
  CocktailAccessClient,
  CocktailApiClient,
  CocktailApiClientOptions,
  CocktailMonitoringClient,
  AlertsResponse,
  CostPeriod,
  CostResponse,
  MonitoredKind,
  MonitoringRange,
  SilenceRequest,
  SilenceView,
  MonitoringSeriesResponse,
  NamespacedName,
} from '@cocktailcloud/plugin-cocktail-common';
import { CocktailApi } from './CocktailApi';

/**
 * Talks to the `cocktail` backend plugin with the signed-in user's token: the common clients,
 * given the app's `discoveryApi` and `fetchApi`.
 *
 * @public
 */
export class CocktailClient extends CocktailApiClient implements CocktailApi {
  private readonly access: CocktailAccessClient;
  private readonly monitoring: CocktailMonitoringClient;

  constructor(options: CocktailApiClientOptions) {
    super(options);
    this.access = new CocktailAccessClient(options);
    this.monitoring = new CocktailMonitoringClient(options);
  }

  getMonitoring(
    kind: MonitoredKind,
    entity: NamespacedName,
    range: MonitoringRange,
  ): Promise<MonitoringSeriesResponse> {
    return this.monitoring.getMonitoring(kind, entity, range);
  }

  getClusterMonitoring(
    cluster: string,
    range: MonitoringRange,
  ): Promise<MonitoringSeriesResponse> {
    return this.monitoring.getClusterMonitoring(cluster, range);
  }

  getCost(
    kind: 'services' | 'servicemaps',
    entity: NamespacedName,
    period: CostPeriod,
  ): Promise<CostResponse> {
    return this.monitoring.getCost(kind, entity, period);
  }

  getClusterCost(cluster: string, period: CostPeriod): Promise<CostResponse> {
    return this.monitoring.getClusterCost(cluster, period);
  }

  getAlerts(
    kind: MonitoredKind,
    entity: NamespacedName,
  ): Promise<AlertsResponse> {
    return this.monitoring.getAlerts(kind, entity);
  }

  getClusterAlerts(cluster: string): Promise<AlertsResponse> {
    return this.monitoring.getClusterAlerts(cluster);
  }

  silenceAlerts(
    kind: 'servers' | 'servicemaps',
    entity: NamespacedName,
    request: SilenceRequest,
  ): Promise<SilenceView> {
    return this.monitoring.silenceAlerts(kind, entity, request);
  }

  expireSilence(
    kind: 'servers' | 'servicemaps',
    entity: NamespacedName,
    silenceId: string,
  ): Promise<SilenceView> {
    return this.monitoring.expireSilence(kind, entity, silenceId);
  }

  listAccessGrants(serviceMap: NamespacedName): Promise<AccessGrantList> {
    return this.access.listAccessGrants(serviceMap);
  }

  requestAccess(
    serviceMap: NamespacedName,
    request: AccessGrantRequest,
  ): Promise<AccessGrantIssued> {
    return this.access.requestAccess(serviceMap, request);
  }

  revokeAccess(
    serviceMap: NamespacedName,
    grantId: string,
  ): Promise<AccessGrant> {
    return this.access.revokeAccess(serviceMap, grantId);
  }

  listClusterAccessGrants(cluster: string): Promise<AccessGrantList> {
    return this.access.listClusterAccessGrants(cluster);
  }

  requestClusterAccess(
    cluster: string,
    request: ClusterAccessRequest,
  ): Promise<AccessGrantIssued> {
    return this.access.requestClusterAccess(cluster, request);
  }

  revokeClusterAccess(cluster: string, grantId: string): Promise<AccessGrant> {
    return this.access.revokeClusterAccess(cluster, grantId);
  }
}
