import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import {
  AuthorizeResult,
  BasicPermission,
  isResourcePermission,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/**
 * Checks a permission, on one entity or on several (all must be allowed; one batch), and
 * throws NotAllowedError explaining the first refusal.
 */
export type Authorize = (
  credentials: BackstageCredentials,
  permission: BasicPermission | ResourcePermission,
  resourceRef?: string | string[],
) => Promise<void>;

/** Says why a permission was refused; the default names the permission only. */
export type ExplainRefusal = (
  credentials: BackstageCredentials,
  permission: string,
  resourceRef?: string,
) => Promise<string>;

const nameOnly: ExplainRefusal = async (_credentials, permission, ref) =>
  `you are not allowed to ${permission}${ref ? ` on ${ref}` : ''}`;

/**
 * A check that throws NotAllowedError unless the policy allows it, with a message that says
 * which role is needed and who to ask. A resource permission is always checked on an entity.
 */
export function createAuthorize(
  permissions: PermissionsService,
  explain: ExplainRefusal = nameOnly,
): Authorize {
  return async (credentials, permission, resourceRef) => {
    const refs = resourceRef === undefined ? [] : [resourceRef].flat();
    if (isResourcePermission(permission) && !refs.length) {
      throw new Error(
        `${permission.name} is checked on an entity, and none was given`,
      );
    }
    const decisions = await permissions.authorize(
      refs.length
        ? refs.map(ref => ({
            permission: permission as ResourcePermission,
            resourceRef: ref,
          }))
        : [{ permission: permission as BasicPermission }],
      { credentials },
    );
    const refused = decisions.findIndex(
      d => d.result !== AuthorizeResult.ALLOW,
    );
    if (refused >= 0) {
      throw new NotAllowedError(
        await explain(credentials, permission.name, refs[refused]),
      );
    }
  };
}
