/**
 * The names OpenAPI documents give their schemas, spelled as the Kubernetes API server spells
 * them: the Go package of the type, then its version and kind (`io.k8s.api.apps.v1.Deployment`).
 */

export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** The Go packages of the built-in API groups kube-sim serves. */
const BUILT_IN_PACKAGES: Record<string, string> = {
  '': 'io.k8s.api.core',
  apps: 'io.k8s.api.apps',
  batch: 'io.k8s.api.batch',
  autoscaling: 'io.k8s.api.autoscaling',
  policy: 'io.k8s.api.policy',
  'networking.k8s.io': 'io.k8s.api.networking',
  'rbac.authorization.k8s.io': 'io.k8s.api.rbac',
  'authorization.k8s.io': 'io.k8s.api.authorization',
  'authentication.k8s.io': 'io.k8s.api.authentication',
  'storage.k8s.io': 'io.k8s.api.storage',
  'apiextensions.k8s.io':
    'io.k8s.apiextensions-apiserver.pkg.apis.apiextensions',
  'metrics.k8s.io': 'io.k8s.metrics.pkg.apis.metrics',
};

export const META_V1 = 'io.k8s.apimachinery.pkg.apis.meta.v1';
export const OBJECT_META = `${META_V1}.ObjectMeta`;
export const LIST_META = `${META_V1}.ListMeta`;
export const LABEL_SELECTOR = `${META_V1}.LabelSelector`;
export const TIME = `${META_V1}.Time`;
export const MICRO_TIME = `${META_V1}.MicroTime`;
export const CONDITION = `${META_V1}.Condition`;
export const STATUS = `${META_V1}.Status`;
export const DELETE_OPTIONS = `${META_V1}.DeleteOptions`;
export const PATCH = `${META_V1}.Patch`;
export const QUANTITY = 'io.k8s.apimachinery.pkg.api.resource.Quantity';
export const INT_OR_STRING = 'io.k8s.apimachinery.pkg.util.intstr.IntOrString';

/** The kind of the scale subresource and the request of the token subresource. */
export const SCALE_GVK: GroupVersionKind = {
  group: 'autoscaling',
  version: 'v1',
  kind: 'Scale',
};
export const TOKEN_REQUEST_GVK: GroupVersionKind = {
  group: 'authentication.k8s.io',
  version: 'v1',
  kind: 'TokenRequest',
};

/**
 * A built-in group's Go package; a custom resource's group reversed, as the API server
 * names CRD schemas (`cluster.x-k8s.io` becomes `io.x-k8s.cluster`).
 */
function packageOfGroup(group: string): string {
  return BUILT_IN_PACKAGES[group] ?? group.split('.').reverse().join('.');
}

export function definitionNameOf(gvk: GroupVersionKind): string {
  return `${packageOfGroup(gvk.group)}.${gvk.version}.${gvk.kind}`;
}

/** A namer for the types of one built-in group version: `apiTypes('apps', 'v1')('DeploymentSpec')`. */
export function apiTypes(group: string, version: string) {
  return (typeName: string) =>
    definitionNameOf({ group, version, kind: typeName });
}

export const coreV1 = apiTypes('', 'v1');
