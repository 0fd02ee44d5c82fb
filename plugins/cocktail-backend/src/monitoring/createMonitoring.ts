import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { Config } from '@backstage/config';
import { CatalogEntityReader } from '../service/ServerResolver';
import { AlertmanagerClient } from './AlertmanagerClient';
import { AlertService } from './AlertService';
import { CostService } from './CostService';
import { readCostSettings } from './costSettings';
import { OpenCostClient } from './OpenCostClient';
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
  const prometheus = new PrometheusClient({
    timeoutMs: settings.requestTimeoutMs,
  });
  const timeSeries = new TimeSeriesService({
    endpoints,
    client: prometheus,
    queries: settings.queries,
    cacheSeconds: settings.cacheSeconds,
  });
  const alerts = new AlertService({
    endpoints,
    client: new AlertmanagerClient({ timeoutMs: settings.requestTimeoutMs }),
  });
  const cost = new CostService({
    endpoints,
    prometheus,
    opencost: new OpenCostClient({ timeoutMs: settings.requestTimeoutMs }),
    settings: readCostSettings(options.config),
  });
  return { settings, endpoints, timeSeries, alerts, cost };
}
