import { NotAllowedError } from '@backstage/errors';
import {
  AccessGrantRole,
  CocktailRole,
} from '@cocktailcloud/plugin-cocktail-common';

/** The Kubernetes ClusterRole each Service role may have at most. */
const CEILING: Record<CocktailRole, AccessGrantRole> = {
  viewer: 'view',
  developer: 'edit',
  admin: 'admin',
};

const ORDER: AccessGrantRole[] = ['view', 'edit', 'admin'];

const NEEDED: Record<AccessGrantRole, CocktailRole> = {
  view: 'viewer',
  edit: 'developer',
  admin: 'admin',
};

/** The roles a person may ask for: up to their Service role's; all of them for platform admins. */
export function allowedAccessRoles(standing: {
  role?: CocktailRole;
  platformAdmin: boolean;
}): AccessGrantRole[] {
  if (standing.platformAdmin) {
    return ORDER;
  }
  if (!standing.role) {
    return [];
  }
  return ORDER.slice(0, ORDER.indexOf(CEILING[standing.role]) + 1);
}

/** Refuses a role above the person's, naming the role it needs and theirs. */
export function checkAccessRole(
  wanted: AccessGrantRole,
  standing: { role?: CocktailRole; platformAdmin: boolean },
  serviceTitle: string,
) {
  if (allowedAccessRoles(standing).includes(wanted)) {
    return;
  }
  const yours = standing.role
    ? `your role there is ${standing.role}, which allows ${allowedAccessRoles(
        standing,
      ).join(' or ')}`
    : 'you have no role there';
  throw new NotAllowedError(
    `role: the Kubernetes role ${wanted} needs the ${NEEDED[wanted]} role on ${serviceTitle}; ${yours}`,
  );
}
