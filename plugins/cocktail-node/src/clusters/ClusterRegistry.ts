import {
  BackstageCredentials,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { Entity } from '@backstage/catalog-model';
import { Config } from '@backstage/config';
import { InputError, NotAllowedError, NotFoundError } from '@backstage/errors';
import type {
  ApiConstructor,
  ApiType,
  KubeConfig,
} from '@kubernetes/client-node';
import { ApiServerAllowlist } from './ApiServerAllowlist';
import { ClusterAuthStrategy } from './auth/ClusterAuthStrategy';
import {
  AuthStrategies,
  createAuthStrategies,
} from './auth/createAuthStrategies';
import { ClusterApiClusterSource } from './ClusterApiClusterSource';
import { CocktailClusterSource } from './CocktailClusterSource';
import { errorMessage } from './errorMessage';
import {
  KubernetesClientModule,
  loadKubernetesClient,
} from './kubernetesClient';
import { mergeClusterSources } from './mergeClusterSources';
import { CLUSTER_ENTITY_FILTER } from './readCatalogCluster';
import {
  ClusterApiSettings,
  readClusterApiSettings,
} from './readClusterApiSettings';
import { ConfiguredCluster, readConfigClusters } from './readConfigClusters';
import {
  CatalogClusterSource,
  CocktailCluster,
  CocktailClusterAuth,
} from './types';

const DEFAULT_REFRESH_INTERVAL_MS = 30_000;

/**
 * Options of {@link ClusterRegistry.fromConfig}.
 *
 * @public
 */
export interface ClusterRegistryOptions {
  logger: LoggerService;
  /** Where kubernetes-cluster Resources are read; app-config only when absent. */
  catalog?: CatalogClusterSource;
  /** The credentials to read the catalog with; required with `catalog`. */
  credentials?: () => Promise<BackstageCredentials>;
  /** How long the catalog's clusters are reused before being read again. */
  refreshIntervalMs?: number;
  /** `@kubernetes/client-node` itself, for tests; imported when absent. */
  kubernetesClient?: KubernetesClientModule;
  /** How long one read of the Cluster API management cluster may take; 10 s when absent. */
  requestTimeoutMs?: number;
}

/**
 * The clusters the suite reaches, from `cocktail.clusters` in app-config, the
 * catalog's kubernetes-cluster Resources and the `<cluster>-kubeconfig`
 * Secrets of the Cluster API management cluster
 * (`cocktail.clusterApi.managementCluster`), and clients for them.
 *
 * Clusters whose credential source is refused (a catalog API server outside
 * `cocktail.catalogClusters.allowedApiServers`, a kubeconfig Secret carrying
 * exec credentials, a name that two sources define…) are listed with a
 * `refusal` and never reached.
 *
 * @public
 */
export class ClusterRegistry {
  private readonly configured: ConfiguredCluster[];
  private readonly logger: LoggerService;
  private readonly catalog?: {
    source: CatalogClusterSource;
    credentials: () => Promise<BackstageCredentials>;
  };
  private readonly refreshIntervalMs: number;
  private readonly strategies: AuthStrategies;
  private readonly sources: CocktailClusterSource[] = [];
  private readonly allowlist: ApiServerAllowlist;

  private resolvedConfigured?: Promise<CocktailCluster[]>;
  private catalogEntities: Entity[] = [];
  private catalogReadAt?: number;
  private reportedProblems = new Set<string>();
  private cache?: { clusters: CocktailCluster[]; expiresAt: number };
  private refreshing?: Promise<CocktailCluster[]>;

  /**
   * Reads `cocktail.clusters`, `cocktail.catalogClusters` and
   * `cocktail.clusterApi`, throwing an `InputError` that names every mistake.
   * Kubeconfig files, the in-cluster environment and the management cluster
   * are read on first use.
   */
  static fromConfig(
    config: Config,
    options: ClusterRegistryOptions,
  ): ClusterRegistry {
    const { catalog, credentials } = options;
    if (catalog && !credentials) {
      throw new TypeError(
        'ClusterRegistry needs credentials to read clusters from the catalog',
      );
    }
    const configured = readConfigClusters(config);
    return new ClusterRegistry(configured, readClusterApiSettings(config), {
      ...options,
      allowlist: ApiServerAllowlist.fromConfig(config),
      catalog: catalog && credentials && { source: catalog, credentials },
    });
  }

  private constructor(
    configured: ConfiguredCluster[],
    clusterApi: ClusterApiSettings | undefined,
    options: Omit<ClusterRegistryOptions, 'catalog' | 'credentials'> & {
      allowlist: ApiServerAllowlist;
      catalog?: ClusterRegistry['catalog'];
    },
  ) {
    this.configured = configured;
    this.allowlist = options.allowlist;
    this.logger = options.logger;
    this.catalog = options.catalog;
    this.refreshIntervalMs =
      options.refreshIntervalMs ?? DEFAULT_REFRESH_INTERVAL_MS;
    const injected = options.kubernetesClient;
    let client: Promise<KubernetesClientModule> | undefined;
    const loadClient = () => {
      client ??= injected ? Promise.resolve(injected) : loadKubernetesClient();
      return client;
    };
    this.strategies = createAuthStrategies(loadClient);
    if (clusterApi) {
      // Built in, and added the way a module's source is.
      this.addClusterSource(
        new ClusterApiClusterSource(clusterApi, {
          logger: this.logger,
          loadClient,
          kubeConfigFor: cluster => this.kubeConfigFor(cluster),
          timeoutMs: options.requestTimeoutMs,
        }),
      );
    }
  }

  /**
   * Adds a source of clusters and their credentials, read with the catalog at each refresh;
   * its clusters come after those of app-config and the catalog.
   */
  addClusterSource(source: CocktailClusterSource): void {
    if (this.sources.some(other => other.id === source.id)) {
      throw new Error(`Two cluster sources have the id "${source.id}"`);
    }
    this.sources.push(source);
    this.cache = undefined;
  }

  /**
   * All clusters: app-config's in their order, then those only the catalog
   * defines, then those of the Cluster API management cluster. The catalog and
   * the management cluster are each read at most once per refresh interval.
   */
  async listClusters(): Promise<CocktailCluster[]> {
    if (!this.catalog && this.sources.length === 0) {
      return this.configuredClusters();
    }
    if (this.cache && Date.now() < this.cache.expiresAt) {
      return this.cache.clusters;
    }
    this.refreshing ??= this.refresh().finally(() => {
      this.refreshing = undefined;
    });
    return this.refreshing;
  }

  /**
   * Reads the cluster sources (the Cluster API management cluster among them) again now, as
   * after creating or deleting a Cluster there, and returns all clusters.
   */
  async refreshClusterApiClusters(): Promise<CocktailCluster[]> {
    if (this.refreshing) {
      // It may have read the management cluster before the change.
      await this.refreshing.catch(() => undefined);
    }
    this.sources.forEach(source => source.invalidate?.());
    this.cache = undefined;
    return this.listClusters();
  }

  async getCluster(name: string): Promise<CocktailCluster> {
    const clusters = await this.listClusters();
    const cluster = clusters.find(c => c.name === name);
    if (!cluster) {
      const known = clusters.map(c => `"${c.name}"`).join(', ');
      throw new NotFoundError(
        `No cluster named "${name}"; the known clusters are ${known || 'none'}`,
      );
    }
    return cluster;
  }

  /**
   * A KubeConfig whose current context reaches the cluster with its
   * credentials; a `NotAllowedError` for a cluster with a `refusal`.
   */
  async kubeConfigFor(cluster: CocktailCluster): Promise<KubeConfig> {
    if (cluster.refusal !== undefined) {
      throw new NotAllowedError(
        `Cluster "${cluster.name}" is not reached: ${cluster.refusal}`,
      );
    }
    return this.strategyFor(cluster.auth).kubeConfigFor(cluster);
  }

  /** A client-node API client, such as `CoreV1Api`, for the named cluster. */
  async makeApiClient<T extends ApiType>(
    clusterName: string,
    apiClass: ApiConstructor<T>,
  ): Promise<T> {
    const kubeConfig = await this.kubeConfigFor(
      await this.getCluster(clusterName),
    );
    return kubeConfig.makeApiClient(apiClass);
  }

  private configuredClusters(): Promise<CocktailCluster[]> {
    // A failure is not kept, so that a kubeconfig file that appears later is
    // picked up.
    this.resolvedConfigured ??= this.resolveConfigured().catch(error => {
      this.resolvedConfigured = undefined;
      throw error;
    });
    return this.resolvedConfigured;
  }

  private async resolveConfigured(): Promise<CocktailCluster[]> {
    const results = await Promise.allSettled(
      this.configured.map(entry => this.strategyFor(entry.auth).resolve(entry)),
    );
    const problems = results.flatMap(result =>
      result.status === 'rejected' ? [errorMessage(result.reason)] : [],
    );
    if (problems.length > 0) {
      throw new InputError(problems.join('\n'));
    }
    return results.flatMap(result =>
      result.status === 'fulfilled' ? [result.value] : [],
    );
  }

  private async refresh(): Promise<CocktailCluster[]> {
    const configured = await this.configuredClusters();
    const entities = await this.readCatalogEntities();
    // A management cluster is one of these.
    const registered = mergeClusterSources(
      { configured, entities },
      { allowlist: this.allowlist, reportProblem: () => {} },
    );
    const sourced = (
      await Promise.all(
        this.sources.map(source => this.listSource(source, registered)),
      )
    ).flat();

    const problems = new Set<string>();
    const clusters = mergeClusterSources(
      { configured, entities, sourced },
      {
        allowlist: this.allowlist,
        describeSourced: cluster =>
          this.sources
            .find(source => source.id === cluster.source)
            ?.describeClaimant?.(cluster),
        reportProblem: problem => {
          problems.add(problem);
          // Each problem is logged when it appears, not at every refresh.
          if (!this.reportedProblems.has(problem)) {
            this.logger.warn(problem);
          }
        },
      },
    );
    this.reportedProblems = problems;

    this.cache = {
      clusters,
      expiresAt: Math.min(
        this.catalog ? this.catalogExpiresAt() : Infinity,
        ...this.sources.map(
          source => source.expiresAt ?? Date.now() + this.refreshIntervalMs,
        ),
      ),
    };
    return clusters;
  }

  /** A source's clusters; none, logged, when it fails (a source should not, but may). */
  private async listSource(
    source: CocktailClusterSource,
    registered: CocktailCluster[],
  ): Promise<CocktailCluster[]> {
    try {
      const clusters = await source.listClusters(registered);
      return clusters.map(cluster => ({ ...cluster, source: source.id }));
    } catch (error) {
      this.logger.warn(
        `Could not read the clusters of source "${source.id}": ${errorMessage(
          error,
        )}`,
      );
      return [];
    }
  }

  private catalogExpiresAt(): number {
    return (this.catalogReadAt ?? 0) + this.refreshIntervalMs;
  }

  /**
   * The catalog's clusters, read again once the refresh interval is over;
   * those read before when the catalog fails.
   */
  private async readCatalogEntities(): Promise<Entity[]> {
    if (!this.catalog || Date.now() < this.catalogExpiresAt()) {
      return this.catalogEntities;
    }
    this.catalogReadAt = Date.now();
    try {
      const { items } = await this.catalog.source.getEntities(
        { filter: CLUSTER_ENTITY_FILTER },
        { credentials: await this.catalog.credentials() },
      );
      this.catalogEntities = items;
    } catch (error) {
      this.logger.warn(
        `Could not read kubernetes-cluster Resources from the catalog, so the ${
          this.catalogEntities.length
        } read before are kept: ${errorMessage(error)}`,
      );
    }
    return this.catalogEntities;
  }

  private strategyFor(
    auth: CocktailClusterAuth,
  ): ClusterAuthStrategy<CocktailClusterAuth> {
    // Each strategy is only handed clusters of its own auth type.
    return this.strategies[
      auth.type
    ] as ClusterAuthStrategy<CocktailClusterAuth>;
  }
}
