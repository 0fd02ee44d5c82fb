import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  cocktailPermissionGrant,
  roleIncludes,
} from '@cocktailcloud/plugin-cocktail-common';
import { ServiceRoleDirectory } from '@cocktailcloud/plugin-cocktail-node';

/**
 * A mock of the permission service that decides as the shipped policy does, from the role table
 * and the Service roles in the catalog, for resource permissions checked on one entity. (The
 * real policy answers conditionally, which only the catalog can resolve.)
 */
export function roleTableAuthorize(
  directory: ServiceRoleDirectory,
  ownershipOf: (userRef: string) => string[],
  entityOf: (ref: string) => Promise<any>,
) {
  return async (
    requests: Array<{ permission: { name: string }; resourceRef?: string }>,
    { credentials }: { credentials: BackstageCredentials },
  ) => {
    const user = (credentials.principal as { userEntityRef: string })
      .userEntityRef;
    const refs = ownershipOf(user);
    const roles = await directory.rolesOf(refs);
    return Promise.all(
      requests.map(async ({ permission, resourceRef }) => {
        const grant = cocktailPermissionGrant(permission.name);
        let allowed = directory.isPlatformAdmin(refs);
        if (!allowed && grant?.audience.type === 'service-role') {
          const entity = resourceRef && (await entityOf(resourceRef));
          const service = entity && (await directory.serviceOf(entity));
          allowed = roleIncludes(
            service ? roles.get(service) : undefined,
            grant.audience.role,
          );
        }
        return {
          result: allowed ? AuthorizeResult.ALLOW : AuthorizeResult.DENY,
        };
      }),
    );
  };
}
