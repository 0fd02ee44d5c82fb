import { LoggerService } from '@backstage/backend-plugin-api';
import { ClusterCache } from './ClusterCache';
import { ResourceClient, ResourceWatcher } from './ResourceWatcher';

function sameSet(a?: Set<string>, b?: Set<string>): boolean {
  if (!a || !b) {
    return a === b;
  }
  return a.size === b.size && [...a].every(item => b.has(item));
}
import { WATCHED_RESOURCES, WatchedResource } from './watchedResources';

/**
 * How fresh a cluster's cache is.
 *
 * @public
 */
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

/** @public */
export type ChangeListener = (change: {
  cluster: string;
  kind: string;
  namespace?: string;
  labels?: Record<string, string>;
}) => void;

interface ClusterEntry {
  cache: ClusterCache;
  watchers: ResourceWatcher[];
  /** Namespaces whose objects are kept; every namespace when undefined. */
  namespaces?: Set<string>;
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
 *
 * @public
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
      /**
       * The namespaces of a cluster whose objects are kept (those of known ServiceMaps);
       * everything the watches see when not given.
       */
      namespacesOf?(cluster: string): Promise<string[] | undefined>;
      /** The clusters in the registry; watches of any other cluster are stopped. */
      knownClusters?(): Promise<string[]>;
      /** How often namespaces and clusters are checked again; 30 s when not given. */
      maintenanceMs?: number;
    },
  ) {
    this.pruneTimer = setInterval(
      () => this.clusters.forEach(c => c.cache.pruneEvents()),
      60_000,
    );
    this.pruneTimer.unref();
    this.maintenanceTimer = setInterval(
      () => void this.maintain(),
      options.maintenanceMs ?? 30_000,
    );
    this.maintenanceTimer.unref();
  }

  private readonly maintenanceTimer: NodeJS.Timeout;

  /**
   * Stops the watches of clusters that left the registry, and lists again where the namespaces
   * of known ServiceMaps changed.
   */
  async maintain(): Promise<void> {
    try {
      const known = this.options.knownClusters
        ? new Set(await this.options.knownClusters())
        : undefined;
      for (const [cluster, entry] of [...this.clusters]) {
        if (known && !known.has(cluster)) {
          entry.watchers.forEach(w => w.stop());
          this.clusters.delete(cluster);
          this.options.logger.info(
            `Stopped watching cluster ${cluster}: it is no longer in the registry`,
          );
          continue;
        }
        const namespaces = await this.namespacesOf(cluster);
        if (!sameSet(namespaces, entry.namespaces)) {
          entry.namespaces = namespaces;
          entry.watchers.forEach(w => w.stop());
          entry.watchers = [];
          this.startWatchers(cluster, entry);
        }
      }
    } catch (error) {
      this.options.logger.warn(
        `Could not check the watched clusters and namespaces: ${
          (error as Error).message
        }`,
      );
    }
  }

  /**
   * Keeps a namespace's objects from now on, before the next check would: a ServiceMap just
   * provisioned is asked about at once. Resolves when the relist is done or after `ms`.
   */
  async watchNamespace(cluster: string, namespace: string, ms = 3_000) {
    await this.waitForSync(cluster, ms);
    const entry = this.clusters.get(cluster);
    if (!entry?.namespaces || entry.namespaces.has(namespace)) {
      return;
    }
    entry.namespaces = new Set([...entry.namespaces, namespace]);
    entry.watchers.forEach(w => w.stop());
    entry.watchers = [];
    const relisted = new Set<string>();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      new Promise<void>(resolve => {
        this.startWatchers(cluster, entry, kind => {
          relisted.add(kind);
          if (relisted.size === WATCHED_RESOURCES.length) {
            resolve();
          }
        });
      }),
      new Promise<void>(resolve => {
        timer = setTimeout(resolve, ms);
      }),
    ]);
    clearTimeout(timer);
  }

  private async namespacesOf(cluster: string) {
    const names = await this.options.namespacesOf?.(cluster);
    return names ? new Set(names) : undefined;
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
    void this.namespacesOf(cluster)
      .catch(error => {
        this.options.logger.warn(
          `Could not read the namespaces of cluster ${cluster}'s ServiceMaps; keeping every namespace until the next check: ${
            (error as Error).message
          }`,
        );
        return undefined;
      })
      .then(namespaces => {
        if (this.clusters.get(cluster) === entry) {
          entry.namespaces = namespaces;
          this.startWatchers(cluster, entry);
        }
      });
    return entry.ready;
  }

  private startWatchers(
    cluster: string,
    entry: ClusterEntry,
    onListed?: (kind: string) => void,
  ) {
    for (const resource of WATCHED_RESOURCES) {
      this.startWatcher(cluster, entry, resource, onListed);
    }
  }

  private startWatcher(
    cluster: string,
    entry: ClusterEntry,
    resource: WatchedResource,
    onListed?: (kind: string) => void,
  ) {
    const logger = this.options.logger.child({ cluster, kind: resource.kind });
    const inScope = (object: any) => {
      const namespace = object?.metadata?.namespace;
      return !entry.namespaces || !namespace || entry.namespaces.has(namespace);
    };
    const watcher = new ResourceWatcher(
      () => this.options.clientFor(cluster, resource),
      {
        onListStart: () => entry.cache.beginReset(resource.kind),
        onListPage: items =>
          entry.cache.addToReset(resource.kind, items.filter(inScope)),
        onListEnd: () => {
          entry.cache.commitReset(resource.kind);
          entry.listed.add(resource.kind);
          if (entry.listed.size === WATCHED_RESOURCES.length) {
            entry.markReady();
          }
          onListed?.(resource.kind);
          this.notify(cluster, resource.kind);
        },
        onEvent: (type, object) => {
          if (!inScope(object)) {
            return;
          }
          entry.cache.apply(resource.kind, type, object);
          this.notify(cluster, resource.kind, object);
        },
        onHealthy: () => {
          entry.failing.delete(resource.kind);
          if (!entry.failing.size) {
            entry.healthyAt = this.now();
          }
        },
        onError: reason => {
          if (!entry.failing.size && entry.healthyAt) {
            entry.healthyAt = this.now();
          }
          entry.failing.set(resource.kind, `${resource.kind}s: ${reason}`);
        },
      },
      logger,
      this.options.backoffMs,
      () => this.now(),
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
    clearInterval(this.maintenanceTimer);
    for (const entry of this.clusters.values()) {
      entry.watchers.forEach(w => w.stop());
    }
    this.clusters.clear();
  }
}
