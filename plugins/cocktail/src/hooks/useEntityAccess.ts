import { stringifyEntityRef, Entity } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { CocktailEntityAccess } from '@cocktailcloud/plugin-cocktail-common';
import useAsync from 'react-use/esm/useAsync';
import { cocktailApiRef } from '../api';

/** The signed-in person's role on the entity's Service and their decision for each permission. */
export function useEntityAccess(entity: Entity): {
  value?: CocktailEntityAccess;
  loading: boolean;
  error?: Error;
} {
  const api = useApi(cocktailApiRef);
  const entityRef = stringifyEntityRef(entity);
  return useAsync(() => api.getEntityAccess(entityRef), [api, entityRef]);
}

/**
 * Why an action is unavailable to the person, or undefined when they may do it: while the
 * decision loads, or when it could not be read, that is said too.
 */
export function refusalOf(
  access: ReturnType<typeof useEntityAccess>,
  permission: string,
): string | undefined {
  if (access.loading) {
    return 'Checking your permissions…';
  }
  if (access.error || !access.value) {
    return `Your permissions could not be read: ${
      access.error?.message ?? 'no answer'
    }`;
  }
  const decision = access.value.permissions[permission];
  if (!decision) {
    return `The backend does not know the ${permission} permission.`;
  }
  // Who to ask is said once, above the operations, rather than on every row.
  return decision.allowed
    ? undefined
    : decision.reason?.replace(/\s+Ask (an admin|a platform admin) .*$/, '') ??
        `The portal's policy does not allow ${permission}.`;
}
