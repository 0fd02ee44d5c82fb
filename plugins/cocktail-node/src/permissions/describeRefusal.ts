import {
  CocktailPermissionGrant,
  CocktailRole,
} from '@cocktailcloud/plugin-cocktail-common';

function withArticle(role: string): string {
  return /^[aeiou]/.test(role) ? `an ${role}` : `a ${role}`;
}

/**
 * Why a person may not do something, in a sentence they can act on: the role needed, the role
 * they have, and who to ask.
 *
 * @public
 */
export function describeRefusal(input: {
  grant?: CocktailPermissionGrant;
  permission: string;
  entityRef?: string;
  /** The Service the entity belongs to, when it belongs to one. */
  service?: { ref: string; title?: string; admins: string[] };
  role?: CocktailRole;
  platformAdmins: string[];
  /** The owner of a cluster's Resource entity, for cluster permissions. */
  clusterOwner?: string;
}): string {
  const { grant, service, role } = input;
  const yours = role
    ? `you are ${withArticle(role)}`
    : 'you have no role there';
  const askPlatform = input.platformAdmins.length
    ? ` Ask a platform admin (${input.platformAdmins.join(', ')}).`
    : '';
  if (!grant) {
    return `The portal's permission policy does not allow ${input.permission}${
      input.entityRef ? ` on ${input.entityRef}` : ''
    }.`;
  }
  const audience = grant.audience;
  if (audience.type === 'service-role') {
    if (!service) {
      return `${grant.verb} needs the ${
        audience.role
      } role on the entity's Service, and ${
        input.entityRef ?? 'it'
      } belongs to no Service in the catalog.${askPlatform}`;
    }
    const name = service.title ?? service.ref;
    const admins = service.admins.length
      ? ` Ask an admin of ${name} (${service.admins.join(', ')}).`
      : askPlatform;
    return `${grant.verb} needs the ${audience.role} role on ${name}; ${yours}.${admins}`;
  }
  if (audience.type === 'any-service-role') {
    return `${grant.verb} needs the ${audience.role} role on at least one Service; you have none that high.${askPlatform}`;
  }
  if (audience.type === 'platform-admin') {
    const owner =
      audience.clusterOwner && input.clusterOwner
        ? ` or the cluster's owner (${input.clusterOwner})`
        : '';
    return `${grant.verb} needs a platform admin${owner}; you are ${
      owner ? 'neither' : 'not one'
    }.${askPlatform}`;
  }
  return `The portal's permission policy does not allow ${input.permission}.`;
}
