import {
  cocktailPermissionGrant,
  CocktailRole,
  roleIncludes,
} from '@cocktailcloud/plugin-cocktail-common';
import { Person } from '../../__testUtils__/startMatrixBackend';

/** What the demo's people are, as the example catalog and app-config make them. */
export const STANDING: Record<
  Person,
  {
    platformAdmin?: boolean;
    roles: Partial<Record<'payments' | 'search', CocktailRole>>;
    /** Cluster Resources one of their groups owns. */
    ownsClusters?: string[];
  }
> = {
  erin: { platformAdmin: true, roles: { payments: 'viewer' } },
  alice: { roles: { payments: 'admin' }, ownsClusters: ['demo'] },
  bob: { roles: { payments: 'developer' } },
  carol: { roles: { payments: 'viewer' } },
  dave: { roles: { search: 'admin' } },
  guest: { roles: {} },
};

/** Where a case acts: a Service's entity, or a cluster. */
export interface CaseTarget {
  service?: 'payments' | 'search';
  cluster?: string;
}

/**
 * Whether the README's table allows `person` to use `permission` on `target`, with
 * `cocktail.permissions.openReads` true: decided from the table in cocktail-common, not from
 * the policy under test.
 */
export function expectedAllowed(
  permission: string,
  person: Person,
  target: CaseTarget,
): boolean {
  const grant = cocktailPermissionGrant(permission);
  if (!grant) {
    throw new Error(`${permission} is not in the role table`);
  }
  const standing = STANDING[person];
  if (standing.platformAdmin) {
    return true;
  }
  const audience = grant.audience;
  switch (audience.type) {
    case 'signed-in':
      return true;
    case 'platform-admin':
      return Boolean(
        audience.clusterOwner &&
          target.cluster &&
          standing.ownsClusters?.includes(target.cluster),
      );
    case 'any-service-role':
      return Object.values(standing.roles).some(role =>
        roleIncludes(role, audience.role),
      );
    default:
      if (audience.openRead) {
        return true;
      }
      return Boolean(
        target.service &&
          roleIncludes(standing.roles[target.service], audience.role),
      );
  }
}
