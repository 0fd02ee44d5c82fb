import {
  ServiceEntityV1alpha1,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { parseEntityRef } from '@backstage/catalog-model';
import { InputError } from '@backstage/errors';
import {
  ANNOTATION_ENTITY_REF,
  LABEL_MANAGED_BY,
  LABEL_SERVICE,
  LABEL_SERVICE_MAP,
  MANAGED_BY_COCKTAIL,
} from '../rendering/labels';
import { renderServiceMapQuota } from '../rendering/renderNamespaceQuota';
import { Manifest } from '../rendering/types';
import { LimitRangeDefaults, renderLimitRange } from './renderLimitRange';
import { renderNetworkPolicies } from './renderNetworkPolicies';
import { renderRoleBindings } from './renderRoleBindings';

/**
 * The label that names a ServiceMap's environment on its namespace.
 *
 * @public
 */
export const LABEL_ENVIRONMENT = 'cocktailcloud.io/environment';

/**
 * What a ServiceMap's namespace is provisioned from.
 *
 * @public
 */
export interface ServiceMapProvisioningInput {
  serviceMap: ServiceMapEntityV1alpha1;
  /** The Service that `serviceMap.spec.service` refers to: its owner and members get access. */
  service: ServiceEntityV1alpha1;
  /** Deny all traffic but DNS and traffic inside the namespace; off unless set. */
  defaultDenyNetworkPolicy?: boolean;
  /** Overrides for the container defaults the namespace gets when it has a quota. */
  limitRange?: LimitRangeDefaults;
}

/**
 * Everything that makes a ServiceMap's namespace, in apply order: the Namespace, its
 * ResourceQuota and the LimitRange that quota needs, a RoleBinding per Service role, and
 * optionally default-deny NetworkPolicies. A pure function: the same input gives the same
 * manifests.
 *
 * @public
 */
export function renderServiceMapProvisioning({
  serviceMap,
  service,
  defaultDenyNetworkPolicy = false,
  limitRange,
}: ServiceMapProvisioningInput): Manifest[] {
  checkServiceMatches(serviceMap, service);
  const namespace = serviceMap.spec.namespace;
  const labels = {
    [LABEL_MANAGED_BY]: MANAGED_BY_COCKTAIL,
    [LABEL_SERVICE]: service.metadata.name,
    [LABEL_SERVICE_MAP]: serviceMap.metadata.name,
  };
  const quota = renderServiceMapQuota(serviceMap);
  const manifests: Manifest[] = [
    {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: {
        name: namespace,
        labels: { ...labels, [LABEL_ENVIRONMENT]: serviceMap.spec.environment },
        annotations: {
          [ANNOTATION_ENTITY_REF]: `servicemap:${
            serviceMap.metadata.namespace ?? 'default'
          }/${serviceMap.metadata.name}`,
        },
      },
    },
  ];
  if (quota) {
    manifests.push(quota);
    if (limitsRequests(quota)) {
      manifests.push(renderLimitRange(namespace, labels, limitRange));
    }
  }
  manifests.push(...renderRoleBindings(service, serviceMap, labels));
  if (defaultDenyNetworkPolicy) {
    manifests.push(...renderNetworkPolicies(namespace, labels));
  }
  return manifests;
}

/**
 * True when the quota limits CPU or memory requests: then the API server refuses pods that do
 * not request them, and the namespace needs defaults. A quota on pods, storage or GPUs alone
 * does not.
 */
function limitsRequests(quota: Manifest): boolean {
  const hard = (quota.spec as { hard: Record<string, string> }).hard;
  return 'requests.cpu' in hard || 'requests.memory' in hard;
}

/** Refuses to give a Service's members access to the namespace of another Service's map. */
function checkServiceMatches(
  serviceMap: ServiceMapEntityV1alpha1,
  service: ServiceEntityV1alpha1,
) {
  const expected = parseEntityRef(serviceMap.spec.service, {
    defaultKind: 'Service',
    defaultNamespace: serviceMap.metadata.namespace ?? 'default',
  });
  const actualNamespace = service.metadata.namespace ?? 'default';
  if (
    expected.kind.toLocaleLowerCase('en-US') !== 'service' ||
    expected.namespace !== actualNamespace ||
    expected.name !== service.metadata.name
  ) {
    throw new InputError(
      `ServiceMap ${serviceMap.metadata.name} belongs to ${serviceMap.spec.service}, not to service:${actualNamespace}/${service.metadata.name}`,
    );
  }
}
