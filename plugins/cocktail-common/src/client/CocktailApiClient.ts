import { CocktailEntityAccess } from '../permissions/access';
import {
  ClusterDescription,
  ClusterListItem,
  DeleteResult,
  ServerDrift,
  ServerMetrics,
  ServiceMapSummary,
  ServiceSummary,
} from '../api/responses';
import { ServerStatus } from '../api/ServerStatus';
import { ImageScanRollup, ServerImageScans } from '../scans/types';
import {
  AuditChainVerificationView,
  AuditExportFormat,
  AuditLogFilter,
  AuditLogPage,
} from './auditLog';
import {
  ClusterCreateRequest,
  ClusterCreateResult,
  ClusterProvisioningStatus,
  ClusterScaleRequest,
  ClusterScaleResult,
  ClusterUpgradeRequest,
  ClusterUpgradeResult,
} from './clusterApi';
import {
  ManifestApplyResult,
  ServiceMapProvisionRequest,
} from './provisioning';
import { CocktailHttp } from './CocktailHttp';
import { auditLogParams, pageParams, scanFindingsParams } from './queryParams';
import {
  CocktailApiClientOptions,
  CocktailPageRequest,
  CocktailRequestOptions,
  NamespacedName,
} from './requests';
import { ScanFindingsFilter, ScanFindingsPage } from './scanFindings';
import {
  AutoscalingRequest,
  DeployOptions,
  GateOptions,
  InlineServerDeployRequest,
  InlineServerDeployResult,
  InlineServerStatusQuery,
  OperationResult,
  ScanGateReport,
  ServerDeployResult,
} from './serverOperations';

type Collection =
  | 'servers'
  | 'servicemaps'
  | 'services'
  | 'cluster-api/clusters';

function pathOf(collection: Collection, { namespace, name }: NamespacedName) {
  return `/${collection}/${encodeURIComponent(namespace)}/${encodeURIComponent(
    name,
  )}`;
}

/**
 * A client for the `cocktail` backend plugin's REST API, for the browser and for Node.js. A
 * refused request throws a `ResponseError` that carries the status and the backend's error.
 *
 * @public
 */
export class CocktailApiClient {
  private readonly http: CocktailHttp;

  constructor(options: CocktailApiClientOptions) {
    this.http = new CocktailHttp(options);
  }

  /** `GET /clusters`: the registered clusters, never their credentials. */
  async listClusters(
    options?: CocktailRequestOptions,
  ): Promise<{ items: ClusterListItem[] }> {
    return this.http.get('/clusters', options);
  }

  /** What the person may do on an entity, their role on its Service, and why not. */
  async getEntityAccess(
    entityRef: string,
    options?: CocktailRequestOptions,
  ): Promise<CocktailEntityAccess> {
    return this.http.get(
      `/access?${new URLSearchParams({ entityRef })}`,
      options,
    );
  }

  /** `GET /clusters/:name`: asked live; an unreachable cluster is reported, not thrown. */
  async describeCluster(
    name: string,
    options?: CocktailRequestOptions,
  ): Promise<ClusterDescription> {
    return this.http.get(`/clusters/${encodeURIComponent(name)}`, options);
  }

