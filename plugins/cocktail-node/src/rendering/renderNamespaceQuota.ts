import {
  CocktailQuota,
  ServiceMapEntityV1alpha1,
} from '@cocktailcloud/plugin-cocktail-common';
import { parseEntityRef } from '@backstage/catalog-model';
import {
  LABEL_MANAGED_BY,
  LABEL_SERVICE,
  LABEL_SERVICE_MAP,
  MANAGED_BY_COCKTAIL,
} from './labels';
import { Manifest } from './types';

/**
 * The name of the ResourceQuota the suite keeps in each ServiceMap's namespace.
 *
 * @public
 */
export const SERVICE_MAP_QUOTA_NAME = 'cocktail-quota';

/** Which ResourceQuota resource each field of a ServiceMap's quota limits. */
const QUOTA_RESOURCES: Array<[keyof CocktailQuota, string]> = [
  ['cpu', 'requests.cpu'],
  ['memory', 'requests.memory'],
  ['gpu', 'requests.nvidia.com/gpu'],
  ['storage', 'requests.storage'],
  ['pods', 'pods'],
];

/**
 * The ResourceQuota that enforces a ServiceMap's `spec.quota` in its namespace, limiting only
 * what the quota names; undefined when the ServiceMap assigns no quota.
 *
 * @public
 */
export function renderServiceMapQuota(
  serviceMap: ServiceMapEntityV1alpha1,
): Manifest | undefined {
  const quota = serviceMap.spec.quota ?? {};
  const hard: Record<string, string> = {};
  for (const [field, resource] of QUOTA_RESOURCES) {
    const value = quota[field];
    if (value !== undefined && value !== null) {
      hard[resource] = String(value);
    }
  }
  if (!Object.keys(hard).length) {
    return undefined;
  }
  const service = parseEntityRef(serviceMap.spec.service, {
    defaultKind: 'Service',
    defaultNamespace: serviceMap.metadata.namespace ?? 'default',
  });
  return {
    apiVersion: 'v1',
    kind: 'ResourceQuota',
    metadata: {
      name: SERVICE_MAP_QUOTA_NAME,
      namespace: serviceMap.spec.namespace,
      labels: {
        [LABEL_MANAGED_BY]: MANAGED_BY_COCKTAIL,
        [LABEL_SERVICE]: service.name,
        [LABEL_SERVICE_MAP]: serviceMap.metadata.name,
      },
    },
    spec: { hard },
  };
}
