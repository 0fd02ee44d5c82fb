import { CocktailHttp } from './CocktailHttp';
import {
  AccessGrant,
  AccessGrantIssued,
  AccessGrantList,
  AccessGrantRequest,
  ClusterAccessRequest,
} from './accessGrants';
import {
  CocktailApiClientOptions,
  CocktailRequestOptions,
  NamespacedName,
} from './requests';

function accessPath({ namespace, name }: NamespacedName) {
  return `/servicemaps/${encodeURIComponent(namespace)}/${encodeURIComponent(
    name,
  )}/access`;
}

function clusterAccessPath(cluster: string) {
  return `/clusters/${encodeURIComponent(cluster)}/access`;
}

/**
 * Time-limited cluster access to ServiceMaps' namespaces, and platform admins' cluster-wide
 * read, through the `cocktail` backend.
 *
 * @public
 */
export class CocktailAccessClient {
  private readonly http: CocktailHttp;

  constructor(options: CocktailApiClientOptions) {
    this.http = new CocktailHttp(options);
  }

  /** Active grants: everyone's for Service admins, else the person's own. */
  async listAccessGrants(
    serviceMap: NamespacedName,
    options?: CocktailRequestOptions,
  ): Promise<AccessGrantList> {
    return this.http.get(accessPath(serviceMap), options);
  }

  /** Asks for access; the answer's kubeconfig is the only copy of the token. */
  async requestAccess(
    serviceMap: NamespacedName,
    request: AccessGrantRequest,
    options?: CocktailRequestOptions,
  ): Promise<AccessGrantIssued> {
    return this.http.result(accessPath(serviceMap), request, options);
  }

  /** Revokes a grant: its ServiceAccount and binding go, so its token stops working. */
  async revokeAccess(
    serviceMap: NamespacedName,
    grantId: string,
    options?: CocktailRequestOptions,
  ): Promise<AccessGrant> {
    const answer = await this.http.json<{ result: AccessGrant }>(
      'DELETE',
      `${accessPath(serviceMap)}/${encodeURIComponent(grantId)}`,
      undefined,
      options,
    );
    return answer.result;
  }

  /** Active cluster-wide read grants on a cluster (platform admins). */
  async listClusterAccessGrants(
    cluster: string,
    options?: CocktailRequestOptions,
  ): Promise<AccessGrantList> {
    return this.http.get(clusterAccessPath(cluster), options);
  }

  /** Asks for read on the whole cluster but Secrets; the answer's kubeconfig is the only copy. */
  async requestClusterAccess(
    cluster: string,
    request: ClusterAccessRequest,
    options?: CocktailRequestOptions,
  ): Promise<AccessGrantIssued> {
    return this.http.result(clusterAccessPath(cluster), request, options);
  }

  /** Revokes a cluster-wide read grant. */
  async revokeClusterAccess(
    cluster: string,
    grantId: string,
    options?: CocktailRequestOptions,
  ): Promise<AccessGrant> {
    const answer = await this.http.json<{ result: AccessGrant }>(
      'DELETE',
      `${clusterAccessPath(cluster)}/${encodeURIComponent(grantId)}`,
      undefined,
      options,
    );
    return answer.result;
  }
}
