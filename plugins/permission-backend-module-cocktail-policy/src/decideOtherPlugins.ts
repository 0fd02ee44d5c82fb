import {
  catalogConditions,
  createCatalogConditionalDecision,
} from '@backstage/plugin-catalog-backend/alpha';
import {
  catalogEntityCreatePermission,
  catalogEntityDeletePermission,
  catalogLocationCreatePermission,
  catalogLocationDeletePermission,
} from '@backstage/plugin-catalog-common/alpha';
import {
  AuthorizeResult,
  isPermission,
  isResourcePermission,
  PolicyDecision,
} from '@backstage/plugin-permission-common';
import {
  PolicyQuery,
  PolicyQueryUser,
} from '@backstage/plugin-permission-node';
import { ownershipRefsOf } from './CocktailPolicyDecider';

const ALLOW: PolicyDecision = { result: AuthorizeResult.ALLOW };
const DENY: PolicyDecision = { result: AuthorizeResult.DENY };

/**
 * Defaults for the other plugins of a portal, for people who are not platform admins:
 * - the catalog is readable; registering (a location or an entity) is for people in a team,
 *   as an entity that does not exist yet has no owner to check; unregistering an entity is for
 *   its owners; removing a location is for platform admins;
 * - everything else (scaffolder templates, search, the Kubernetes plugin's reads, notifications,
 *   settings) is allowed to everyone signed in.
 *
 * @public
 */
export function decideOtherPlugins(
  request: PolicyQuery,
  user?: PolicyQueryUser,
): PolicyDecision {
  if (!user) {
    return DENY;
  }
  const { permission } = request;
  const refs = ownershipRefsOf(user);
  if (
    isPermission(permission, catalogEntityCreatePermission) ||
    isPermission(permission, catalogLocationCreatePermission)
  ) {
    return refs.some(ref => ref.toLocaleLowerCase('en-US').startsWith('group:'))
      ? ALLOW
      : DENY;
  }
  if (
    isPermission(permission, catalogEntityDeletePermission) &&
    isResourcePermission(permission, 'catalog-entity')
  ) {
    return createCatalogConditionalDecision(
      permission,
      catalogConditions.isEntityOwner({ claims: refs }),
    );
  }
  if (isPermission(permission, catalogLocationDeletePermission)) {
    return DENY;
  }
  return ALLOW;
}
