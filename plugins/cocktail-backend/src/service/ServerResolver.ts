import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import {
  CocktailServerEntityV1alpha1,
  isCocktailServerEntity,
  isServiceMapEntity,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { ServerTarget } from '../lifecycle/ServerTarget';

/** The part of Backstage's catalog service the plugin needs. */
export interface CatalogEntityReader {
  getEntityByRef(
    ref: string,
    options: { credentials: BackstageCredentials },
  ): Promise<any | undefined>;
  getEntities(
    request: { filter?: Record<string, string | string[]>; fields?: string[] },
    options: { credentials: BackstageCredentials },
  ): Promise<{ items: any[] }>;
}

const CACHE_MS = 10_000;

/**
 * Finds a server's ServiceMap, and so its cluster and namespace, in the catalog. Answers are
 * kept for a few seconds: status requests come often and the catalog changes rarely.
 */
export class ServerResolver {
  private readonly cache = new Map<
    string,
    { target: ServerTarget; at: number }
  >();

  constructor(private readonly catalog: CatalogEntityReader) {}

  async resolve(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
    options: { fresh?: boolean } = {},
  ): Promise<ServerTarget> {
    const entityRef = stringifyEntityRef({
      kind: 'CocktailServer',
      namespace,
      name,
    });
    const cached = this.cache.get(entityRef);
    if (cached && !options.fresh && Date.now() - cached.at < CACHE_MS) {
      return cached.target;
    }
    const server = await this.catalog.getEntityByRef(entityRef, {
      credentials,
    });
    if (!server || !isCocktailServerEntity(server)) {
      throw new NotFoundError(`no CocktailServer ${entityRef} in the catalog`);
    }
    const mapRef = parseEntityRef(
      (server as CocktailServerEntityV1alpha1).spec.serviceMap,
      { defaultKind: 'ServiceMap', defaultNamespace: namespace },
    );
    const serviceMap = await this.catalog.getEntityByRef(
      stringifyEntityRef(mapRef),
      { credentials },
    );
    if (!serviceMap || !isServiceMapEntity(serviceMap)) {
      throw new InputError(
        `${entityRef}: spec.serviceMap names ${stringifyEntityRef(
          mapRef,
        )}, which is not in the catalog`,
      );
    }
    const map = serviceMap as ServiceMapEntityV1alpha1;
    const target: ServerTarget = {
      entityRef,
      server: server as CocktailServerEntityV1alpha1,
      serviceMap: map,
      cluster: parseEntityRef(map.spec.cluster, {
        defaultKind: 'Resource',
        defaultNamespace: namespace,
      }).name,
      namespace: map.spec.namespace,
    };
    this.cache.set(entityRef, { target, at: Date.now() });
    return target;
  }
}
