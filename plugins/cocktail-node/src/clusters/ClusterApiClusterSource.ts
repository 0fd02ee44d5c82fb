import { LoggerService } from '@backstage/backend-plugin-api';
import type { KubeConfig, V1Secret } from '@kubernetes/client-node';
import { errorMessage } from './errorMessage';
import { KubernetesClientModule } from './kubernetesClient';
import { ClusterApiSettings } from './readClusterApiSettings';
import {
  CLUSTER_API_SECRET_TYPE,
  CLUSTER_NAME_LABEL,
  isKubeconfigSecret,
  providerOfInfrastructureKind,
  readKubeconfigSecret,
} from './readKubeconfigSecret';
import { CocktailCluster } from './types';

/** How long one read of the management cluster may take. */
const REQUEST_TIMEOUT_MS = 10_000;

/** The Cluster API versions whose Clusters name their infrastructure, newest first. */
const CLUSTER_VERSIONS = ['v1beta2', 'v1beta1'];

export interface ClusterApiClusterSourceOptions {
  logger: LoggerService;
  loadClient: () => Promise<KubernetesClientModule>;
  /** A KubeConfig for a registered cluster, with its credentials. */
  kubeConfigFor: (cluster: CocktailCluster) => Promise<KubeConfig>;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`${what} took longer than ${REQUEST_TIMEOUT_MS} ms`)),
      REQUEST_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The clusters that a Cluster API management cluster provisioned, read from
 * its `<cluster>-kubeconfig` Secrets at most once per refresh interval.
 *
 * A management cluster that cannot be read is logged and leaves the clusters
 * read before (none at first); it never fails the caller. Kubeconfigs and
 * tokens are never logged.
 */
export class ClusterApiClusterSource {
  private readonly settings: ClusterApiSettings;
  private readonly options: ClusterApiClusterSourceOptions;
  private clusters: CocktailCluster[] = [];
  private readAt?: number;
  private reading?: Promise<CocktailCluster[]>;
  private reportedSecrets = new Set<string>();

  constructor(
    settings: ClusterApiSettings,
    options: ClusterApiClusterSourceOptions,
  ) {
    this.settings = settings;
    this.options = options;
  }

  get managementCluster(): string {
    return this.settings.managementCluster;
  }

  /** When the clusters read last are due to be read again. */
  get expiresAt(): number {
    return this.readAt === undefined
      ? 0
      : this.readAt + this.settings.refreshIntervalMs;
  }

  /** Makes the next `list` read the management cluster again. */
  invalidate(): void {
    this.readAt = undefined;
  }

  /** The Cluster API clusters; `registered` are the clusters that may be the management cluster. */
  async list(registered: CocktailCluster[]): Promise<CocktailCluster[]> {
    if (Date.now() < this.expiresAt) {
      return this.clusters;
    }
    this.reading ??= this.read(registered).finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async read(
    registered: CocktailCluster[],
  ): Promise<CocktailCluster[]> {
    const { managementCluster } = this.settings;
    try {
      const management = registered.find(c => c.name === managementCluster);
      if (!management) {
        throw new Error(
          `cocktail.clusterApi.managementCluster names "${managementCluster}", which is not a registered cluster`,
        );
      }
      const client = await this.options.loadClient();
      const kubeConfig = await this.options.kubeConfigFor(management);
      const [secrets, providers] = await Promise.all([
        withTimeout(
          this.listSecrets(client, kubeConfig),
          `Listing the kubeconfig Secrets of "${managementCluster}"`,
        ),
        withTimeout(
          this.readProviders(client, kubeConfig),
          `Listing the Clusters of "${managementCluster}"`,
        ).catch(() => new Map<string, string>()),
      ]);
      this.clusters = this.readSecrets(client, secrets, providers);
    } catch (error) {
      this.options.logger.warn(
        `Could not read the Cluster API clusters of the management cluster "${managementCluster}", so the ${
          this.clusters.length
        } read before are kept: ${errorMessage(error)}`,
      );
    }
    this.readAt = Date.now();
    return this.clusters;
  }

  private async listSecrets(
    client: KubernetesClientModule,
    kubeConfig: KubeConfig,
  ): Promise<V1Secret[]> {
    const core = kubeConfig.makeApiClient(client.CoreV1Api);
    const selection = {
      labelSelector: CLUSTER_NAME_LABEL,
      fieldSelector: `type=${CLUSTER_API_SECRET_TYPE}`,
    };
    const list = this.settings.namespace
      ? await core.listNamespacedSecret({
          namespace: this.settings.namespace,
          ...selection,
        })
      : await core.listSecretForAllNamespaces(selection);
    return list.items;
  }

  /** `<namespace>/<name>` → provider, from each Cluster's infrastructureRef; best effort. */
  private async readProviders(
    client: KubernetesClientModule,
    kubeConfig: KubeConfig,
  ): Promise<Map<string, string>> {
    const customObjects = kubeConfig.makeApiClient(client.CustomObjectsApi);
    const { namespace } = this.settings;
    for (const version of CLUSTER_VERSIONS) {
      const request = {
        group: 'cluster.x-k8s.io',
        version,
        plural: 'clusters',
      };
      let list: { items?: any[] };
      try {
        list = namespace
          ? await customObjects.listNamespacedCustomObject({
              ...request,
              namespace,
            })
          : await customObjects.listClusterCustomObject(request);
      } catch (error) {
        if ((error as { code?: number }).code === 404) {
          continue; // this version is not served; try the next
        }
        throw error;
      }
      const providers = new Map<string, string>();
      for (const cluster of list.items ?? []) {
        const provider = providerOfInfrastructureKind(
          cluster.spec?.infrastructureRef?.kind,
        );
        if (provider) {
          providers.set(
            `${cluster.metadata?.namespace}/${cluster.metadata?.name}`,
            provider,
          );
        }
      }
      return providers;
    }
    return new Map();
  }

  private readSecrets(
    client: KubernetesClientModule,
    secrets: V1Secret[],
    providers: Map<string, string>,
  ): CocktailCluster[] {
    const clusters = new Map<string, CocktailCluster>();
    const reported = new Set<string>();
    const report = (secret: V1Secret, problem: string) => {
      const message = `Ignoring the Cluster API kubeconfig Secret "${secret.metadata?.namespace}/${secret.metadata?.name}" of "${this.settings.managementCluster}": ${problem}`;
      reported.add(message);
      // Each problem is logged when it appears, not at every refresh.
      if (!this.reportedSecrets.has(message)) {
        this.options.logger.warn(message);
      }
    };
    const ordered = secrets
      .filter(isKubeconfigSecret)
      .sort((a, b) =>
        `${a.metadata?.namespace}/${a.metadata?.name}`.localeCompare(
          `${b.metadata?.namespace}/${b.metadata?.name}`,
        ),
      );
    for (const secret of ordered) {
      let cluster: CocktailCluster;
      try {
        cluster = readKubeconfigSecret(
          secret,
          client,
          this.settings.managementCluster,
        );
      } catch (error) {
        report(secret, errorMessage(error));
        continue;
      }
      const earlier = clusters.get(cluster.name);
      if (earlier) {
        report(
          secret,
          `the cluster name "${cluster.name}" is already taken by the Cluster of namespace "${earlier.clusterApi?.namespace}"`,
        );
        continue;
      }
      const provider = providers.get(
        `${cluster.clusterApi?.namespace}/${cluster.name}`,
      );
      clusters.set(cluster.name, { ...cluster, ...(provider && { provider }) });
    }
    this.reportedSecrets = reported;
    return [...clusters.values()];
  }
}
