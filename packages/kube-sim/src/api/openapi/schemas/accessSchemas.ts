/** Schemas of access control: RBAC roles and bindings, self reviews and TokenRequest. */
import {
  apiTypes,
  LABEL_SELECTOR,
  TOKEN_REQUEST_GVK,
} from '../definitionNames';
import { definitions, field, kindSchema } from '../schemaDsl';

const rbac = apiTypes('rbac.authorization.k8s.io', 'v1');
const rbacKind = (kind: string) => ({
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind,
});

const rules = field.listOf(rbac('PolicyRule'), 'What the role allows.');
const subjects = field.listOf(
  rbac('Subject'),
  'Users, groups and ServiceAccounts granted the role.',
);
const roleRef = field.object(
  'The role granted; cannot be changed.',
  {
    apiGroup: field.string('rbac.authorization.k8s.io.'),
    kind: field.string('Role or ClusterRole.'),
    name: field.string('Name of the role.'),
  },
  ['apiGroup', 'kind', 'name'],
);

const rbacV1 = definitions(rbac, {
  Role: kindSchema(
    rbacKind('Role'),
    'A set of permissions within one namespace.',
    { rules },
  ),
  ClusterRole: kindSchema(
    rbacKind('ClusterRole'),
    'A set of permissions, granted cluster-wide by a ClusterRoleBinding or in one namespace by a RoleBinding.',
    {
      rules,
      aggregationRule: field.object(
        'Copies into this role the rules of the ClusterRoles selected.',
        {
          clusterRoleSelectors: field.listOf(
            LABEL_SELECTOR,
            'Selectors of the ClusterRoles; any of them may match.',
          ),
        },
      ),
    },
  ),
  RoleBinding: kindSchema(
    rbacKind('RoleBinding'),
    'Grants a Role or ClusterRole to subjects within one namespace.',
    { subjects, roleRef },
    ['roleRef'],
  ),
  ClusterRoleBinding: kindSchema(
    rbacKind('ClusterRoleBinding'),
    'Grants a ClusterRole to subjects across the cluster.',
    { subjects, roleRef },
    ['roleRef'],
  ),
  PolicyRule: field.object(
    'Verbs allowed on resources or non-resource URLs.',
    {
      verbs: field.strings(
        'get, list, watch, create, update, patch, delete … or *.',
      ),
      apiGroups: field.strings(
        'API groups of the resources; "" is the core group.',
      ),
      resources: field.strings('Resources, such as pods or deployments/scale.'),
      resourceNames: field.strings('Only these objects, when given.'),
      nonResourceURLs: field.strings(
        'Paths such as /healthz, for ClusterRoles.',
      ),
    },
    ['verbs'],
  ),
  Subject: field.object(
    'Who is granted a role.',
    {
      kind: field.string('User, Group or ServiceAccount.'),
      name: field.string('Name of the subject.'),
      namespace: field.string('Namespace of a ServiceAccount.'),
      apiGroup: field.string('rbac.authorization.k8s.io for users and groups.'),
    },
    ['kind', 'name'],
  ),
});

const authorization = (kind: string) => ({
  group: 'authorization.k8s.io',
  version: 'v1',
  kind,
});

const reviews = definitions(apiTypes('authorization.k8s.io', 'v1'), {
  SelfSubjectAccessReview: kindSchema(
    authorization('SelfSubjectAccessReview'),
    'Asks whether the caller may do one thing; the answer comes back in status.',
    {
      spec: field.object('The action to check.', {
        resourceAttributes: field.object('An action on a resource.', {
          verb: field.string('The verb.'),
          group: field.string('API group.'),
          resource: field.string('Resource.'),
          subresource: field.string('Subresource.'),
          namespace: field.string('Namespace.'),
          name: field.string('Name of the object.'),
        }),
        nonResourceAttributes: field.object('An action on a path.', {
          path: field.string('The path.'),
          verb: field.string('The verb.'),
        }),
      }),
      status: field.object('The answer.', {
        allowed: field.boolean('Whether the action is allowed.'),
        denied: field.boolean('Whether it is explicitly denied.'),
        reason: field.string('Why.'),
      }),
    },
    ['spec'],
  ),
  SelfSubjectRulesReview: kindSchema(
    authorization('SelfSubjectRulesReview'),
    'Lists what the caller may do in a namespace; the answer comes back in status.',
    {
      spec: field.object('The namespace to ask about.', {
        namespace: field.string('The namespace.'),
      }),
      status: field.object('The answer.', {
        resourceRules: field.list(
          field.anyObject('A rule.'),
          'Rules on resources.',
        ),
        nonResourceRules: field.list(
          field.anyObject('A rule.'),
          'Rules on paths.',
        ),
        incomplete: field.boolean('Whether the list may be missing rules.'),
      }),
    },
    ['spec'],
  ),
});

const authentication = definitions(apiTypes('authentication.k8s.io', 'v1'), {
  SelfSubjectReview: kindSchema(
    {
      group: 'authentication.k8s.io',
      version: 'v1',
      kind: 'SelfSubjectReview',
    },
    'Asks who the caller is authenticated as; the answer comes back in status.',
    {
      status: field.object('The answer.', {
        userInfo: field.object('The caller.', {
          username: field.string('User name.'),
          uid: field.string('User ID.'),
          groups: field.strings('Groups.'),
        }),
      }),
    },
  ),
  TokenRequest: kindSchema(
    TOKEN_REQUEST_GVK,
    'Asks for a token of a ServiceAccount, through its token subresource.',
    {
      spec: field.object('The token wanted.', {
        audiences: field.strings('Who the token is meant for.'),
        expirationSeconds: field.int64('How long the token stays valid.'),
      }),
      status: field.object('The token.', {
        token: field.string('The bearer token.'),
        expirationTimestamp: field.time('When it expires.'),
      }),
    },
    ['spec'],
  ),
});

export const accessDefinitions = { ...rbacV1, ...reviews, ...authentication };
