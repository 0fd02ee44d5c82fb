import { CostPeriod, CostResponse } from '../api/cost';
import {
  AlertsResponse,
  MonitoringRange,
  MonitoringSeriesResponse,
  SilenceRequest,
  SilenceView,
} from '../api/monitoring';
import { CocktailHttp } from './CocktailHttp';
import {
  CocktailApiClientOptions,
  CocktailRequestOptions,
  NamespacedName,
} from './requests';

/**
 * The entities whose charts the backend draws.
 *
 * @public
 */
export type MonitoredKind = 'servers' | 'servicemaps' | 'services';

function entityPath(kind: MonitoredKind, entity: NamespacedName) {
  return `/${kind}/${encodeURIComponent(entity.namespace)}/${encodeURIComponent(
    entity.name,
  )}`;
}

/**
 * Charts over time from the clusters' Prometheus, and alerts and silences from their
 * Alertmanager, through the `cocktail` backend.
 *
 * @public
 */
export class CocktailMonitoringClient {
  private readonly http: CocktailHttp;

  constructor(options: CocktailApiClientOptions) {
    this.http = new CocktailHttp(options);
  }

  /** A server's, ServiceMap's or Service's charts over `range`; `available: false` says why not. */
  async getMonitoring(
    kind: MonitoredKind,
    entity: NamespacedName,
    range: MonitoringRange,
    options?: CocktailRequestOptions,
  ): Promise<MonitoringSeriesResponse> {
    return this.http.get(
      `${entityPath(kind, entity)}/monitoring?range=${range}`,
      options,
    );
  }

  /** A cluster's nodes and running pods over `range`. */
  async getClusterMonitoring(
    cluster: string,
    range: MonitoringRange,
    options?: CocktailRequestOptions,
  ): Promise<MonitoringSeriesResponse> {
    return this.http.get(
      `/clusters/${encodeURIComponent(cluster)}/monitoring?range=${range}`,
      options,
    );
  }

  /** The entity's active alerts and silences; `available: false` says why there are none. */
  async getAlerts(
    kind: MonitoredKind,
    entity: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<AlertsResponse> {
    return this.http.get(`${entityPath(kind, entity)}/alerts`, options);
  }

  async getClusterAlerts(
    cluster: string,
    options?: CocktailRequestOptions,
  ): Promise<AlertsResponse> {
    return this.http.get(
      `/clusters/${encodeURIComponent(cluster)}/alerts`,
      options,
    );
  }

  /** Silences a server's or ServiceMap's alerts (or one rule's) for a while. */
  async silenceAlerts(
    kind: 'servers' | 'servicemaps',
    entity: NamespacedName,
    request: SilenceRequest,
    options?: CocktailRequestOptions,
  ): Promise<SilenceView> {
    return this.http.result(
      `${entityPath(kind, entity)}/alerts/silences`,
      request,
      options,
    );
  }

  /** Ends a silence of the entity's alerts now. */
  async expireSilence(
    kind: 'servers' | 'servicemaps',
    entity: NamespacedName,
    silenceId: string,
    options?: CocktailRequestOptions,
  ): Promise<SilenceView> {
    const answer = await this.http.json<{ result: SilenceView }>(
      'DELETE',
      `${entityPath(kind, entity)}/alerts/silences/${encodeURIComponent(
        silenceId,
      )}`,
      undefined,
      options,
    );
    return answer.result;
  }

  /** What a Service's or ServiceMap's environments cost over `period`. */
  async getCost(
    kind: 'services' | 'servicemaps',
    entity: NamespacedName,
    period: CostPeriod,
    options?: CocktailRequestOptions,
  ): Promise<CostResponse> {
    return this.http.get(
      `${entityPath(kind, entity)}/cost?period=${period}`,
      options,
    );
  }

  /** What each namespace of a cluster cost over `period`. */
  async getClusterCost(
    cluster: string,
    period: CostPeriod,
    options?: CocktailRequestOptions,
  ): Promise<CostResponse> {
    return this.http.get(
      `/clusters/${encodeURIComponent(cluster)}/cost?period=${period}`,
      options,
    );
  }
}
