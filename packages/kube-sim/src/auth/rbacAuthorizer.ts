import { ResourceRegistry } from '../api/ResourceRegistry';
import { KubeObject } from '../api/types';
import { ObjectStore } from '../store/ObjectStore';
import { PolicyRule } from './defaultClusterRoles';
import { UserInfo } from './UserInfo';

/** What a request asks to do, as the API server's authorizers see it. */
export type RequestAttributes =
  | {
      verb: string;
      apiGroup: string;
      resource: string;
      subresource?: string;
      namespace?: string;
      name?: string;
    }
  | { verb: string; path: string };

interface Subject {
  kind: string;
  name: string;
  namespace?: string;
}

const RBAC = 'rbac.authorization.k8s.io';

/** Decides requests from the cluster's Roles, ClusterRoles and their bindings. */
export class RbacAuthorizer {
  constructor(
    private readonly store: ObjectStore,
    private readonly registry: ResourceRegistry,
  ) {}

  allows(user: UserInfo, attributes: RequestAttributes): boolean {
    const namespace =
      'resource' in attributes ? attributes.namespace : undefined;
    return this.rulesOf(user, namespace).some(rule =>
      ruleAllows(rule, attributes),
    );
  }

  /**
   * Every rule that applies to the user in a namespace: those of ClusterRoleBindings and, with
   * a namespace, those of the namespace's RoleBindings.
   */
  rulesOf(user: UserInfo, namespace?: string): PolicyRule[] {
    const rules: PolicyRule[] = [];
    for (const binding of this.list('clusterrolebindings')) {
      if (this.boundTo(binding, user)) {
        rules.push(...this.roleRules(binding));
      }
    }
    if (namespace) {
      for (const binding of this.list('rolebindings', namespace)) {
        if (this.boundTo(binding, user)) {
          rules.push(...this.roleRules(binding, namespace));
        }
      }
    }
    return rules;
  }

  private list(plural: string, namespace?: string): KubeObject[] {
    const type = this.registry.find(RBAC, 'v1', plural);
    return type ? this.store.list(type, namespace) : [];
  }

  private roleRules(binding: KubeObject, namespace?: string): PolicyRule[] {
    const ref = binding.roleRef ?? {};
    const plural = ref.kind === 'Role' ? 'roles' : 'clusterroles';
    if (plural === 'roles' && !namespace) {
      return [];
    }
    const type = this.registry.find(RBAC, 'v1', plural);
    const role = type && this.store.get(type, namespace, ref.name);
    return Array.isArray(role?.rules) ? role!.rules : [];
  }

  private boundTo(binding: KubeObject, user: UserInfo): boolean {
    const subjects: Subject[] = Array.isArray(binding.subjects)
      ? binding.subjects
      : [];
    return subjects.some(subject =>
      subjectIs(subject, user, binding.metadata.namespace),
    );
  }
}

function subjectIs(
  subject: Subject,
  user: UserInfo,
  bindingNamespace?: string,
): boolean {
  switch (subject.kind) {
    case 'User':
      return subject.name === user.username;
    case 'Group':
      return user.groups.includes(subject.name);
    case 'ServiceAccount':
      return (
        user.username ===
        `system:serviceaccount:${subject.namespace ?? bindingNamespace}:${
          subject.name
        }`
      );
    default:
      return false;
  }
}

function ruleAllows(rule: PolicyRule, attributes: RequestAttributes): boolean {
  if (!matches(rule.verbs, attributes.verb)) {
    return false;
  }
  if ('path' in attributes) {
    return (rule.nonResourceURLs ?? []).some(url =>
      url.endsWith('*')
        ? attributes.path.startsWith(url.slice(0, -1))
        : url === attributes.path,
    );
  }
  if (!rule.resources || !matches(rule.apiGroups, attributes.apiGroup)) {
    return false;
  }
  const wanted = attributes.subresource
    ? `${attributes.resource}/${attributes.subresource}`
    : attributes.resource;
  const resourceMatches = rule.resources.some(
    resource =>
      resource === '*' ||
      resource === wanted ||
      (attributes.subresource !== undefined &&
        resource === `*/${attributes.subresource}`),
  );
  if (!resourceMatches) {
    return false;
  }
  return (
    !rule.resourceNames?.length ||
    (attributes.name !== undefined &&
      rule.resourceNames.includes(attributes.name))
  );
}

function matches(values: string[] | undefined, wanted: string): boolean {
  return (values ?? []).some(value => value === '*' || value === wanted);
}
