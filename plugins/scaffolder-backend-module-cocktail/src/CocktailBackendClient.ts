import {
  AuthService,
  BackstageCredentials,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import {
  ConflictError,
  InputError,
  NotAllowedError,
  NotFoundError,
  ResponseError,
} from '@backstage/errors';
import {
  BackupCreateRequest,
  ClusterAddonRequest,
  ClusterScaleRequest,
  CocktailApiClient,
  CocktailClusterOperationsClient,
  CocktailRequestOptions,
  CocktailServerEntityV1alpha1,
  InlineServerStatusQuery,
  NamespacedName,
} from '@cocktailcloud/plugin-cocktail-common';

const ERRORS_BY_STATUS: Record<number, new (message: string) => Error> = {
  400: InputError,
  403: NotAllowedError,
  404: NotFoundError,
  409: ConflictError,
};

/**
 * The backend's refusal as the task log shows it: its message, which names the field and what
 * was expected, as it is, keeping what kind of refusal it was. Any other failure keeps the
 * `ResponseError`, with its status, as the cause.
 */
function asActionError(error: unknown): unknown {
  if (!ResponseError.is(error)) {
    return error;
  }
  const message = error.body.error?.message ?? error.message;
  const Kind = ERRORS_BY_STATUS[error.statusCode];
  return Kind ? new Kind(message) : new Error(message, { cause: error });
}

/**
 * Calls the `cocktail` backend plugin on behalf of the user who started the task, so its
 * permission checks and audit log see that user, not the scaffolder.
 *
 * @public
 */
export class CocktailBackendClient {
  private readonly client: CocktailApiClient;
  private readonly clusterOps: CocktailClusterOperationsClient;

  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {
    const options = { discoveryApi: deps.discovery, fetchApi: { fetch } };
    this.client = new CocktailApiClient(options);
    this.clusterOps = new CocktailClusterOperationsClient(options);
  }

  private async call<T>(
    credentials: BackstageCredentials,
    request: (
      client: CocktailApiClient,
      options: CocktailRequestOptions,
    ) => Promise<T>,
  ): Promise<T> {
    return this.callWith(credentials, options => request(this.client, options));
  }

  private async callOps<T>(
    credentials: BackstageCredentials,
    request: (
      client: CocktailClusterOperationsClient,
      options: CocktailRequestOptions,
    ) => Promise<T>,
  ): Promise<T> {
    return this.callWith(credentials, options =>
      request(this.clusterOps, options),
    );
  }

  private async callWith<T>(
    credentials: BackstageCredentials,
    request: (options: CocktailRequestOptions) => Promise<T>,
  ): Promise<T> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'cocktail',
    });
    try {
      return await request({ token });
    } catch (error) {
      throw asActionError(error);
    }
  }

  async deleteCluster(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
    body: { confirm: string; force: boolean; dryRun: boolean },
  ) {
    return this.callOps(credentials, (client, options) =>
      client.deleteCluster({ namespace, name }, body, options),
    );
  }

  async clusterAddons(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
  ) {
    return this.callOps(credentials, (client, options) =>
      client.getClusterAddons({ namespace, name }, options),
    );
  }

  async changeClusterAddon(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
    body: ClusterAddonRequest,
  ) {
    return this.callOps(credentials, (client, options) =>
      client.changeClusterAddon({ namespace, name }, body, options),
    );
  }

  async createBackup(
    credentials: BackstageCredentials,
    target: { serviceMap: NamespacedName } | { cluster: string },
    body: BackupCreateRequest,
  ) {
    return this.callOps(credentials, (client, options) =>
      'serviceMap' in target
        ? client.createServiceMapBackup(target.serviceMap, body, options)
        : client.createClusterBackup(target.cluster, body, options),
    );
  }

  async backups(
    credentials: BackstageCredentials,
    target: { serviceMap: NamespacedName } | { cluster: string },
  ) {
    return this.callOps(credentials, (client, options) =>
      'serviceMap' in target
        ? client.getServiceMapBackups(target.serviceMap, options)
        : client.getClusterBackups(target.cluster, options),
    );
  }

  async createCluster(
    credentials: BackstageCredentials,
    body: {
      request: object;
      dryRun: boolean;
      owner?: string;
      addons?: string[];
    },
  ) {
    return this.call(credentials, (client, options) =>
      client.createCluster(body, options),
    );
  }

  async clusterStatus(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
  ) {
    return this.call(credentials, (client, options) =>
      client.getClusterProvisioningStatus({ namespace, name }, options),
    );
  }

  async upgradeCluster(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
    body: {
      version: string;
      stage: 'control-plane' | 'node-pools';
      dryRun: boolean;
    },
  ) {
    return this.call(credentials, (client, options) =>
      client.upgradeCluster({ namespace, name }, body, options),
    );
  }

  async scaleCluster(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
    body: ClusterScaleRequest,
  ) {
    return this.call(credentials, (client, options) =>
      client.scaleCluster({ namespace, name }, body, options),
    );
  }

  async provisionServiceMap(
    credentials: BackstageCredentials,
    ref: NamespacedName,
    body: { dryRun: boolean; defaultDenyNetworkPolicy: boolean },
  ) {
    return this.call(credentials, (client, options) =>
      client.provisionServiceMap(ref, body, options),
    );
  }

  async deployServer(
    credentials: BackstageCredentials,
    ref: NamespacedName,
    body: { dryRun: boolean },
  ) {
    return this.call(credentials, (client, options) =>
      client.deploy(ref, body, options),
    );
  }

  async deployInlineServer(
    credentials: BackstageCredentials,
    body: { server: unknown; dryRun: boolean },
  ) {
    // Template input, not yet an entity: the backend checks it as the catalog would.
    const server = body.server as CocktailServerEntityV1alpha1;
    return this.call(credentials, (client, options) =>
      client.deployInlineServer({ ...body, server }, options),
    );
  }

  async serverStatus(credentials: BackstageCredentials, ref: NamespacedName) {
    return this.call(credentials, (client, options) =>
      client.getServerStatus(ref, options),
    );
  }

  async inlineServerStatus(
    credentials: BackstageCredentials,
    query: InlineServerStatusQuery,
  ) {
    return this.call(credentials, (client, options) =>
      client.getInlineServerStatus(query, options),
    );
  }
}
