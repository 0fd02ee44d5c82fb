/**
 * What {@link CocktailApiClient} needs: where the `cocktail` backend plugin is, and a fetch that
 * adds the caller's credentials or leaves them to {@link CocktailRequestOptions.token}.
 *
 * @public
 */
export interface CocktailApiClientOptions {
  discoveryApi: {
    getBaseUrl(pluginId: string): Promise<string>;
  };
  fetchApi: {
    fetch: typeof fetch;
  };
}

/**
 * Options of a single request.
 *
 * @public
 */
export interface CocktailRequestOptions {
  /** Sent as a bearer token; without it, the injected fetch is left to authenticate. */
  token?: string;
}

/**
 * An object the backend's URLs name by namespace and name: the catalog namespace of a
 * CocktailServer, ServiceMap or Service, or the Kubernetes namespace of a Cluster API cluster on
 * the management cluster.
 *
 * @public
 */
export interface NamespacedName {
  namespace: string;
  name: string;
}

/**
 * One page of a list: its size, and the `nextCursor` of the page before it.
 *
 * @public
 */
export interface CocktailPageRequest {
  limit: number;
  cursor?: string;
}
