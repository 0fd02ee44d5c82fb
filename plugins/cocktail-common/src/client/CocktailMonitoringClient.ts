import { MonitoringRange, MonitoringSeriesResponse } from '../api/monitoring';
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

/**
 * Charts over time from the clusters' Prometheus, through the `cocktail` backend.
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
      `/${kind}/${encodeURIComponent(entity.namespace)}/${encodeURIComponent(
        entity.name,
      )}/monitoring?range=${range}`,
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
}
