import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogEntityReader } from '../service/ServerResolver';
import { AlertmanagerClient } from './AlertmanagerClient';
import { AlertService } from './AlertService';
import { catalogHostCheck, MonitoringEndpoints } from './MonitoringEndpoints';
import { readMonitoringSettings } from './monitoringSettings';
import { PrometheusClient } from './PrometheusClient';
import { TimeSeriesService } from './TimeSeriesService';

/** Reads the monitoring settings (throwing on a wrong key) and builds what the routes use. */
export function createMonitoring(options: {
  config: Config;
  catalog: CatalogEntityReader;
  auth: AuthService;
  logger: LoggerService;
  entityRefOf: (cluster: string) => Promise<string | undefined>;
}) {
  const settings = readMonitoringSettings(options.config);
  const endpoints = new MonitoringEndpoints({
    ...options,
    configured: settings.clusters,
    catalogHostAllowed: catalogHostCheck(settings.allowedCatalogHosts),
  });
  const timeSeries = new TimeSeriesService({
    endpoints,
    client: new PrometheusClient({ timeoutMs: settings.requestTimeoutMs }),
    queries: settings.queries,
    cacheSeconds: settings.cacheSeconds,
  });
  const alerts = new AlertService({
    endpoints,
    client: new AlertmanagerClient({ timeoutMs: settings.requestTimeoutMs }),
  });
  return { settings, endpoints, timeSeries, alerts };
}
