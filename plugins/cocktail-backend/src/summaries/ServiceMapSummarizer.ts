import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  ClusterCacheStateView,
  CocktailServerEntityV1alpha1,
  cocktailServerReadPermission,
  ServerHealth,
  ServiceMapEntityV1alpha1,
  ServiceMapSummary,
} from '@cocktailcloud/plugin-cocktail-common';
import {
  summarizeServerStatus,
  WatchCache,
} from '@cocktailcloud/plugin-cocktail-node';
import type * as k8s from '@kubernetes/client-node';
import { ClusterAccess } from '../service/ClusterAccess';
import { clusterNameOf, refOf, serviceMapRefOf } from './catalogRefs';
import { CocktailCatalog } from './CocktailCatalog';
import { readNamespaceQuota } from './readNamespaceQuota';

const SYNC_WAIT_MS = 3_000;

export interface ServiceMapSummarizerOptions {
  catalog: CocktailCatalog;
  permissions: PermissionsService;
  clusters: ClusterAccess;
  watchCache: WatchCache;
  loadClient: () => Promise<typeof k8s>;
  /** Time limit of the live ResourceQuota read. */
  timeoutMs: number;
}

function unregistered(cluster: string): ClusterCacheStateView {
  return {
    cluster,
    synced: false,
    stale: true,
    error: `cluster ${cluster} is not registered with the cocktail plugin`,
  };
}

/**
 * Summarizes ServiceMaps: each one's servers and their health from the watch cache (only the
 * servers the caller may read), and its namespace's quota asked live from the cluster.
 */
export class ServiceMapSummarizer {
  constructor(private readonly options: ServiceMapSummarizerOptions) {}

  async summarize(
    serviceMaps: ServiceMapEntityV1alpha1[],
    credentials: BackstageCredentials,
  ): Promise<ServiceMapSummary[]> {
    if (!serviceMaps.length) {
      return [];
    }
    const mapRefs = new Set(serviceMaps.map(refOf));
    const [servers, registered] = await Promise.all([
      this.readableServers(mapRefs, credentials),
      this.options.clusters
        .listClusters()
        .then(list => new Set(list.map(c => c.name))),
    ]);
    const clusters = [...new Set(serviceMaps.map(clusterNameOf))].filter(c =>
      registered.has(c),
    );
    await Promise.all(
      clusters.map(c => this.options.watchCache.waitForSync(c, SYNC_WAIT_MS)),
    );
    const client = await this.options.loadClient();
    return Promise.all(
      serviceMaps.map(serviceMap =>
        this.summarizeOne(
          serviceMap,
          servers.filter(s => serviceMapRefOf(s) === refOf(serviceMap)),
          registered.has(clusterNameOf(serviceMap)),
          client,
        ),
      ),
    );
  }

  /** The servers of these ServiceMaps that the caller may read: one permission batch. */
  private async readableServers(
    mapRefs: Set<string>,
    credentials: BackstageCredentials,
  ): Promise<CocktailServerEntityV1alpha1[]> {
    const servers = (await this.options.catalog.servers(credentials)).filter(
      server => mapRefs.has(serviceMapRefOf(server) ?? ''),
    );
    if (!servers.length) {
      return [];
    }
    const decisions = await this.options.permissions.authorize(
      servers.map(server => ({
        permission: cocktailServerReadPermission,
        resourceRef: stringifyEntityRef(server),
      })),
      { credentials },
    );
    return servers.filter(
      (_, i) => decisions[i].result === AuthorizeResult.ALLOW,
    );
  }

  private async summarizeOne(
    serviceMap: ServiceMapEntityV1alpha1,
    servers: CocktailServerEntityV1alpha1[],
    isRegistered: boolean,
    client: typeof k8s,
  ): Promise<ServiceMapSummary> {
    const cluster = clusterNameOf(serviceMap);
    const namespace = serviceMap.spec.namespace;
    const clusterState = isRegistered
      ? this.options.watchCache.read(cluster).state
      : unregistered(cluster);
    const quota = isRegistered
      ? await readNamespaceQuota(
          {
            cluster,
            kubeConfig: () => this.options.clusters.kubeConfigFor(cluster),
            client,
            timeoutMs: this.options.timeoutMs,
          },
          namespace,
        )
      : {
          cluster,
          namespace,
          found: false,
          hard: {},
          used: {},
          error: clusterState.error,
        };
    return {
      entityRef: stringifyEntityRef(serviceMap),
      name: serviceMap.metadata.name,
      title: serviceMap.metadata.title,
      environment: serviceMap.spec.environment,
      cluster,
      namespace,
      assigned: serviceMap.spec.quota,
      clusterState,
      quota,
      servers: servers
        .map(server => this.healthOf(server, cluster, namespace, isRegistered))
        .sort((a, b) => a.name.localeCompare(b.name)),
    };
  }

  private healthOf(
    server: CocktailServerEntityV1alpha1,
    cluster: string,
    namespace: string,
    isRegistered: boolean,
  ): ServerHealth {
    const identity = {
      entityRef: stringifyEntityRef(server),
      name: server.metadata.name,
      title: server.metadata.title,
      type: server.spec.type,
    };
    if (!isRegistered) {
      return {
        ...identity,
        found: false,
        stale: true,
        error: unregistered(cluster).error,
        replicas: {
          desired: 0,
          current: 0,
          ready: 0,
          updated: 0,
          available: 0,
        },
        rollout: { state: 'unknown' },
      };
    }
    const { cache, state } = this.options.watchCache.read(cluster);
    const status = summarizeServerStatus(cache, state, {
      namespace,
      server: server.metadata.name,
    });
    return {
      ...identity,
      kind: status.kind,
      found: status.found,
      stale: status.stale,
      staleForSeconds: status.staleForSeconds,
      error: status.error,
      replicas: status.replicas,
      rollout: status.rollout,
    };
  }
}
