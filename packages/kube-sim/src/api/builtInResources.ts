import { ResourceType } from './types';

/** The verbs of an ordinary resource, built in or custom. */
export const ALL_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];

function resource(
  group: string,
  version: string,
  kind: string,
  plural: string,
  options: {
    namespaced?: boolean;
    subresources?: string[];
    shortNames?: string[];
    verbs?: string[];
  } = {},
): ResourceType {
  return {
    group,
    version,
    kind,
    listKind: `${kind}List`,
    plural,
    singular: kind.toLowerCase(),
    namespaced: options.namespaced ?? true,
    shortNames: options.shortNames,
    subresources: options.subresources ?? [],
    verbs: options.verbs ?? ALL_VERBS,
  };
}

/** The built-in resources kube-sim serves: what the suite and Backstage's Kubernetes plugin use. */
export const builtInResources: ResourceType[] = [
  resource('', 'v1', 'Namespace', 'namespaces', {
    namespaced: false,
    subresources: ['status', 'finalize'],
    shortNames: ['ns'],
  }),
  resource('', 'v1', 'Node', 'nodes', {
    namespaced: false,
    subresources: ['status'],
    shortNames: ['no'],
  }),
  resource('', 'v1', 'Pod', 'pods', {
    subresources: ['status', 'log', 'eviction'],
    shortNames: ['po'],
  }),
  resource('', 'v1', 'Service', 'services', {
    subresources: ['status'],
    shortNames: ['svc'],
  }),
  resource('', 'v1', 'Endpoints', 'endpoints', { shortNames: ['ep'] }),
  resource('', 'v1', 'ConfigMap', 'configmaps', { shortNames: ['cm'] }),
  resource('', 'v1', 'Secret', 'secrets'),
  resource('', 'v1', 'ServiceAccount', 'serviceaccounts', {
    subresources: ['token'],
    shortNames: ['sa'],
  }),
  resource('', 'v1', 'PersistentVolumeClaim', 'persistentvolumeclaims', {
    subresources: ['status'],
    shortNames: ['pvc'],
  }),
  resource('', 'v1', 'PersistentVolume', 'persistentvolumes', {
    namespaced: false,
    subresources: ['status'],
    shortNames: ['pv'],
  }),
  resource('', 'v1', 'Event', 'events', { shortNames: ['ev'] }),
  resource('', 'v1', 'ResourceQuota', 'resourcequotas', {
    subresources: ['status'],
    shortNames: ['quota'],
  }),
  resource('', 'v1', 'LimitRange', 'limitranges', { shortNames: ['limits'] }),
  resource('apps', 'v1', 'Deployment', 'deployments', {
    subresources: ['status', 'scale'],
    shortNames: ['deploy'],
  }),
  resource('apps', 'v1', 'ReplicaSet', 'replicasets', {
    subresources: ['status', 'scale'],
    shortNames: ['rs'],
  }),
  resource('apps', 'v1', 'StatefulSet', 'statefulsets', {
    subresources: ['status', 'scale'],
    shortNames: ['sts'],
  }),
  resource('apps', 'v1', 'DaemonSet', 'daemonsets', {
    subresources: ['status'],
    shortNames: ['ds'],
  }),
  resource('apps', 'v1', 'ControllerRevision', 'controllerrevisions'),
  resource('batch', 'v1', 'Job', 'jobs', { subresources: ['status'] }),
  resource('batch', 'v1', 'CronJob', 'cronjobs', {
    subresources: ['status'],
    shortNames: ['cj'],
  }),
  resource(
    'autoscaling',
    'v2',
    'HorizontalPodAutoscaler',
    'horizontalpodautoscalers',
    { subresources: ['status'], shortNames: ['hpa'] },
  ),
  resource('networking.k8s.io', 'v1', 'Ingress', 'ingresses', {
    subresources: ['status'],
    shortNames: ['ing'],
  }),
  resource('networking.k8s.io', 'v1', 'NetworkPolicy', 'networkpolicies', {
    shortNames: ['netpol'],
  }),
  resource('rbac.authorization.k8s.io', 'v1', 'Role', 'roles'),
  resource('rbac.authorization.k8s.io', 'v1', 'RoleBinding', 'rolebindings'),
  resource('rbac.authorization.k8s.io', 'v1', 'ClusterRole', 'clusterroles', {
    namespaced: false,
  }),
  resource(
    'rbac.authorization.k8s.io',
    'v1',
    'ClusterRoleBinding',
    'clusterrolebindings',
    { namespaced: false },
  ),
  ...['SelfSubjectAccessReview', 'SelfSubjectRulesReview'].map(kind =>
    resource('authorization.k8s.io', 'v1', kind, `${kind.toLowerCase()}s`, {
      namespaced: false,
      verbs: ['create'],
    }),
  ),
  resource(
    'authentication.k8s.io',
    'v1',
    'SelfSubjectReview',
    'selfsubjectreviews',
    { namespaced: false, verbs: ['create'] },
  ),
  resource('policy', 'v1', 'PodDisruptionBudget', 'poddisruptionbudgets', {
    subresources: ['status'],
    shortNames: ['pdb'],
  }),
  resource('storage.k8s.io', 'v1', 'StorageClass', 'storageclasses', {
    namespaced: false,
    shortNames: ['sc'],
  }),
  resource(
    'apiextensions.k8s.io',
    'v1',
    'CustomResourceDefinition',
    'customresourcedefinitions',
    {
      namespaced: false,
      subresources: ['status'],
      shortNames: ['crd', 'crds'],
    },
  ),
  resource('metrics.k8s.io', 'v1beta1', 'PodMetrics', 'pods', {
    verbs: ['get', 'list'],
  }),
  resource('metrics.k8s.io', 'v1beta1', 'NodeMetrics', 'nodes', {
    namespaced: false,
    verbs: ['get', 'list'],
  }),
];

export function apiVersionOf(
  type: Pick<ResourceType, 'group' | 'version'>,
): string {
  return type.group ? `${type.group}/${type.version}` : type.version;
}
