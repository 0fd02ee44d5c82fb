import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  CocktailServerEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';

/** An entity's ref in one spelling (`kind:namespace/name`, lower case), for comparing. */
export function refOf(entity: Entity): string {
  return stringifyEntityRef(entity).toLocaleLowerCase('en-US');
}

function resolve(ref: string, defaultKind: string, from: Entity): string {
  return stringifyEntityRef(
    parseEntityRef(ref, {
      defaultKind,
      defaultNamespace: from.metadata.namespace ?? 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

/** The cluster a ServiceMap names: `resource:dev` and `resource:default/dev` are both `dev`. */
export function clusterNameOf(serviceMap: ServiceMapEntityV1alpha1): string {
  return parseEntityRef(serviceMap.spec.cluster, {
    defaultKind: 'Resource',
    defaultNamespace: serviceMap.metadata.namespace ?? 'default',
  }).name;
}

/** The ref of the Service a ServiceMap belongs to. */
export function serviceRefOf(serviceMap: ServiceMapEntityV1alpha1): string {
  return resolve(serviceMap.spec.service, 'Service', serviceMap);
}

/** The ref of the ServiceMap a server is deployed to, or undefined when it names none. */
export function serviceMapRefOf(
  server: CocktailServerEntityV1alpha1,
): string | undefined {
  return server.spec?.serviceMap
    ? resolve(server.spec.serviceMap, 'ServiceMap', server)
    : undefined;
}
