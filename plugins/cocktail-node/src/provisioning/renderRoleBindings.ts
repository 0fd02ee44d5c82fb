import {
  ServiceEntityV1alpha1,
  ServiceMapEntityV1alpha1,
  ServiceMemberRole,
} from '@cocktailcloud/plugin-cocktail-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import { Manifest } from '../rendering/types';

const RBAC_API_GROUP = 'rbac.authorization.k8s.io';

/**
 * The built-in ClusterRole each Service role is bound to in the namespace: `admin` (everything
 * in the namespace, including its RoleBindings), `edit` (deploy and operate, no RBAC) and
 * `view` (read only, no Secrets).
 *
 * @public
 */
export const CLUSTER_ROLE_BY_MEMBER_ROLE: Record<ServiceMemberRole, string> = {
  admin: 'admin',
  developer: 'edit',
  viewer: 'view',
};

const ROLES: ServiceMemberRole[] = ['admin', 'developer', 'viewer'];

interface Subject {
  kind: 'User' | 'Group';
  apiGroup: string;
  name: string;
}

/**
 * One RoleBinding per Service role that has members, named `cocktail-<role>s`. Members become
 * User or Group subjects named after their entity (the catalog namespace is dropped, as the
 * identity provider knows users by name alone); the owners of the Service and of the ServiceMap
 * are admins.
 */
export function renderRoleBindings(
  service: ServiceEntityV1alpha1,
  serviceMap: ServiceMapEntityV1alpha1,
  labels: Record<string, string>,
): Manifest[] {
  const subjectsByRole = new Map<ServiceMemberRole, Subject[]>(
    ROLES.map(role => [role, []]),
  );
  const add = (role: ServiceMemberRole, subject: Subject) => {
    const subjects = subjectsByRole.get(role)!;
    if (
      !subjects.some(s => s.kind === subject.kind && s.name === subject.name)
    ) {
      subjects.push(subject);
    }
  };

  add('admin', toSubject(service.spec.owner, 'Group', 'spec.owner'));
  if (serviceMap.spec.owner) {
    add(
      'admin',
      toSubject(serviceMap.spec.owner, 'Group', 'ServiceMap spec.owner'),
    );
  }
  (service.spec.members ?? []).forEach((member, index) => {
    if (!ROLES.includes(member.role)) {
      throw new InputError(
        `spec.members[${index}].role: expected one of ${ROLES.join(
          ', ',
        )}, got ${JSON.stringify(member.role)}`,
      );
    }
    add(
      member.role,
      toSubject(member.ref, 'User', `spec.members[${index}].ref`),
    );
  });

  return ROLES.filter(role => subjectsByRole.get(role)!.length > 0).map(
    role => ({
      apiVersion: `${RBAC_API_GROUP}/v1`,
      kind: 'RoleBinding',
      metadata: {
        name: `cocktail-${role}s`,
        namespace: serviceMap.spec.namespace,
        labels,
      },
      roleRef: {
        apiGroup: RBAC_API_GROUP,
        kind: 'ClusterRole',
        name: CLUSTER_ROLE_BY_MEMBER_ROLE[role],
      },
      subjects: subjectsByRole.get(role)!,
    }),
  );
}

/** `user:default/alice`, `user:alice` → User alice; `group:payments-devs` → Group payments-devs. */
function toSubject(
  ref: string,
  defaultKind: 'User' | 'Group',
  field: string,
): Subject {
  const { kind, name } = parseEntityRef(ref, {
    defaultKind,
    defaultNamespace: 'default',
  });
  switch (kind.toLocaleLowerCase('en-US')) {
    case 'user':
      return { kind: 'User', apiGroup: RBAC_API_GROUP, name };
    case 'group':
      return { kind: 'Group', apiGroup: RBAC_API_GROUP, name };
    default:
      throw new InputError(
        `${field}: ${JSON.stringify(
          ref,
        )} must refer to a User or a Group to be given access to the namespace`,
      );
  }
}
