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

export type Authorize = (
  credentials: BackstageCredentials,
  permission: BasicPermission | ResourcePermission,
  resourceRef?: string,
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
    if (isResourcePermission(permission) && !resourceRef) {
      throw new Error(
        `${permission.name} is checked on an entity, and none was given`,
      );
    }
    const [decision] = await permissions.authorize(
      [
        resourceRef
          ? { permission: permission as ResourcePermission, resourceRef }
          : { permission: permission as BasicPermission },
      ],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        await explain(credentials, permission.name, resourceRef),
      );
    }
  };
}
