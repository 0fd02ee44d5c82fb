import { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { CocktailEntityAccess } from '@cocktailcloud/plugin-cocktail-common';
import {
  AuditLogFilter,
  AutoscalingRequest,
  CocktailApi,
  DeployOptions,
  GateOptions,
  OperationResult,
  ScanFindingsFilter,
  ServerName,
} from './CocktailApi';

function serverPath({ namespace, name }: ServerName) {
  return `/servers/${encodeURIComponent(namespace)}/${encodeURIComponent(
    name,
  )}`;
}

function auditParams(filter: AuditLogFilter) {
  const params = new URLSearchParams();
  for (const ref of filter.entityRefs ?? []) {
    params.append('entityRef', ref);
  }
  for (const key of ['actor', 'action', 'outcome', 'from', 'to'] as const) {
    const value = filter[key];
    if (value) {
      params.set(key, value);
    }
  }
  return params;
}

/** Talks to the `cocktail` backend plugin with the signed-in user's token. */
export class CocktailClient implements CocktailApi {
  constructor(
    private readonly options: {
      discoveryApi: DiscoveryApi;
      fetchApi: FetchApi;
    },
  ) {}

  private async request(path: string, init?: RequestInit): Promise<Response> {
    const baseUrl = await this.options.discoveryApi.getBaseUrl('cocktail');
    const response = await this.options.fetchApi.fetch(`${baseUrl}${path}`, {
      ...init,
      headers: init?.body
        ? { 'Content-Type': 'application/json', ...init.headers }
        : init?.headers,
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return response;
  }

  private async json<T>(path: string, init?: RequestInit): Promise<T> {
    return (await this.request(path, init)).json();
  }

  async getEntityAccess(entityRef: string) {
    return this.json<CocktailEntityAccess>(
      `/access?entityRef=${encodeURIComponent(entityRef)}`,
    );
  }

  private async operation<T = OperationResult>(
    server: ServerName,
    operation: string,
    body: object = {},
  ): Promise<T> {
    const { result } = await this.json<{ result: T }>(
      `${serverPath(server)}/${operation}`,
      { method: 'POST', body: JSON.stringify(body) },
    );
    return result;
  }

  listClusters() {
    return this.json<any>('/clusters');
  }

  describeCluster(name: string) {
    return this.json<any>(`/clusters/${encodeURIComponent(name)}`);
  }

  getServerStatus(server: ServerName) {
    return this.json<any>(`${serverPath(server)}/status`);
  }

  getServerDrift(server: ServerName) {
    return this.json<any>(`${serverPath(server)}/drift`);
  }

  getServerMetrics(server: ServerName) {
    return this.json<any>(`${serverPath(server)}/metrics`);
  }

  getServiceMapSummary({ namespace, name }: ServerName) {
    return this.json<any>(
      `/servicemaps/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/summary`,
    );
  }

  getServiceSummary({ namespace, name }: ServerName) {
    return this.json<any>(
      `/services/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/summary`,
    );
  }

  getServerImageScans(server: ServerName) {
    return this.json<any>(`${serverPath(server)}/image-scans`);
  }

  getServiceMapImageScans({ namespace, name }: ServerName) {
    return this.json<any>(
      `/servicemaps/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/image-scans`,
    );
  }

  getServiceImageScans({ namespace, name }: ServerName) {
    return this.json<any>(
      `/services/${encodeURIComponent(namespace)}/${encodeURIComponent(
        name,
      )}/image-scans`,
    );
  }

  getScanFindings(
    scanId: string,
    filter: ScanFindingsFilter,
    page?: { limit: number; cursor?: string },
  ) {
    const params = new URLSearchParams();
    if (filter.severity) params.set('severity', filter.severity);
    if (filter.fixable) params.set('fixable', 'true');
    if (filter.package) params.set('package', filter.package);
    if (filter.q) params.set('q', filter.q);
    if (page) params.set('limit', String(page.limit));
    if (page?.cursor) params.set('cursor', page.cursor);
    return this.json<any>(
      `/image-scans/${encodeURIComponent(scanId)}/findings?${params}`,
    );
  }

  deploy(server: ServerName, options: DeployOptions) {
    return this.operation<any>(server, 'deploy', options);
  }

  rollingUpdate(
    server: ServerName,
    images: Record<string, string>,
    options: GateOptions = {},
  ) {
    return this.operation(server, 'rolling-update', { images, ...options });
  }

  restart(server: ServerName) {
    return this.operation(server, 'restart');
  }

  scale(server: ServerName, replicas: number) {
    return this.operation(server, 'scale', { replicas });
  }

  setAutoscaling(server: ServerName, request: AutoscalingRequest) {
    return this.operation(server, 'autoscaling', request);
  }

  rollback(server: ServerName, revision: string, options: GateOptions = {}) {
    return this.operation(server, 'rollback', { revision, ...options });
  }

  suspend(server: ServerName) {
    return this.operation(server, 'suspend');
  }

  resume(server: ServerName) {
    return this.operation(server, 'resume');
  }

  async deleteServer(server: ServerName, options: { dryRun: boolean }) {
    const { result } = await this.json<{ result: any }>(
      `${serverPath(server)}${options.dryRun ? '?dryRun=true' : ''}`,
      { method: 'DELETE' },
    );
    return result;
  }

  queryAuditLog(
    filter: AuditLogFilter,
    page: { limit: number; cursor?: string },
  ) {
    const params = auditParams(filter);
    params.set('limit', String(page.limit));
    if (page.cursor) {
      params.set('cursor', page.cursor);
    }
    return this.json<any>(`/audit?${params}`);
  }

  verifyAuditChain() {
    return this.json<any>('/audit/verify');
  }

  async exportAuditLog(filter: AuditLogFilter, format: 'csv' | 'json') {
    const params = auditParams(filter);
    params.set('format', format);
    return (await this.request(`/audit/export?${params}`)).blob();
  }
}
