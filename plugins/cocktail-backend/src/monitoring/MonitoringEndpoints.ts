import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogEntityReader } from '../service/ServerResolver';
import {
  CatalogHostCheck,
  readCatalogMonitoring,
} from './catalogMonitoringEndpoints';
import { ClusterMonitoring } from './monitoringSettings';

const CACHE_MS = 30_000;

/** A cluster's monitoring endpoints, or why it has none (`reason`, with what to install). */
export interface ResolvedMonitoring extends ClusterMonitoring {
  problems: string[];
}

/**
 * Finds each cluster's Prometheus and Alertmanager: app-config's `cocktail.clusters[]` blocks
 * first, else the annotations of the cluster's catalog Resource (read with the backend's own
 * credentials, kept for 30 s).
 */
export class MonitoringEndpoints {
  private readonly cache = new Map<
    string,
    { at: number; value: ResolvedMonitoring }
  >();

  constructor(
    private readonly options: {
      configured: Map<string, ClusterMonitoring>;
      catalog: CatalogEntityReader;
      auth: AuthService;
      logger: LoggerService;
      /** The catalog Resource of a cluster, such as `resource:default/dev`, if it has one. */
      entityRefOf: (cluster: string) => Promise<string | undefined>;
      catalogHostAllowed: CatalogHostCheck;
    },
  ) {}

  async forCluster(cluster: string): Promise<ResolvedMonitoring> {
    const configured = this.options.configured.get(cluster);
    if (configured) {
      return { ...configured, problems: [] };
    }
    const cached = this.cache.get(cluster);
    if (cached && Date.now() - cached.at < CACHE_MS) {
      return cached.value;
    }
    const value = await this.fromCatalog(cluster);
    for (const problem of value.problems) {
      this.options.logger.warn(problem);
    }
    this.cache.set(cluster, { at: Date.now(), value });
    return value;
  }

  private async fromCatalog(cluster: string): Promise<ResolvedMonitoring> {
    const entityRef = await this.options.entityRefOf(cluster);
    if (!entityRef) {
      return { problems: [] };
    }
    const entity = await this.options.catalog.getEntityByRef(entityRef, {
      credentials: await this.options.auth.getOwnServiceCredentials(),
    });
    if (!entity) {
      return { problems: [] };
    }
    const { monitoring, problems } = readCatalogMonitoring(
      entity,
      this.options.catalogHostAllowed,
    );
    return { ...monitoring, problems };
  }
}

/** `cocktail.monitoring.allowedCatalogHosts`: hosts (`prometheus.monitoring`) or host:port. */
export function catalogHostCheck(allowed: string[]): CatalogHostCheck {
  const entries = new Set(allowed.map(entry => entry.toLowerCase()));
  return url =>
    entries.has(url.hostname.toLowerCase()) ||
    entries.has(url.host.toLowerCase());
}
