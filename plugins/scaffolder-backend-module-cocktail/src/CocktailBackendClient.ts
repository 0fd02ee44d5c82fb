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

const ERRORS_BY_STATUS: Record<number, new (message: string) => Error> = {
  400: InputError,
  403: NotAllowedError,
  404: NotFoundError,
  409: ConflictError,
};

/**
 * Calls the `cocktail` backend plugin on behalf of the user who started the task, so its
 * permission checks and audit log see that user, not the scaffolder.
 */
export class CocktailBackendClient {
  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  private async request<T>(
    credentials: BackstageCredentials,
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
  ): Promise<T> {
    const { token } = await this.deps.auth.getPluginRequestToken({
      onBehalfOf: credentials,
      targetPluginId: 'cocktail',
    });
    const baseUrl = await this.deps.discovery.getBaseUrl('cocktail');
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const error = await ResponseError.fromResponse(response);
      // The backend's message names the field and what was expected; pass it on as it is,
      // keeping what kind of refusal it was.
      const message =
        (error.body?.error?.message as string | undefined) ?? error.message;
      const Kind = ERRORS_BY_STATUS[response.status] ?? Error;
      throw new Kind(message);
    }
    return (await response.json()) as T;
  }

  async createCluster(
    credentials: BackstageCredentials,
    body: { request: unknown; dryRun: boolean; owner?: string },
  ) {
    return (
      await this.request<{ result: any }>(
        credentials,
        'POST',
        '/cluster-api/clusters',
        body,
      )
    ).result;
  }

  async clusterStatus(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
  ) {
    return this.request<any>(
      credentials,
      'GET',
      `/cluster-api/clusters/${encodeURIComponent(
        namespace,
      )}/${encodeURIComponent(name)}`,
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
    return (
      await this.request<{ result: any }>(
        credentials,
        'POST',
        `/cluster-api/clusters/${encodeURIComponent(
          namespace,
        )}/${encodeURIComponent(name)}/upgrade`,
        body,
      )
    ).result;
  }

  async scaleCluster(
    credentials: BackstageCredentials,
    namespace: string,
    name: string,
    body: Record<string, unknown>,
  ) {
    return (
      await this.request<{ result: any }>(
        credentials,
        'POST',
        `/cluster-api/clusters/${encodeURIComponent(
          namespace,
        )}/${encodeURIComponent(name)}/scale`,
        body,
      )
    ).result;
  }

  async provisionServiceMap(
    credentials: BackstageCredentials,
    ref: { namespace: string; name: string },
    body: { dryRun: boolean; defaultDenyNetworkPolicy: boolean },
  ) {
    return (
      await this.request<{ result: any }>(
        credentials,
        'POST',
        `/servicemaps/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
          ref.name,
        )}/provision`,
        body,
      )
    ).result;
  }

  async deployServer(
    credentials: BackstageCredentials,
    ref: { namespace: string; name: string },
    body: { dryRun: boolean },
  ) {
    return (
      await this.request<{ result: any }>(
        credentials,
        'POST',
        `/servers/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
          ref.name,
        )}/deploy`,
        body,
      )
    ).result;
  }

  async deployInlineServer(
    credentials: BackstageCredentials,
    body: { server: unknown; dryRun: boolean },
  ) {
    return this.request<{
      result: any;
      entityRef: string;
      cluster: string;
      namespace: string;
    }>(credentials, 'POST', '/servers/deploy', body);
  }

  async serverStatus(
    credentials: BackstageCredentials,
    ref: { namespace: string; name: string },
  ) {
    return this.request<any>(
      credentials,
      'GET',
      `/servers/${encodeURIComponent(ref.namespace)}/${encodeURIComponent(
        ref.name,
      )}/status`,
    );
  }

  async inlineServerStatus(
    credentials: BackstageCredentials,
    query: {
      entityRef: string;
      cluster: string;
      namespace: string;
      server: string;
    },
  ) {
    return this.request<any>(
      credentials,
      'GET',
      `/servers/inline-status?${new URLSearchParams(query)}`,
    );
  }
}
