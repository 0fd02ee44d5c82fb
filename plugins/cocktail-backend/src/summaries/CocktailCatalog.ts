import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import {
  CocktailServerEntityV1alpha1,
  isCocktailServerEntity,
  isServiceEntity,
  isServiceMapEntity,
  ServiceEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { CatalogEntityReader } from '../service/ServerResolver';

const IDENTITY = [
  'apiVersion',
  'kind',
  'metadata.name',
  'metadata.namespace',
  'metadata.title',
];

/**
 * The Cocktail kinds as the summaries read them, always with the caller's credentials: one
 * query per kind, with only the fields the summaries use.
 */
export class CocktailCatalog {
  constructor(private readonly catalog: CatalogEntityReader) {}

  async serviceMaps(
    credentials: BackstageCredentials,
  ): Promise<ServiceMapEntityV1alpha1[]> {
    const { items } = await this.catalog.getEntities(
      { filter: { kind: 'ServiceMap' }, fields: [...IDENTITY, 'spec'] },
      { credentials },
    );
    return items.filter(isServiceMapEntity) as ServiceMapEntityV1alpha1[];
  }

  async services(
    credentials: BackstageCredentials,
  ): Promise<ServiceEntityV1alpha1[]> {
    const { items } = await this.catalog.getEntities(
      { filter: { kind: 'Service' }, fields: [...IDENTITY, 'spec'] },
      { credentials },
    );
    return items.filter(isServiceEntity) as ServiceEntityV1alpha1[];
  }

  async servers(
    credentials: BackstageCredentials,
  ): Promise<CocktailServerEntityV1alpha1[]> {
    const { items } = await this.catalog.getEntities(
      {
        filter: { kind: 'CocktailServer' },
        fields: [...IDENTITY, 'spec.serviceMap', 'spec.type'],
      },
      { credentials },
    );
    return items.filter(
      isCocktailServerEntity,
    ) as CocktailServerEntityV1alpha1[];
  }

  /** A server by name, or undefined when the catalog has none (yet). */
  async server(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<CocktailServerEntityV1alpha1 | undefined> {
    const ref = stringifyEntityRef({ kind: 'CocktailServer', namespace, name });
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    return entity && isCocktailServerEntity(entity)
      ? (entity as CocktailServerEntityV1alpha1)
      : undefined;
  }

  async serviceMap(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<ServiceMapEntityV1alpha1> {
    const ref = stringifyEntityRef({ kind: 'ServiceMap', namespace, name });
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity || !isServiceMapEntity(entity)) {
      throw new NotFoundError(`no ServiceMap ${ref} in the catalog`);
    }
    return entity as ServiceMapEntityV1alpha1;
  }

  async service(
    namespace: string,
    name: string,
    credentials: BackstageCredentials,
  ): Promise<ServiceEntityV1alpha1> {
    const ref = stringifyEntityRef({ kind: 'Service', namespace, name });
    const entity = await this.catalog.getEntityByRef(ref, { credentials });
    if (!entity || !isServiceEntity(entity)) {
      throw new NotFoundError(`no Service ${ref} in the catalog`);
    }
    return entity as ServiceEntityV1alpha1;
  }
}