  async getServerStatus(
    server: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<ServerStatus> {
    return this.http.get(`${pathOf('servers', server)}/status`, options);
  }

  /** The status of a server deployed inline, named by where it runs. */
  async getInlineServerStatus(
    query: InlineServerStatusQuery,
    options?: CocktailRequestOptions,
  ): Promise<ServerStatus> {
    return this.http.get(
      `/servers/inline-status?${new URLSearchParams({ ...query })}`,
      options,
    );
  }

  async getServerDrift(
    server: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<ServerDrift> {
    return this.http.get(`${pathOf('servers', server)}/drift`, options);
  }

  async getServerMetrics(
    server: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<ServerMetrics> {
    return this.http.get(`${pathOf('servers', server)}/metrics`, options);
  }

  async getServiceMapSummary(
    serviceMap: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<ServiceMapSummary> {
    return this.http.get(
      `${pathOf('servicemaps', serviceMap)}/summary`,
      options,
    );
  }

  async getServiceSummary(
    service: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<ServiceSummary> {
    return this.http.get(`${pathOf('services', service)}/summary`, options);
  }

  async getServerImageScans(
    server: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<ServerImageScans> {
    return this.http.get(`${pathOf('servers', server)}/image-scans`, options);
  }

  async getServiceMapImageScans(
    serviceMap: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<ImageScanRollup> {
    return this.http.get(
      `${pathOf('servicemaps', serviceMap)}/image-scans`,
      options,
    );
  }

  async getServiceImageScans(
    service: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<ImageScanRollup> {
    return this.http.get(`${pathOf('services', service)}/image-scans`, options);
  }

  /** One page of a scan's findings, most severe first. */
  async getScanFindings(
    scanId: string,
    filter: ScanFindingsFilter,
    page?: CocktailPageRequest,
    options?: CocktailRequestOptions,
  ): Promise<ScanFindingsPage> {
    return this.http.get(
      `/image-scans/${encodeURIComponent(scanId)}/findings?${scanFindingsParams(
        filter,
        page,
      )}`,
      options,
    );
  }

  /** With `dryRun`, the answer carries the image scan gate's `gate` and changes nothing. */
  async deploy(
    server: NamespacedName,
    request: DeployOptions,
    options?: CocktailRequestOptions,
  ): Promise<ServerDeployResult> {
    return this.operation(server, 'deploy', request, options);
  }

  /** Deploys a CocktailServer given whole, to the ServiceMap it names. */
  async deployInlineServer(
    request: InlineServerDeployRequest,
    options?: CocktailRequestOptions,
  ): Promise<InlineServerDeployResult> {
    return this.http.post('/servers/deploy', request, options);
  }

  /** With `dryRun`, the answer carries the image scan gate's `gate` and changes nothing. */
  async rollingUpdate(
    server: NamespacedName,
    images: Record<string, string>,
    gate: GateOptions = {},
    options?: CocktailRequestOptions,
  ): Promise<OperationResult & { gate?: ScanGateReport }> {
    return this.operation(
      server,
      'rolling-update',
      { images, ...gate },
      options,
    );
  }

  async restart(
    server: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<OperationResult> {
    return this.operation(server, 'restart', {}, options);
  }

  async scale(
    server: NamespacedName,
    replicas: number,
    options?: CocktailRequestOptions,
  ): Promise<OperationResult> {
    return this.operation(server, 'scale', { replicas }, options);
  }

  async setAutoscaling(
    server: NamespacedName,
    request: AutoscalingRequest,
    options?: CocktailRequestOptions,
  ): Promise<OperationResult> {
    return this.operation(server, 'autoscaling', request, options);
  }

  /** With `dryRun`, the answer carries the image scan gate's `gate` and changes nothing. */
  async rollback(
    server: NamespacedName,
    revision: string,
    gate: GateOptions = {},
    options?: CocktailRequestOptions,
  ): Promise<OperationResult & { gate?: ScanGateReport }> {
    return this.operation(server, 'rollback', { revision, ...gate }, options);
  }

  async suspend(
    server: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<OperationResult> {
    return this.operation(server, 'suspend', {}, options);
  }

  async resume(
    server: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<OperationResult> {
    return this.operation(server, 'resume', {}, options);
  }

  async deleteServer(
    server: NamespacedName,
    request: { dryRun: boolean },
    options?: CocktailRequestOptions,
  ): Promise<DeleteResult> {
    const query = request.dryRun ? '?dryRun=true' : '';
    const { result } = await this.http.json<{ result: DeleteResult }>(
      'DELETE',
      `${pathOf('servers', server)}${query}`,
      undefined,
      options,
    );
    return result;
  }

  /** Creates the namespace of a ServiceMap on its cluster, with its quota and role bindings. */
  async provisionServiceMap(
    serviceMap: NamespacedName,
    request: ServiceMapProvisionRequest,
    options?: CocktailRequestOptions,
  ): Promise<ManifestApplyResult> {
    return this.http.result(
      `${pathOf('servicemaps', serviceMap)}/provision`,
      request,
      options,
    );
  }

  /** One page of the audit log rows the person may read, newest first. */
  async queryAuditLog(
    filter: AuditLogFilter,
    page: CocktailPageRequest,
    options?: CocktailRequestOptions,
  ): Promise<AuditLogPage> {
    return this.http.get(
      `/audit?${pageParams(auditLogParams(filter), page)}`,
      options,
    );
  }

  /** Recomputes the whole audit chain and checks it against the newest checkpoint (platform admins). */
  async verifyAuditChain(
    options?: CocktailRequestOptions,
  ): Promise<AuditChainVerificationView> {
    return this.http.get('/audit/verify', options);
  }

  /** Every audit log row the person may read that matches the filter, as one file. */
  async exportAuditLog(
    filter: AuditLogFilter,
    format: AuditExportFormat,
    options?: CocktailRequestOptions,
  ): Promise<Blob> {
    const params = auditLogParams(filter);
    params.set('format', format);
    const response = await this.http.request(
      'GET',
      `/audit/export?${params}`,
      undefined,
      options,
    );
    return response.blob();
  }

  /** Renders a cluster's Cluster API objects and applies them on the management cluster. */
  async createCluster(
    request: ClusterCreateRequest,
    options?: CocktailRequestOptions,
  ): Promise<ClusterCreateResult> {
    return this.http.result('/cluster-api/clusters', request, options);
  }

  async getClusterProvisioningStatus(
    cluster: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<ClusterProvisioningStatus> {
    return this.http.get(pathOf('cluster-api/clusters', cluster), options);
  }

  async upgradeCluster(
    cluster: NamespacedName,
    request: ClusterUpgradeRequest,
    options?: CocktailRequestOptions,
  ): Promise<ClusterUpgradeResult> {
    return this.http.result(
      `${pathOf('cluster-api/clusters', cluster)}/upgrade`,
      request,
      options,
    );
  }

  async scaleCluster(
    cluster: NamespacedName,
    request: ClusterScaleRequest,
    options?: CocktailRequestOptions,
  ): Promise<ClusterScaleResult> {
    return this.http.result(
      `${pathOf('cluster-api/clusters', cluster)}/scale`,
      request,
      options,
    );
  }

  private async operation<T>(
    server: NamespacedName,
    operation: string,
    body: object,
    options?: CocktailRequestOptions,
  ): Promise<T> {
    return this.http.result(
      `${pathOf('servers', server)}/${operation}`,
      body,
      options,
    );
  }
}
