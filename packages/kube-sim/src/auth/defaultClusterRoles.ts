import { KubeObject } from '../api/types';

/** One rule of a Role or ClusterRole, as rbac.authorization.k8s.io/v1 defines it. */
export interface PolicyRule {
  verbs: string[];
  apiGroups?: string[];
  resources?: string[];
  resourceNames?: string[];
  nonResourceURLs?: string[];
}

const READ = ['get', 'list', 'watch'];
const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];

/** What the `view` role may read, by API group: everything in a namespace except Secrets. */
const VIEWABLE: Record<string, string[]> = {
  '': [
    'configmaps',
    'endpoints',
    'persistentvolumeclaims',
    'persistentvolumeclaims/status',
    'pods',
    'pods/log',
    'pods/status',
    'replicationcontrollers',
    'replicationcontrollers/scale',
    'replicationcontrollers/status',
    'serviceaccounts',
    'services',
    'services/status',
    'bindings',
    'events',
    'limitranges',
    'namespaces',
    'namespaces/status',
    'resourcequotas',
    'resourcequotas/status',
  ],
  apps: [
    'controllerrevisions',
    'daemonsets',
    'daemonsets/status',
    'deployments',
    'deployments/scale',
    'deployments/status',
    'replicasets',
    'replicasets/scale',
    'replicasets/status',
    'statefulsets',
    'statefulsets/scale',
    'statefulsets/status',
  ],
  autoscaling: ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'],
  batch: ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'],
  'discovery.k8s.io': ['endpointslices'],
  'networking.k8s.io': ['ingresses', 'ingresses/status', 'networkpolicies'],
  policy: ['poddisruptionbudgets', 'poddisruptionbudgets/status'],
  'metrics.k8s.io': ['pods'],
  'events.k8s.io': ['events'],
};

/** What the `edit` role may change, by API group: workloads and their config, not access. */
const EDITABLE: Record<string, string[]> = {
  '': [
    'pods',
    'pods/attach',
    'pods/exec',
    'pods/portforward',
    'pods/proxy',
    'pods/eviction',
    'configmaps',
    'endpoints',
    'persistentvolumeclaims',
    'replicationcontrollers',
    'replicationcontrollers/scale',
    'secrets',
    'serviceaccounts',
    'services',
    'services/proxy',
  ],
  apps: [
    'daemonsets',
    'deployments',
    'deployments/rollback',
    'deployments/scale',
    'replicasets',
    'replicasets/scale',
    'statefulsets',
    'statefulsets/scale',
  ],
  autoscaling: ['horizontalpodautoscalers'],
  batch: ['cronjobs', 'jobs'],
  'networking.k8s.io': ['ingresses', 'networkpolicies'],
  policy: ['poddisruptionbudgets'],
};

function rulesFor(resources: Record<string, string[]>, verbs: string[]) {
  return Object.entries(resources).map(([group, names]) => ({
    apiGroups: [group],
    resources: names,
    verbs,
  }));
}

const VIEW_RULES: PolicyRule[] = rulesFor(VIEWABLE, READ);

const EDIT_RULES: PolicyRule[] = [
  ...VIEW_RULES,
  ...rulesFor(EDITABLE, WRITE),
  { apiGroups: [''], resources: ['secrets'], verbs: READ },
  {
    apiGroups: [''],
    resources: ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'],
    verbs: READ,
  },
  { apiGroups: [''], resources: ['serviceaccounts/token'], verbs: ['create'] },
];

const ADMIN_RULES: PolicyRule[] = [
  ...EDIT_RULES,
  {
    apiGroups: ['rbac.authorization.k8s.io'],
    resources: ['roles', 'rolebindings'],
    verbs: [...READ, ...WRITE],
  },
  {
    apiGroups: ['authorization.k8s.io'],
    resources: ['localsubjectaccessreviews'],
    verbs: ['create'],
  },
];

function clusterRole(name: string, rules: PolicyRule[]): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: {
      name,
      labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
    },
    rules,
  };
}

function bindingToGroup(
  name: string,
  roleName: string,
  group: string,
): KubeObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRoleBinding',
    metadata: {
      name,
      labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
    },
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: 'ClusterRole',
      name: roleName,
    },
    subjects: [
      { apiGroup: 'rbac.authorization.k8s.io', kind: 'Group', name: group },
    ],
  };
}

/**
 * The roles and bindings an API server bootstraps: the user-facing `view`, `edit`, `admin` and
 * `cluster-admin` (flattened: kube-sim runs no aggregation controller), cluster-admin for
 * system:masters, and discovery plus self-reviews for every authenticated user.
 */
export function defaultRbacObjects(): {
  clusterRoles: KubeObject[];
  clusterRoleBindings: KubeObject[];
} {
  return {
    clusterRoles: [
      clusterRole('cluster-admin', [
        { apiGroups: ['*'], resources: ['*'], verbs: ['*'] },
        { nonResourceURLs: ['*'], verbs: ['*'] },
      ]),
      clusterRole('admin', ADMIN_RULES),
      clusterRole('edit', EDIT_RULES),
      clusterRole('view', VIEW_RULES),
      clusterRole('system:discovery', [
        {
          nonResourceURLs: [
            '/api',
            '/api/*',
            '/apis',
            '/apis/*',
            '/healthz',
            '/livez',
            '/openapi',
            '/openapi/*',
            '/readyz',
            '/version',
            '/version/',
          ],
          verbs: ['get'],
        },
      ]),
      clusterRole('system:basic-user', [
        {
          apiGroups: ['authorization.k8s.io'],
          resources: ['selfsubjectaccessreviews', 'selfsubjectrulesreviews'],
          verbs: ['create'],
        },
        {
          apiGroups: ['authentication.k8s.io'],
          resources: ['selfsubjectreviews'],
          verbs: ['create'],
        },
      ]),
    ],
    clusterRoleBindings: [
      bindingToGroup('cluster-admin', 'cluster-admin', 'system:masters'),
      bindingToGroup(
        'system:discovery',
        'system:discovery',
        'system:authenticated',
      ),
      bindingToGroup(
        'system:basic-user',
        'system:basic-user',
        'system:authenticated',
      ),
    ],
  };
}
