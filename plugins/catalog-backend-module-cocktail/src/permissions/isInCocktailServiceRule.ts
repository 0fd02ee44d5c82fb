import { parseEntityRef } from '@backstage/catalog-model';
import { EntitiesSearchFilter } from '@backstage/plugin-catalog-node';
import { catalogEntityPermissionResourceRef } from '@backstage/plugin-catalog-node/alpha';
import { createPermissionRule } from '@backstage/plugin-permission-node';
import {
  CocktailServiceScope,
  IS_IN_COCKTAIL_SERVICE,
  isEntityInCocktailScope,
} from '@cocktailcloud/plugin-cocktail-common';
import { z } from 'zod';

function servicesFilter(services: string[]): EntitiesSearchFilter[] {
  const namesByNamespace = new Map<string, string[]>();
  for (const ref of services) {
    const { namespace, name } = parseEntityRef(ref);
    namesByNamespace.set(namespace, [
      ...(namesByNamespace.get(namespace) ?? []),
      name,
    ]);
  }
  return [...namesByNamespace].map(([namespace, names]) => ({
    allOf: [
      { key: 'kind', values: ['service'] },
      { key: 'metadata.namespace', values: [namespace] },
      { key: 'metadata.name', values: names },
    ],
  })) as unknown as EntitiesSearchFilter[];
}

/**
 * Matches the Services, ServiceMaps and servers of a set of Services. A policy resolves the
 * person's Services from their roles and names them (and their ServiceMaps) in a conditional
 * decision; the catalog applies it to the entity the permission is checked on. A server is
 * matched by the ServiceMap it names, a ServiceMap by the Service it names, so an entity's own
 * owner or location confers nothing. As a query it uses the `partOf` relations the Cocktail
 * processor emits.
 *
 * @public
 */
export const isInCocktailServiceRule = createPermissionRule({
  name: IS_IN_COCKTAIL_SERVICE,
  description:
    'Allow the Services, ServiceMaps and CocktailServers of the given Services',
  resourceRef: catalogEntityPermissionResourceRef,
  paramsSchema: z.object({
    services: z
      .array(z.string())
      .describe('Service refs, lower case kind:namespace/name'),
    serviceMaps: z
      .array(z.string())
      .describe('Refs of those Services’ ServiceMaps, lower case'),
  }),
  apply: (entity, scope: CocktailServiceScope) =>
    isEntityInCocktailScope(entity, scope),
  toQuery: ({ services, serviceMaps }) => {
    const anyOf: EntitiesSearchFilter[] = [...servicesFilter(services)];
    if (services.length) {
      anyOf.push({
        allOf: [
          { key: 'kind', values: ['servicemap'] },
          { key: 'relations.partof', values: services },
        ],
      } as unknown as EntitiesSearchFilter);
    }
    if (serviceMaps.length) {
      anyOf.push({
        allOf: [
          { key: 'kind', values: ['cocktailserver'] },
          { key: 'relations.partof', values: serviceMaps },
        ],
      } as unknown as EntitiesSearchFilter);
    }
    // No Services: a filter that matches nothing.
    return (
      anyOf.length
        ? { anyOf }
        : { key: 'kind', values: ['cocktail-matches-nothing'] }
    ) as EntitiesSearchFilter;
  },
});
