import { LoggerService } from '@backstage/backend-plugin-api';
import type {
  KubeConfig,
  V1OwnerReference,
  V1Secret,
} from '@kubernetes/client-node';
import {
  makeAbortableApiClient,
  RequestTimeoutError,
  runWithDeadline,
} from '../kubernetes/abortableRequests';
import { errorMessage } from './errorMessage';
import { KubernetesClientModule } from './kubernetesClient';
import { listClusterObjects } from './listClusterObjects';
import { ClusterApiSettings } from './readClusterApiSettings';
import {
  CLUSTER_API_SECRET_TYPE,
  CLUSTER_NAME_LABEL,
} from './readKubeconfigSecret';
import { trustedKubeconfigSecrets } from './trustedKubeconfigSecrets';
import { CocktailClusterSource } from './CocktailClusterSource';
import { CocktailCluster } from './types';

/** How long one read of the management cluster may take, unless told otherwise. */
const DEFAULT_TIMEOUT_MS = 10_000;

export interface ClusterApiClusterSourceOptions {
  logger: LoggerService;
  loadClient: () => Promise<KubernetesClientModule>;
  /** A KubeConfig for a registered cluster, with its credentials. */
  kubeConfigFor: (cluster: CocktailCluster) => Promise<KubeConfig>;
  /** How long one read of the management cluster may take. */
  timeoutMs?: number;
}

/** One read of the management cluster, cancelled on the wire when it outlives its deadline. */
async function withDeadline<T>(
  timeoutMs: number,
  what: string,
  read: () => Promise<T>,
): Promise<T> {
  try {
    return await runWithDeadline(timeoutMs, read);
  } catch (error) {
    if (error instanceof RequestTimeoutError) {
      throw new Error(`${what}: ${error.message}; the request was cancelled`);
    }
    throw error;
  }
}

/**
 * The clusters that a Cluster API management cluster provisioned, read from
 * its `<cluster>-kubeconfig` Secrets at most once per refresh interval.
 *
 * Only the Secrets of the configured namespaces are read, and only those
 * that belong to the Cluster of their name (an ownerReference with its uid,
 * or its control plane's). Such a Secret whose kubeconfig is refused, and
 * two that define one cluster name, give a cluster with a `refusal`; other
 * Secrets, and the Clusters of other namespaces, are only logged.
 *
 * A management cluster that cannot be read is logged and leaves the clusters
 * read before (none at first); it never fails the caller. Kubeconfigs and
 * tokens are never logged.
 */
export class ClusterApiClusterSource implements CocktailClusterSource {
  readonly id = 'cluster-api';
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

  /** Makes the next `listClusters` read the management cluster again. */
  invalidate(): void {
    this.readAt = undefined;
  }

  /** The Cluster API clusters; `registered` are the clusters that may be the management cluster. */
  async listClusters(
    registered: CocktailCluster[],
  ): Promise<CocktailCluster[]> {
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
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    try {
      const management = registered.find(c => c.name === managementCluster);
      if (!management) {
        throw new Error(
          `cocktail.clusterApi.managementCluster names "${managementCluster}", which is not a registered cluster`,
        );
      }
      const client = await this.options.loadClient();
      const kubeConfig = await this.options.kubeConfigFor(management);
      const [secrets, clusterObjects] = await Promise.all([
        withDeadline(
          timeoutMs,
          `Listing the kubeconfig Secrets of "${managementCluster}"`,
          () => this.listSecrets(client, kubeConfig),
        ),
        withDeadline(
          timeoutMs,
          `Listing the Clusters of "${managementCluster}"`,
          () =>
            listClusterObjects(
              makeAbortableApiClient(
                client,
                kubeConfig,
                client.CustomObjectsApi,
              ),
              this.settings.namespaces,
            ),
        ),
      ]);
      const objects = makeAbortableApiClient(
        client,
        kubeConfig,
        client.KubernetesObjectApi,
      );
      const readUid = (owner: V1OwnerReference, namespace: string) =>
        withDeadline(
          timeoutMs,
          `Reading the ${owner.kind} "${namespace}/${owner.name}" of "${managementCluster}"`,
          () =>
            objects
              .read({
                apiVersion: owner.apiVersion,
                kind: owner.kind,
                metadata: { name: owner.name, namespace },
              })
              .then(object => object.metadata?.uid),
        ).catch(error => {
          if ((error as { code?: number }).code === 404) {
            return undefined;
          }
          throw error;
        });
      const reports = new Set<string>();
      this.clusters = await trustedKubeconfigSecrets(secrets, {
        client,
        managementCluster,
        allow: this.settings.allow,
        clusterObjects: clusterObjects.inNamespaces,
        readUid,
        report: problem => reports.add(problem),
      });
      for (const cluster of clusterObjects.elsewhere) {
        reports.add(
          `Not reading the kubeconfig Secret of the Cluster "${
            cluster.namespace
          }/${
            cluster.name
          }" of "${managementCluster}": its namespace is not one of cocktail.clusterApi.kubeconfigNamespaces (${this.settings.namespaces.join(
            ', ',
          )}); add "${cluster.namespace}" there to reach the cluster`,
        );
      }
      this.report(reports);
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
    const core = makeAbortableApiClient(client, kubeConfig, client.CoreV1Api);
    const lists = await Promise.all(
      this.settings.namespaces.map(namespace =>
        core.listNamespacedSecret({
          namespace,
          labelSelector: CLUSTER_NAME_LABEL,
          fieldSelector: `type=${CLUSTER_API_SECRET_TYPE}`,
        }),
      ),
    );
    return lists.flatMap(list => list.items);
  }

  /** Logs each problem when it appears, not at every refresh. */
  private report(reports: Set<string>) {
    for (const message of reports) {
      if (!this.reportedSecrets.has(message)) {
        this.options.logger.warn(message);
      }
    }
    this.reportedSecrets = reports;
  }
}
