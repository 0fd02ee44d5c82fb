import {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import {
  AuthorizeResult,
  ResourcePermission,
} from '@backstage/plugin-permission-common';

/** Whether the person may use the permission everywhere, nowhere, or on some entities only. */
export async function permissionReach(
  permissions: PermissionsService,
  permission: ResourcePermission,
  credentials: BackstageCredentials,
): Promise<'all' | 'none' | 'some'> {
  const [decision] = await permissions.authorizeConditional([{ permission }], {
    credentials,
  });
  if (decision.result === AuthorizeResult.ALLOW) return 'all';
  if (decision.result === AuthorizeResult.DENY) return 'none';
  return 'some';
}

/**
 * The refs among `candidates` on which the person may use the permission: one batch through
 * the permission framework, so any policy (conditional or not) decides, not a copy of it.
 */
export async function readableEntityRefs(
  permissions: PermissionsService,
  permission: ResourcePermission,
  candidates: string[],
  credentials: BackstageCredentials,
): Promise<string[]> {
  const unique = [...new Set(candidates)];
  if (!unique.length) {
    return [];
  }
  const decisions = await permissions.authorize(
    unique.map(resourceRef => ({ permission, resourceRef })),
    { credentials },
  );
  return unique.filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW);
}
