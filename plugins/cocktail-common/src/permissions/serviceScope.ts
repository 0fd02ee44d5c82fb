import {
  Entity,
  parseEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { PermissionCondition } from '@backstage/plugin-permission-common';
import { COCKTAIL_ENTITY_RESOURCE_TYPE } from './permissions';

/**
 * The catalog permission rule that matches the Services, ServiceMaps and servers of a set of Services.
 *
 * @public
 */
export const IS_IN_COCKTAIL_SERVICE = 'IS_IN_COCKTAIL_SERVICE';

/**
 * The parameters of {@link IS_IN_COCKTAIL_SERVICE}: Service refs, and the refs of their
 * ServiceMaps (a server names its ServiceMap, not its Service). Refs are lower case,
 * `kind:namespace/name`.
 *
 * @public
 */
export type CocktailServiceScope = {
  services: string[];
  serviceMaps: string[];
};

/**
 * A condition for a policy's conditional decision: the entity belongs to one of these Services.
 *
 * @public
 */
export function isInCocktailService(
  scope: CocktailServiceScope,
): PermissionCondition<
  typeof COCKTAIL_ENTITY_RESOURCE_TYPE,
  CocktailServiceScope
> {
  return {
    rule: IS_IN_COCKTAIL_SERVICE,
    resourceType: COCKTAIL_ENTITY_RESOURCE_TYPE,
    params: scope,
  };
}

/**
 * A ref in the one spelling the scope uses: lower case `kind:namespace/name`.
 *
 * @public
 */
export function normalizeRef(
  ref: string,
  defaults: { defaultKind?: string; defaultNamespace?: string } = {},
): string {
  return stringifyEntityRef(
    parseEntityRef(ref, {
      defaultKind: defaults.defaultKind,
      defaultNamespace: defaults.defaultNamespace ?? 'default',
    }),
  ).toLocaleLowerCase('en-US');
}

/**
 * The Service an entity belongs to, as far as the entity itself says: a Service is its own, a
 * ServiceMap names it in `spec.service`. A server names only its ServiceMap, returned as
 * `serviceMap`.
 *
 * @public
 */
export function cocktailOwnershipOf(entity: Entity): {
  service?: string;
  serviceMap?: string;
} {
  const namespace = entity.metadata.namespace ?? 'default';
  const spec = (entity.spec ?? {}) as Record<string, unknown>;
  const kind = entity.kind.toLocaleLowerCase('en-US');
  try {
    if (kind === 'service') {
      return { service: normalizeRef(stringifyEntityRef(entity)) };
    }
    if (kind === 'servicemap' && typeof spec.service === 'string') {
      return {
        service: normalizeRef(spec.service, {
          defaultKind: 'Service',
          defaultNamespace: namespace,
        }),
        serviceMap: normalizeRef(stringifyEntityRef(entity)),
      };
    }
    if (kind === 'cocktailserver' && typeof spec.serviceMap === 'string') {
      return {
        serviceMap: normalizeRef(spec.serviceMap, {
          defaultKind: 'ServiceMap',
          defaultNamespace: namespace,
        }),
      };
    }
  } catch {
    // A malformed ref belongs to no Service.
  }
  return {};
}

/**
 * Whether an entity is a Service, ServiceMap or server of the scope's Services.
 *
 * @public
 */
export function isEntityInCocktailScope(
  entity: Entity,
  scope: CocktailServiceScope,
): boolean {
  const { service, serviceMap } = cocktailOwnershipOf(entity);
  const kind = entity.kind.toLocaleLowerCase('en-US');
  if (kind === 'cocktailserver') {
    return serviceMap !== undefined && scope.serviceMaps.includes(serviceMap);
  }
  return service !== undefined && scope.services.includes(service);
}
