import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  cocktailServerReadPermission,
  ServiceEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { ResourcePermission } from '@backstage/plugin-permission-common';
import { Authorize } from '../service/authorize';
import { refOf, serviceRefOf } from './catalogRefs';
import { CocktailCatalog } from './CocktailCatalog';

/**
 * A Service the person may read (`cocktail.server.read`, or the permission given; else
 * NotAllowedError) and its ServiceMaps by name.
 */
export async function readableServiceWithServiceMaps(
  options: {
    catalog: CocktailCatalog;
    authorize: Authorize;
    permission?: ResourcePermission;
  },
  params: { namespace: string; name: string },
  credentials: BackstageCredentials,
): Promise<{
  service: ServiceEntityV1alpha1;
  serviceMaps: ServiceMapEntityV1alpha1[];
}> {
  const { catalog, authorize } = options;
  const service = await catalog.service(
    params.namespace,
    params.name,
    credentials,
  );
  await authorize(
    credentials,
    options.permission ?? cocktailServerReadPermission,
    stringifyEntityRef(service),
  );
  const serviceMaps = (await catalog.serviceMaps(credentials))
    .filter(map => serviceRefOf(map) === refOf(service))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
  return { service, serviceMaps };
}
