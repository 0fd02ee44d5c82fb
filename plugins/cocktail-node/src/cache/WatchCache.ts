import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterCache } from './ClusterCache';
import { ResourceClient, ResourceWatcher } from './ResourceWatcher';
import { WATCHED_RESOURCES, WatchedResource } from './watchedResources';

/** How fresh a cluster's cache is. */
export interface ClusterCacheState {
  cluster: string;
  /** Every resource has been listed at least once. */
  synced: boolean;
  /** Some watch is down: answers may be out of date. */
  stale: boolean;
  /** When every watch was last known to be running. */
  healthyAt?: string;
  error?: string;
}

export type ChangeListener = (change: {
  cluster: string;
  kind: string;
  namespace?: string;
  labels?: Record<string, string>;
}) => void;

interface ClusterEntry {
  cache: ClusterCache;
  watchers: ResourceWatcher[];
  listed: Set<string>;
  failing: Map<string, string>;
  healthyAt?: number;
  ready: Promise<void>;
  markReady: () => void;
}

/**
 * One set of watches per cluster, started the first time anyone asks about the cluster, and
 * the slimmed objects they keep. Reads never call Kubernetes: they answer from the cache with
 * how fresh it is.
 */
export class WatchCache {
  private readonly clusters = new Map<string, ClusterEntry>();
  private readonly listeners = new Set<ChangeListener>();
  private readonly pruneTimer: NodeJS.Timeout;

  constructor(
    private readonly options: {
      logger: LoggerService;
      /** Builds the list/watch client of one resource of one cluster. */
      clientFor(
        cluster: string,
        resource: WatchedResource,
      ): Promise<ResourceClient>;
      backoffMs?: number;
      now?: () => number;
    },
  ) {
    this.pruneTimer = setInterval(
      () => this.clusters.forEach(c => c.cache.pruneEvents()),
      60_000,
    );
    this.pruneTimer.unref();
  }

  private now() {
    return this.options.now?.() ?? Date.now();
  }

  onChange(listener: ChangeListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts the cluster's watches if they are not running; resolves when all have listed. */
  ensureStarted(cluster: string): Promise<void> {
    const existing = this.clusters.get(cluster);
    if (existing) {
      return existing.ready;
    }
    let markReady!: () => void;
    const entry: ClusterEntry = {
      cache: new ClusterCache(),
      watchers: [],
      listed: new Set(),
      failing: new Map(),
      ready: new Promise<void>(resolve => {
        markReady = resolve;
      }),
      markReady: () => markReady(),
    };
    this.clusters.set(cluster, entry);
    for (const resource of WATCHED_RESOURCES) {
      void this.startWatcher(cluster, entry, resource);
    }
    return entry.ready;
  }

  private async startWatcher(
    cluster: string,
    entry: ClusterEntry,
    resource: WatchedResource,
  ) {
    const logger = this.options.logger.child({ cluster, kind: resource.kind });
    let client: ResourceClient;
    try {
      client = await this.options.clientFor(cluster, resource);
    } catch (error) {
      entry.failing.set(resource.kind, (error as Error).message);
      logger.warn(
        `cannot watch ${resource.kind} on cluster ${cluster}: ${
          (error as Error).message
        }`,
      );
      return;
    }
    const watcher = new ResourceWatcher(
      client,
      {
        onListStart: () => entry.cache.beginReset(resource.kind),
        onListPage: items => entry.cache.addToReset(resource.kind, items),
        onListEnd: () => {
          entry.cache.commitReset(resource.kind);
          entry.listed.add(resource.kind);
          if (entry.listed.size === WATCHED_RESOURCES.length) {
            entry.markReady();
          }
          this.notify(cluster, resource.kind);
        },
        onEvent: (type, object) => {
          entry.cache.apply(resource.kind, type, object);
          this.notify(cluster, resource.kind, object);
        },
        onHealthy: () => {
          entry.failing.delete(resource.kind);
          if (!entry.failing.size) {
            entry.healthyAt = this.now();
          }
        },
        onError: error => {
          if (!entry.failing.size && entry.healthyAt) {
            entry.healthyAt = this.now();
          }
          entry.failing.set(
            resource.kind,
            (error as Error)?.message ?? String(error),
          );
        },
      },
      logger,
      this.options.backoffMs,
    );
    entry.watchers.push(watcher);
    watcher.start();
  }

  private notify(cluster: string, kind: string, object?: any) {
    for (const listener of this.listeners) {
      listener({
        cluster,
        kind,
        namespace: object?.metadata?.namespace,
        labels: object?.metadata?.labels,
      });
    }
  }

  /** The cluster's cache (started if needed) and how fresh it is. */
  read(cluster: string): { cache: ClusterCache; state: ClusterCacheState } {
    void this.ensureStarted(cluster);
    const entry = this.clusters.get(cluster)!;
    const synced = entry.listed.size === WATCHED_RESOURCES.length;
    const failures = [...entry.failing.values()];
    return {
      cache: entry.cache,
      state: {
        cluster,
        synced,
        stale: !synced || failures.length > 0,
        healthyAt: entry.healthyAt
          ? new Date(entry.healthyAt).toISOString()
          : undefined,
        error: failures[0],
      },
    };
  }

  /** Waits up to `ms` for the cluster's first list, so a first request can answer in full. */
  async waitForSync(cluster: string, ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.ensureStarted(cluster),
      new Promise<void>(resolve => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
    clearTimeout(timer);
  }

  stop() {
    clearInterval(this.pruneTimer);
    for (const entry of this.clusters.values()) {
      entry.watchers.forEach(w => w.stop());
    }
    this.clusters.clear();
  }
}
